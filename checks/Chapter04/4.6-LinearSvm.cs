using DeepLearningKata.Contracts;
using FsCheck.Fluent;

namespace DeepLearningKata.Checks.Chapter04;

/// <summary>Inputs x (N, D), weights W (D, C) and a bias b (C,) of a linear classifier.</summary>
public sealed record LinearCase(Tensor X, Tensor W, Tensor B)
{
    public override string ToString() => $"x = {Cases.Full(X)}, W = {Cases.Full(W)}, b = {Cases.Full(B)}";
}

/// <summary>Scores (N, C), labels (N,), weights for the penalty and λ.</summary>
public sealed record SvmCase(Tensor Scores, Tensor Labels, Tensor W, double Lambda)
{
    public override string ToString() =>
        $"scores = {Cases.Full(Scores)}, t = {Cases.Full(Labels)}, W = {Cases.Full(W)}, lambda = {Tensor.FormatNumber(Lambda)}";
}

[Exercise("4.6", "LinearSvm")]
public sealed class LinearSvmChecks
{
    private static string ScoreHint => Say("s = x·W + b: one matrix product, x first, and b (C,) added to every row. More: ./run-checks.sh --hint 4.6", "s = x·W + b：一次矩阵乘积，x 在前，b (C,) 加到每一行上。更多：./run-checks.sh --hint 4.6 --lang zh");

    private static string SvmHint => Say("for each row i with correct class y = t[i]: add max(0, s[i, j] − s[i, y] + 1) for every j ≠ y; divide the " +
                                   "total by the number of rows N; then add lambda·Σ W² once. More: ./run-checks.sh --hint 4.6", "对每一行 i，正确类别为 y = t[i]：对每个 j ≠ y 加上 max(0, s[i, j] − s[i, y] + 1)；总和除以行数 N；最后加一次 lambda·Σ W²。更多：./run-checks.sh --hint 4.6 --lang zh");

    /// <summary>x·W + b with loops.</summary>
    private static Tensor Score(Tensor x, Tensor w, Tensor b)
    {
        var s = Tensor.Zeros(x.Dim(0), w.Dim(1));
        for (var i = 0; i < x.Dim(0); i++)
        {
            for (var j = 0; j < w.Dim(1); j++)
            {
                var sum = b[j];
                for (var k = 0; k < w.Dim(0); k++) sum += x[i, k] * w[k, j];
                s[i, j] = sum;
            }
        }
        return s;
    }

    /// <summary>The mean hinge loss plus λ·ΣW², with loops.</summary>
    private static double Svm(Tensor s, Tensor labels, Tensor w, double lambda)
    {
        var total = 0.0;
        for (var i = 0; i < s.Dim(0); i++)
        {
            var y = (int)labels[i];
            for (var j = 0; j < s.Dim(1); j++)
            {
                if (j != y) total += Math.Max(0, s[i, j] - s[i, y] + 1);
            }
        }
        var penalty = 0.0;
        foreach (var v in w.ToArray()) penalty += v * v;
        return total / s.Dim(0) + lambda * penalty;
    }

    private static FsCheck.Gen<LinearCase> LinearCases() =>
        from n in Gen.Choose(1, 4)
        from d in Gen.Choose(1, 5)
        from c in Gen.Choose(1, 4)
        from x in Gens.OfShape(-2, 2, n, d)
        from w in Gens.OfShape(-2, 2, d, c)
        from b in Gens.OfShape(-2, 2, c)
        select new LinearCase(x.Value, w.Value, b.Value);

    private static IEnumerable<LinearCase> ShrinkLinear(LinearCase l)
    {
        if (l.X.Dim(0) > 1) yield return l with { X = Cases.DropLastRow(l.X) };
        var r = new LinearCase(l.X.Apply(Math.Round), l.W.Apply(Math.Round), l.B.Apply(Math.Round));
        if (!r.X.AsSpan().SequenceEqual(l.X.AsSpan()) || !r.W.AsSpan().SequenceEqual(l.W.AsSpan()) || !r.B.AsSpan().SequenceEqual(l.B.AsSpan()))
        {
            yield return r;
        }
    }

    // Scores on a grid of 1/4 away from the kink at margin 0 would not matter for values; they keep printed cases short.
    private static FsCheck.Gen<SvmCase> SvmCases() =>
        from n in Gen.Choose(1, 5)
        from c in Gen.Choose(2, 5)
        from scores in Gen.ArrayOf(Gen.Choose(-12, 12), n * c)
        from labels in Gen.ArrayOf(Gen.Choose(0, c - 1), n)
        from w in Gens.OfShape(-1, 1, 2, c)
        from lambda in Gen.Elements(0.0, 0.1, 0.5, 2.0)
        select new SvmCase(new Tensor(scores.Select(s => s / 4.0).ToArray(), n, c), new Tensor(labels.Select(l => (double)l).ToArray(), n), w.Value, lambda);

