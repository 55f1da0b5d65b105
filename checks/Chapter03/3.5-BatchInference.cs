using DeepLearningKata.Contracts;
using FsCheck;
using FsCheck.Fluent;

namespace DeepLearningKata.Checks.Chapter03;

/// <summary>A network, samples, labels and a batch size, printed in full so a failing case can be rebuilt.</summary>
public sealed record InferenceCase(IReadOnlyDictionary<string, Tensor> Network, Tensor X, Tensor T, int BatchSize)
{
    /// <summary>The shapes and the batch size; the values are shown by the failure itself, and KATA_SEED rebuilds the case.</summary>
    public override string ToString() =>
        string.Join(", ", Network.Select(p => $"{p.Key} {p.Value.ShapeText}")) + $", x {X.ShapeText}, t {T.ShapeText}, batchSize {BatchSize}";
}

[Exercise("3.5", "BatchInference")]
public sealed class BatchInferenceChecks
{
    private static string Hint => Say("walk the rows in batches of batchSize (the last one may be shorter), forward each batch with Earlier.Forward " +
                                "and keep the class of each row (Argmax over the class axis) at that row's position. More: ./run-checks.sh " +
                                "--hint 3.5", "按 batchSize 分批遍历各行（最后一批可能较短），用 Earlier.Forward 对每批做前向传播，把每行的类别（沿类别轴取 Argmax）放在该行的位置上。更多：./run-checks.sh --hint 3.5 --lang zh");

    /// <summary>
    /// A three-layer network that answers class 1 when x₂ &gt; x₁ and class 0 otherwise: the hidden layers
    /// squash each input on its own (W = 4·I), the output layer takes the difference both ways.
    /// </summary>
    internal static Dictionary<string, Tensor> ComparerNetwork() => new()
    {
        ["W1"] = new[,] { { 4.0, 0.0 }, { 0.0, 4.0 } },
        ["b1"] = new[] { 0.0, 0.0 },
        ["W2"] = new[,] { { 4.0, 0.0 }, { 0.0, 4.0 } },
        ["b2"] = new[] { 0.0, 0.0 },
        ["W3"] = new[,] { { 1.0, -1.0 }, { -1.0, 1.0 } },
        ["b3"] = new[] { 0.0, 0.0 },
    };

    /// <summary>Seven samples whose classes (1 when the second number is larger) are 1, 0, 0, 1, 0, 1, 1.</summary>
    private static Tensor SevenSamples() =>
        new[,] { { 0.1, 0.9 }, { 0.8, 0.2 }, { 0.5, -0.5 }, { -1.0, 2.0 }, { 3.0, 1.0 }, { 0.2, 0.3 }, { -0.4, 0.6 } };

    /// <summary>The predictions sample by sample: the reference's Forward of each row alone, and its argmax.</summary>
    internal static Tensor OneByOne(IReadOnlyDictionary<string, Tensor> network, Tensor x)
    {
        var reference = Subjects.Reference.Chapter3;
        var n = x.Dim(0);
        var p = new double[n];
        for (var i = 0; i < n; i++) p[i] = reference.Forward(network, x.Row(i)).Argmax();
        return new Tensor(p, n);
    }

