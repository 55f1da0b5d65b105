using DeepLearningKata.Contracts;
using FsCheck.Fluent;

namespace DeepLearningKata.Checks.Chapter04;

[Exercise("4.2", "CrossEntropyError")]
public sealed class CrossEntropyErrorChecks
{
    private const double Delta = 1e-7;

    private static string Hint => Say("E = −(1/N)·Σ log(y[n, t_n] + 1e-7): bring one sample to a batch of one and one-hot rows to labels first, add " +
                                "δ inside the log, and divide by the number of rows N. More: ./run-checks.sh --hint 4.2", "E = −(1/N)·Σ log(y[n, t_n] + 1e-7)：先把单个样本变成只含一个样本的批次，把 one-hot 的行变成标签，在 log 里加上 δ，再除以行数 N。更多：./run-checks.sh --hint 4.2 --lang zh");

    private static readonly Tensor T = new[] { 0.0, 0, 1, 0, 0, 0, 0, 0, 0, 0 };
    private static readonly Tensor Y1 = new[] { 0.1, 0.05, 0.6, 0.0, 0.05, 0.1, 0.0, 0.1, 0.0, 0.0 };
    private static readonly Tensor Y2 = new[] { 0.1, 0.05, 0.1, 0.0, 0.05, 0.1, 0.0, 0.6, 0.0, 0.0 };

    /// <summary>−(1/N)·Σ log(y[n, label_n] + δ), with loops.</summary>
    private static double Expected(Tensor y, Tensor labels)
    {
        var sum = 0.0;
        for (var n = 0; n < y.Dim(0); n++) sum += Math.Log(y[n, (int)labels.AsSpan()[n]] + Delta);
        return -sum / y.Dim(0);
    }

    private static IEnumerable<(string, string)> Inputs(Tensor y, Tensor t) => [Expect.Input("y", y), Expect.Input("t", t)];

    private static double Call(IChapter4 c, Tensor y, Tensor t) => c.CrossEntropyError(y.Copy(), t.Copy());

    [Check("gives the book's worked examples for one sample, one-hot and label",
           "对单个样本给出书中例子的结果，one-hot 和标签两种形式")]
    public void WorkedExamples(IChapter4 c)
    {
        foreach (var y in new[] { Y1, Y2 })
        {
            var expected = -Math.Log(y[2] + Delta);
            Expect.Close(Call(c, y, T), expected, "CrossEntropyError(y, t)", Tolerance.Value, Inputs(y, T), Hint);
            Tensor label = new[] { 2.0 };
            Expect.Close(Call(c, y, label), expected, "CrossEntropyError(y, t)", Tolerance.Value, Inputs(y, label),
                Say("a 1-D y with a one-element t is one sample with its label: here class 2.", "一维的 y 配上只有一个元素的 t，就是一个样本及其标签：这里是类别 2。"));
        }
    }

    [Check("matches −(1/N)·Σ log(y[n, t_n] + δ) on random batches with labels",
           "在带标签的随机批次上与 −(1/N)·Σ log(y[n, t_n] + δ) 一致")]
    public void MatchesFormulaWithLabels(IChapter4 c) =>
        Properties.ForAll("4.2 labels", Cases.Probabilities(6, 6), p =>
            Expect.Close(Call(c, p.Y, p.Labels), Expected(p.Y, p.Labels), "CrossEntropyError(y, labels)", Tolerance.Value,
                Inputs(p.Y, p.Labels), Hint), Cases.ShrinkProbabilities);

    [Check("gives the same value for one-hot targets as for labels",
           "one-hot 目标与标签给出相同的值")]
    public void OneHotAgreesWithLabels(IChapter4 c) =>
        Properties.ForAll("4.2 one-hot", Cases.Probabilities(6, 6), p =>
        {
            var oneHot = Cases.OneHot(p.Labels, p.C);
            Expect.Close(Call(c, p.Y, oneHot), Expected(p.Y, p.Labels), "CrossEntropyError(y, oneHot)", Tolerance.Value,
                Inputs(p.Y, oneHot), Say("with one-hot t, only the probability where t is 1 counts: the same as with the label " +
                                      "(t.Argmax(axis: 1)). ", "t 为 one-hot 时，只有 t 为 1 处的概率起作用：与使用标签（t.Argmax(axis: 1)）时相同。") + Hint);
        }, Cases.ShrinkProbabilities);

    [Check("treats one 1-D sample as a batch of one",
           "把单个一维样本当作只含一个样本的批次")]
    public void OneSample(IChapter4 c) =>
        Properties.ForAll("4.2 one sample", Cases.Probabilities(1, 8), p =>
        {
            var y = p.Y.Reshape(p.C);
            var expected = Expected(p.Y, p.Labels);
            Expect.Close(Call(c, y, Cases.OneHot(p.Labels, p.C).Reshape(p.C)), expected, "CrossEntropyError(y, oneHot)", Tolerance.Value,
                Inputs(y, Cases.OneHot(p.Labels, p.C).Reshape(p.C)), Say("for a 1-D y, reshape y and t to one row first (y.Reshape(1, y.Size)).", "对一维的 y，先把 y 和 t 变成一行（y.Reshape(1, y.Size)）。"));
            Expect.Close(Call(c, y, p.Labels), expected, "CrossEntropyError(y, label)", Tolerance.Value,
                Inputs(y, p.Labels), Say("for a 1-D y, a one-element t is the label of that one sample.", "对一维的 y，只有一个元素的 t 就是这一个样本的标签。"));
        });

