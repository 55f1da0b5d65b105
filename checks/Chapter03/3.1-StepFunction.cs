using DeepLearningKata.Contracts;

namespace DeepLearningKata.Checks.Chapter03;

[Exercise("3.1", "StepFunction")]
public sealed class StepFunctionChecks
{
    private static string Hint => Say("comparing a Tensor with a number gives 1.0 where the comparison holds and 0.0 elsewhere; the step is 1 only " +
                                "above 0, so 0 itself gives 0. More: ./run-checks.sh --hint 3.1", "Tensor 与数比较，在比较成立处给出 1.0，其余给出 0.0；阶跃只在大于 0 时为 1，所以 0 本身给出 0。更多：./run-checks.sh --hint 3.1 --lang zh");

    [Check("gives the worked example, 0 at exactly 0",
           "给出示例的结果，恰好为 0 时输出 0")]
    public void WorkedExample(IChapter3 c)
    {
        Tensor x = new[] { -1.0, 0.0, 1.0, 2.0 };
        Expect.Close(c.StepFunction(x.Copy()), Tensor.From(0, 0, 1, 1), "StepFunction([-1, 0, 1, 2])", Tolerance.Value, [Expect.Input("x", x)],
            Say("h(x) = 1 only where x > 0: at exactly 0 the step has not happened yet, so h(0) = 0 (> rather than >=).", "只有 x > 0 处 h(x) = 1：恰好为 0 时还没有跃变，所以 h(0) = 0（用 > 而不是 >=）。"));
    }

    [Check("is 0 or 1 everywhere, 1 exactly where x > 0, on random tensors of any shape",
           "在任意形状的随机张量上处处为 0 或 1，且恰好在 x > 0 处为 1")]
    public void ZeroOrOneByTheSign(IChapter3 c) =>
        Properties.ForAll("3.1 step", Gens.Tensor(-5, 5, 3, 4, 2), tc =>
        {
            var x = tc.Value;
            var y = c.StepFunction(x.Copy());
            Expect.Shape(y, x.Shape, "StepFunction(x)", [Expect.Input("x", x)], Say("return one element for every element of x, in x's shape.", "x 的每个元素对应返回一个元素，形状与 x 相同。"));
            var notBinary = y.ToArray().Select((v, i) => (v, i)).FirstOrDefault(p => p.v != 0.0 && p.v != 1.0, (v: 0.0, i: -1));
            Expect.That(notBinary.i < 0, Say("StepFunction(x) returned something other than 0 and 1.", "StepFunction(x) 返回了 0 和 1 以外的值。"),
                [Expect.Input("x", x), (Say("your answer", "你的结果"), y.ToString()),
                 (Say("first offender", "第一个不对的"), Say($"element {notBinary.i}: x = {Tensor.FormatNumber(x.AsSpan()[Math.Max(0, notBinary.i)])} gave {Tensor.FormatNumber(notBinary.v)}",
                                                     $"元素 {notBinary.i}：x = {Tensor.FormatNumber(x.AsSpan()[Math.Max(0, notBinary.i)])} 得到 {Tensor.FormatNumber(notBinary.v)}"))],
                Say("the step function only ever answers 0 or 1: it keeps the sign of x, not its size, and gives 0 (not −1) below 0.", "阶跃函数只会输出 0 或 1：它保留的是 x 的符号而不是大小，小于 0 时给出 0（不是 −1）。"));
            Expect.Close(y, x.Apply(v => v > 0 ? 1.0 : 0.0), "StepFunction(x)", Tolerance.Value, [Expect.Input("x", x)], Hint);
        }, Gens.Shrink);

    [Check("leaves its input unchanged",
           "不修改输入")]
    public void LeavesInputAlone(IChapter3 c)
    {
        Tensor x = new[,] { { -1.5, 0.0 }, { 0.5, 2.0 } };
        var before = x.Copy();
        c.StepFunction(x);
        Expect.Unchanged(before, x, "StepFunction(x)", "x");
    }

    [Check("draws the book's step on [-5, 5) (plotted golden)",
           "在 [-5, 5) 上画出书中的阶跃函数（黄金图像）")]
    public void PlottedGolden(IChapter3 c)
    {
        var x = Tensor.Arange(-5.0, 5.0, 0.1);
        var y = c.StepFunction(x.Copy());
        Expect.Shape(y, x.Shape, "StepFunction(Tensor.Arange(-5.0, 5.0, 0.1))", hint: Say("return one element for every element of x.", "x 的每个元素对应返回一个元素。"));
        Plots.Verify("step", new Figure("Step function", "x", "y", [new Series("step", x.ToArray(), y.ToArray())], -0.1, 1.1),
            Tolerance.Value, Hint);
    }
}
