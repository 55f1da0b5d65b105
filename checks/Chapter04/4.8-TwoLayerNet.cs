using DeepLearningKata.Contracts;

namespace DeepLearningKata.Checks.Chapter04;

[Exercise("4.8", "TwoLayerNet")]
public sealed class TwoLayerNetChecks
{
    private const int In = 5, Hidden = 4, Out = 3, N = 6;

    private static readonly string[] Names = ["W1", "b1", "W2", "b2"];

    private static string PredictHint => Say("affine, sigmoid (your 1.2), affine, row-wise softmax (your 1.6): sigmoid in the hidden layer, softmax at the " +
                                       "output. More: ./run-checks.sh --hint 4.8", "Affine、sigmoid（你的 1.2）、Affine、按行 softmax（你的 1.6）：隐藏层用 sigmoid，输出层用 softmax。更多：./run-checks.sh --hint 4.8 --lang zh");

    private static string GradientHint => Say("for each of W1, b1, W2, b2: your 4.4 (Earlier.NumericalGradient) of a function returning Loss(x, t), taken at " +
                                        "the parameter tensor itself, not a copy, so that Loss sees each nudge. More: ./run-checks.sh --hint 4.8", "对 W1、b1、W2、b2 中的每一个：用你的 4.4（Earlier.NumericalGradient）对返回 Loss(x, t) 的函数求梯度，在参数张量本身上求，而不是在副本上，这样 Loss 才能看到每次微调。更多：./run-checks.sh --hint 4.8 --lang zh");

    /// <summary>A batch of N inputs in [−2, 2] and labels, from a seed.</summary>
    private static (Tensor X, Tensor Labels) Batch(int seed)
    {
        var random = new Random(seed);
        var x = Tensor.RandomUniform(random, -2, 2, N, In);
        var labels = new Tensor(Enumerable.Range(0, N).Select(_ => (double)random.Next(Out)).ToArray(), N);
        return (x, labels);
    }

    /// <summary>
    /// The subject's network with weights of standard deviation 1 and random biases, so that every part matters.
    /// The biases are written through Params; the checks read the parameters back through Params, so they hold
    /// whatever the network really computes with (whether Params is live is a check of its own).
    /// </summary>
    private static ITwoLayerNet Net(IChapter4 c, int seed)
    {
        var net = c.CreateTwoLayerNet(In, Hidden, Out, new Random(seed), 1.0);
        Expect.That(net is not null, Say("CreateTwoLayerNet returned null.", "CreateTwoLayerNet 返回了 null。"), [], Say("return new TwoLayerNet(…).", "返回 new TwoLayerNet(…)。"));
        var random = new Random(seed + 1000);
        foreach (var name in new[] { "b1", "b2" })
        {
            var b = Param(net!, name);
            b.Assign(Tensor.RandomUniform(random, -1, 1, b.Shape));
        }
        return net!;
    }

    /// <summary>Parameter <paramref name="name"/> of the net, or a failure that lists the names it has.</summary>
    private static Tensor Param(ITwoLayerNet net, string name)
    {
        var p = net.Params;
        Expect.That(p is not null && p.ContainsKey(name), Say($"net.Params has no parameter \"{name}\".", $"net.Params 里没有参数 \"{name}\"。"),
            [(Say("names found", "找到的名字"), p is null ? Say("Params is null", "Params 是 null") : string.Join(", ", p.Keys))],
            Say("keep the four parameters in one dictionary under the names W1, b1, W2, b2, and return it from Params.", "把四个参数放在同一个字典里，名字分别是 W1、b1、W2、b2，并由 Params 返回它。"));
        return p![name];
    }

    private static Dictionary<string, Tensor> Snapshot(ITwoLayerNet net) => Names.ToDictionary(n => n, n => Param(net, n).Copy());

    /// <summary>softmax(σ(x·W1 + b1)·W2 + b2), independent of any subject.</summary>
    private static Tensor Forward(IReadOnlyDictionary<string, Tensor> p, Tensor x)
    {
        var a1 = Np.Dot(x, p["W1"]) + p["b1"];
        var z1 = a1.Apply(v => 1 / (1 + Math.Exp(-v)));
        return Cases.SoftmaxRows(Np.Dot(z1, p["W2"]) + p["b2"]);
    }