    private static void ExpectPredictions(Tensor? actual, Tensor expected, Tensor x, int batchSize, string call, string? hint = null)
    {
        var n = expected.Size;
        var inputs = new List<(string, string)> { Expect.Input("x", x), ("batchSize", batchSize.ToString(System.Globalization.CultureInfo.InvariantCulture)) };
        Expect.Shape(actual, [n], call, inputs,
            Say($"return one prediction per sample: shape ({n},) for {n} rows of x, whatever the batch size; the last batch may be shorter than batchSize.", $"每个样本返回一个预测：x 有 {n} 行，形状就是 ({n},)，与批大小无关；最后一批可能比 batchSize 短。"));
        var a = actual!.AsSpan();
        var e = expected.AsSpan();
        var bad = -1;
        for (var i = 0; i < n; i++) if (Math.Abs(a[i] - e[i]) > 1e-9) { bad = i; break; }
        if (bad < 0) return;
        var batch = bad / batchSize;
        var first = batch * batchSize;
        var last = Math.Min(first + batchSize, n) - 1;
        var partial = last - first + 1 < batchSize;
        throw CheckFailure.Of(Say($"{call} returned a wrong class.", $"{call} 返回了错误的类别。"),
            [
                .. inputs,
                (Say("expected", "期望值"), Full(expected) + Say("   (argmax of Forward, sample by sample)", "   （逐个样本对 Forward 取 argmax）")),
                (Say("your answer", "你的结果"), Full(actual)),
                (Say("first mismatch", "第一个不符处"), Say($"sample {bad}: expected class {Tensor.FormatNumber(e[bad])}, got {Tensor.FormatNumber(a[bad])}; " +
                                   $"it is in batch {batch + 1} (rows {first}–{last}){(partial ? ", the last, partial batch" : "")}", $"样本 {bad}：期望类别 {Tensor.FormatNumber(e[bad])}，得到 {Tensor.FormatNumber(a[bad])}；它在第 {batch + 1} 批（第 {first}–{last} 行）{(partial ? "，即最后那个不满的批次" : "")}")),
            ],
            partial ? Say("the last batch is shorter than batchSize when N is not a multiple of it; it must be forwarded too.", "N 不是 batchSize 的倍数时，最后一批比 batchSize 短；它也必须做前向传播。") : hint ?? Hint);
    }

    /// <summary>Every element of a short vector, without NumPy's "..." in the middle.</summary>
    private static string Full(Tensor t) => "[" + string.Join(", ", t.ToArray().Select(Tensor.FormatNumber)) + "]";

    [Check("predicts the class of each of 7 samples in batches of 3 (the last batch has 1 sample)",
           "以每批 3 个预测 7 个样本各自的类别（最后一批只有 1 个样本）")]
    public void WorkedExample(IChapter3 c)
    {
        var x = SevenSamples();
        var expected = OneByOne(ComparerNetwork(), x);
        ExpectPredictions(c.PredictBatch(ComparerNetwork(), x.Copy(), 3), expected, x, 3, "PredictBatch(network, x, batchSize: 3)");
    }

    [Check("keeps the last, partial batch for every batch size from 1 to 8 (N = 7)",
           "批大小从 1 到 8 时都不丢掉最后那个不满的批次（N = 7）")]
    public void KeepsThePartialBatch(IChapter3 c)
    {
        var x = SevenSamples();
        var expected = OneByOne(ComparerNetwork(), x);
        for (var batchSize = 1; batchSize <= 8; batchSize++)
        {
            ExpectPredictions(c.PredictBatch(ComparerNetwork(), x.Copy(), batchSize), expected, x, batchSize,
                $"PredictBatch(network, x, batchSize: {batchSize})");
        }
    }

    [Check("gives the same classes as forwarding the samples one by one, for random networks, inputs and batch sizes",
           "对随机的网络、输入和批大小，给出的类别与逐个样本前向传播的结果相同")]
    public void BatchEqualsOneByOne(IChapter3 c) =>
        Properties.ForAll("3.5 batch equals one by one", Cases(), p =>
            ExpectPredictions(c.PredictBatch(Copy(p.Network), p.X.Copy(), p.BatchSize), OneByOne(p.Network, p.X), p.X, p.BatchSize,
                $"PredictBatch(network, x, batchSize: {p.BatchSize})"));

    [Check("Accuracy is the fraction of correct predictions: 7 of 10 gives 0.7 (batches of 3)",
           "Accuracy 是预测正确的比例：10 个中对 7 个得 0.7（每批 3 个）")]
    public void AccuracyWorkedExample(IChapter3 c)
    {
        Tensor x = new[,]
        {
            { 0.1, 0.9 }, { 0.8, 0.2 }, { 0.5, -0.5 }, { -1.0, 2.0 }, { 3.0, 1.0 },
            { 0.2, 0.3 }, { -0.4, 0.6 }, { 1.5, 1.0 }, { 0.0, 0.7 }, { 2.5, -2.0 },
        };
        // The classes are 1, 0, 0, 1, 0, 1, 1, 0, 1, 0; the labels below get samples 1, 5 and 9 wrong.
        Tensor t = new[] { 1.0, 1.0, 0.0, 1.0, 0.0, 0.0, 1.0, 0.0, 1.0, 1.0 };
        var expected = Np.Equal(OneByOne(ComparerNetwork(), x), t).Sum() / 10;
        var actual = c.Accuracy(ComparerNetwork(), x.Copy(), t.Copy(), 3);
        Expect.Close(actual, expected, "Accuracy(network, x, t, batchSize: 3)", Tolerance.Value,
            [Expect.Input("x", x), ("t", Full(t)), (Say("predictions", "预测"), Full(OneByOne(ComparerNetwork(), x)))],
            Say("count the samples whose predicted class equals the label (the last, partial batch included) and divide by N = 10, " +
            "the number of samples: not by the number of batches, nor by batchSize.", "数出预测类别等于标签的样本数（包括最后那个不满的批次），再除以样本数 N = 10：不是除以批数，也不是除以 batchSize。"));
    }

