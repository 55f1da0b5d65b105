using System.Globalization;
using System.Runtime.CompilerServices;
using DeepLearningKata.Contracts;
using DeepLearningKata.Data;

namespace DeepLearningKata.Checks.Chapter07;

[Exercise("7.5", "SimpleConvNet", TimeoutSeconds = 120)]
public sealed class SimpleConvNetChecks
{
    private const string Hint = "Layers in order: Conv1 (W1, b1, S, P), Relu1, Pool1 (max 2×2, stride 2), Affine1 (W2, b2), Relu2, Affine2 " +
                                "(W3, b3); Gradient: Loss(x, t), then backward from the loss layer (with 1) through every layer in reverse " +
                                "order; W1, b1 from Conv1's Grads, W2, b2 from Affine1's, W3, b3 from Affine2's. More: ./run-checks.sh --hint " +
                                "7.5";

    private const string TrainHint = "for each epoch, for each batch of BatchSize consecutive rows: the gradient on the batch, handed with the " +
                                     "net's own parameters to the optimizer, then the loss on the same batch. After the epoch, the accuracy on " +
                                     "xTrain and on xTest and a line of progress. More: ./run-checks.sh --hint 7.5";

    private static readonly string[] Names = ["W1", "b1", "W2", "b2", "W3", "b3"];

