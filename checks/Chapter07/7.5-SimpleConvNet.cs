using System.Globalization;
using System.Runtime.CompilerServices;
using DeepLearningKata.Contracts;
using DeepLearningKata.Data;

namespace DeepLearningKata.Checks.Chapter07;

[Exercise("7.5", "SimpleConvNet", TimeoutSeconds = 120)]
public sealed class SimpleConvNetChecks
{
    private static string Hint => Say("Layers in order: Conv1 (W1, b1, S, P), Relu1, Pool1 (max 2×2, stride 2), Affine1 (W2, b2), Relu2, Affine2 " +
                                "(W3, b3); Gradient: Loss(x, t), then backward from the loss layer (with 1) through every layer in reverse " +
                                "order; W1, b1 from Conv1's Grads, W2, b2 from Affine1's, W3, b3 from Affine2's. More: ./run-checks.sh --hint " +
                                "7.5", "各层依次是：Conv1 (W1, b1, S, P)、Relu1、Pool1（最大 2×2，步幅 2）、Affine1 (W2, b2)、Relu2、Affine2 (W3, b3)；Gradient：先 Loss(x, t)，再从损失层（以 1）开始按相反顺序反向经过每一层；W1、b1 来自 Conv1 的 Grads，W2、b2 来自 Affine1 的，W3、b3 来自 Affine2 的。更多：./run-checks.sh --hint 7.5 --lang zh");

    private static string TrainHint => Say("for each epoch, for each batch of BatchSize consecutive rows: the gradient on the batch, handed with the " +
                                     "net's own parameters to the optimizer, then the loss on the same batch. After the epoch, the accuracy on " +
                                     "xTrain and on xTest and a line of progress. More: ./run-checks.sh --hint 7.5", "每个 epoch 里，对每个由 BatchSize 个连续行组成的批次：在批次上求梯度，连同网络自己的参数交给优化器，再求同一批次的损失。epoch 结束后，在 xTrain 和 xTest 上求识别精度，并写一行进度。更多：./run-checks.sh --hint 7.5 --lang zh");

    private static readonly string[] Names = ["W1", "b1", "W2", "b2", "W3", "b3"];

    private static GradientHints Hints => new("CreateSimpleConvNet(settings, random)", Hint)
    {
        Gradients = new Dictionary<string, string>
        {
            ["dW1"] = Say("W1 is Conv1's parameter; its gradient arrives only after backward has gone through Affine2, Relu2, Affine1, Pool1 and Relu1 — " +
                      "every one of them, in reverse order. ", "W1 是 Conv1 的参数；只有在反向传播依次经过 Affine2、Relu2、Affine1、Pool1 和 Relu1——每一层都不能少，顺序相反——之后，它的梯度才会到达。") + Hint,
            ["db1"] = Say("b1 is Conv1's parameter: Gradient[\"b1\"] = Conv1's Grads[\"b\"], after backward through every later layer. ", "b1 是 Conv1 的参数：Gradient[\"b1\"] = Conv1 的 Grads[\"b\"]，要在反向经过后面的每一层之后再取。") + Hint,
            ["dW2"] = Say("W2 is Affine1's parameter: Gradient[\"W2\"] = Affine1's Grads[\"W\"], after backward through Affine2 and Relu2. ", "W2 是 Affine1 的参数：Gradient[\"W2\"] = Affine1 的 Grads[\"W\"]，要在反向经过 Affine2 和 Relu2 之后再取。") + Hint,
            ["db2"] = Say("b2 is Affine1's parameter: Gradient[\"b2\"] = Affine1's Grads[\"b\"]. ", "b2 是 Affine1 的参数：Gradient[\"b2\"] = Affine1 的 Grads[\"b\"]。") + Hint,
            ["dW3"] = Say("W3 is Affine2's parameter: Gradient[\"W3\"] = Affine2's Grads[\"W\"]. ", "W3 是 Affine2 的参数：Gradient[\"W3\"] = Affine2 的 Grads[\"W\"]。") + Hint,
            ["db3"] = Say("b3 is Affine2's parameter: Gradient[\"b3\"] = Affine2's Grads[\"b\"]. ", "b3 是 Affine2 的参数：Gradient[\"b3\"] = Affine2 的 Grads[\"b\"]。") + Hint,
        },
        InPlace = Say("Gradient(x, t) only computes: it leaves x, t and the parameters as they were.", "Gradient(x, t) 只做计算：x、t 和参数都保持原样。"),
    };

    private static readonly ConvNetSettings Small = new(1, 8, 8, FilterCount: 3, FilterSize: 3, Stride: 1, Pad: 0, HiddenSize: 6, OutputSize: 4);
    private static readonly ConvNetSettings Strided = new(1, 9, 9, FilterCount: 2, FilterSize: 3, Stride: 2, Pad: 2, HiddenSize: 4, OutputSize: 3);
    private static readonly ConvNetSettings TwoChannels = new(2, 6, 6, FilterCount: 2, FilterSize: 3, Stride: 1, Pad: 1, HiddenSize: 5, OutputSize: 3);

