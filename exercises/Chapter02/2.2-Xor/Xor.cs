namespace DeepLearningKata.Exercises;

public static partial class Chapter2
{
    /// <summary>
    /// Exercise 2.2 — the XOR gate (exclusive or): 1 when exactly one input is 1. No single
    /// perceptron can do it, because no straight line separates its ones from its zeros; two
    /// layers of perceptrons can.
    /// </summary>
    /// <remarks>
    /// <code>
    /// Formula:  s1 = Nand(x1, x2),  s2 = Or(x1, x2)      (layer 1)
    ///           y  = And(s1, s2)                         (layer 2)
    /// Shapes:   two numbers (0 or 1)  →  0 or 1
    /// Example:  x1 x2 | s1 s2 | y
    ///            0  0 |  1  0 | 0
    ///            1  0 |  1  1 | 1
    ///            0  1 |  1  1 | 1
    ///            1  1 |  0  1 | 0
    /// Hint:     use your gates from exercise 2.1 as Earlier.Nand, Earlier.Or and Earlier.And.
    ///           One perceptron with cleverer weights cannot work: draw the four points.
    /// Grade it: ./run-checks.sh --exercise 2.2     (or: dotnet test --filter Name~2.2)
    /// </code>
    /// </remarks>
    public static int Xor(double x1, double x2)
    {
        // TODO: compute the two first-layer outputs, then feed them to the second layer.
        throw new NotImplementedException("Exercise 2.2 (Xor) is not started yet.");
    }
}