    private static GradientHints Hints => new("CreateSimpleConvNet(settings, random)", Hint)
    {
        Gradients = new Dictionary<string, string>
        {
            ["dW1"] = "W1 is Conv1's parameter; its gradient arrives only after backward has gone through Affine2, Relu2, Affine1, Pool1 and Relu1 — " +
                      "every one of them, in reverse order. " + Hint,
            ["db1"] = "b1 is Conv1's parameter: Gradient[\"b1\"] = Conv1's Grads[\"b\"], after backward through every later layer. " + Hint,
            ["dW2"] = "W2 is Affine1's parameter: Gradient[\"W2\"] = Affine1's Grads[\"W\"], after backward through Affine2 and Relu2. " + Hint,
            ["db2"] = "b2 is Affine1's parameter: Gradient[\"b2\"] = Affine1's Grads[\"b\"]. " + Hint,
            ["dW3"] = "W3 is Affine2's parameter: Gradient[\"W3\"] = Affine2's Grads[\"W\"]. " + Hint,
            ["db3"] = "b3 is Affine2's parameter: Gradient[\"b3\"] = Affine2's Grads[\"b\"]. " + Hint,
        },
        InPlace = "Gradient(x, t) only computes: it leaves x, t and the parameters as they were.",
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
        var net = c.CreateSimpleConvNet(s, new Random(5)) ?? throw new CheckFailure("CreateSimpleConvNet returned null.\n  hint: " + Hint);
        foreach (var name in Names)
        {
            if (!net.Params.TryGetValue(name, out var p) || p is null)
            {
                throw new CheckFailure($"CreateSimpleConvNet(…).Params has no \"{name}\".\n  Params has: {string.Join(", ", net.Params.Keys)}\n" +
                                       "  hint: Params holds W1, b1, W2, b2, W3, b3 by these names.");
            }
            if (!p.ShapeSpan.SequenceEqual(k.Peek(name).ShapeSpan))
            {
                throw new CheckFailure($"CreateSimpleConvNet({s}).Params[\"{name}\"] has shape {p.ShapeText}; expected {k.Peek(name).ShapeText}.\n  hint: " +
                                       "W1 (FN, C, FS, FS), W2 (FN·pool·pool, HiddenSize) with pool = conv / 2, W3 (HiddenSize, OutputSize).");
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
            Expect.That(net.Params.TryGetValue(name, out var p) && p is not null, $"{call}.Params has no \"{name}\".",
                [("Params has", string.Join(", ", net.Params.Keys))], "Params holds W1, b1, W2, b2, W3, b3 by these names.");
            Expect.Shape(net.Params[name], shape, $"{call}.Params[\"{name}\"]",
                hint: "W1 is (FN, C, FS, FS) = (30, 1, 5, 5); the convolution gives 24×24, the pooling 12×12, so W2 is (30·12·12, 100); W3 is (100, 10).");
        }
        foreach (var name in new[] { "b1", "b2", "b3" })
        {
            Expect.Close(net.Params[name], Tensor.ZerosLike(net.Params[name]), $"{call}.Params[\"{name}\"]", Tolerance.Value, hint: "the biases start at zero.");
        }
        foreach (var name in new[] { "W1", "W2", "W3" })
        {
            var w = net.Params[name];
            var std = Math.Sqrt(((w - w.Mean()) * (w - w.Mean())).Mean());
            Expect.That(Math.Abs(std - 0.01) < 0.003 && Math.Abs(w.Mean()) < 0.003, $"{call}.Params[\"{name}\"] does not look like 0.01 · N(0, 1).",
                [("its mean", Tensor.FormatNumber(w.Mean())), ("its standard deviation", Tensor.FormatNumber(std))],
                $"{name} = settings.WeightInitStd * Tensor.RandomNormal(random, …).");
        }
        var again = c.CreateSimpleConvNet(settings, new Random(1));
        var other = c.CreateSimpleConvNet(settings, new Random(2));
        Expect.That(Names.All(n => again.Params[n].AsSpan().SequenceEqual(net.Params[n].AsSpan())) &&
                    !other.Params["W1"].AsSpan().SequenceEqual(net.Params["W1"].AsSpan()),
            "CreateSimpleConvNet does not draw its weights from the random it is given, in the order W1, W2, W3.", [],
            "use the random parameter (Tensor.RandomNormal(random, …)), not a new Random(): the same seed must give the same network.");
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
            Expect.Close(net.Predict(x.Copy()), scores, "Predict(x)", Tolerance.Value, [("settings", s.ToString()), (Say("case", "用例"), k.Shapes)],
                "Predict forwards x through Conv1, Relu1, Pool1 (max 2×2, stride 2), Affine1, Relu2, Affine2 and returns the scores (no softmax).");
            Expect.Close(net.Predict(x.Reshape(x.Dim(0), -1)), scores, "Predict(x flattened to (N, C·H·W))", Tolerance.Value, [("settings", s.ToString())],
                "rows of C·H·W pixels (as Mnist.Load() gives them) are images too: reshape them to (N, C, H, W) first.");
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
            }, "the cross-entropy of softmax(Predict(x)), without δ", () => net.Predict(x.Copy()));
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
        Expect.Close(net.Predict(x.Copy()), before + 1.0, "Predict(x) after Params[\"b3\"].Assign(b3 + 1)", Tolerance.Value, [],
            "build the layers with the very tensors in Params (Earlier.CreateAffine(@params[\"W3\"], @params[\"b3\"])), not copies: the optimizer updates Params.");
        net.Params["W1"].Assign(net.Params["W1"] * 0.0);
        net.Params["b1"].Assign(net.Params["b1"] * 0.0 - 1.0);
        var flat = net.Predict(x.Copy());
        Expect.Close(flat, Np.Dot(Np.Maximum(0.0, Np.Dot(Tensor.Zeros(2, 27), net.Params["W2"]) + net.Params["b2"]), net.Params["W3"]) + net.Params["b3"],
            "Predict(x) after W1 = 0 and b1 = −1 (every convolution output −1, so ReLU makes them 0)", Tolerance.Value, [],
            "Conv1 must compute with Params[\"W1\"] and Params[\"b1\"] themselves.");
    }

    // ------------------------------------------------------------------ the training loop, with a spy

    [Check("Train hands every step's gradient to the optimizer, with the net's Params, once per batch of consecutive rows",
           "Train 每一步把梯度连同网络的 Params 交给优化器，每个由连续行组成的批次一次")]
    public void TrainUsesTheOptimizer(IChapter7 c)
    {
        var spy = Spy.Run(c);
        Expect.That(spy.Optimizer.Calls.Count == 4, $"optimizer.Update was called {spy.Optimizer.Calls.Count} times in 2 epochs of 2 batches.",
            [(Say("data", "数据"), Spy.DataText)], "call optimizer.Update(net.Params, grads) once after every net.Gradient(xBatch, tBatch). " + TrainHint);
        Expect.That(spy.Optimizer.Calls.All(call => ReferenceEquals(call.Params, spy.Net.Params) || Names1.All(n => ReferenceEquals(call.Params[n], spy.Net.Params[n]))),
            "optimizer.Update was not given net.Params.", [], "the optimizer changes the net's own tensors in place: hand it net.Params. " + TrainHint);
        Expect.That(spy.Optimizer.Calls.All(call => call.GradsWereTheNets), "optimizer.Update was not given the gradient net.Gradient returned.", [],
            TrainHint);
        var batches = spy.Net.GradientCalls.Select(call => string.Join(",", Spy.RowsOf(call))).ToList();
        var expected = new[] { "0,1", "2,3", "0,1", "2,3" };
        Expect.That(batches.SequenceEqual(expected), "Train did not compute the gradient on batches of consecutive rows, in order.",
            [("rows of each batch (expected)", string.Join(" | ", expected)), ("rows of each batch (yours)", string.Join(" | ", batches))],
            "batch k is rows k·BatchSize … (k + 1)·BatchSize − 1, in order, every epoch; a last, shorter batch (row 4 here) is dropped.");
    }

    private static readonly string[] Names1 = ["W"];

    [Check("Train records the loss of each batch after the update, and both accuracies after each epoch",
           "Train 记录每个批次更新之后的损失，以及每个 epoch 之后的两种识别精度")]
    public void TrainRecordsTheHistory(IChapter7 c)
    {
        var spy = Spy.Run(c);
        var history = spy.History ?? throw new CheckFailure("Train returned null.\n  hint: return new TrainingHistory(loss, trainAccuracy, testAccuracy).");
        var expectedLosses = Enumerable.Range(1, 4).Select(Spy.LossAfter).ToArray();
        Expect.That(history.Losses.Count == 4 && history.Losses.Zip(expectedLosses).All(p => Tolerance.Value.Accepts(p.First, p.Second)),
            "Train's losses are not the losses of each batch right after its update.",
            [("expected", string.Join(", ", expectedLosses.Select(Tensor.FormatNumber))), ("yours", string.Join(", ", history.Losses.Select(Tensor.FormatNumber)))],
            history.Losses.Count == 4 && history.Losses.Zip(Enumerable.Range(0, 4).Select(Spy.LossAfter)).All(p => Tolerance.Value.Accepts(p.First, p.Second))
                ? "your losses are those before each update: call net.Loss(xBatch, tBatch) after optimizer.Update."
                : TrainHint);
        Expect.That(history.TrainAccuracies.SequenceEqual([0.5, 0.75]) && history.TestAccuracies.SequenceEqual([0.25, 0.5]),
            "Train's accuracies are not net.Accuracy(xTrain, tTrain) and net.Accuracy(xTest, tTest) after each epoch.",
            [("train (yours)", string.Join(", ", history.TrainAccuracies)), ("test (yours)", string.Join(", ", history.TestAccuracies)),
             ("train, test (expected)", "0.5, 0.75 and 0.25, 0.5")], TrainHint);
        var lines = spy.Progress.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Expect.That(lines.Length >= 2, $"Train wrote {lines.Length} line(s) to progress in 2 epochs.", [("what it wrote", spy.Progress.Length == 0 ? "(nothing)" : spy.Progress)],
            "after each epoch, progress.WriteLine($\"epoch {epoch}: loss …, train accuracy …, test accuracy …\").");
    }

    /// <summary>A stand-in network and optimizer that record every call.</summary>
    private sealed class Spy
    {
        private static readonly Tensor XTrain = Tensor.From(new[,] { { 1.0, 2.0 }, { 11.0, 12.0 }, { 21.0, 22.0 }, { 31.0, 32.0 }, { 41.0, 42.0 } });
        private static readonly Tensor TTrain = Tensor.From(0.0, 1.0, 2.0, 3.0, 4.0);
        private static readonly Tensor XTest = Tensor.From(new[,] { { -1.0, -2.0 }, { -3.0, -4.0 } });
        private static readonly Tensor TTest = Tensor.From(1.0, 0.0);
        private static readonly ConditionalWeakTable<IChapter7, Spy> Runs = [];

        public static string DataText => "xTrain has 5 rows (row i is [10·i + 1, 10·i + 2]), BatchSize 2, 2 epochs";

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
            "the curve is repeatable: the same net, the batches in order, the same Adam steps. A curve that leaves the reference's at once means " +
            "the update or the recorded loss is wrong (the checks with the spy above say which); one that drifts, a gradient slightly off (7.5's gradient check).");
    }

    [Check("reaches a test accuracy of at least 75 % on MNIST (the reference: 79.6 %)",
           "在 MNIST 上达到至少 75 % 的测试精度（参考实现：79.6 %）")]
    public void AccuracyFloorReached(IChapter7 c)
    {
        var run = MnistRun.Of(c);
        var accuracy = run.History.TestAccuracies.Count == 0 ? double.NaN : run.History.TestAccuracies[^1];
        Expect.That(accuracy >= AccuracyFloor,
            string.Create(CultureInfo.InvariantCulture, $"the test accuracy after {Epochs} epochs is {accuracy:P1}; at least {AccuracyFloor:P0} was expected."),
            [("test accuracy per epoch", string.Join(", ", run.History.TestAccuracies.Select(a => a.ToString("P1", CultureInfo.InvariantCulture))))],
            "the network here is the reference's, so a net that does not learn points at the loop: the optimizer not called, or given copies. " + TrainHint);
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
                              ?? throw new CheckFailure("Train returned null.\n  hint: return new TrainingHistory(loss, trainAccuracy, testAccuracy).");
                if (history.Losses is null || history.TrainAccuracies is null || history.TestAccuracies is null)
                {
                    throw new CheckFailure("Train returned a history with a null list.\n  hint: return new TrainingHistory(loss, trainAccuracy, testAccuracy).");
                }
                run = new MnistRun(history, progress.ToString());
                Runs[key] = run;
                return run;
            }
        }
    }
}