    private static readonly ConditionalWeakTable<CaseSpec, ConvNetSettings> SettingsOf = [];

    /// <summary>Cases for one fixed settings: a batch of 1–3 images, every parameter, label targets.</summary>
    private static CaseSpec Spec(ConvNetSettings s)
    {
        var conv = (s.Height + 2 * s.Pad - s.FilterSize) / s.Stride + 1;
        var pooled = s.FilterCount * (conv / 2) * (conv / 2);
        var spec = new CaseSpec(
            [new("N", 1, 3), new("C", s.Channels, s.Channels), new("H", s.Height, s.Height), new("Wd", s.Width, s.Width), new("FN", s.FilterCount, s.FilterCount),
             new("FS", s.FilterSize, s.FilterSize), new("Q", pooled, pooled), new("Hid", s.HiddenSize, s.HiddenSize), new("Out", s.OutputSize, s.OutputSize)],
            [
                new("x", ["N", "C", "H", "Wd"], Values.Between(0, 1)),
                new("W1", ["FN", "C", "FS", "FS"], Values.Between(-0.5, 0.5)),
                new("b1", ["FN"], Values.Between(-0.5, 0.5)),
                new("W2", ["Q", "Hid"], Values.Between(-0.5, 0.5)),
                new("b2", ["Hid"], Values.Between(-0.5, 0.5)),
                new("W3", ["Hid", "Out"], Values.Between(-0.5, 0.5)),
                new("b3", ["Out"], Values.Between(-0.5, 0.5)),
                new("t", ["N"], Values.Labels("Out")),
            ])
        {
            Valid = k => AwayFromKinks(k, s),
        };
        SettingsOf.AddOrUpdate(spec, s);
        return spec;
    }

    private static readonly CaseSpec[] Specs = [Spec(Small), Spec(Strided), Spec(TwoChannels)];

    /// <summary>The net's layers by their definitions (the oracles of 7.3 and 7.4 and plain products): the scores and what lies between.</summary>
    private static (Tensor Conv, Tensor Hidden, Tensor Scores) Oracle(Tensor x, IReadOnlyDictionary<string, Tensor> p, ConvNetSettings s)
    {
        var conv = Chapter7Cases.Convolve(x, p["W1"], p["b1"], s.Stride, s.Pad);
        var pooled = Chapter7Cases.Pool(Np.Maximum(0.0, conv), null, 2, 2, 2, 0, max: true).Output;
        var hidden = Np.Dot(pooled.Reshape(x.Dim(0), -1), p["W2"]) + p["b2"];
        var scores = Np.Dot(Np.Maximum(0.0, hidden), p["W3"]) + p["b3"];
        return (conv, hidden, scores);
    }

    /// <summary>
    /// Every ReLU input at least 0.01 from 0, and every pooling window's positive maximum 1e-3 ahead of the next value: a nudge of
    /// h = 1e-5 to a parameter (|x| ≤ 1) then never crosses a kink or changes a window's maximum.
    /// </summary>
    private static bool AwayFromKinks(GradientCase k, ConvNetSettings s)
    {
        var p = Names.ToDictionary(n => n, k.Peek);
        var (conv, hidden, _) = Oracle(k.Peek("x"), p, s);
        if (conv.AsSpan().ToArray().Concat(hidden.AsSpan().ToArray()).Any(v => Math.Abs(v) < 0.01)) return false;
        var relu = Np.Maximum(0.0, conv);
        for (var n = 0; n < relu.Dim(0); n++)
        for (var f = 0; f < relu.Dim(1); f++)
        for (var i = 0; i + 1 < relu.Dim(2); i += 2)
        for (var j = 0; j + 1 < relu.Dim(3); j += 2)
        {
            var window = new[] { relu[n, f, i, j], relu[n, f, i, j + 1], relu[n, f, i + 1, j], relu[n, f, i + 1, j + 1] }.OrderDescending().ToArray();
            if (window[0] > 0 && window[0] - window[1] < 1e-3) return false;
        }
        return true;
    }