    private static IEnumerable<SvmCase> ShrinkSvm(SvmCase s)
    {
        if (s.Scores.Dim(0) > 1) yield return s with { Scores = Cases.DropLastRow(s.Scores), Labels = Cases.DropLastRow(s.Labels) };
        if (s.Lambda != 0) yield return s with { Lambda = 0 };
    }

    [Check("LinearScore gives the worked example x·W + b",
           "LinearScore 给出示例 x·W + b 的结果")]
    public void ScoreWorkedExample(IChapter4 c)
    {
        Tensor x = new[,] { { 1.0, 2.0 } };
        Tensor w = new[,] { { 1.0, 0.0, -1.0 }, { 0.5, 1.0, 2.0 } };
        Tensor b = new[] { 0.0, 1.0, 0.0 };
        Expect.Close(c.LinearScore(x, w, b), new[,] { { 2.0, 3.0, 3.0 } }, "LinearScore(x, W, b)", Tolerance.Value,
            [Expect.Input("x", x), Expect.Input("W", w), Expect.Input("b", b)], ScoreHint);
    }

    [Check("LinearScore equals Σ_k x[i, k]·W[k, j] + b[j] on random shapes",
           "在随机形状上 LinearScore 等于 Σ_k x[i, k]·W[k, j] + b[j]")]
    public void ScoreMatchesLoops(IChapter4 c) =>
        Properties.ForAll("4.6 score", LinearCases(), l =>
            Expect.Close(c.LinearScore(l.X.Copy(), l.W.Copy(), l.B.Copy()), Score(l.X, l.W, l.B), "LinearScore(x, W, b)", Tolerance.Value,
                [(Say("case", "用例"), l.ToString())], ScoreHint), ShrinkLinear);

    [Check("LinearScore of one 1-D sample gives one row of scores (C,)",
           "对单个一维样本，LinearScore 给出一行得分 (C,)")]
    public void ScoreOfOneSample(IChapter4 c) =>
        Properties.ForAll("4.6 score 1-D", LinearCases(), l =>
        {
            var x = l.X.Row(0);
            var expected = Score(l.X, l.W, l.B).Row(0);
            Expect.Close(c.LinearScore(x, l.W.Copy(), l.B.Copy()), expected, "LinearScore(x, W, b)", Tolerance.Value,
                [Expect.Input("x", x), Expect.Input("W", l.W), Expect.Input("b", l.B)], Say("for one sample x (D,), Np.Dot(x, W) is (C,); add b.", "对单个样本 x (D,)，Np.Dot(x, W) 是 (C,)；再加上 b。"));
        });

    [Check("SvmLoss gives the seed's worked example: 142, and 242 against 167 with the penalty",
           "SvmLoss 给出原作业中示例的结果：142，加上惩罚项时是 242 而不是 167")]
    public void SvmWorkedExample(IChapter4 c)
    {
        Tensor scores = new[] { 100.0, 80, 60, 50, 200 };
        Tensor label = new[] { 1.0 };
        Tensor w1 = new[] { 1.0, 0, 0, 0 };
        Tensor w2 = new[] { 0.25, 0.25, 0.25, 0.25 };
        var inputs = new List<(string, string)> { Expect.Input("scores", scores), Expect.Input("t", label) };
        Expect.Close(c.SvmLoss(scores, label, w1, 0), 142, "SvmLoss(scores, t, w1, lambda: 0)", Tolerance.Value, inputs,
            Say("max(0, 100−80+1) + max(0, 60−80+1) + max(0, 50−80+1) + max(0, 200−80+1) = 21 + 0 + 0 + 121; the correct class 1 is skipped.", "max(0, 100−80+1) + max(0, 60−80+1) + max(0, 50−80+1) + max(0, 200−80+1) = 21 + 0 + 0 + 121；跳过正确类别 1。"));
        Expect.Close(c.SvmLoss(scores, label, w1, 100), 242, "SvmLoss(scores, t, w1, lambda: 100)", Tolerance.Value,
            [.. inputs, Expect.Input("w1", w1)], Say("the penalty is lambda·Σ W² = 100·(1² + 0 + 0 + 0) = 100, added to the data loss 142.", "惩罚项是 lambda·Σ W² = 100·(1² + 0 + 0 + 0) = 100，加到数据损失 142 上。"));
        Expect.Close(c.SvmLoss(scores, label, w2, 100), 167, "SvmLoss(scores, t, w2, lambda: 100)", Tolerance.Value,
            [.. inputs, Expect.Input("w2", w2)], Say("the penalty is lambda·Σ W² = 100·4·0.25² = 25: the squares favour small, spread-out weights.", "惩罚项是 lambda·Σ W² = 100·4·0.25² = 25：平方项偏好数值小而分散的权重。"));
    }

