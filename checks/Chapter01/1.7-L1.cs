using DeepLearningKata.Contracts;

namespace DeepLearningKata.Checks.Chapter01;

[Exercise("1.7", "L1")]
public sealed class L1Checks
{
    private static string Hint => Say("L1 = Σ|y − ŷ|: the absolute value of every difference (Np.Abs), then their sum over all elements (not the " +
                                "mean). More: ./run-checks.sh --hint 1.7", "L1 = Σ|y − ŷ|：先对每个差取绝对值（Np.Abs），再对所有元素求和（不是求平均）。更多：./run-checks.sh --hint 1.7 --lang zh");

    private static string SignHint => Say("Every term |y[i] − ŷ[i]| is ≥ 0, so errors of opposite signs must not cancel out: " +
                                    "take the absolute value of each difference before summing, not of the sum.", "每一项 |y[i] − ŷ[i]| 都 ≥ 0，所以符号相反的误差不能相互抵消：先对每个差取绝对值再求和，而不是对和取绝对值。");

    private static double Expected(Tensor yhat, Tensor y)
    {
        var sum = 0.0;
        for (var i = 0; i < y.Size; i++) sum += Math.Abs(y.AsSpan()[i] - yhat.AsSpan()[i]);
        return sum;
    }

    private static (string, string)[] Inputs(Tensor yhat, Tensor y) => [Expect.Input("yhat", yhat), Expect.Input("y", y)];

    [Check("gives the worked example",
           "给出示例的结果")]
    public void WorkedExample(IChapter1 c)
    {
        Tensor yhat = new[] { 0.9, 0.2, 0.1, 0.4, 0.9 };
        Tensor y = new[] { 1.0, 0.0, 0.0, 1.0, 1.0 };
        Expect.Close(c.L1(yhat, y), 1.1, "L1([0.9, 0.2, 0.1, 0.4, 0.9], [1, 0, 0, 1, 1])", Tolerance.Value, Inputs(yhat, y), Hint);
    }

    [Check("matches Σ|y − ŷ| on random inputs",
           "在随机输入上与 Σ|y − ŷ| 一致")]
    public void MatchesFormula(IChapter1 c) =>
        Properties.ForAll("1.7 formula", LossCase.Pairs, p =>
            Expect.Close(c.L1(p.Yhat.Copy(), p.Y.Copy()), Expected(p.Yhat, p.Y), "L1(yhat, y)", Tolerance.Value, Inputs(p.Yhat, p.Y), Hint),
            LossCase.Shrink);

    [Check("is never negative, and zero when ŷ = y",
           "从不为负，ŷ = y 时为零")]
    public void NonNegative(IChapter1 c) =>
        Properties.ForAll("1.7 non-negative", LossCase.Pairs, p =>
        {
            var loss = c.L1(p.Yhat.Copy(), p.Y.Copy());
            Expect.That(loss >= 0, Say($"L1(yhat, y) = {Tensor.FormatNumber(loss)} is negative.", $"L1(yhat, y) = {Tensor.FormatNumber(loss)} 是负的。"), Inputs(p.Yhat, p.Y), SignHint);
            Expect.Close(c.L1(p.Y.Copy(), p.Y.Copy()), 0.0, "L1(y, y)", Tolerance.Value, [Expect.Input("y", p.Y)],
                Say("when the prediction equals the labels, every difference is 0, and so is the loss.", "预测等于标签时，每个差都是 0，损失也是 0。"));
        }, LossCase.Shrink);

    [Check("counts differences of opposite sign, which would cancel in a plain sum",
           "符号相反的差也要计入（直接求和时它们会相互抵消）")]
    public void ZeroOnlyWhenEqual(IChapter1 c) =>
        Properties.ForAll("1.7 zero iff equal", LossCase.Cancelling, p =>
        {
            var loss = c.L1(p.Yhat.Copy(), p.Y.Copy());
            Expect.Close(loss, Expected(p.Yhat, p.Y), "L1(yhat, y)", Tolerance.Value,
                [.. Inputs(p.Yhat, p.Y), ("y − yhat", (p.Y - p.Yhat).ToString())], SignHint);
        });

    [Check("is symmetric: L1(ŷ, y) = L1(y, ŷ)",
           "满足对称性：L1(ŷ, y) = L1(y, ŷ)")]
    public void Symmetric(IChapter1 c) =>
        Properties.ForAll("1.7 symmetric", LossCase.Pairs, p =>
            Expect.Close(c.L1(p.Y.Copy(), p.Yhat.Copy()), c.L1(p.Yhat.Copy(), p.Y.Copy()), "L1(y, yhat)", Tolerance.Value,
                [.. Inputs(p.Yhat, p.Y), (Say("expected is", "期望值是"), Say("L1(yhat, y), your own answer with the arguments swapped", "L1(yhat, y)，即你自己交换参数后的结果"))],
                Say("|y − ŷ| = |ŷ − y|: the loss cannot depend on the order of its arguments. ", "|y − ŷ| = |ŷ − y|：损失不能依赖参数的顺序。") + SignHint),
            LossCase.Shrink);

    [Check("leaves its inputs unchanged",
           "不修改输入")]
    public void LeavesInputsAlone(IChapter1 c)
    {
        Tensor yhat = new[] { 0.9, 0.2, 0.1, 0.4, 0.9 };
        Tensor y = new[] { 1.0, 0.0, 0.0, 1.0, 1.0 };
        var (yhat0, y0) = (yhat.Copy(), y.Copy());
        c.L1(yhat, y);
        Expect.Unchanged(yhat0, yhat, "L1(yhat, y)", "yhat");
        Expect.Unchanged(y0, y, "L1(yhat, y)", "y");
    }

    [Check("reproduces the golden examples",
           "重现黄金文件中的例子")]
    public void GoldenExamples(IChapter1 c)
    {
        Tensor yhat = new[,] { { 0.9, 0.2, 0.1 }, { 0.4, 0.9, -1.5 } };
        Tensor y = new[,] { { 1.0, 0.0, 0.0 }, { 1.0, 1.0, 2.0 } };
        Golden.Verify("examples", new GoldenRecord { { "yhat", yhat }, { "y", y }, { "L1(yhat, y)", c.L1(yhat.Copy(), y.Copy()) } },
            Tolerance.Value, Hint);
    }
}