    private static INetwork NetFor(IChapter7 c, GradientCase k)
    {
        var s = SettingsOf.TryGetValue(k.Spec, out var settings) ? settings : throw new InvalidOperationException("unknown case layout");
        var net = c.CreateSimpleConvNet(s, new Random(5)) ?? throw new CheckFailure(Say("CreateSimpleConvNet returned null.\n  hint: ", "CreateSimpleConvNet 返回了 null。\n  提示: ") + Hint);
        foreach (var name in Names)
        {
            if (!net.Params.TryGetValue(name, out var p) || p is null)
            {
                throw new CheckFailure(Say($"CreateSimpleConvNet(…).Params has no \"{name}\".\n  Params has: {string.Join(", ", net.Params.Keys)}\n" +
                                       "  hint: Params holds W1, b1, W2, b2, W3, b3 by these names.", $"CreateSimpleConvNet(…).Params 里没有 \"{name}\"。\n  Params 中有: {string.Join(", ", net.Params.Keys)}\n  提示: Params 按 W1、b1、W2、b2、W3、b3 这些名字存放参数。"));
            }
            if (!p.ShapeSpan.SequenceEqual(k.Peek(name).ShapeSpan))
            {
                throw new CheckFailure(Say($"CreateSimpleConvNet({s}).Params[\"{name}\"] has shape {p.ShapeText}; expected {k.Peek(name).ShapeText}.\n  hint: " +
                                       "W1 (FN, C, FS, FS), W2 (FN·pool·pool, HiddenSize) with pool = conv / 2, W3 (HiddenSize, OutputSize).", $"CreateSimpleConvNet({s}).Params[\"{name}\"] 的形状是 {p.ShapeText}，期望 {k.Peek(name).ShapeText}。\n  提示: W1 (FN, C, FS, FS)，W2 (FN·pool·pool, HiddenSize)，其中 pool = conv / 2，W3 (HiddenSize, OutputSize)。"));
            }
            p.Assign(k.Peek(name));
        }
        return net;
    }

    // ------------------------------------------------------------------ the network

    [Check("has W1 … b3 of the book's shapes for the book's settings, zero biases, and weights of spread 0.01 from the random given",
           "按书中的设置，W1 … b3 的形状与书中相同，偏置为零，权重由给定的随机数生成、标准差为 0.01")]
    public void Initialisation(IChapter7 c)
    {
        var settings = new ConvNetSettings();
        var net = c.CreateSimpleConvNet(settings, new Random(1));
        const string call = "CreateSimpleConvNet(new ConvNetSettings(), new Random(1))";
        var expected = new Dictionary<string, int[]>
        {
            ["W1"] = [30, 1, 5, 5], ["b1"] = [30], ["W2"] = [30 * 12 * 12, 100], ["b2"] = [100], ["W3"] = [100, 10], ["b3"] = [10],
        };
        foreach (var (name, shape) in expected)
        {
            Expect.That(net.Params.TryGetValue(name, out var p) && p is not null, Say($"{call}.Params has no \"{name}\".", $"{call}.Params 里没有 \"{name}\"。"),
                [(Say("Params has", "Params 中有"), string.Join(", ", net.Params.Keys))], Say("Params holds W1, b1, W2, b2, W3, b3 by these names.", "Params 按 W1、b1、W2、b2、W3、b3 这些名字存放参数。"));
            Expect.Shape(net.Params[name], shape, $"{call}.Params[\"{name}\"]",
                hint: Say("W1 is (FN, C, FS, FS) = (30, 1, 5, 5); the convolution gives 24×24, the pooling 12×12, so W2 is (30·12·12, 100); W3 is (100, 10).", "W1 是 (FN, C, FS, FS) = (30, 1, 5, 5)；卷积得到 24×24，池化得到 12×12，所以 W2 是 (30·12·12, 100)；W3 是 (100, 10)。"));
        }
        foreach (var name in new[] { "b1", "b2", "b3" })
        {
            Expect.Close(net.Params[name], Tensor.ZerosLike(net.Params[name]), $"{call}.Params[\"{name}\"]", Tolerance.Value, hint: Say("the biases start at zero.", "偏置从零开始。"));
        }
        foreach (var name in new[] { "W1", "W2", "W3" })
        {
            var w = net.Params[name];
            var std = Math.Sqrt(((w - w.Mean()) * (w - w.Mean())).Mean());
            Expect.That(Math.Abs(std - 0.01) < 0.003 && Math.Abs(w.Mean()) < 0.003, Say($"{call}.Params[\"{name}\"] does not look like 0.01 · N(0, 1).", $"{call}.Params[\"{name}\"] 看起来不像 0.01 · N(0, 1)。"),
                [(Say("its mean", "它的均值"), Tensor.FormatNumber(w.Mean())), (Say("its standard deviation", "它的标准差"), Tensor.FormatNumber(std))],
                $"{name} = settings.WeightInitStd * Tensor.RandomNormal(random, …).");
        }
        var again = c.CreateSimpleConvNet(settings, new Random(1));
        var other = c.CreateSimpleConvNet(settings, new Random(2));
        Expect.That(Names.All(n => again.Params[n].AsSpan().SequenceEqual(net.Params[n].AsSpan())) &&
                    !other.Params["W1"].AsSpan().SequenceEqual(net.Params["W1"].AsSpan()),
            Say("CreateSimpleConvNet does not draw its weights from the random it is given, in the order W1, W2, W3.", "CreateSimpleConvNet 没有按 W1、W2、W3 的顺序用传给它的 random 生成权重。"), [],
            Say("use the random parameter (Tensor.RandomNormal(random, …)), not a new Random(): the same seed must give the same network.", "使用参数 random（Tensor.RandomNormal(random, …)），不要用 new Random()：相同的种子必须给出相同的网络。"));
    }

