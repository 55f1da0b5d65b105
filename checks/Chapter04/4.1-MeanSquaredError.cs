using DeepLearningKata.Contracts;

namespace DeepLearningKata.Checks.Chapter04;

[Exercise("4.1", "MeanSquaredError")]
public sealed class MeanSquaredErrorChecks
{
    private static string Hint => Say("E = ½·Σ(y − t)²: square every difference, add them all up, then halve. No square root, no division by the " +
                                "number of elements. More: ./run-checks.sh --hint 4.1", "E = ½·Σ(y − t)²：对每个差取平方，全部加起来，再除以 2。不开平方根，也不除以元素个数。更多：./run-checks.sh --hint 4.1 --lang zh");

    private static readonly Tensor T = new[] { 0.0, 0, 1, 0, 0, 0, 0, 0, 0, 0 };
    private static readonly Tensor Y1 = new[] { 0.1, 0.05, 0.6, 0.0, 0.05, 0.1, 0.0, 0.1, 0.0, 0.0 };
    private static readonly Tensor Y2 = new[] { 0.1, 0.05, 0.1, 0.0, 0.05, 0.1, 0.0, 0.6, 0.0, 0.0 };

    private static double Expected(Tensor y, Tensor t)
    {
        var sum = 0.0;
        for (var i = 0; i < y.Size; i++)
        {
            var d = y.AsSpan()[i] - t.AsSpan()[i];
            sum += d * d;
        }
        return 0.5 * sum;
    }

    [Check("gives the book's worked examples",
           "给出书中例子的结果")]
    public void WorkedExamples(IChapter4 c)
    {
        Expect.Close(c.MeanSquaredError(Y1.Copy(), T.Copy()), 0.0975, "MeanSquaredError(y, t)", Tolerance.Value,
            [Expect.Input("y", Y1), Expect.Input("t", T)], Hint);
        Expect.Close(c.MeanSquaredError(Y2.Copy(), T.Copy()), 0.5975, "MeanSquaredError(y, t)", Tolerance.Value,
            [Expect.Input("y", Y2), Expect.Input("t", T)], Hint);
    }

    [Check("equals ½·Σ(y − t)² on random tensors",
           "在随机张量上等于 ½·Σ(y − t)²")]
    public void MatchesFormula(IChapter4 c) =>
        Properties.ForAll("4.1 formula", Cases.Pair(-3, 3, 4, 5), p =>
        {
            Expect.Close(c.MeanSquaredError(p.Y.Copy(), p.T.Copy()), Expected(p.Y, p.T), "MeanSquaredError(y, t)", Tolerance.Value,
                [Expect.Input("y", p.Y), Expect.Input("t", p.T)], Hint);
        }, Cases.ShrinkPair);

    [Check("is never negative, and 0 when y equals t",
           "从不为负，y 等于 t 时为 0")]
    public void NonNegativeAndZeroOnlyWhenEqual(IChapter4 c) =>
        Properties.ForAll("4.1 non-negative", Cases.Pair(-3, 3, 4, 5), p =>
        {
            var e = c.MeanSquaredError(p.Y.Copy(), p.T.Copy());
            Expect.That(e >= 0, Say("MeanSquaredError(y, t) returned a negative value.", "MeanSquaredError(y, t) 返回了负值。"),
                [Expect.Input("y", p.Y), Expect.Input("t", p.T), (Say("your answer", "你的结果"), Tensor.FormatNumber(e))],
                Say("a sum of squares cannot be negative: did you forget to square the differences?", "平方和不可能是负的：是不是忘了对差取平方？"));
            Expect.Close(c.MeanSquaredError(p.Y.Copy(), p.Y.Copy()), 0.0, "MeanSquaredError(y, y)", Tolerance.Value,
                [Expect.Input("y", p.Y)], Say("the error of a perfect output is 0.", "完美输出的误差是 0。"));
        }, Cases.ShrinkPair);

    [Check("leaves y and t unchanged",
           "不修改 y 和 t")]
    public void LeavesInputsAlone(IChapter4 c)
    {
        var y = Y1.Copy();
        var t = T.Copy();
        c.MeanSquaredError(y, t);
        Expect.Unchanged(Y1, y, "MeanSquaredError(y, t)", "y");
        Expect.Unchanged(T, t, "MeanSquaredError(y, t)", "t");
    }

    [Check("reproduces the golden examples",
           "重现黄金文件中的例子")]
    public void GoldenExamples(IChapter4 c)
    {
        var y = Tensor.Arange(-1, 1, 0.25).Reshape(2, 4);
        var t = Tensor.Arange(0, 8, 1).Reshape(2, 4) / 8.0;
        Golden.Verify("examples", new GoldenRecord
        {
            { "y", y }, { "t", t },
            { "MeanSquaredError(y, t)", c.MeanSquaredError(y.Copy(), t.Copy()) },
            { "MeanSquaredError(Y1, T)", c.MeanSquaredError(Y1.Copy(), T.Copy()) },
            { "MeanSquaredError(Y2, T)", c.MeanSquaredError(Y2.Copy(), T.Copy()) },
        }, Tolerance.Value, Hint);
    }
}
