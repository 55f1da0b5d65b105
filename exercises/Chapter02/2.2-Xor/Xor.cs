namespace DeepLearningKata.Exercises;

public static partial class Chapter2
{
    /// <summary>
    /// Exercise 2.2 — the XOR gate (exclusive or): 1 when exactly one input is 1. No single
    /// perceptron can do it, because no straight line separates its ones from its zeros; two
    /// layers of perceptrons can.
    /// 练习 2.2 — 异或门（XOR）：恰好有一个输入是 1 时输出 1。单个感知机做不到，因为没有一条直线
    /// 能把输出 1 的点和输出 0 的点分开；两层感知机就可以。
    /// </summary>
    /// <remarks>
    /// <code>
    /// Formula:  s1 = Nand(x1, x2),  s2 = Or(x1, x2)      (layer 1)
    ///           y  = And(s1, s2)                         (layer 2)
    /// Shapes:   x1, x2 ∈ {0, 1}  →  y ∈ {0, 1}
    /// Example:  x1 x2 | s1 s2 | y
    ///            0  0 |  1  0 | 0
    ///            1  0 |  1  1 | 1
    ///            0  1 |  1  1 | 1
    ///            1  1 |  0  1 | 0
    /// Hint:     use your gates from exercise 2.1 as Earlier.Nand, Earlier.Or and Earlier.And.
    ///           One perceptron with cleverer weights cannot work: draw the four points.
    /// 提示:     通过 Earlier.Nand、Earlier.Or 和 Earlier.And 使用你在练习 2.1 中写的门。
    ///           换一组更巧妙的权重也救不了单个感知机：把这四个点画出来看看。
    /// Grade it: ./run-checks.sh --exercise 2.2     (or: dotnet test --filter TestCategory=2.2)
    /// </code>
    /// </remarks>
    public static int Xor(double x1, double x2)
    {
        // TODO: return x1 XOR x2, computed by your gates of 2.1 in two layers (see the Formula).
        throw new NotImplementedException("Exercise 2.2 (Xor) is not started yet.");
    }
}