    [Check("predicts the scores of Conv–ReLU–Pool–Affine–ReLU–Affine, and its loss is the cross-entropy of their softmax",
           "预测 Conv–ReLU–Pool–Affine–ReLU–Affine 的得分，损失是其 softmax 的交叉熵误差")]
    public void PredictAndLoss(IChapter7 c) =>
        Properties.ForAll("7.5 predict", Gens.Case(Specs), k =>
        {
            var s = SettingsOf.TryGetValue(k.Spec, out var settings) ? settings : throw new InvalidOperationException("unknown case layout");
            var net = NetFor(c, k);
            var x = k["x"];
            var scores = Oracle(x, Names.ToDictionary(n => n, k.Peek), s).Scores;
            Expect.Close(net.Predict(x.Copy()), scores, "Predict(x)", Tolerance.Value, [(Say("settings", "设置"), s.ToString()), (Say("case", "用例"), k.Shapes)],
                Say("Predict forwards x through Conv1, Relu1, Pool1 (max 2×2, stride 2), Affine1, Relu2, Affine2 and returns the scores (no softmax).", "Predict 让 x 依次通过 Conv1、Relu1、Pool1（最大 2×2，步幅 2）、Affine1、Relu2、Affine2，返回得分（不做 softmax）。"));
            Expect.Close(net.Predict(x.Reshape(x.Dim(0), -1)), scores, Say("Predict(x flattened to (N, C·H·W))", "Predict(展平成 (N, C·H·W) 的 x)"), Tolerance.Value, [(Say("settings", "设置"), s.ToString())],
                Say("rows of C·H·W pixels (as Mnist.Load() gives them) are images too: reshape them to (N, C, H, W) first.", "每行 C·H·W 个像素的数据（Mnist.Load() 给出的就是这样）也是图像：先 reshape 成 (N, C, H, W)。"));
            var loss = net.Loss(x.Copy(), k["t"]);
            Expect.That(Tolerance.Value.Accepts(loss, CrossEntropy(scores, k.Peek("t"), 1e-7)), $"Loss(x, t) is {Tensor.FormatNumber(loss)}; expected " +
                $"{Tensor.FormatNumber(CrossEntropy(scores, k.Peek("t"), 1e-7))}.", [(Say("case", "用例"), k.Shapes)], "Loss(x, t) = lastLayer.Forward(Predict(x), t).");
        }, Gens.ShrinkCase, tests: 30);

    [Check("gradient by backpropagation matches central differences of the loss, for every parameter",
           "对每个参数，反向传播求出的梯度与损失的中心差分一致")]
    public void GradientMatchesNumerical(IChapter7 c) =>
        GradientCheck.Model("7.5 gradient", Specs, k =>
        {
            var net = NetFor(c, k);
            var x = k.Peek("x");
            var t = k.Peek("t");
            return new ModelProbe(net.Params, () => CrossEntropy(net.Predict(x.Copy()), t, 0), () =>
            {
                var xIn = x.Copy();
                var g = net.Gradient(xIn, t.Copy());
                Expect.Unchanged(x, xIn, "Gradient(x, t)", "x");
                return g;
            }, Say("the cross-entropy of softmax(Predict(x)), without δ", "softmax(Predict(x)) 的交叉熵误差，不加 δ"), () => net.Predict(x.Copy()));
        }, Hints, tests: 25);

    /// <summary>−Σ log softmax(scores)[i, t_i] / N, plus δ inside the log when given (the book's loss has δ = 1e-7; its gradient has none).</summary>
    private static double CrossEntropy(Tensor scores, Tensor t, double delta)
    {
        var sum = 0.0;
        for (var i = 0; i < scores.Dim(0); i++)
        {
            var row = scores.Row(i);
            var e = Np.Exp(row - row.Max());
            sum += Math.Log(e[(int)t[i]] / e.Sum() + delta);
        }
        return -sum / scores.Dim(0);
    }

    [Check("computes with the tensors in Params, so updating them in place changes the network",
           "用 Params 里的张量计算，因此原地更新它们就会改变网络")]
    public void ParamsAreTheLayersTensors(IChapter7 c)
    {
        var net = c.CreateSimpleConvNet(Small, new Random(4));
        var x = Tensor.RandomUniform(new Random(5), 0, 1, 2, 1, 8, 8);
        var before = net.Predict(x.Copy());
        net.Params["b3"].Assign(net.Params["b3"] + 1.0);
        Expect.Close(net.Predict(x.Copy()), before + 1.0, Say("Predict(x) after Params[\"b3\"].Assign(b3 + 1)", "Params[\"b3\"].Assign(b3 + 1) 之后的 Predict(x)"), Tolerance.Value, [],
            Say("build the layers with the very tensors in Params (Earlier.CreateAffine(@params[\"W3\"], @params[\"b3\"])), not copies: the optimizer updates Params.", "用 Params 里的张量本身构建各层（Earlier.CreateAffine(@params[\"W3\"], @params[\"b3\"])），不要用副本：优化器更新的是 Params。"));
        net.Params["W1"].Assign(net.Params["W1"] * 0.0);
        net.Params["b1"].Assign(net.Params["b1"] * 0.0 - 1.0);
        var flat = net.Predict(x.Copy());
        Expect.Close(flat, Np.Dot(Np.Maximum(0.0, Np.Dot(Tensor.Zeros(2, 27), net.Params["W2"]) + net.Params["b2"]), net.Params["W3"]) + net.Params["b3"],
            Say("Predict(x) after W1 = 0 and b1 = −1 (every convolution output −1, so ReLU makes them 0)", "W1 = 0、b1 = −1 之后的 Predict(x)（每个卷积输出都是 −1，ReLU 之后都变成 0）"), Tolerance.Value, [],
            Say("Conv1 must compute with Params[\"W1\"] and Params[\"b1\"] themselves.", "Conv1 必须用 Params[\"W1\"] 和 Params[\"b1\"] 本身来计算。"));
    }

