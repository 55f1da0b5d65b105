namespace DeepLearningKata.Exercises;

public static partial class Chapter4
{
    /// <summary>
    /// Exercise 4.1 — the mean squared error, the book's first loss function: how far the network's
    /// output <paramref name="y"/> is from the targets <paramref name="t"/>.
    /// </summary>
    /// <remarks>
    /// <code>
    /// Formula:  E = ½ · Σ_k (y_k − t_k)²      (a sum over every element; the book calls it "mean", but there is no 1/n)
    /// Shapes:   y and t of the same shape (any)  →  one number
    /// Example:  t = [0, 0, 1, 0, 0, 0, 0, 0, 0, 0]           (the correct class is 2)
    ///           y = [0.1, 0.05, 0.6, 0, 0.05, 0.1, 0, 0.1, 0, 0]
    ///           MeanSquaredError(y, t) = 0.0975      (with the 0.6 on class 7 instead: 0.5975)
    /// Hint:     NumPy's 0.5 * np.sum((y - t)**2) reads the same with tensors: (y - t) is element-wise,
    ///           d * d squares every element, .Sum() adds them up. Don't forget the ½.
    /// Grade it: ./run-checks.sh --exercise 4.1     (or: dotnet test --filter Name~4.1)
    /// </code>
    /// </remarks>
    public static double MeanSquaredError(Tensor y, Tensor t)
    {
        // TODO: d = y − t, then ½ · the sum of d².
        throw new NotImplementedException("Exercise 4.1 (MeanSquaredError) is not started yet.");
    }
}
