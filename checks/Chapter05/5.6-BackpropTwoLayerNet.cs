using DeepLearningKata.Contracts;

namespace DeepLearningKata.Checks.Chapter05;

[Exercise("5.6", "BackpropTwoLayerNet", TimeoutSeconds = 20)]
public sealed class BackpropTwoLayerNetChecks
{
    private static string Hint => Say("Gradient: Loss(x, t) forwards through Affine1, Relu1, Affine2 and the loss layer; then backward starts at the " +
                                "loss layer (with 1) and goes through Affine2, Relu1, Affine1 — in reverse order; W1, b1 come from Affine1's " +
                                "Grads, W2, b2 from Affine2's. More: ./run-checks.sh --hint 5.6", "Gradient：Loss(x, t) 依次通过 Affine1、Relu1、Affine2 和损失层做正向传播；然后从损失层（以 1）开始反向传播，经过 Affine2、Relu1、Affine1——顺序相反；W1、b1 来自 Affine1 的 Grads，W2、b2 来自 Affine2 的 Grads。更多：./run-checks.sh --hint 5.6 --lang zh");

    private static GradientHints Hints => new("CreateTwoLayerNet(…)", Hint)
    {
        Gradients = new Dictionary<string, string>
        {
            ["dW1"] = Say("W1 is Affine1's parameter: Gradient[\"W1\"] = Affine1's Grads[\"W\"], after backward has gone through Affine2 and Relu1 first. ", "W1 是 Affine1 的参数：Gradient[\"W1\"] = Affine1 的 Grads[\"W\"]，要在反向传播先经过 Affine2 和 Relu1 之后再取。") + Hint,
            ["db1"] = Say("b1 is Affine1's parameter: Gradient[\"b1\"] = Affine1's Grads[\"b\"]. ", "b1 是 Affine1 的参数：Gradient[\"b1\"] = Affine1 的 Grads[\"b\"]。") + Hint,
            ["dW2"] = Say("W2 is Affine2's parameter: Gradient[\"W2\"] = Affine2's Grads[\"W\"]. ", "W2 是 Affine2 的参数：Gradient[\"W2\"] = Affine2 的 Grads[\"W\"]。") + Hint,
            ["db2"] = Say("b2 is Affine2's parameter: Gradient[\"b2\"] = Affine2's Grads[\"b\"]. ", "b2 是 Affine2 的参数：Gradient[\"b2\"] = Affine2 的 Grads[\"b\"]。") + Hint,
        },
        InPlace = Say("Gradient(x, t) only computes: it leaves x, t and the parameters as they were.", "Gradient(x, t) 只做计算：x、t 和参数都保持原样。"),
    };

    private static CaseSpec Net(Values targets, string[] targetAxes) => new(
        [new("N", 1, 4), new("D", 1, 4), new("H", 1, 5), new("C", 2, 4)],
        [
            new("x", ["N", "D"], Values.Between(-1, 1)),
            new("W1", ["D", "H"], Values.Between(-1, 1)),
            new("b1", ["H"], Values.Between(-1, 1)),
            new("W2", ["H", "C"], Values.Between(-1, 1)),
            new("b2", ["C"], Values.Between(-1, 1)),
            new("t", targetAxes, targets),
        ])
    {
        Valid = AwayFromKinks,
    };

    private static readonly CaseSpec OneHotTargets = Net(Values.OneHot("C"), ["N", "C"]);
    private static readonly CaseSpec LabelTargets = Net(Values.Labels("C"), ["N"]);

    /// <summary>
    /// Every hidden unit's input x·W1 + b1 is at least 0.01 from ReLU's kink: a nudge of h = 1e-5 to an element of W1
    /// or b1 moves it by at most 1e-5 (|x| ≤ 1), so the central difference never straddles the kink.
    /// </summary>
    private static bool AwayFromKinks(GradientCase k)
    {
        var a1 = Np.Dot(k.Peek("x"), k.Peek("W1")) + k.Peek("b1");
        return a1.AsSpan().ToArray().All(v => Math.Abs(v) >= 0.01);
    }