    [Check("Accuracy is the share of images whose largest score is their label, for any number of images, as images or as flat rows",
           "Accuracy 是得分最大的类别等于标签的图像所占的比例：图像多少张都可以，图像或展平的行都可以")]
    public void AccuracyOfAnyNumberOfImages(IChapter7 c)
    {
        var random = new Random(8);
        var net = c.CreateSimpleConvNet(Small, new Random(9));
        foreach (var name in Names) net.Params[name].Assign(Tensor.RandomUniform(random, -0.5, 0.5, net.Params[name].Shape));
        // 250 images: two batches of 100 and a last one of 50, if Accuracy predicts 100 at a time; then a handful as flat rows.
        foreach (var (n, flat) in new[] { (250, false), (7, true) })
        {
            var x = Tensor.RandomUniform(random, 0, 1, n, Small.Channels, Small.Height, Small.Width);
            var scores = Oracle(x, net.Params, Small).Scores;
            // Every third image labelled with its largest score (a hit), the others with their third largest (a miss).
            var labels = new double[n];
            var hits = 0;
            for (var i = 0; i < n; i++)
            {
                var order = Enumerable.Range(0, Small.OutputSize).OrderByDescending(j => scores[i, j]).ToArray();
                var hit = i % 3 == 0 && scores[i, order[0]] - scores[i, order[1]] > 1e-9;
                labels[i] = hit ? order[0] : order[2];
                if (hit) hits++;
            }
            var input = flat ? x.Reshape(n, -1) : x;
            var call = flat ? $"Accuracy(x ({n}, {Small.Channels * Small.Height * Small.Width}), t)" : $"Accuracy(x ({n}, {Small.Channels}, {Small.Height}, {Small.Width}), t)";
            var accuracy = net.Accuracy(input.Copy(), Tensor.From(labels));
            Expect.That(Tolerance.Value.Accepts(accuracy, (double)hits / n),
                Say($"{call} is {Tensor.FormatNumber(accuracy)}; expected {hits} / {n} = {Tensor.FormatNumber((double)hits / n)}.", $"{call} 是 {Tensor.FormatNumber(accuracy)}；期望 {hits} / {n} = {Tensor.FormatNumber((double)hits / n)}。"),
                [(Say("settings", "设置"), Small.ToString()), (Say("labels", "标签"), Say("every third image's label is its largest score, the others' their third largest", "每三张图像中有一张的标签是它得分最大的类别，其余的是得分第三大的类别"))],
                Say("count the images whose largest score (Argmax of Predict) is their label, over every image, and divide by N. Predicting 100 at a time, " +
                    "the last batch is shorter when N is not a multiple of 100: it counts too.", "统计得分最大的类别（Predict 的 Argmax）等于标签的图像数，要算上每一张图像，再除以 N。每次预测 100 张时，如果 N 不是 100 的倍数，最后一批会短一些：它也要算进去。"));
        }
    }

    // ------------------------------------------------------------------ the training loop, with a spy