    [Check("divides by the batch size: N copies of a sample have that sample's loss",
           "除以批大小：一个样本复制 N 份，损失与该样本相同")]
    public void DividesByBatchSize(IChapter4 c) =>
        Properties.ForAll("4.2 batch mean", from p in Cases.Probabilities(1, 6) from n in Gen.Choose(2, 5) select (p, n), pn =>
        {
            var (p, n) = pn;
            var rows = new int[n];
            var y = p.Y.Rows(rows);
            var labels = p.Labels.Rows(rows);
            Expect.Close(Call(c, y, labels), Expected(p.Y, p.Labels), Say($"CrossEntropyError(y, t) of {n} equal rows", $"{n} 行相同时的 CrossEntropyError(y, t)"), Tolerance.Value,
                Inputs(y, labels), Say("the loss of a batch is the mean over its rows: divide the sum by N = y.Dim(0).", "批次的损失是各行的平均：把总和除以 N = y.Dim(0)。"));
        });

    [Check("stays finite when the correct class has probability 0",
           "正确类别的概率为 0 时仍是有限值")]
    public void FiniteForZeroProbability(IChapter4 c)
    {
        Tensor y = new[,] { { 0.0, 0.5, 0.5 }, { 0.2, 0.8, 0.0 } };
        Tensor labels = new[] { 0.0, 2.0 };
        var expected = -Math.Log(Delta);
        var hint = Say("log(0) is −∞: add δ = 1e-7 inside the logarithm, log(y + 1e-7), so a probability of 0 costs about 16.1, not infinity.", "log(0) 是 −∞：在对数里加上 δ = 1e-7，即 log(y + 1e-7)，这样概率为 0 的代价约为 16.1，而不是无穷大。");
        Expect.Close(Call(c, y, labels), expected, "CrossEntropyError(y, labels)", Tolerance.Value, Inputs(y, labels), hint);
        var oneHot = Cases.OneHot(labels, 3);
        Expect.Close(Call(c, y, oneHot), expected, "CrossEntropyError(y, oneHot)", Tolerance.Value, Inputs(y, oneHot), hint);
    }

    [Check("of a perfect prediction is −log(1 + δ), just below 0",
           "完美预测的损失是 −log(1 + δ)，略小于 0")]
    public void PerfectPrediction(IChapter4 c) =>
        Properties.ForAll("4.2 perfect", Cases.Probabilities(6, 6), p =>
        {
            var oneHot = Cases.OneHot(p.Labels, p.C);
            Expect.Close(Call(c, oneHot, oneHot), -Math.Log(1 + Delta), "CrossEntropyError(t, t)", Tolerance.Value, Inputs(oneHot, oneHot),
                Say("when y is the one-hot target itself, every row gives −log(1 + δ) ≈ −1e-7. Add δ to y inside the log " +
                "(log(y + 1e-7)); clipping y to [δ, 1] instead gives exactly 0.", "当 y 就是 one-hot 目标本身时，每一行都给出 −log(1 + δ) ≈ −1e-7。在 log 里给 y 加上 δ（log(y + 1e-7)）；若改为把 y 截断到 [δ, 1]，结果会恰好是 0。"));
        }, Cases.ShrinkProbabilities);

    [Check("leaves y and t unchanged",
           "不修改 y 和 t")]
    public void LeavesInputsAlone(IChapter4 c)
    {
        Tensor y = new[,] { { 0.1, 0.7, 0.2 }, { 0.3, 0.3, 0.4 } };
        var oneHot = Cases.OneHot(new[] { 1.0, 2.0 }, 3);
        var (yBefore, tBefore) = (y.Copy(), oneHot.Copy());
        c.CrossEntropyError(y, oneHot);
        Expect.Unchanged(yBefore, y, "CrossEntropyError(y, t)", "y");
        Expect.Unchanged(tBefore, oneHot, "CrossEntropyError(y, t)", "t");
    }

    [Check("reproduces the golden examples",
           "重现黄金文件中的例子")]
    public void GoldenExamples(IChapter4 c)
    {
        var y = Cases.SoftmaxRows(Tensor.Arange(0, 16).Apply(v => 2 * Math.Sin(v)).Reshape(4, 4));
        Tensor labels = new[] { 3.0, 0.0, 1.0, 2.0 };
        Golden.Verify("examples", new GoldenRecord
        {
            { "y", y }, { "labels", labels },
            { "CrossEntropyError(y, labels)", Call(c, y, labels) },
            { "CrossEntropyError(y, oneHot)", Call(c, y, Cases.OneHot(labels, 4)) },
            { "CrossEntropyError(Y1, T)", Call(c, Y1, T) },
            { "CrossEntropyError(Y2, T)", Call(c, Y2, T) },
        }, Tolerance.Value, Hint);
    }
}