    [Check("has W1, b1, W2, b2 of the right shapes, zero biases, and weights of spread weightInitStd from the random given",
           "W1、b1、W2、b2 的形状正确，偏置为零，权重由给定的随机数生成、标准差为 weightInitStd")]
    public void Initialisation(IChapter5 c)
    {
        var net = c.CreateTwoLayerNet(100, 50, 10, new Random(1), 0.01);
        var call = "CreateTwoLayerNet(100, 50, 10, new Random(1), weightInitStd: 0.01)";
        var expected = new Dictionary<string, int[]> { ["W1"] = [100, 50], ["b1"] = [50], ["W2"] = [50, 10], ["b2"] = [10] };
        foreach (var (name, shape) in expected)
        {
            Expect.That(net.Params.TryGetValue(name, out var p) && p is not null, Say($"{call}.Params has no \"{name}\".", $"{call}.Params 里没有 \"{name}\"。"),
                [(Say("Params has", "Params 中有"), string.Join(", ", net.Params.Keys))], Say("Params holds W1, b1, W2, b2 by these names.", "Params 按 W1、b1、W2、b2 这些名字存放参数。"));
            Expect.Shape(net.Params[name], shape, $"{call}.Params[\"{name}\"]", hint: Say("W1 is (inputSize, hiddenSize), b1 (hiddenSize,), W2 (hiddenSize, outputSize), b2 (outputSize,).", "W1 是 (inputSize, hiddenSize)，b1 是 (hiddenSize,)，W2 是 (hiddenSize, outputSize)，b2 是 (outputSize,)。"));
        }
        Expect.Close(net.Params["b1"], Tensor.Zeros(50), $"{call}.Params[\"b1\"]", Tolerance.Value, hint: Say("the biases start at zero: Tensor.Zeros(hiddenSize).", "偏置从零开始：Tensor.Zeros(hiddenSize)。"));
        Expect.Close(net.Params["b2"], Tensor.Zeros(10), $"{call}.Params[\"b2\"]", Tolerance.Value, hint: Say("the biases start at zero: Tensor.Zeros(outputSize).", "偏置从零开始：Tensor.Zeros(outputSize)。"));
        foreach (var name in new[] { "W1", "W2" })
        {
            var w = net.Params[name];
            var std = Math.Sqrt(((w - w.Mean()) * (w - w.Mean())).Mean());
            Expect.That(Math.Abs(std - 0.01) < 0.002 && Math.Abs(w.Mean()) < 0.002,
                Say($"{call}.Params[\"{name}\"] does not look like 0.01 · N(0, 1).", $"{call}.Params[\"{name}\"] 看起来不像 0.01 · N(0, 1)。"),
                [(Say("its mean", "它的均值"), Tensor.FormatNumber(w.Mean())), (Say("its standard deviation", "它的标准差"), Tensor.FormatNumber(std))],
                Say($"{name} = weightInitStd * Tensor.RandomNormal(random, …): normal samples scaled by weightInitStd.", $"{name} = weightInitStd * Tensor.RandomNormal(random, …)：正态分布的样本乘以 weightInitStd。"));
        }
        var again = c.CreateTwoLayerNet(100, 50, 10, new Random(1), 0.01);
        var other = c.CreateTwoLayerNet(100, 50, 10, new Random(2), 0.01);
        Expect.That(again.Params["W1"].AsSpan().SequenceEqual(net.Params["W1"].AsSpan()) &&
                    !other.Params["W1"].AsSpan().SequenceEqual(net.Params["W1"].AsSpan()),
            Say("CreateTwoLayerNet does not draw its weights from the random it is given.", "CreateTwoLayerNet 没有用传给它的 random 生成权重。"), [],
            Say("use the random parameter (Tensor.RandomNormal(random, …)), not a new Random(): the same seed must give the same network.", "使用参数 random（Tensor.RandomNormal(random, …)），不要用 new Random()：相同的种子必须给出相同的网络。"));
    }

