namespace DeepLearningKata.Exercises;

public static partial class Chapter3
{
    /// <summary>
    /// Exercise 3.2 — the sigmoid, a smooth step: it squeezes every element into (0, 1).
    /// </summary>
    /// <remarks>
    /// <code>
    /// Formula:  σ(x) = 1 / (1 + e^(−x))                        (element by element)
    /// Shapes:   x of any shape  →  a tensor of the same shape
    /// Example:  Sigmoid([-1.0, 1.0, 2.0])  =  [0.26894142, 0.73105858, 0.88079708]
    /// Hint:     1.0 / (1.0 + Np.Exp(-x)) reads like NumPy's 1 / (1 + np.exp(-x)). For x = −800,
    ///           e^800 is +∞ and 1 / (1 + ∞) is 0, the right limit; e^x / (1 + e^x) would give ∞/∞ = NaN.
    ///           The checks plot it on Tensor.Arange(-5.0, 5.0, 0.1) like the book's figure.
    /// Grade it: ./run-checks.sh --exercise 3.2     (or: dotnet test --filter Name~3.2)
    /// </code>
    /// </remarks>
    public static Tensor Sigmoid(Tensor x)
    {
        // TODO: return 1 / (1 + e^(−x)) for every element.
        throw new NotImplementedException("Exercise 3.2 (Sigmoid) is not started yet.");
    }

    /// <summary>
    /// Exercise 3.2 — ReLU (rectified linear unit): passes positive elements through, turns the rest into 0.
    /// </summary>
    /// <remarks>
    /// <code>
    /// Formula:  relu(x) = max(0, x)  =  x if x &gt; 0,  0 if x ≤ 0     (element by element)
    /// Shapes:   x of any shape  →  a tensor of the same shape
    /// Example:  Relu([-2.0, 0.0, 0.5, 3.0])  =  [0, 0, 0.5, 3]
    /// Hint:     Np.Maximum(0.0, x), as np.maximum(0, x). Not Np.Max: that is the largest element.
    ///           Return a new tensor; writing zeros into x would change the caller's data.
    ///           The checks plot it on Tensor.Arange(-6.0, 6.0, 0.1) like the book's figure.
    /// </code>
    /// </remarks>
    public static Tensor Relu(Tensor x)
    {
        // TODO: return max(0, x) for every element.
        throw new NotImplementedException("Exercise 3.2 (Relu) is not started yet.");
    }

    /// <summary>
    /// Exercise 3.2 — the identity function, the output layer's activation for regression: y = x.
    /// </summary>
    /// <remarks>
    /// <code>
    /// Formula:  identity(x) = x
    /// Shapes:   x of any shape  →  the same values in the same shape
    /// Example:  Identity([[0.3, -1.5], [2.0, 0.0]])  =  [[0.3, -1.5], [2.0, 0.0]]
    /// Hint:     the shortest exercise of the kata. It exists so that every layer of 3.4's network
    ///           ends in an activation, the last one included.
    /// </code>
    /// </remarks>
    public static Tensor Identity(Tensor x)
    {
        // TODO: return x (or a copy of it).
        throw new NotImplementedException("Exercise 3.2 (Identity) is not started yet.");
    }
}
