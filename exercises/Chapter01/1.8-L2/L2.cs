namespace DeepLearningKata.Exercises;

public static partial class Chapter1
{
    /// <summary>
    /// Exercise 1.8 — the L2 loss: the sum of the squared differences between the predictions
    /// <paramref name="yhat"/> and the true labels <paramref name="y"/>.
    /// </summary>
    /// <remarks>
    /// <code>
    /// Formula:  L2(ŷ, y) = Σ_i (y[i] − ŷ[i])²        (a sum: no square root, no division by the count)
    /// Shapes:   yhat and y of the same shape (m) (or any shape)  →  one double
    /// Example:  yhat = [0.9, 0.2, 0.1, 0.4, 0.9],  y = [1, 0, 0, 1, 1]
    ///           L2(yhat, y) = 0.01 + 0.04 + 0.01 + 0.36 + 0.01 = 0.43
    /// Hint:     With d = y - yhat, Np.Sum(d * d) works; so does np.dot(d, d), the dot product of d
    ///           with itself: Np.Dot(d.Flatten(), d.Flatten()).Item(). Not Np.Norm, which takes the
    ///           square root, and not Mean, which divides by the number of elements.
    /// Grade it: ./run-checks.sh --exercise 1.8     (or: dotnet test --filter Name~1.8)
    /// </code>
    /// </remarks>
    public static double L2(Tensor yhat, Tensor y)
    {
        // TODO: return the sum of (y − yhat)² over all elements, e.g. ([0.4], [1]) -> 0.36.
        throw new NotImplementedException("Exercise 1.8 (L2) is not started yet.");
    }
}
