using DeepLearningKata.Contracts;

namespace DeepLearningKata.Checks.Chapter05;

[Exercise("5.5", "SoftmaxWithLoss")]
public sealed class SoftmaxWithLossChecks
{
    private static string Hint => Say("Forward: y = softmax of each row (subtract the row's max first), loss = −Σ t·log(y + 1e-7) / N. " +
                                "Backward(dout): dout · (y − t) / N, where for labels y − t means y with 1 subtracted at each row's label. " +
                                "More: ./run-checks.sh --hint 5.5", "Forward：y = 每一行的 softmax（先减去该行的最大值），loss = −Σ t·log(y + 1e-7) / N。Backward(dout)：dout · (y − t) / N，对标签而言，y − t 就是在每行的标签处把 y 减去 1。更多：./run-checks.sh --hint 5.5 --lang zh");

    private static GradientHints Hints => new("CreateSoftmaxWithLoss()", Hint)
    {
        Suspects =
        [
            new("dx", k => k.BatchSize > 1 ? Softmax(k["x"]) - OneHot(k) : null, Say("your dx equals y − t: the division by the batch size N is " +
                "missing. The loss is a mean over the batch, so each row's gradient is divided by N.", "你的 dx 等于 y − t：少了除以批大小 N。损失是对批次的平均，所以每一行的梯度都要除以 N。")),
            new("dx", k => (OneHot(k) - Softmax(k["x"])) / k.BatchSize * k["dout"].Item(), Say("your dx equals dout · (t − y) / N: the sign is flipped; it is y − t.", "你的 dx 等于 dout · (t − y) / N：符号反了，应该是 y − t。")),
        ],
        InPlace = Say("Forward(x, t) and Backward(dout) leave x and t as they were handed: keep a copy of t (t.Copy()) and compute y into a new tensor.", "Forward(x, t) 和 Backward(dout) 要保持传入的 x 和 t 不变：保存 t 的副本（t.Copy()），把 y 算进新的张量。"),
    };

    // Scores in [−1, 1] with at most 5 classes keep every probability above 0.03, so the book's δ = 1e-7 inside
    // the log changes the derivative of the loss by less than 4e-6 relative — well inside Tolerance.Gradient —
    // and a correct (y − t)/N is never rejected for the δ.
    private static readonly Values Scores = Values.Between(-1, 1);

    private static readonly CaseSpec OneHotTargets = new(
        [new("N", 1, 4), new("C", 2, 5)],
        [new("x", ["N", "C"], Scores), new("t", ["N", "C"], Values.OneHot("C")), new("dout", [], Values.Between(0.5, 2))]);

    private static readonly CaseSpec LabelTargets = new(
        [new("N", 1, 4), new("C", 2, 5)],
        [new("x", ["N", "C"], Scores), new("t", ["N"], Values.Labels("C")), new("dout", [], Values.Between(0.5, 2))]);

    [Check("gives the book's worked example, with one-hot targets and with labels",
           "给出书中例子的结果，one-hot 目标和标签两种形式")]
    public void WorkedExample(IChapter5 c)
    {
        Tensor x = new[,] { { 0.3, 2.9, 4.0 } };
        var y = Tensor.From(new[,] { { 0.01821127329554753, 0.24519181293507392, 0.7365969137693786 } });
        var expectedLoss = -Math.Log(0.7365969137693786 + 1e-7);
        foreach (var (t, name) in new[] { (Tensor.From(new[,] { { 0.0, 0.0, 1.0 } }), "one-hot t = [[0, 0, 1]]"), (Tensor.From(2.0), "labels t = [2]") })
        {
            var layer = c.CreateSoftmaxWithLoss();
            var inputs = new[] { Expect.Input("x", x), (name.Split(" t = ")[0] + " t", t.ToString()) };
            Expect.Close(layer.Forward(x.Copy(), t.Copy()), expectedLoss, "CreateSoftmaxWithLoss().Forward(x, t)", Tolerance.Value, inputs, Hint);
            Expect.Close(layer.Backward(1.0), y - Tensor.From(new[,] { { 0.0, 0.0, 1.0 } }), "Backward(1)", Tolerance.Value, inputs,
                Say("with a batch of one, dx = y − t: the softmax output minus the one-hot target.", "批次只有一个样本时，dx = y − t：softmax 的输出减去 one-hot 目标。"));
        }
    }

    [Check("forwards the mean cross-entropy of the row-wise softmax, for one-hot targets and labels",
           "正向输出按行 softmax 的平均交叉熵误差，one-hot 目标和标签两种形式")]
    public void ForwardIsCrossEntropy(IChapter5 c) =>
        Properties.ForAll("5.5 forward", Gens.Case(OneHotTargets, LabelTargets), k =>
        {
            var x = k["x"];
            var t = k["t"];
            Expect.Close(c.CreateSoftmaxWithLoss().Forward(x.Copy(), t.Copy()), Loss(x, OneHot(k)), "CreateSoftmaxWithLoss().Forward(x, t)",
                Tolerance.Value, [Expect.Input("x", x), Expect.Input("t", t)],
                Say("loss = −(1/N) Σ_i log(y[i, class of row i] + 1e-7), with y the softmax of each row: a mean over the batch, with δ = 1e-7.", "loss = −(1/N) Σ_i log(y[i, 第 i 行的类别] + 1e-7)，其中 y 是每一行的 softmax：对批次取平均，δ = 1e-7。"));
        }, Gens.ShrinkCase);

    [Check("backward matches central differences of dout · loss, for one-hot targets and labels",
           "反向传播与 dout · loss 的中心差分一致，one-hot 目标和标签两种形式")]
    public void BackwardMatchesNumerical(IChapter5 c) =>
        GradientCheck.LossLayer("5.5 gradient", [OneHotTargets, LabelTargets], c.CreateSoftmaxWithLoss, Hints);

