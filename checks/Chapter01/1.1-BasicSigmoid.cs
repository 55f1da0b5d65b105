using DeepLearningKata.Contracts;

namespace DeepLearningKata.Checks.Chapter01;

[Exercise("1.1", "BasicSigmoid")]
public sealed class BasicSigmoidChecks
{
    private static string Hint => Say("σ(x) = 1 / (1 + e^(−x)): Math.Exp gives e to a power; keep the minus in the exponent and the exponential in " +
                                "the denominator. More: ./run-checks.sh --hint 1.1", "σ(x) = 1 / (1 + e^(−x))：Math.Exp 求 e 的幂；指数里的负号不能丢，指数函数要放在分母里。更多：./run-checks.sh --hint 1.1 --lang zh");

    private static string Precision => Say(" If expected and your answer look alike, they differ past the 8th digit: compute in double (Math.Exp), " +
                                     "not float (MathF.Exp), which keeps only about 7 digits.", " 如果期望值和你的结果看起来一样，它们是在第 8 位数字之后才不同：用 double（Math.Exp）计算，不要用 float（MathF.Exp），float 只有大约 7 位有效数字。");

    private static double Sigma(double v) => 1.0 / (1.0 + Math.Exp(-v));

    private static (string, string) In(double x) => ("x", Tensor.FormatNumber(x));

    [Check("gives the worked examples",
           "给出示例的结果")]
    public void WorkedExamples(IChapter1 c)
    {
        Expect.Close(c.BasicSigmoid(3), 0.9525741268224334, "BasicSigmoid(3)", Tolerance.Value, [In(3)], Hint + Precision);
        Expect.Close(c.BasicSigmoid(0), 0.5, "BasicSigmoid(0)", Tolerance.Value, [In(0)], Hint + Precision);
        Expect.Close(c.BasicSigmoid(-1), 0.2689414213699951, "BasicSigmoid(-1)", Tolerance.Value, [In(-1)], Hint + Precision);
    }

    [Check("matches 1 / (1 + e^(−x)) on random numbers",
           "在随机数上与 1 / (1 + e^(−x)) 一致")]
    public void MatchesFormula(IChapter1 c) =>
        Properties.ForAll("1.1 formula", Gens.Double(-20, 20), x =>
            Expect.Close(c.BasicSigmoid(x), Sigma(x), $"BasicSigmoid({Tensor.FormatNumber(x)})", Tolerance.Value, [In(x)],
                Hint + Precision),
            ShrinkNumber);

    [Check("lies strictly between 0 and 1",
           "严格位于 0 和 1 之间")]
    public void BetweenZeroAndOne(IChapter1 c) =>
        Properties.ForAll("1.1 range", Gens.Double(-20, 20), x =>
        {
            var s = c.BasicSigmoid(x);
            Expect.That(s > 0 && s < 1, Say($"BasicSigmoid({Tensor.FormatNumber(x)}) = {Tensor.FormatNumber(s)} is not strictly between 0 and 1.", $"BasicSigmoid({Tensor.FormatNumber(x)}) = {Tensor.FormatNumber(s)} 不严格位于 0 和 1 之间。"),
                [In(x)], Say("1 + e^(−x) is greater than 1, so its reciprocal lies in (0, 1); tanh or x / (1 + |x|) would go below 0.", "1 + e^(−x) 大于 1，所以它的倒数位于 (0, 1) 内；tanh 或 x / (1 + |x|) 会小于 0。"));
        }, ShrinkNumber);

    [Check("is symmetric: σ(−x) = 1 − σ(x)",
           "满足对称性：σ(−x) = 1 − σ(x)")]
    public void Symmetric(IChapter1 c) =>
        Properties.ForAll("1.1 symmetry", Gens.Double(-20, 20), x =>
        {
            var sum = c.BasicSigmoid(x) + c.BasicSigmoid(-x);
            Expect.Close(sum, 1.0, $"BasicSigmoid({Tensor.FormatNumber(x)}) + BasicSigmoid({Tensor.FormatNumber(-x)})", Tolerance.Value, [In(x)],
                Say("σ(x) + σ(−x) must be 1 for every x; ", "对每个 x，σ(x) + σ(−x) 都必须等于 1；") + Hint);
        }, ShrinkNumber);

    [Check("gives 0 and 1, not NaN, for very large |x|",
           "|x| 很大时给出 0 和 1，而不是 NaN")]
    public void FiniteForLargeInputs(IChapter1 c)
    {
        var tails = Say("for very negative x, e^(−x) overflows to ∞ and 1 / (1 + ∞) = 0 is right; " +
                             "NaN means a formula divides ∞ by ∞ (e^x / (1 + e^x), or 1 − e^(−x) / (1 + e^(−x))): use 1 / (1 + e^(−x)).", "x 很负时，e^(−x) 溢出为 ∞，1 / (1 + ∞) = 0 是对的；出现 NaN 说明公式里有 ∞ 除以 ∞（e^x / (1 + e^x)，或 1 − e^(−x) / (1 + e^(−x))）：请用 1 / (1 + e^(−x))。");
        foreach (var x in new[] { -1000.0, -800.0, -40.0 })
        {
            Expect.Close(c.BasicSigmoid(x), Sigma(x), $"BasicSigmoid({Tensor.FormatNumber(x)})", Tolerance.Value, [In(x)], tails);
        }
        foreach (var x in new[] { 40.0, 800.0, 1000.0 })
        {
            Expect.Close(c.BasicSigmoid(x), 1.0, $"BasicSigmoid({Tensor.FormatNumber(x)})", Tolerance.Value, [In(x)], tails);
        }
    }

    [Check("reproduces the golden examples",
           "重现黄金文件中的例子")]
    public void GoldenExamples(IChapter1 c)
    {
        var x = Tensor.Arange(-6, 6.5, 0.5);
        var s = x.Apply(c.BasicSigmoid);
        Golden.Verify("examples", new GoldenRecord { { "x", x }, { "BasicSigmoid(x)", s } }, Tolerance.Value, Hint);
    }

    /// <summary>Smaller numbers: 0, the number rounded, half of it rounded (−0 written as 0).</summary>
    private static IEnumerable<double> ShrinkNumber(double x)
    {
        if (x == 0) yield break;
        yield return 0;
        var rounded = Math.Round(x) + 0.0;
        if (rounded != x) yield return rounded;
        if (Math.Abs(x) >= 2) yield return Math.Round(x / 2) + 0.0;
    }
}