    [Check("predicts the scores of Affine–Relu–Affine, and its loss is the cross-entropy of their softmax",
           "预测 Affine–Relu–Affine 的得分，损失是其 softmax 的交叉熵误差")]
    public void PredictAndLoss(IChapter5 c) =>
        Properties.ForAll("5.6 predict", Gens.Case(OneHotTargets, LabelTargets), k =>
        {
            var net = NetFor(c, k);
            var x = k["x"];
            var scores = Np.Dot(Np.Maximum(0.0, Np.Dot(x, k["W1"]) + k["b1"]), k["W2"]) + k["b2"];
            Expect.Close(net.Predict(x.Copy()), scores, "Predict(x)", Tolerance.Value, [(Say("case", "用例"), k.Shapes)],
                Say("Predict forwards x through the layers in order — Affine1, Relu1, Affine2 — and returns the scores (no softmax).", "Predict 让 x 依次通过各层——Affine1、Relu1、Affine2——返回得分（不做 softmax）。"));
            Expect.Close(net.Loss(x.Copy(), k["t"]), SoftmaxWithLossChecks.Loss(scores, SoftmaxWithLossChecks.OneHot(k)), "Loss(x, t)", Tolerance.Value,
                [(Say("case", "用例"), k.Shapes)], "Loss(x, t) = lastLayer.Forward(Predict(x), t).");
        }, Gens.ShrinkCase, tests: 50);

    [Check("gradient by backpropagation matches central differences of the loss, for every parameter",
           "对每个参数，反向传播求出的梯度与损失的中心差分一致")]
    public void GradientMatchesNumerical(IChapter5 c) =>
        GradientCheck.Network("5.6 gradient", [OneHotTargets, LabelTargets], k => c.CreateTwoLayerNet(k.Dims["D"], k.Dims["H"], k.Dims["C"], new Random(3)), Hints,
            (net, x, t) => ExactLoss(net.Predict(x), t), Say("the cross-entropy of softmax(Predict(x)), without δ", "softmax(Predict(x)) 的交叉熵误差，不加 δ"));

    /// <summary>−Σ log y[i, class] / N without the δ: the function backpropagation differentiates exactly (see <see cref="GradientCheck.Network"/>).</summary>
    private static double ExactLoss(Tensor scores, Tensor t)
    {
        var y = SoftmaxWithLossChecks.Softmax(scores);
        var sum = 0.0;
        for (var i = 0; i < y.Dim(0); i++)
        {
            var label = t.Ndim == 2 ? t.Row(i).Argmax() : (int)t[i];
            sum += Math.Log(y[i, label]);
        }
        return -sum / y.Dim(0);
    }

    [Check("computes with the tensors in Params, so updating them in place changes the network",
           "用 Params 里的张量计算，因此原地更新它们就会改变网络")]
    public void ParamsAreTheLayersTensors(IChapter5 c)
    {
        var net = c.CreateTwoLayerNet(3, 4, 2, new Random(4), 1.0);
        Tensor x = new[,] { { 1.0, -1.0, 0.5 } };
        var before = net.Predict(x.Copy());
        net.Params["b2"].Assign(net.Params["b2"] + Tensor.From(1.0, -2.0));
        Expect.Close(net.Predict(x.Copy()), before + Tensor.From(1.0, -2.0), Say("Predict(x) after Params[\"b2\"].Assign(b2 + [1, −2])", "Params[\"b2\"].Assign(b2 + [1, −2]) 之后的 Predict(x)"), Tolerance.Value,
            [Expect.Input("x", x)],
            Say("the layers must hold the very tensors in Params: build Affine2 with Earlier.CreateAffine(@params[\"W2\"], @params[\"b2\"]), no copies.", "各层必须持有 Params 里的那些张量本身：用 Earlier.CreateAffine(@params[\"W2\"], @params[\"b2\"]) 构建 Affine2，不要复制。"));
    }

