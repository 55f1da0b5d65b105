namespace DeepLearningKata.Exercises;

public static partial class Chapter1
{
    /// <summary>
    /// Exercise 1.1 — the sigmoid (logistic) function of one number.
    /// </summary>
    /// <remarks>
    /// <code>
    /// Formula:  σ(x) = 1 / (1 + e^(−x))
    /// Shapes:   one double in  →  one double out, strictly between 0 and 1
    /// Example:  BasicSigmoid(3)  =  0.95257413         (and BasicSigmoid(0) = 0.5)
    /// Hint:     Math.Exp(v) is e^v. Keep the minus sign in e^(−x). For x = −800, e^(800) is
    ///           +∞ in double precision and 1 / (1 + ∞) = 0, which is fine; but a formula that
    ///           divides ∞ by ∞ (e^x / (1 + e^x) with a large x) gives NaN.
    /// Grade it: ./run-checks.sh --exercise 1.1     (or: dotnet test --filter Name~1.1)
    /// </code>
    /// </remarks>
    public static double BasicSigmoid(double x)
    {
        // TODO: return 1 / (1 + e^(−x)); e.g. 0 -> 0.5, 3 -> 0.95257413.
        throw new NotImplementedException("Exercise 1.1 (BasicSigmoid) is not started yet.");
    }
}