    private static double CrossEntropy(Tensor y, Tensor labels)
    {
        var sum = 0.0;
        for (var i = 0; i < y.Dim(0); i++) sum += Math.Log(y[i, (int)labels[i]] + 1e-7);
        return -sum / y.Dim(0);
    }

    /// <summary>
    /// The gradient of the loss by backpropagation. With δ inside the log, ∂(−log(y_t + δ))/∂a = (y − t)·y_t/(y_t + δ):
    /// the usual (y − t) scaled per row, which matters for a confidently wrong row (y_t ≈ 1e-3 would be off by 1e-4).
    /// </summary>
    private static Dictionary<string, Tensor> Backprop(IReadOnlyDictionary<string, Tensor> p, Tensor x, Tensor labels)
    {
        var a1 = Np.Dot(x, p["W1"]) + p["b1"];
        var z1 = a1.Apply(v => 1 / (1 + Math.Exp(-v)));
        var y = Cases.SoftmaxRows(Np.Dot(z1, p["W2"]) + p["b2"]);
        var scale = new Tensor(Enumerable.Range(0, y.Dim(0)).Select(n => { var yt = y[n, (int)labels[n]]; return yt / (yt + 1e-7); }).ToArray(), y.Dim(0), 1);
        var dy = (y - Cases.OneHot(labels, y.Dim(1))) * scale / x.Dim(0);
        var da1 = Np.Dot(dy, p["W2"].T) * z1 * (1.0 - z1);
        return new Dictionary<string, Tensor>
        {
            ["W1"] = Np.Dot(x.T, da1), ["b1"] = da1.Sum(axis: 0), ["W2"] = Np.Dot(z1.T, dy), ["b2"] = dy.Sum(axis: 0),
        };
    }

    [Check("initialises W1 and W2 as weightInitStd·Tensor.RandomNormal(random, …), b1 and b2 as zeros",
           "把 W1 和 W2 初始化为 weightInitStd·Tensor.RandomNormal(random, …)，b1 和 b2 初始化为零")]
    public void Initialisation(IChapter4 c)
    {
        var net = c.CreateTwoLayerNet(In, Hidden, Out, new Random(11), 0.01);
        Expect.That(net is not null, Say("CreateTwoLayerNet returned null.", "CreateTwoLayerNet 返回了 null。"), [], Say("return new TwoLayerNet(…).", "返回 new TwoLayerNet(…)。"));
        var random = new Random(11);
        var expected = new Dictionary<string, Tensor>
        {
            ["W1"] = 0.01 * Tensor.RandomNormal(random, In, Hidden), ["b1"] = Tensor.Zeros(Hidden),
            ["W2"] = 0.01 * Tensor.RandomNormal(random, Hidden, Out), ["b2"] = Tensor.Zeros(Out),
        };
        foreach (var name in Names)
        {
            Expect.Close(Param(net!, name), expected[name], Say($"Params[\"{name}\"] of CreateTwoLayerNet({In}, {Hidden}, {Out}, new Random(11), 0.01)", $"CreateTwoLayerNet({In}, {Hidden}, {Out}, new Random(11), 0.01) 的 Params[\"{name}\"]"),
                Tolerance.Value, null,
                Say("W1 = weightInitStd * Tensor.RandomNormal(random, inputSize, hiddenSize) first, then W2 = weightInitStd * " +
                "Tensor.RandomNormal(random, hiddenSize, outputSize) from the same random; b1 = Tensor.Zeros(hiddenSize), b2 = Tensor.Zeros(outputSize).", "先 W1 = weightInitStd * Tensor.RandomNormal(random, inputSize, hiddenSize)，再用同一个 random 生成 W2 = weightInitStd * Tensor.RandomNormal(random, hiddenSize, outputSize)；b1 = Tensor.Zeros(hiddenSize)，b2 = Tensor.Zeros(outputSize)。"));
        }
    }

    [Check("Predict is softmax(σ(x·W1 + b1)·W2 + b2) for random parameters and inputs",
           "对随机的参数和输入，Predict 等于 softmax(σ(x·W1 + b1)·W2 + b2)")]
    public void PredictIsTheForwardPass(IChapter4 c)
    {
        for (var seed = 0; seed < 20; seed++)
        {
            var net = Net(c, seed);
            var (x, _) = Batch(100 + seed);
            var expected = Forward(Snapshot(net), x);
            Expect.Close(net.Predict(x.Copy()), expected, "net.Predict(x)", Tolerance.Value, [Expect.Input("x", x)], PredictHint);
        }
    }

