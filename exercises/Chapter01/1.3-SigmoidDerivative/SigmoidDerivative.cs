namespace DeepLearningKata.Exercises;

public static partial class Chapter1
{
    /// <summary>
    /// Exercise 1.3 — the derivative (gradient) of the sigmoid, for every element of <paramref name="x"/>.
    /// </summary>
    /// <remarks>
    /// <code>
    /// Formula:  σ'(x) = σ(x) · (1 − σ(x)),   where σ(x) = 1 / (1 + e^(−x))
    /// Shapes:   x of any shape  →  a tensor of the same shape
    /// Example:  SigmoidDerivative([1, 2, 3])  =  [0.19661193, 0.10499359, 0.045176660]
    /// Hint:     s = Earlier.Sigmoid(x) is your exercise 1.2; then s * (1 - s) works element by
    ///           element, as in NumPy. Use s, not x, inside the parentheses.
    /// Grade it: ./run-checks.sh --exercise 1.3     (or: dotnet test --filter Name~1.3)
    /// </code>
    /// </remarks>
    public static Tensor SigmoidDerivative(Tensor x)
    {
        // TODO: compute s = σ(x), then return s · (1 − s).
        throw new NotImplementedException("Exercise 1.3 (SigmoidDerivative) is not started yet.");
    }
}