    [Check("SvmLoss equals the mean hinge loss plus λ·ΣW² on random batches",
           "在随机批次上 SvmLoss 等于平均合页损失加 λ·ΣW²")]
    public void SvmMatchesLoops(IChapter4 c) =>
        Properties.ForAll("4.6 svm", SvmCases(), s =>
            Expect.Close(c.SvmLoss(s.Scores.Copy(), s.Labels.Copy(), s.W.Copy(), s.Lambda), Svm(s.Scores, s.Labels, s.W, s.Lambda),
                "SvmLoss(scores, t, W, lambda)", Tolerance.Value, [(Say("case", "用例"), s.ToString())], SvmHint), ShrinkSvm);

    [Check("SvmLoss is 0 when every correct class wins by a margin of at least 1 and λ = 0",
           "每个正确类别都以至少 1 的间隔胜出且 λ = 0 时，SvmLoss 为 0")]
    public void SvmZeroWithMargin(IChapter4 c)
    {
        Tensor scores = new[,] { { 3.0, 1.5, -2.0 }, { 0.0, 0.5, 5.0 }, { 1.0, 4.0, 2.9 } };
        Tensor labels = new[] { 0.0, 2.0, 1.0 };
        Expect.Close(c.SvmLoss(scores, labels, Tensor.Ones(2, 3), 0), 0, "SvmLoss(scores, t, W, lambda: 0)", Tolerance.Value,
            [Expect.Input("scores", scores), Expect.Input("t", labels)],
            Say("every wrong class is at least 1 below the correct one, so each max(0, s_j − s_y + 1) is 0. Skip j = y: " +
            "that term is max(0, 1) = 1 in every row. And take max(0, …): a margin beyond 1 must not lower the loss.", "每个错误类别都比正确类别至少低 1，所以每个 max(0, s_j − s_y + 1) 都是 0。要跳过 j = y：这一项在每一行都是 max(0, 1) = 1。还要取 max(0, …)：超过 1 的间隔不能降低损失。"));
    }

    [Check("SvmLoss averages over the batch: N copies of a sample have that sample's loss",
           "SvmLoss 对批次取平均：一个样本复制 N 份，损失与该样本相同")]
    public void SvmAveragesOverBatch(IChapter4 c) =>
        Properties.ForAll("4.6 svm mean", from s in SvmCases() from n in Gen.Choose(2, 4) select (s, n), sn =>
        {
            var (s, n) = sn;
            var rows = new int[n];
            var scores = s.Scores.Rows(rows);
            var labels = s.Labels.Rows(rows);
            Expect.Close(c.SvmLoss(scores, labels, s.W.Copy(), s.Lambda), Svm(s.Scores.Rows([0]), s.Labels.Rows([0]), s.W, s.Lambda),
                Say($"SvmLoss of {n} equal rows", $"{n} 行相同时的 SvmLoss"), Tolerance.Value, [Expect.Input("scores", scores), Expect.Input("t", labels), ("lambda", Tensor.FormatNumber(s.Lambda))],
                Say("the data loss is the mean over the rows (divide by N); the penalty lambda·Σ W² is added once, not per row.", "数据损失是各行的平均（除以 N）；惩罚项 lambda·Σ W² 只加一次，不是每行加一次。"));
        });

    [Check("SvmLoss of one 1-D sample equals the batch of one",
           "单个一维样本的 SvmLoss 等于只含它一个的批次的损失")]
    public void SvmOneSample(IChapter4 c)
    {
        Tensor scores = new[] { 2.0, 2.5, -1.0, 1.25 };
        Tensor label = new[] { 0.0 };
        var expected = Svm(scores.Reshape(1, 4), label, Tensor.Zeros(1), 0);
        Expect.Close(c.SvmLoss(scores, label, Tensor.Zeros(1), 0), expected, "SvmLoss(scores, t, W, lambda: 0)", Tolerance.Value,
            [Expect.Input("scores", scores), Expect.Input("t", label)], Say("a 1-D scores tensor is one sample: scores.Reshape(1, scores.Size).", "一维的得分张量是一个样本：scores.Reshape(1, scores.Size)。"));
    }

    [Check("reproduces the golden examples",
           "重现黄金文件中的例子")]
    public void GoldenExamples(IChapter4 c)
    {
        var x = Tensor.Arange(0, 12).Apply(v => Math.Sin(v)).Reshape(3, 4);
        var w = Tensor.Arange(0, 12).Apply(v => Math.Cos(v) / 2).Reshape(4, 3);
        Tensor b = new[] { 0.1, -0.2, 0.3 };
        Tensor labels = new[] { 2.0, 0.0, 1.0 };
        var scores = c.LinearScore(x.Copy(), w.Copy(), b.Copy());
        Golden.Verify("examples", new GoldenRecord
        {
            { "x", x }, { "W", w }, { "b", b }, { "t", labels },
            { "LinearScore(x, W, b)", scores },
            { "SvmLoss(x·W + b, t, W, 0)", c.SvmLoss(Score(x, w, b), labels.Copy(), w.Copy(), 0) },
            { "SvmLoss(x·W + b, t, W, 0.5)", c.SvmLoss(Score(x, w, b), labels.Copy(), w.Copy(), 0.5) },
        }, Tolerance.Value, ScoreHint + " " + SvmHint);
    }
}
