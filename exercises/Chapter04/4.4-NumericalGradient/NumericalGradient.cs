namespace DeepLearningKata.Exercises;

public static partial class Chapter4
{
    /// <summary>
    /// Exercise 4.4 — the gradient of <paramref name="f"/> at <paramref name="x"/>: the partial derivative
    /// ∂f/∂x_i of every element, each by a central difference.
    /// </summary>
    /// <remarks>
    /// <code>
    /// Formula:  grad_i = (f(x with x_i + h) − f(x with x_i − h)) / (2h),   h = 1e-4,   for every element i
    /// Shapes:   f: Tensor → double,  x of any shape  →  a gradient of x's shape
    /// Example:  f(x) = x0² + x1²:
    ///           NumericalGradient(f, [3, 4]) ≈ [6, 8],   [0, 2] → [0, 4],   [3, 0] → [6, 0]
    /// Hint:     Nudge x itself, in place: keep tmp = x.AsSpan()[i], set it to tmp + h and call f(x),
    ///           set it to tmp − h and call f(x), then put tmp back. Put it back before moving on — otherwise
    ///           every later element is differentiated at the wrong point, and x is changed for the caller.
    ///           Don't nudge a copy: in 4.8, f ignores its argument and reads the nudged tensor through
    ///           the network. x.AsSpan() walks every element of any shape in order.
    /// Grade it: ./run-checks.sh --exercise 4.4     (or: dotnet test --filter Name~4.4)
    /// </code>
    /// </remarks>
    public static Tensor NumericalGradient(Func<Tensor, double> f, Tensor x)
    {
        // TODO: grad = Tensor.ZerosLike(x); for each element: nudge up, nudge down, difference, restore.
        throw new NotImplementedException("Exercise 4.4 (NumericalGradient) is not started yet.");
    }
}