    [Check("Predict stays finite for scores in the thousands: its softmax subtracts each row's max first",
           "得分达到几千时 Predict 仍是有限的概率：它的 softmax 先减去每行的最大值")]
    public void PredictStaysFiniteForLargeScores(IChapter4 c)
    {
        var net = Net(c, 40);
        var w2 = Param(net, "W2");
        w2.Assign(w2 * 1000.0);
        var (x, _) = Batch(140);
        Expect.Close(net.Predict(x.Copy()), Forward(Snapshot(net), x), Say("net.Predict(x) with W2 a thousand times larger (scores in the thousands)", "W2 放大一千倍之后（得分达到几千）的 net.Predict(x)"),
            Tolerance.Value, [Expect.Input("x", x)],
            Say("softmax(a) = e^(a − max) / Σ e^(a − max), one max per row, as your 1.6 (Earlier.Softmax2D) computes it: e^1000 is +∞ in double " +
                "precision and ∞ / ∞ is NaN.", "softmax(a) = e^(a − max) / Σ e^(a − max)，每行一个最大值，和你的 1.6（Earlier.Softmax2D）一样：双精度下 e^1000 是 +∞，∞ / ∞ 是 NaN。"));
    }

    [Check("Params are the very tensors the network computes with: changing them in place changes Predict",
           "Params 正是网络计算时用的那些张量：原地修改它们会改变 Predict")]
    public void ParamsAreLive(IChapter4 c)
    {
        var net = Net(c, 3);
        var (x, _) = Batch(4);
        var random = new Random(5);
        var changed = new Dictionary<string, Tensor>();
        foreach (var name in Names)
        {
            var p = Param(net, name);
            changed[name] = Tensor.RandomNormal(random, p.Shape);
            p.Assign(changed[name]);
        }
        Expect.Close(net.Predict(x), Forward(changed, x), Say("net.Predict(x) after net.Params[name].Assign(new values)", "net.Params[name].Assign(新的值) 之后的 net.Predict(x)"), Tolerance.Value,
            [Expect.Input("x", x)],
            Say("Params must return the dictionary of the tensors Predict uses, not copies: 4.9 trains the network by changing them in place.", "Params 必须返回 Predict 所用张量组成的字典，而不是副本：4.9 通过原地修改它们来训练网络。"));
    }

    [Check("Loss is the cross-entropy of Predict, with labels and with one-hot targets",
           "Loss 是 Predict 的交叉熵误差，标签和 one-hot 目标两种形式都要支持")]
    public void LossIsCrossEntropy(IChapter4 c)
    {
        for (var seed = 0; seed < 10; seed++)
        {
            var net = Net(c, seed);
            var (x, labels) = Batch(200 + seed);
            var expected = CrossEntropy(Forward(Snapshot(net), x), labels);
            var hint = Say("Loss(x, t) is your 4.2 (Earlier.CrossEntropyError) of the prediction against t: the mean over the batch of −log(y[t] + 1e-7).", "Loss(x, t) 是预测相对于 t 的、你的 4.2（Earlier.CrossEntropyError）：在批次上对 −log(y[t] + 1e-7) 取平均。");
            Expect.Close(net.Loss(x.Copy(), labels.Copy()), expected, "net.Loss(x, labels)", Tolerance.Value,
                [Expect.Input("x", x), Expect.Input("labels", labels)], hint);
            var oneHot = Cases.OneHot(labels, Out);
            Expect.Close(net.Loss(x.Copy(), oneHot), expected, "net.Loss(x, oneHot)", Tolerance.Value,
                [Expect.Input("x", x), Expect.Input("t", oneHot)], hint);
        }
    }