    [Check("Accuracy agrees with the one-by-one predictions for random networks, labels and batch sizes",
           "对随机的网络、标签和批大小，Accuracy 与逐个预测的结果一致")]
    public void AccuracyMatchesDefinition(IChapter3 c) =>
        Properties.ForAll("3.5 accuracy", Cases(), p =>
        {
            var predictions = OneByOne(p.Network, p.X);
            var expected = Np.Equal(predictions, p.T).Sum() / p.X.Dim(0);
            Expect.Close(c.Accuracy(Copy(p.Network), p.X.Copy(), p.T.Copy(), p.BatchSize), expected,
                $"Accuracy(network, x, t, batchSize: {p.BatchSize})", Tolerance.Value,
                [Expect.Input("x", p.X), ("t", Full(p.T)), (Say("predictions", "预测"), Full(predictions))],
                Say("accuracy = (number of samples with prediction == label) / N.", "识别精度 = （预测 == 标签的样本数）/ N。"));
        });

    /// <summary>Random networks of 2–4 inputs and 2–5 classes, 1–12 samples, labels, and a batch size of 1 to N + 3.</summary>
    private static Gen<InferenceCase> Cases() =>
        from d0 in Gen.Choose(2, 4)
        from d1 in Gen.Choose(2, 5)
        from d2 in Gen.Choose(2, 5)
        from classes in Gen.Choose(2, 5)
        from n in Gen.Choose(1, 12)
        from batchSize in Gen.Choose(1, n + 3)
        from w1 in Gens.OfShape(-3, 3, d0, d1)
        from b1 in Gens.OfShape(-1, 1, d1)
        from w2 in Gens.OfShape(-3, 3, d1, d2)
        from b2 in Gens.OfShape(-1, 1, d2)
        from w3 in Gens.OfShape(-3, 3, d2, classes)
        from b3 in Gens.OfShape(-1, 1, classes)
        from x in Gens.OfShape(-3, 3, n, d0)
        from t in Gen.ArrayOf(Gen.Choose(0, classes - 1), n)
        select new InferenceCase(new Dictionary<string, Tensor>
        {
            ["W1"] = w1.Value, ["b1"] = b1.Value, ["W2"] = w2.Value, ["b2"] = b2.Value, ["W3"] = w3.Value, ["b3"] = b3.Value,
        }, x.Value, new Tensor(t.Select(v => (double)v).ToArray(), n), batchSize);

    private static Dictionary<string, Tensor> Copy(IReadOnlyDictionary<string, Tensor> network) =>
        network.ToDictionary(p => p.Key, p => p.Value.Copy());

    [Check("reproduces the golden predictions and accuracy",
           "重现黄金文件中的预测和识别精度")]
    public void GoldenPredictions(IChapter3 c)
    {
        var network = ComparerNetwork();
        var x = SevenSamples();
        Tensor t = new[] { 1.0, 0.0, 0.0, 1.0, 1.0, 1.0, 1.0 };
        Golden.Verify("predictions", new GoldenRecord
        {
            { "x", x }, { "t", t },
            { "PredictBatch(network, x, 3)", c.PredictBatch(network, x.Copy(), 3) },
            { "Accuracy(network, x, t, 3)", c.Accuracy(network, x.Copy(), t.Copy(), 3) },
        }, Tolerance.Value, Hint);
    }
}
