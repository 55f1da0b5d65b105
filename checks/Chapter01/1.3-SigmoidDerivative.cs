using DeepLearningKata.Contracts;

namespace DeepLearningKata.Checks.Chapter01;

[Exercise("1.3", "SigmoidDerivative")]
public sealed class SigmoidDerivativeChecks
{
    private static string Hint => Say("σ'(x) is written with σ(x) itself, computed once with Earlier.Sigmoid (your 1.2): use σ(x), not x, in both " +
                                "factors, and mind the sign inside the parentheses. More: ./run-checks.sh --hint 1.3", "σ'(x) 可以用 σ(x) 本身写出，用 Earlier.Sigmoid（你的 1.2）算一次即可：两个因子里用的都是 σ(x)，不是 x，并注意括号里的符号。更多：./run-checks.sh --hint 1.3 --lang zh");

    private static double Sigma(double v) => 1.0 / (1.0 + Math.Exp(-v));

    [Check("gives the seed's worked example",
           "给出原作业中示例的结果")]
    public void WorkedExample(IChapter1 c)
    {
        Tensor x = new[] { 1.0, 2.0, 3.0 };
        var expected = Tensor.From(0.19661193324148185, 0.10499358540350662, 0.045176659730912);
        Expect.Close(c.SigmoidDerivative(x), expected, "SigmoidDerivative([1, 2, 3])", Tolerance.Value, [Expect.Input("x", x)], Hint);
    }

    [Check("matches the numerical derivative of σ on random tensors",
           "在随机张量上与 σ 的数值导数一致")]
    public void MatchesNumericalDerivative(IChapter1 c) =>
        Properties.ForAll("1.3 numerical derivative", Gens.Tensor(-6, 6, 3, 4), tc =>
        {
            var x = tc.Value;
            var numerical = Numerical.ElementwiseDerivative(Sigma, x);
            Expect.Close(c.SigmoidDerivative(x.Copy()), numerical, "SigmoidDerivative(x)", Tolerance.Gradient,
                [Expect.Input("x", x)], Hint, expectedNote: Say("central difference of σ with h = 1e-5", "σ 的中心差分，h = 1e-5"));
        }, Gens.Shrink);

    [Check("is finite and tends to 0 far from the origin",
           "远离原点时是有限值并趋于 0")]
    public void FiniteInTheTails(IChapter1 c)
    {
        Tensor x = new[] { -800.0, -40.0, 40.0, 800.0 };
        var y = c.SigmoidDerivative(x.Copy());
        Expect.Close(y, Tensor.Zeros(4), "SigmoidDerivative([-800, -40, 40, 800])", new Tolerance(1e-15, 0), [Expect.Input("x", x)],
            Say("for large |x|, σ(x) is 0 or 1, so σ(x)·(1 − σ(x)) is 0; NaN here usually means computing e^x / (1 + e^x)² directly.", "|x| 很大时 σ(x) 是 0 或 1，所以 σ(x)·(1 − σ(x)) 是 0；这里出现 NaN 通常是因为直接计算了 e^x / (1 + e^x)²。"));
    }

    [Check("leaves its input unchanged",
           "不修改输入")]
    public void LeavesInputAlone(IChapter1 c)
    {
        Tensor x = new[,] { { -1.0, 0.0 }, { 0.5, 2.0 } };
        var before = x.Copy();
        c.SigmoidDerivative(x);
        Expect.Unchanged(before, x, "SigmoidDerivative(x)", "x");
    }

    [Check("reproduces the golden examples",
           "重现黄金文件中的例子")]
    public void GoldenExamples(IChapter1 c)
    {
        var x = Tensor.Arange(-5, 5, 0.5).Reshape(4, 5);
        Golden.Verify("examples", new GoldenRecord { { "x", x }, { "SigmoidDerivative(x)", c.SigmoidDerivative(x.Copy()) } }, Tolerance.Value, Hint);
    }
}