    [Check("gives the same loss and gradient for labels as for the same targets one-hot",
           "标签与对应的 one-hot 目标给出相同的损失和梯度")]
    public void LabelsEqualOneHot(IChapter5 c) =>
        Properties.ForAll("5.5 labels", Gens.Case(LabelTargets), k =>
        {
            var x = k["x"];
            var labels = k["t"];
            var oneHot = OneHot(k);
            var a = c.CreateSoftmaxWithLoss();
            var b = c.CreateSoftmaxWithLoss();
            var inputs = new[] { Expect.Input("x", x), Expect.Input(Say("labels t", "标签 t"), labels), Expect.Input("one-hot t", oneHot) };
            Expect.Close(a.Forward(x.Copy(), labels.Copy()), b.Forward(x.Copy(), oneHot), "Forward(x, labels)", Tolerance.Value, inputs,
                Say("with labels, row i's target class is t[i]; the loss must equal the one for the same targets one-hot.", "使用标签时，第 i 行的目标类别是 t[i]；损失必须等于同样的目标写成 one-hot 时的损失。"));
            Expect.Close(a.Backward(1.0), b.Backward(1.0), Say("Backward(1) after Forward(x, labels)", "Forward(x, labels) 之后的 Backward(1)"), Tolerance.Value, inputs,
                Say("with labels, y − t is a copy of y with 1 subtracted at [i, t[i]] for each row i; then divide by N.", "使用标签时，y − t 就是 y 的副本在每行 i 的 [i, t[i]] 处减去 1；然后除以 N。"));
        }, Gens.ShrinkCase);

    [Check("stays finite for huge scores, and a confident wrong answer costs −log(1e-7), not ∞",
           "得分极大时仍是有限值，信心十足的错误答案的代价是 −log(1e-7)，而不是 ∞")]
    public void FiniteForHugeScores(IChapter5 c)
    {
        Tensor x = new[,] { { 1010.0, 1000.0, 990.0 }, { 0.0, 1000.0, 0.0 } };
        Tensor t = new[] { 0.0, 0.0 };
        var layer = c.CreateSoftmaxWithLoss();
        var loss = layer.Forward(x.Copy(), t.Copy());
        var expected = Loss(x, Tensor.From(new[,] { { 1.0, 0.0, 0.0 }, { 1.0, 0.0, 0.0 } }));
        Expect.Close(loss, expected, "CreateSoftmaxWithLoss().Forward(x, t)", Tolerance.Value, [Expect.Input("x", x), Expect.Input("t", t)],
            double.IsNaN(loss)
                ? Say("e^1010 overflows to ∞ and ∞/∞ is NaN: subtract each row's max before Np.Exp (x.Max(axis: 1, keepdims: true)).", "e^1010 溢出为 ∞，∞/∞ 是 NaN：在 Np.Exp 之前减去每行的最大值（x.Max(axis: 1, keepdims: true)）。")
                : Say("row 2 puts probability e^−1000 = 0 on its target: log(0 + 1e-7) keeps the loss finite, −log(1e-7) ≈ 16.1. Keep the δ = 1e-7.", "第 2 行给它的目标分配的概率是 e^−1000 = 0：log(0 + 1e-7) 让损失保持有限，−log(1e-7) ≈ 16.1。保留 δ = 1e-7。"));
        var dx = layer.Backward(1.0);
        Expect.That(dx is not null && dx.AsSpan().ToArray().All(double.IsFinite), Say("Backward(1) after huge scores is not finite.", "得分极大时，Backward(1) 的结果不是有限值。"),
            [Expect.Input("x", x), ("dx", dx?.ToString() ?? "null")], Say("subtract each row's max before Np.Exp, so the softmax stays finite.", "在 Np.Exp 之前减去每行的最大值，这样 softmax 才能保持有限。"));
    }

    [Check("reproduces the golden examples",
           "重现黄金文件中的例子")]
    public void GoldenExamples(IChapter5 c)
    {
        var random = new Random(55);
        var x = Tensor.RandomNormal(random, 4, 3);
        Tensor labels = new[] { 2.0, 0.0, 1.0, 2.0 };
        var layer = c.CreateSoftmaxWithLoss();
        var loss = layer.Forward(x.Copy(), labels.Copy());
        var dx = layer.Backward(0.5);
        Golden.Verify("examples", new GoldenRecord { { "x", x }, { "t", labels }, { "Forward(x, t)", loss }, { "Backward(0.5)", dx } }, Tolerance.Value, Hint);
    }

    /// <summary>The checks' own row-wise softmax.</summary>
    internal static Tensor Softmax(Tensor x) => Oracle.Softmax(x);

    /// <summary>The checks' own loss: −Σ t·log(softmax(x) + 1e-7) / N.</summary>
    internal static double Loss(Tensor x, Tensor oneHot)
    {
        var y = Softmax(x);
        var sum = 0.0;
        for (var i = 0; i < y.Dim(0); i++)
        {
            for (var j = 0; j < y.Dim(1); j++) sum += oneHot[i, j] * Math.Log(y[i, j] + 1e-7);
        }
        return -sum / y.Dim(0);
    }

    /// <summary>The case's targets as one-hot rows, whichever form they were generated in.</summary>
    internal static Tensor OneHot(GradientCase k)
    {
        var t = k["t"];
        if (t.Ndim == 2) return t;
        var result = Tensor.Zeros(t.Dim(0), k.Dims["C"]);
        for (var i = 0; i < t.Dim(0); i++) result[i, (int)t[i]] = 1.0;
        return result;
    }
}