    [Check("Accuracy is the share of rows whose most probable class is the target, with labels and with one-hot targets",
           "Accuracy 是概率最大的类别等于目标的行所占的比例，标签和 one-hot 目标两种形式都要支持")]
    public void AccuracyIsTheShareOfHits(IChapter4 c)
    {
        for (var seed = 0; seed < 10; seed++)
        {
            var net = Net(c, seed);
            var (x, _) = Batch(300 + seed);
            var predicted = Forward(Snapshot(net), x).Argmax(axis: 1);
            // Half the rows get their predicted class as the label, the other half the next class: accuracy 3/6.
            var labels = new Tensor(Enumerable.Range(0, N).Select(i => i % 2 == 0 ? predicted[i] : (predicted[i] + 1) % Out).ToArray(), N);
            var hint = Say("the share (0 to 1) of rows whose predicted class (the argmax of the row) equals the label; for one-hot t (2-D), " +
                       "turn t into labels the same way first.", "预测类别（行的 argmax）等于标签的行所占的比例（0 到 1）；t 为 one-hot（二维）时，先用同样的方法把 t 变成标签。");
            Expect.Close(net.Accuracy(x.Copy(), labels.Copy()), 0.5, "net.Accuracy(x, labels)", Tolerance.Value,
                [Expect.Input("x", x), Expect.Input("labels", labels), (Say("predicted classes", "预测的类别"), predicted.ToString())], hint);
            var oneHot = Cases.OneHot(labels, Out);
            Expect.Close(net.Accuracy(x.Copy(), oneHot), 0.5, "net.Accuracy(x, oneHot)", Tolerance.Value,
                [Expect.Input("x", x), Expect.Input("t", oneHot), (Say("predicted classes", "预测的类别"), predicted.ToString())], hint);
        }
    }

    [Check("Gradient matches backpropagation for W1, b1, W2 and b2",
           "Gradient 对 W1、b1、W2 和 b2 的结果与反向传播一致")]
    public void GradientMatchesBackprop(IChapter4 c)
    {
        for (var seed = 0; seed < 5; seed++)
        {
            var net = Net(c, seed);
            var (x, labels) = Batch(400 + seed);
            var expected = Backprop(Snapshot(net), x, labels);
            var grads = net.Gradient(x.Copy(), labels.Copy());
            Expect.That(grads is not null, Say("net.Gradient(x, t) returned null.", "net.Gradient(x, t) 返回了 null。"), [], GradientHint);
            foreach (var name in Names)
            {
                Expect.That(grads!.ContainsKey(name), Say($"net.Gradient(x, t) has no entry \"{name}\".", $"net.Gradient(x, t) 里没有 \"{name}\" 这一项。"),
                    [(Say("names found", "找到的名字"), string.Join(", ", grads.Keys))], GradientHint);
                Expect.Close(grads[name], expected[name], $"net.Gradient(x, t)[\"{name}\"]", Tolerance.Gradient,
                    [Expect.Input("x", x), Expect.Input("labels", labels)], GradientHint, expectedNote: Say("by backpropagation", "由反向传播求出"));
            }
        }
    }

    [Check("Gradient leaves the parameters as they were",
           "Gradient 不改变参数")]
    public void GradientLeavesParamsAlone(IChapter4 c)
    {
        var net = Net(c, 8);
        var (x, labels) = Batch(9);
        var before = Snapshot(net);
        net.Gradient(x, labels);
        foreach (var name in Names)
        {
            Expect.Close(Param(net, name), before[name], Say($"Params[\"{name}\"] after net.Gradient(x, t)", $"net.Gradient(x, t) 之后的 Params[\"{name}\"]"), Tolerance.Value, null,
                Say("Gradient only measures: NumericalGradient puts every nudged element back, and the update belongs to the training loop (4.9).", "Gradient 只做测量：NumericalGradient 会把每个微调过的元素恢复原值，参数更新属于训练循环（4.9）。"),
                expectedNote: Say("the values before the call", "调用之前的值"));
        }
    }

    [Check("reproduces the golden examples",
           "重现黄金文件中的例子")]
    public void GoldenExamples(IChapter4 c)
    {
        var net = c.CreateTwoLayerNet(In, Hidden, Out, new Random(5), 0.5);
        var (x, labels) = Batch(6);
        var record = new GoldenRecord { { "x", x }, { "t", labels } };
        foreach (var name in Names) record.Add(name, Param(net, name).Copy());
        record.Add("Predict(x)", net.Predict(x.Copy()));
        record.Add("Loss(x, t)", net.Loss(x.Copy(), labels.Copy()));
        record.Add("Accuracy(x, t)", net.Accuracy(x.Copy(), labels.Copy()));
        var grads = net.Gradient(x.Copy(), labels.Copy());
        foreach (var name in Names) record.Add($"Gradient(x, t)[{name}]", grads[name]);
        Golden.Verify("examples", record, Tolerance.Gradient, PredictHint + " " + GradientHint);
    }
}
