namespace DeepLearningKata.Exercises;

public static partial class Chapter1
{
    /// <summary>
    /// Exercise 1.2 — the sigmoid of every element of <paramref name="x"/>, a tensor of any shape.
    /// </summary>
    /// <remarks>
    /// <code>
    /// Formula:  σ(x)[i] = 1 / (1 + e^(−x[i]))   for every element i
    /// Shapes:   x of any shape (n), (m, n), (h, w, c), …  →  a tensor of the same shape
    /// Example:  Sigmoid([1, 2, 3])  =  [0.73105858, 0.88079708, 0.95257413]
    /// Hint:     Write it as in NumPy, 1 / (1 + np.exp(-x)): Np.Exp(-x) applies e^v to every
    ///           element, and 1.0 + t and 1.0 / t work element by element, so the shape comes
    ///           out right by itself. No loop needed.
    /// Grade it: ./run-checks.sh --exercise 1.2     (or: dotnet test --filter Name~1.2)
    /// </code>
    /// </remarks>
    public static Tensor Sigmoid(Tensor x)
    {
        // TODO: return 1 / (1 + e^(−x)) element-wise, e.g. [0, 3] -> [0.5, 0.95257413].
        throw new NotImplementedException("Exercise 1.2 (Sigmoid) is not started yet.");
    }
}