    [Check("Train hands every step's gradient to the optimizer, with the net's Params, once per batch of consecutive rows",
           "Train 每一步把梯度连同网络的 Params 交给优化器，每个由连续行组成的批次一次")]
    public void TrainUsesTheOptimizer(IChapter7 c)
    {
        var spy = Spy.Run(c);
        Expect.That(spy.Optimizer.Calls.Count == 4, Say($"optimizer.Update was called {spy.Optimizer.Calls.Count} times in 2 epochs of 2 batches.", $"2 个 epoch、每个 2 批，optimizer.Update 却被调用了 {spy.Optimizer.Calls.Count} 次。"),
            [(Say("data", "数据"), Spy.DataText)], Say("call optimizer.Update(net.Params, grads) once after every net.Gradient(xBatch, tBatch). ", "每次 net.Gradient(xBatch, tBatch) 之后调用一次 optimizer.Update(net.Params, grads)。") + TrainHint);
        Expect.That(spy.Optimizer.Calls.All(call => ReferenceEquals(call.Params, spy.Net.Params) || Names1.All(n => ReferenceEquals(call.Params[n], spy.Net.Params[n]))),
            Say("optimizer.Update was not given net.Params.", "传给 optimizer.Update 的不是 net.Params。"), [], Say("the optimizer changes the net's own tensors in place: hand it net.Params. ", "优化器原地修改网络自己的张量：把 net.Params 交给它。") + TrainHint);
        Expect.That(spy.Optimizer.Calls.All(call => call.GradsWereTheNets), Say("optimizer.Update was not given the gradient net.Gradient returned.", "传给 optimizer.Update 的不是 net.Gradient 返回的梯度。"), [],
            TrainHint);
        var batches = spy.Net.GradientCalls.Select(call => string.Join(",", Spy.RowsOf(call))).ToList();
        var expected = new[] { "0,1", "2,3", "0,1", "2,3" };
        Expect.That(batches.SequenceEqual(expected), Say("Train did not compute the gradient on batches of consecutive rows, in order.", "Train 没有按顺序在由连续行组成的批次上求梯度。"),
            [(Say("rows of each batch (expected)", "每批的行（期望）"), string.Join(" | ", expected)), (Say("rows of each batch (yours)", "每批的行（你的）"), string.Join(" | ", batches))],
            Say("batch k is rows k·BatchSize … (k + 1)·BatchSize − 1, in order, every epoch; a last, shorter batch (row 4 here) is dropped.", "第 k 批是第 k·BatchSize … (k + 1)·BatchSize − 1 行，按顺序，每个 epoch 都一样；最后那个较短的批次（这里是第 4 行）丢弃。"));
    }

    private static readonly string[] Names1 = ["W"];

    [Check("Train records the loss of each batch after the update, and both accuracies after each epoch",
           "Train 记录每个批次更新之后的损失，以及每个 epoch 之后的两种识别精度")]
    public void TrainRecordsTheHistory(IChapter7 c)
    {
        var spy = Spy.Run(c);
        var history = spy.History ?? throw new CheckFailure(Say("Train returned null.\n  hint: return new TrainingHistory(loss, trainAccuracy, testAccuracy).", "Train 返回了 null。\n  提示: 返回 new TrainingHistory(loss, trainAccuracy, testAccuracy)。"));
        var expectedLosses = Enumerable.Range(1, 4).Select(Spy.LossAfter).ToArray();
        Expect.That(history.Losses.Count == 4 && history.Losses.Zip(expectedLosses).All(p => Tolerance.Value.Accepts(p.First, p.Second)),
            Say("Train's losses are not the losses of each batch right after its update.", "Train 的损失不是每个批次刚更新之后的损失。"),
            [(Say("expected", "期望值"), string.Join(", ", expectedLosses.Select(Tensor.FormatNumber))), (Say("yours", "你的"), string.Join(", ", history.Losses.Select(Tensor.FormatNumber)))],
            history.Losses.Count == 4 && history.Losses.Zip(Enumerable.Range(0, 4).Select(Spy.LossAfter)).All(p => Tolerance.Value.Accepts(p.First, p.Second))
                ? Say("your losses are those before each update: call net.Loss(xBatch, tBatch) after optimizer.Update.", "你的损失是每次更新之前的：在 optimizer.Update 之后调用 net.Loss(xBatch, tBatch)。")
                : TrainHint);
        Expect.That(history.TrainAccuracies.SequenceEqual([0.5, 0.75]) && history.TestAccuracies.SequenceEqual([0.25, 0.5]),
            Say("Train's accuracies are not net.Accuracy(xTrain, tTrain) and net.Accuracy(xTest, tTest) after each epoch.", "Train 的识别精度不是每个 epoch 之后的 net.Accuracy(xTrain, tTrain) 和 net.Accuracy(xTest, tTest)。"),
            [(Say("train (yours)", "训练（你的）"), string.Join(", ", history.TrainAccuracies)), (Say("test (yours)", "测试（你的）"), string.Join(", ", history.TestAccuracies)),
             (Say("train, test (expected)", "训练、测试（期望）"), "0.5, 0.75 and 0.25, 0.5")], TrainHint);
        var lines = spy.Progress.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Expect.That(lines.Length >= 2, Say($"Train wrote {lines.Length} line(s) to progress in 2 epochs.", $"Train 在 2 个 epoch 中向 progress 写了 {lines.Length} 行。"), [(Say("what it wrote", "它写的内容"), spy.Progress.Length == 0 ? "(nothing)" : spy.Progress)],
            Say("after each epoch, progress.WriteLine($\"epoch {epoch}: loss …, train accuracy …, test accuracy …\").", "每个 epoch 之后，progress.WriteLine($\"epoch {epoch}: loss …, train accuracy …, test accuracy …\")。"));
    }

