using DeepLearningKata.Contracts;

namespace DeepLearningKata.Checks.Chapter01;

[Exercise("1.8", "L2")]
public sealed class L2Checks
{
    private static string Hint => Say("L2 = Σ(y − ŷ)²: the square of every difference, then their sum. No square root (that is Np.Norm, the " +
                                "Euclidean distance) and no division by the count (that is the mean). More: ./run-checks.sh --hint 1.8", "L2 = Σ(y − ŷ)²：先对每个差取平方，再求和。不开平方根（那是 Np.Norm，欧几里得距离），也不除以个数（那是平均值）。更多：./run-checks.sh --hint 1.8 --lang zh");

    private static string SignHint => Say("Every term (y[i] − ŷ[i])² is ≥ 0, so errors of opposite signs must not cancel out: " +
                                    "square each difference before summing, not the sum.", "每一项 (y[i] − ŷ[i])² 都 ≥ 0，所以符号相反的误差不能相互抵消：先对每个差取平方再求和，而不是对和取平方。");

    private static double Expected(Tensor yhat, Tensor y)
    {
        var sum = 0.0;
        for (var i = 0; i < y.Size; i++)
        {
            var d = y.AsSpan()[i] - yhat.AsSpan()[i];
            sum += d * d;
        }
        return sum;
    }

    private static (string, string)[] Inputs(Tensor yhat, Tensor y) => [Expect.Input("yhat", yhat), Expect.Input("y", y)];

    [Check("gives the worked example",
           "给出示例的结果")]
    public void WorkedExample(IChapter1 c)
    {
        Tensor yhat = new[] { 0.9, 0.2, 0.1, 0.4, 0.9 };
        Tensor y = new[] { 1.0, 0.0, 0.0, 1.0, 1.0 };
        Expect.Close(c.L2(yhat, y), 0.43, "L2([0.9, 0.2, 0.1, 0.4, 0.9], [1, 0, 0, 1, 1])", Tolerance.Value, Inputs(yhat, y),
            Hint + Say(" Here 0.01 + 0.04 + 0.01 + 0.36 + 0.01 = 0.43; √0.43 = 0.656 and 0.43 / 5 = 0.086 are the usual wrong answers.", " 这里 0.01 + 0.04 + 0.01 + 0.36 + 0.01 = 0.43；√0.43 = 0.656 和 0.43 / 5 = 0.086 是常见的错误答案。"));
    }

    [Check("matches Σ(y − ŷ)² on random inputs",
           "在随机输入上与 Σ(y − ŷ)² 一致")]
    public void MatchesFormula(IChapter1 c) =>
        Properties.ForAll("1.8 formula", LossCase.Pairs, p =>
            Expect.Close(c.L2(p.Yhat.Copy(), p.Y.Copy()), Expected(p.Yhat, p.Y), "L2(yhat, y)", Tolerance.Value, Inputs(p.Yhat, p.Y), Hint),
            LossCase.Shrink);

    [Check("is never negative, and zero when ŷ = y",
           "从不为负，ŷ = y 时为零")]
    public void NonNegative(IChapter1 c) =>
        Properties.ForAll("1.8 non-negative", LossCase.Pairs, p =>
        {
            var loss = c.L2(p.Yhat.Copy(), p.Y.Copy());
            Expect.That(loss >= 0, Say($"L2(yhat, y) = {Tensor.FormatNumber(loss)} is negative.", $"L2(yhat, y) = {Tensor.FormatNumber(loss)} 是负的。"), Inputs(p.Yhat, p.Y), SignHint);
            Expect.Close(c.L2(p.Y.Copy(), p.Y.Copy()), 0.0, "L2(y, y)", Tolerance.Value, [Expect.Input("y", p.Y)],
                Say("when the prediction equals the labels, every difference is 0, and so is the loss.", "预测等于标签时，每个差都是 0，损失也是 0。"));
        }, LossCase.Shrink);

    [Check("counts differences of opposite sign, which would cancel in a plain sum",
           "符号相反的差也要计入（直接求和时它们会相互抵消）")]
    public void ZeroOnlyWhenEqual(IChapter1 c) =>
        Properties.ForAll("1.8 zero iff equal", LossCase.Cancelling, p =>
        {
            var loss = c.L2(p.Yhat.Copy(), p.Y.Copy());
            Expect.Close(loss, Expected(p.Yhat, p.Y), "L2(yhat, y)", Tolerance.Value,
                [.. Inputs(p.Yhat, p.Y), ("y − yhat", (p.Y - p.Yhat).ToString())], SignHint);
        });

    [Check("is symmetric: L2(ŷ, y) = L2(y, ŷ)",
           "满足对称性：L2(ŷ, y) = L2(y, ŷ)")]
    public void Symmetric(IChapter1 c) =>
        Properties.ForAll("1.8 symmetric", LossCase.Pairs, p =>
            Expect.Close(c.L2(p.Y.Copy(), p.Yhat.Copy()), c.L2(p.Yhat.Copy(), p.Y.Copy()), "L2(y, yhat)", Tolerance.Value,
                [.. Inputs(p.Yhat, p.Y), (Say("expected is", "期望值是"), Say("L2(yhat, y), your own answer with the arguments swapped", "L2(yhat, y)，即你自己交换参数后的结果"))],
                Say("(y − ŷ)² = (ŷ − y)²: the loss cannot depend on the order of its arguments. ", "(y − ŷ)² = (ŷ − y)²：损失不能依赖参数的顺序。") + SignHint),
            LossCase.Shrink);

    [Check("leaves its inputs unchanged",
           "不修改输入")]
    public void LeavesInputsAlone(IChapter1 c)
    {
        Tensor yhat = new[] { 0.9, 0.2, 0.1, 0.4, 0.9 };
        Tensor y = new[] { 1.0, 0.0, 0.0, 1.0, 1.0 };
        var (yhat0, y0) = (yhat.Copy(), y.Copy());
        c.L2(yhat, y);
        Expect.Unchanged(yhat0, yhat, "L2(yhat, y)", "yhat");
        Expect.Unchanged(y0, y, "L2(yhat, y)", "y");
    }

    [Check("reproduces the golden examples",
           "重现黄金文件中的例子")]
    public void GoldenExamples(IChapter1 c)
    {
        Tensor yhat = new[,] { { 0.9, 0.2, 0.1 }, { 0.4, 0.9, -1.5 } };
        Tensor y = new[,] { { 1.0, 0.0, 0.0 }, { 1.0, 1.0, 2.0 } };
        Golden.Verify("examples", new GoldenRecord { { "yhat", yhat }, { "y", y }, { "L2(yhat, y)", c.L2(yhat.Copy(), y.Copy()) } },
            Tolerance.Value, Hint);
    }
}
