namespace DeepLearningKata.Exercises;

public static partial class Chapter4
{
    /// <summary>
    /// Exercise 4.3 — the derivative of <paramref name="f"/> at <paramref name="x"/> by numerical
    /// differentiation: the slope between two points a small step h either side of x.
    /// </summary>
    /// <remarks>
    /// <code>
    /// Formula:  f'(x) ≈ (f(x + h) − f(x − h)) / (2h),   h = 1e-4       (the central difference)
    /// Shapes:   a function double → double and a point x  →  one number
    /// Example:  f(x) = 0.01x² + 0.1x      (its true derivative is 0.02x + 0.1)
    ///           NumericalDiff(f, 5)  = 0.1999999999990898   (true value 0.2)
    ///           NumericalDiff(f, 10) = 0.2999999999997449   (true value 0.3)
    /// Hint:     Two classic mistakes from the book: h = 1e-50 is so small that x + h == x in double
    ///           precision (the answer becomes 0), and the forward difference (f(x + h) − f(x)) / h is
    ///           less accurate than the central one. Use h = 1e-4 and both sides of x.
    /// Grade it: ./run-checks.sh --exercise 4.3     (or: dotnet test --filter Name~4.3)
    /// </code>
    /// </remarks>
    public static double NumericalDiff(Func<double, double> f, double x)
    {
        // TODO: h = 1e-4; return (f(x + h) − f(x − h)) / (2h).
        throw new NotImplementedException("Exercise 4.3 (NumericalDiff) is not started yet.");
    }
}