    [Check("finds the classes of a batch: accuracy for labels and for one-hot targets",
           "求出一个批次的类别：标签和 one-hot 目标两种形式的识别精度")]
    public void Accuracy(IChapter5 c)
    {
        var net = c.CreateTwoLayerNet(2, 2, 3, new Random(5));
        net.Params["W1"].Assign(Tensor.From(new[,] { { 1.0, 0.0 }, { 0.0, 1.0 } }));
        net.Params["W2"].Assign(Tensor.From(new[,] { { 1.0, 0.0, -1.0 }, { 0.0, 1.0, -1.0 } }));
        net.Params["b2"].Assign(Tensor.From(0.0, 0.0, 0.5));
        Tensor x = new[,] { { 2.0, 1.0 }, { 1.0, 3.0 }, { -1.0, -1.0 }, { 3.0, 0.0 } }; // scores favour classes 0, 1, 2, 0
        Tensor labels = new[] { 0.0, 1.0, 1.0, 2.0 };
        var oneHot = Tensor.From(new[,] { { 1.0, 0, 0 }, { 0, 1.0, 0 }, { 0, 1.0, 0 }, { 0, 0, 1.0 } });
        var inputs = new[] { Expect.Input("x", x), Expect.Input("scores", net.Predict(x.Copy())), Expect.Input("t", labels) };
        var hint = Say("accuracy = the share of rows whose largest score (Argmax(axis: 1)) is the target class; for one-hot t, take t.Argmax(axis: 1) first.", "识别精度 = 最大得分（Argmax(axis: 1)）等于目标类别的行所占的比例；t 为 one-hot 时，先取 t.Argmax(axis: 1)。");
        Expect.Close(net.Accuracy(x.Copy(), labels), 0.5, "Accuracy(x, labels)", Tolerance.Value, inputs, hint);
        Expect.Close(net.Accuracy(x.Copy(), oneHot), 0.5, "Accuracy(x, one-hot t)", Tolerance.Value, inputs, hint);
    }

    [Check("reproduces the golden examples",
           "重现黄金文件中的例子")]
    public void GoldenExamples(IChapter5 c)
    {
        var net = c.CreateTwoLayerNet(4, 5, 3, new Random(42), 0.5);
        var x = Tensor.RandomNormal(new Random(7), 3, 4);
        Tensor t = new[] { 0.0, 2.0, 1.0 };
        var record = new GoldenRecord();
        foreach (var name in new[] { "W1", "b1", "W2", "b2" }) record.Add($"initial {name}", net.Params[name].Copy());
        record.Add("x", x);
        record.Add("t", t);
        record.Add("Predict(x)", net.Predict(x.Copy()));
        record.Add("Loss(x, t)", net.Loss(x.Copy(), t.Copy()));
        var grads = net.Gradient(x.Copy(), t.Copy());
        foreach (var name in new[] { "W1", "b1", "W2", "b2" }) record.Add($"Gradient[{name}]", grads[name]);
        Golden.Verify("examples", record, Tolerance.Value,
            Say("W1 then b1, W2, b2, drawn in that order from the random (weightInitStd · Tensor.RandomNormal(random, …)); ", "先 W1，再 b1、W2、b2，按这个顺序用 random 生成（weightInitStd · Tensor.RandomNormal(random, …)）；") + Hint);
    }

    /// <summary>The subject's network with its parameters set to the case's.</summary>
    private static ITwoLayerNet NetFor(IChapter5 c, GradientCase k)
    {
        var net = c.CreateTwoLayerNet(k.Dims["D"], k.Dims["H"], k.Dims["C"], new Random(6));
        foreach (var name in k.ParameterNames) net.Params[name].Assign(k[name]);
        return net;
    }
}