    /// <summary>A stand-in network and optimizer that record every call.</summary>
    private sealed class Spy
    {
        private static readonly Tensor XTrain = Tensor.From(new[,] { { 1.0, 2.0 }, { 11.0, 12.0 }, { 21.0, 22.0 }, { 31.0, 32.0 }, { 41.0, 42.0 } });
        private static readonly Tensor TTrain = Tensor.From(0.0, 1.0, 2.0, 3.0, 4.0);
        private static readonly Tensor XTest = Tensor.From(new[,] { { -1.0, -2.0 }, { -3.0, -4.0 } });
        private static readonly Tensor TTest = Tensor.From(1.0, 0.0);
        private static readonly ConditionalWeakTable<IChapter7, Spy> Runs = [];

        public static string DataText => Say("xTrain has 5 rows (row i is [10·i + 1, 10·i + 2]), BatchSize 2, 2 epochs", "xTrain 有 5 行（第 i 行是 [10·i + 1, 10·i + 2]），BatchSize 2，2 个 epoch");

        /// <summary>The spy net's loss after <paramref name="updates"/> updates: W starts at [1, 1] and each update subtracts 0.125 from both.</summary>
        public static double LossAfter(int updates) => 2 * (1 - 0.125 * updates);

        public required SpyNet Net { get; init; }
        public required SpyOptimizer Optimizer { get; init; }
        public TrainingHistory? History { get; init; }
        public required string Progress { get; init; }

        public static Spy Run(IChapter7 c)
        {
            lock (Runs)
            {
                if (Runs.TryGetValue(c, out var run)) return run;
                var net = new SpyNet();
                var optimizer = new SpyOptimizer(net);
                var progress = new StringWriter();
                var history = c.Train(net, optimizer, XTrain.Copy(), TTrain.Copy(), XTest.Copy(), TTest.Copy(), new TrainingSettings(2, 2, 0.5), progress);
                run = new Spy { Net = net, Optimizer = optimizer, History = history, Progress = progress.ToString() };
                Runs.AddOrUpdate(c, run);
                return run;
            }
        }

        public static List<int> RowsOf(SpyNet.Call call)
        {
            var x = call.X;
            var rows = new List<int>();
            if (x.Ndim != 2 || x.Dim(1) != 2) return rows;
            for (var i = 0; i < x.Dim(0); i++) rows.Add((int)Math.Round((x[i, 0] - 1) / 10));
            return rows;
        }

        /// <summary>One parameter W (2 values, both 1 at first); its gradient is always ones; its loss the sum of W.</summary>
        public sealed class SpyNet : INetwork
        {
            private readonly Dictionary<string, Tensor> _params = new() { ["W"] = Tensor.Ones(2) };
            private int _trainAccuracyCalls;
            private int _testAccuracyCalls;

            public sealed record Call(Tensor X, Tensor T);

            public List<Call> GradientCalls { get; } = [];
            public List<IReadOnlyDictionary<string, Tensor>> Returned { get; } = [];

            public IReadOnlyDictionary<string, Tensor> Params => _params;

            public Tensor Predict(Tensor x) => Tensor.Zeros(x.Dim(0), 5);

            public double Loss(Tensor x, Tensor t) => _params["W"].Sum();

            public double Accuracy(Tensor x, Tensor t) =>
                x.Size == XTrain.Size ? 0.5 + 0.25 * _trainAccuracyCalls++ : 0.25 + 0.25 * _testAccuracyCalls++;

            public IReadOnlyDictionary<string, Tensor> Gradient(Tensor x, Tensor t)
            {
                GradientCalls.Add(new Call(x.Copy(), t.Copy()));
                var g = new Dictionary<string, Tensor> { ["W"] = Tensor.Ones(2) };
                Returned.Add(g);
                return g;
            }
        }

        /// <summary>Subtracts 0.125 · g from every parameter and records each call.</summary>
        public sealed class SpyOptimizer(SpyNet net) : IOptimizer
        {
            public sealed record Call(IReadOnlyDictionary<string, Tensor> Params, bool GradsWereTheNets);

            public List<Call> Calls { get; } = [];

            public void Update(IReadOnlyDictionary<string, Tensor> parameters, IReadOnlyDictionary<string, Tensor> grads)
            {
                Calls.Add(new Call(parameters, net.Returned.Count > 0 && ReferenceEquals(grads, net.Returned[^1])));
                foreach (var (key, p) in parameters) p.SubtractInPlace(grads[key], 0.125);
            }
        }
    }

    // ------------------------------------------------------------------ MNIST

    /// <summary>The MNIST run: the book's net and Adam (lr 0.001), batches of 100, on a part of the subset so that it takes seconds.</summary>
    internal const int TrainRows = 2000, TestRows = 500, Epochs = 2, NetSeed = 7;

    internal const double AccuracyFloor = 0.75;

    [Check("your Train, with Adam, trains the book's network on MNIST along the reference's learning curve",
           "你的 Train 用 Adam 在 MNIST 上训练书中的网络，沿着参考实现的学习曲线")]
    public void LearningCurve(IChapter7 c)
    {
        var run = MnistRun.Of(c);
        var steps = run.History.Losses.Count;
        var epochs = run.History.TestAccuracies.Count;
        Plots.Verify("learning-curve", new Figure(
            $"7.5 SimpleConvNet, Adam: {TrainRows.ToString("N0", CultureInfo.InvariantCulture)} MNIST digits", $"step (epochs end at {string.Join(", ", Enumerable.Range(1, Epochs).Select(e => e * TrainRows / 100))})", "loss · accuracy",
            [
                new Series("loss", Enumerable.Range(1, steps).Select(i => (double)i).ToArray(), [.. run.History.Losses]),
                new Series("train accuracy", Enumerable.Range(1, epochs).Select(e => (double)e * steps / epochs).ToArray(), [.. run.History.TrainAccuracies]),
                new Series("test accuracy", Enumerable.Range(1, epochs).Select(e => (double)e * steps / epochs).ToArray(), [.. run.History.TestAccuracies]),
            ], YMin: 0, YMax: 3.5),
            Tolerance.Trajectory,
            Say("the curve is repeatable: the same net, the batches in order, the same Adam steps. A curve that leaves the reference's at once means " +
            "the update or the recorded loss is wrong (the checks with the spy above say which); one that drifts, a gradient slightly off (7.5's gradient check).", "这条曲线是可重复的：同样的网络、按顺序的批次、同样的 Adam 步骤。曲线一开始就偏离参考实现，说明更新或记录的损失有错（上面用间谍对象的检查会指出是哪个）；逐渐偏离，说明梯度有一点不对（7.5 的梯度检查）。"));
    }

    [Check("reaches a test accuracy of at least 75 % on MNIST (the reference: 79.6 %)",
           "在 MNIST 上达到至少 75 % 的测试精度（参考实现：79.6 %）")]
    public void AccuracyFloorReached(IChapter7 c)
    {
        var run = MnistRun.Of(c);
        var accuracy = run.History.TestAccuracies.Count == 0 ? double.NaN : run.History.TestAccuracies[^1];
        Expect.That(accuracy >= AccuracyFloor,
            Say(string.Create(CultureInfo.InvariantCulture, $"the test accuracy after {Epochs} epochs is {accuracy:P1}; at least {AccuracyFloor:P0} was expected."),
                string.Create(CultureInfo.InvariantCulture, $"{Epochs} 个 epoch 之后测试精度是 {accuracy:P1}；期望至少 {AccuracyFloor:P0}。")),
            [(Say("test accuracy per epoch", "每个 epoch 的测试精度"), string.Join(", ", run.History.TestAccuracies.Select(a => a.ToString("P1", CultureInfo.InvariantCulture))))],
            Say("the network here is the reference's, so a net that does not learn points at the loop: the optimizer not called, or given copies. ", "这里的网络是参考实现的，所以网络不学习说明问题出在循环上：没有调用优化器，或者交给它的是副本。") + TrainHint);
    }

    /// <summary>
    /// A run of the subject's loop on MNIST, training a reference network (so a mistake in the subject's network shows up in the
    /// checks above, not here). Cached per implementation of Train: subjects that share it (the reference, and every mutant or
    /// alternative of the network alone) share one run.
    /// </summary>
    private sealed record MnistRun(TrainingHistory History, string Progress)
    {
        private static readonly Dictionary<Type, MnistRun> Runs = [];

        public static MnistRun Of(IChapter7 c)
        {
            var key = c.GetType().GetMethod(nameof(IChapter7.Train))?.DeclaringType ?? c.GetType();
            lock (Runs)
            {
                if (Runs.TryGetValue(key, out var run)) return run;
                var data = Mnist.Load(flatten: false);
                int[] train = [.. Enumerable.Range(0, TrainRows)], test = [.. Enumerable.Range(0, TestRows)];
                var net = Subjects.Reference.Chapter7.CreateSimpleConvNet(new ConvNetSettings(), new Random(NetSeed));
                var progress = new StringWriter(CultureInfo.InvariantCulture);
                var history = c.Train(net, Subjects.Reference.Chapter6.CreateAdam(0.001), data.XTrain.Rows(train), data.TTrain.Rows(train), data.XTest.Rows(test), data.TTest.Rows(test),
                                  new TrainingSettings(Epochs, 100, 0.001), progress)
                              ?? throw new CheckFailure(Say("Train returned null.\n  hint: return new TrainingHistory(loss, trainAccuracy, testAccuracy).", "Train 返回了 null。\n  提示: 返回 new TrainingHistory(loss, trainAccuracy, testAccuracy)。"));
                if (history.Losses is null || history.TrainAccuracies is null || history.TestAccuracies is null)
                {
                    throw new CheckFailure(Say("Train returned a history with a null list.\n  hint: return new TrainingHistory(loss, trainAccuracy, testAccuracy).", "Train 返回的历史里有一个列表是 null。\n  提示: 返回 new TrainingHistory(loss, trainAccuracy, testAccuracy)。"));
                }
                run = new MnistRun(history, progress.ToString());
                Runs[key] = run;
                return run;
            }
        }
    }
}
