using System.Diagnostics;
using System.Globalization;
using System.Runtime.CompilerServices;
using DeepLearningKata.Contracts;
using DeepLearningKata.Data;
using DeepLearningKata.Reference;

namespace DeepLearningKata.Checks.Chapter04;

/// <summary>
/// Grades the training loop of 4.9 with a fast network (the two-layer net with its gradient by backpropagation,
/// from the reference, so a slow or wrong 4.8 does not matter here) wrapped in a spy: the spy sees every call
/// the loop makes and compares it with what the book's <c>train_neuralnet.py</c> would do.
/// </summary>
/// <remarks>
/// One training run per subject is shared by all checks of the exercise: 200 iterations of batches of 50 on the
/// first 1,000 training and 1,000 test digits of the MNIST subset, about two seconds.
/// </remarks>
[Exercise("4.9", "MiniBatchTraining", TimeoutSeconds = 60)]
public sealed class MiniBatchTrainingChecks
{
    /// <summary>The run the checks grade: small enough for seconds, long enough to learn (10 epochs of 20 iterations).</summary>
    internal static readonly TrainingOptions Options = new(Iterations: 200, BatchSize: 50, LearningRate: 1.0, Seed: 42);

    internal const int TrainRows = 1000, TestRows = 1000, HiddenSize = 50, NetSeed = 1;

    /// <summary>
    /// The least test accuracy after the run. The reference reaches 0.868 with these seeds (0.856–0.878 with seven
    /// other pairs of seeds); a loop that does not learn stays near 0.1. The floor leaves a margin of more than 0.1.
    /// </summary>
    internal const double AccuracyFloor = 0.75;

    private static string Hint => Say("each iteration: a batch of BatchSize indices from one Random(Seed) made before the loop, the gradient on it, " +
                                "every parameter updated in place against its gradient, the loss on the same batch; and every iterPerEpoch " +
                                "iterations the two accuracies and a progress report. More: ./run-checks.sh --hint 4.9", "每次迭代：用循环之前创建的一个 Random(Seed) 抽取 BatchSize 个索引组成批次，在其上求梯度，逆着梯度原地更新每个参数，再求同一批次的损失；每 iterPerEpoch 次迭代记录两种识别精度并报告进度。更多：./run-checks.sh --hint 4.9 --lang zh");

    private static readonly Lazy<(Tensor XTrain, Tensor TTrain, Tensor XTest, Tensor TTest)> Data = new(() =>
    {
        var mnist = Mnist.Load();
        int[] train = [.. Enumerable.Range(0, TrainRows)], test = [.. Enumerable.Range(0, TestRows)];
        return (mnist.XTrain.Rows(train), mnist.TTrain.Rows(train), mnist.XTest.Rows(test), mnist.TTest.Rows(test));
    });

    private static readonly ConditionalWeakTable<IChapter4, Lazy<Run>> Runs = [];

    /// <summary>The subject's training run, made once and shared by the checks.</summary>
    private static Run RunOf(IChapter4 c)
    {
        var run = Runs.GetValue(c, subject => new Lazy<Run>(() => Run.Of(subject))).Value;
        if (run.Error is not null) System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(run.Error);
        return run;
    }

    private static string N(double v) => Tensor.FormatNumber(v);

    [Check("draws every mini-batch with one new Random(Seed): BatchSize indices from random.Next(trainSize)",
           "用一个 new Random(Seed) 抽取每个 mini-batch：用 random.Next(trainSize) 抽 BatchSize 个索引")]
    public void DrawsSeededMiniBatches(IChapter4 c)
    {
        var run = RunOf(c);
        Expect.That(run.Spy.GradientCalls == Options.Iterations,
            Say($"Train called net.Gradient {run.Spy.GradientCalls} times in {Options.Iterations} iterations.", $"Train 在 {Options.Iterations} 次迭代中调用了 net.Gradient {run.Spy.GradientCalls} 次。"),
            [(Say("options", "选项"), Options.ToString())], Say("one net.Gradient(xBatch, tBatch) per iteration, no more, no less.", "每次迭代调用一次 net.Gradient(xBatch, tBatch)，不多也不少。"));
        Expect.That(run.Spy.BatchProblem is null, Say($"the mini-batch of iteration {run.Spy.BatchProblem?.Iteration} is not the expected one.", $"第 {run.Spy.BatchProblem?.Iteration} 次迭代的 mini-batch 不是期望的那个。"),
            [(Say("options", "选项"), Options.ToString()), .. run.Spy.BatchProblem?.Lines() ?? []],
            Say("make one var random = new Random(options.Seed) before the loop; each iteration draw BatchSize indices in order, " +
            "each random.Next(trainSize), and cut the batch with xTrain.Rows(indices) and tTrain.Rows(indices).", "在循环之前创建一个 var random = new Random(options.Seed)；每次迭代按顺序抽取 BatchSize 个索引，每个都用 random.Next(trainSize)，再用 xTrain.Rows(indices) 和 tTrain.Rows(indices) 切出批次。"));
    }

    [Check("updates every parameter in place after each Gradient call: p ← p − lr·grad",
           "每次调用 Gradient 后原地更新每个参数：p ← p − lr·grad")]
    public void UpdatesParametersInPlace(IChapter4 c)
    {
        var run = RunOf(c);
        var problem = run.Spy.UpdateProblem;
        Expect.That(problem is null, Say($"after iteration {problem?.Iteration}, Params[\"{problem?.Name}\"] is not p − lr·grad.", $"第 {problem?.Iteration} 次迭代之后，Params[\"{problem?.Name}\"] 不等于 p − lr·grad。"),
            [(Say("options", "选项"), Options.ToString()), .. problem?.Lines() ?? []],
            problem?.Hint() ?? "");
    }

    [Check("records the loss of every iteration: the mini-batch's loss after the update",
           "记录每次迭代的损失：更新之后该 mini-batch 的损失")]
    public void RecordsTheLoss(IChapter4 c)
    {
        var run = RunOf(c);
        var losses = run.History.Losses;
        Expect.That(losses is not null && losses.Count == Options.Iterations,
            Say($"TrainingHistory.Losses holds {losses?.Count.ToString(CultureInfo.InvariantCulture) ?? "null"} values for {Options.Iterations} iterations.", $"{Options.Iterations} 次迭代，TrainingHistory.Losses 里却有 {losses?.Count.ToString(CultureInfo.InvariantCulture) ?? "null"} 个值。"),
            [(Say("options", "选项"), Options.ToString())], Say("add one loss per iteration: losses.Add(net.Loss(xBatch, tBatch)).", "每次迭代添加一个损失：losses.Add(net.Loss(xBatch, tBatch))。"));
        var expected = new Tensor([.. run.Spy.ExpectedLosses], run.Spy.ExpectedLosses.Count);
        Expect.Close(new Tensor([.. losses!], losses!.Count), expected, "TrainingHistory.Losses", Tolerance.Value, [(Say("options", "选项"), Options.ToString())],
            Say("record net.Loss(xBatch, tBatch) of the iteration's own mini-batch, after the parameters were updated (as the book does).", "记录本次迭代自己的 mini-batch 的 net.Loss(xBatch, tBatch)，在参数更新之后（与书中一样）。"));
    }

    [Check("records train and test accuracy once per epoch: at i = 0, iterPerEpoch, 2·iterPerEpoch, …",
           "每个 epoch 记录一次训练和测试的识别精度：在 i = 0、iterPerEpoch、2·iterPerEpoch……时")]
    public void RecordsAccuracyPerEpoch(IChapter4 c)
    {
        var run = RunOf(c);
        var (train, test) = (run.History.TrainAccuracies, run.History.TestAccuracies);
        var epochs = run.Spy.EpochParams.Count;
        Expect.That(train is not null && test is not null && train.Count == epochs && test.Count == epochs,
            Say($"TrainingHistory holds {train?.Count ?? 0} train and {test?.Count ?? 0} test accuracies; {Options.Iterations} iterations of " +
            $"{Run.IterPerEpoch} per epoch make {epochs}.", $"TrainingHistory 里有 {train?.Count ?? 0} 个训练精度和 {test?.Count ?? 0} 个测试精度；{Options.Iterations} 次迭代、每个 epoch {Run.IterPerEpoch} 次，应有 {epochs} 个。"),
            [(Say("options", "选项"), Options.ToString()), ("trainSize", TrainRows.ToString(CultureInfo.InvariantCulture))],
            Say("record the accuracies when i % iterPerEpoch == 0 (i = 0, 20, 40, … here), with iterPerEpoch = max(trainSize / BatchSize, 1).", "在 i % iterPerEpoch == 0 时（这里是 i = 0、20、40……）记录识别精度，其中 iterPerEpoch = max(trainSize / BatchSize, 1)。"));
        var (expectedTrain, expectedTest) = run.ExpectedAccuracies();
        var hint = Say("after the update of iterations 0, iterPerEpoch, 2·iterPerEpoch, …: net.Accuracy(xTrain, tTrain) on the whole training set " +
                   "and net.Accuracy(xTest, tTest) on the test set.", "在第 0、iterPerEpoch、2·iterPerEpoch……次迭代的更新之后：在整个训练集上求 net.Accuracy(xTrain, tTrain)，在测试集上求 net.Accuracy(xTest, tTest)。");
        Expect.Close(new Tensor([.. train!], epochs), expectedTrain, "TrainingHistory.TrainAccuracies", Tolerance.Value, [(Say("options", "选项"), Options.ToString())], hint);
        Expect.Close(new Tensor([.. test!], epochs), expectedTest, "TrainingHistory.TestAccuracies", Tolerance.Value, [(Say("options", "选项"), Options.ToString())], hint);
    }

    [Check("reports every epoch to the progress callback",
           "每个 epoch 都向进度回调报告")]
    public void ReportsProgress(IChapter4 c)
    {
        var run = RunOf(c);
        var reports = run.Reports;
        var epochs = run.Spy.EpochParams.Count;
        var hint = Say("once per epoch, right after recording the accuracies: progress?.Invoke(new TrainingProgress(epoch, i, loss, trainAcc, testAcc)), " +
                   "with epoch = 0, 1, 2, … and the loss of iteration i.", "每个 epoch 一次，紧接在记录识别精度之后：progress?.Invoke(new TrainingProgress(epoch, i, loss, trainAcc, testAcc))，其中 epoch = 0、1、2……，loss 是第 i 次迭代的损失。");
        Expect.That(reports.Count == epochs, Say($"the progress callback was called {reports.Count} times; {epochs} epochs were trained.", $"进度回调被调用了 {reports.Count} 次；训练了 {epochs} 个 epoch。"),
            [(Say("options", "选项"), Options.ToString())], hint);
        for (var e = 0; e < epochs; e++)
        {
            var r = reports[e];
            var i = e * Run.IterPerEpoch;
            var ok = r is not null && r.Epoch == e && r.Iteration == i &&
                     Tolerance.Value.Accepts(r.Loss, run.Spy.ExpectedLosses[i]) &&
                     Tolerance.Value.Accepts(r.TrainAccuracy, run.History.TrainAccuracies[e]) &&
                     Tolerance.Value.Accepts(r.TestAccuracy, run.History.TestAccuracies[e]);
            Expect.That(ok, Say($"progress report {e} is not the one of epoch {e}.", $"第 {e} 次进度报告不是第 {e} 个 epoch 的。"),
                [(Say("your report", "你的报告"), r?.ToString() ?? "null"),
                 (Say("expected", "期望值"), new TrainingProgress(e, i, run.Spy.ExpectedLosses[i], run.History.TrainAccuracies[e], run.History.TestAccuracies[e]).ToString())],
                hint);
        }
    }

    [Check("learns the MNIST digits: test accuracy at least 0.75 after 200 iterations",
           "学会识别 MNIST 数字：200 次迭代后测试精度至少 0.75")]
    public void LearnsMnist(IChapter4 c)
    {
        var run = RunOf(c);
        Expect.That(run.FinalTestAccuracy >= AccuracyFloor,
            Say($"after training, the network classifies only {run.FinalTestAccuracy:P1} of the test digits correctly; at least {AccuracyFloor:P0} was expected.", $"训练之后，网络只把 {run.FinalTestAccuracy:P1} 的测试数字分类正确；期望至少 {AccuracyFloor:P0}。"),
            [(Say("options", "选项"), Options.ToString()), (Say("data", "数据"), Say($"the first {TrainRows} training and {TestRows} test digits of the MNIST subset", $"MNIST 子集中的前 {TrainRows} 个训练数字和 {TestRows} 个测试数字")),
             (Say("network", "网络"), Say($"784 → {HiddenSize} (sigmoid) → 10 (softmax), weights 0.01·N(0, 1) from new Random({NetSeed})", $"784 → {HiddenSize}（sigmoid）→ 10（softmax），权重 0.01·N(0, 1)，由 new Random({NetSeed}) 生成"))],
            Say("about 10% is guessing: the parameters did not move, or moved uphill. Update with p.Assign(p - lr * grad) — minus, " +
            "and Assign, not p = …, which only changes your local variable.", "大约 10% 就是瞎猜：参数没有动，或者往上坡走了。用 p.Assign(p - lr * grad) 更新——是减号，而且用 Assign，不要用 p = …，那只会改变你的局部变量。"));
    }

    [Check("draws the learning curves: the loss of every iteration, the accuracies of every epoch",
           "画出学习曲线：每次迭代的损失、每个 epoch 的识别精度")]
    public void LearningCurves(IChapter4 c)
    {
        var run = RunOf(c);
        var h = run.History;
        Expect.That(h.Losses.Count == Options.Iterations && h.TrainAccuracies.Count == h.TestAccuracies.Count,
            Say("TrainingHistory has the wrong number of entries to draw.", "TrainingHistory 的条目数不对，无法画图。"), [], Hint);
        var iterations = Enumerable.Range(0, h.Losses.Count).Select(i => (double)i).ToArray();
        Plots.Verify("loss", new Figure("Mini-batch SGD on MNIST: loss per iteration", "iteration", "loss",
            [new Series("mini-batch loss", iterations, [.. h.Losses])]), Tolerance.Trajectory, Hint);
        var epochs = Enumerable.Range(0, h.TrainAccuracies.Count).Select(e => (double)e).ToArray();
        Plots.Verify("accuracy", new Figure("Mini-batch SGD on MNIST: accuracy per epoch", "epoch", "accuracy",
            [new Series("train acc", epochs, [.. h.TrainAccuracies]), new Series("test acc", epochs, [.. h.TestAccuracies])], 0, 1), Tolerance.Trajectory, Hint);
    }

    /// <summary>One training run of a subject, with what the spy saw.</summary>
    private sealed class Run
    {
        public static int IterPerEpoch => Math.Max(TrainRows / Options.BatchSize, 1);

        public required SpyNet Spy { get; init; }
        public required TrainingHistory History { get; init; }
        public required List<TrainingProgress> Reports { get; init; }
        public double FinalTestAccuracy { get; init; }
        public Exception? Error { get; init; }
        public double Seconds { get; init; }

        public static Run Of(IChapter4 c)
        {
            var (xTrain, tTrain, xTest, tTest) = Data.Value;
            var spy = new SpyNet(new Chapter4Reference.TwoLayerNetBackprop(784, HiddenSize, 10, new Random(NetSeed), 0.01), xTrain, tTrain);
            var reports = new List<TrainingProgress>();
            var clock = Stopwatch.StartNew();
            try
            {
                var history = c.Train(spy, xTrain, tTrain, xTest, tTest, Options, reports.Add);
                Expect.That(history is not null, Say("Train returned null.", "Train 返回了 null。"), [], Say("return new TrainingHistory(losses, trainAccuracies, testAccuracies).", "返回 new TrainingHistory(losses, trainAccuracies, testAccuracies)。"));
                Expect.That(history!.Losses is not null && history.TrainAccuracies is not null && history.TestAccuracies is not null,
                    Say("Train returned a TrainingHistory with a null list.", "Train 返回的 TrainingHistory 里有一个列表是 null。"), [], Say("fill all three lists of the TrainingHistory.", "把 TrainingHistory 的三个列表都填上。"));
                spy.Finish();
                return new Run
                {
                    Spy = spy, History = history, Reports = reports, Seconds = clock.Elapsed.TotalSeconds,
                    FinalTestAccuracy = spy.Inner.Accuracy(xTest, tTest),
                };
            }
            catch (Exception e)
            {
                return new Run { Spy = spy, History = new TrainingHistory([], [], []), Reports = reports, Error = e };
            }
        }

        /// <summary>The accuracies at each epoch, from the parameters the spy saw right after that epoch's update.</summary>
        public (Tensor Train, Tensor Test) ExpectedAccuracies()
        {
            var (xTrain, tTrain, xTest, tTest) = Data.Value;
            var net = new Chapter4Reference.TwoLayerNetBackprop(784, HiddenSize, 10, new Random(NetSeed), 0.01);
            var train = new double[Spy.EpochParams.Count];
            var test = new double[Spy.EpochParams.Count];
            for (var e = 0; e < train.Length; e++)
            {
                foreach (var (name, p) in Spy.EpochParams[e]) net.Params[name].Assign(p);
                train[e] = net.Accuracy(xTrain, tTrain);
                test[e] = net.Accuracy(xTest, tTest);
            }
            return (new Tensor(train, train.Length), new Tensor(test, test.Length));
        }
    }

    /// <summary>What went wrong first, in lines for a failure message.</summary>
    /// <summary>What went wrong in one iteration; its words are made when the message is (the run is shared, the language may not be).</summary>
    private sealed record Problem(int Iteration, string Name, Func<IReadOnlyList<(string, string)>> Lines, Func<string> Hint);

    /// <summary>
    /// A network that forwards everything to a real one and watches the training loop: which batches it is handed,
    /// how the parameters change between Gradient calls, what the loss of each batch is after its update.
    /// </summary>
    private sealed class SpyNet : ITwoLayerNet
    {
        private readonly Tensor _xTrain, _tTrain;
        private readonly Random _expectedRandom = new(Options.Seed);
        private Dictionary<string, Tensor>? _before, _grads;
        private (Tensor X, Tensor T)? _batch;

        public SpyNet(Chapter4Reference.TwoLayerNetBackprop inner, Tensor xTrain, Tensor tTrain) => (Inner, _xTrain, _tTrain) = (inner, xTrain, tTrain);

        public Chapter4Reference.TwoLayerNetBackprop Inner { get; }
        public int GradientCalls { get; private set; }
        public Problem? BatchProblem { get; private set; }
        public Problem? UpdateProblem { get; private set; }
        public List<double> ExpectedLosses { get; } = [];
        public List<Dictionary<string, Tensor>> EpochParams { get; } = [];

        public IReadOnlyDictionary<string, Tensor> Params => Inner.Params;
        public Tensor Predict(Tensor x) => Inner.Predict(x);
        public double Loss(Tensor x, Tensor t) => Inner.Loss(x, t);
        public double Accuracy(Tensor x, Tensor t) => Inner.Accuracy(x, t);

        public IReadOnlyDictionary<string, Tensor> Gradient(Tensor x, Tensor t)
        {
            if (GradientCalls > 0) AfterIteration(GradientCalls - 1);
            var i = GradientCalls++;
            CheckBatch(i, x, t);
            _batch = (x.Copy(), t.Copy());
            _before = Inner.Params.ToDictionary(p => p.Key, p => p.Value.Copy());
            var grads = Inner.Gradient(x, t);
            _grads = grads.ToDictionary(g => g.Key, g => g.Value.Copy());
            return grads;
        }

        /// <summary>Closes the last iteration once the loop has returned.</summary>
        public void Finish()
        {
            if (GradientCalls > 0) AfterIteration(GradientCalls - 1);
            _batch = null;
        }

        private void CheckBatch(int i, Tensor x, Tensor t)
        {
            var indices = new int[Options.BatchSize];
            for (var k = 0; k < indices.Length; k++) indices[k] = _expectedRandom.Next(TrainRows);
            if (BatchProblem is not null) return;
            var expectedX = _xTrain.Rows(indices);
            var expectedT = _tTrain.Rows(indices);
            if (x is null || t is null || !x.ShapeSpan.SequenceEqual(expectedX.ShapeSpan) || !t.ShapeSpan.SequenceEqual(expectedT.ShapeSpan))
            {
                var (want, got) = ($"xBatch {expectedX.ShapeText}, tBatch {expectedT.ShapeText}", $"xBatch {x?.ShapeText ?? "null"}, tBatch {t?.ShapeText ?? "null"}");
                BatchProblem = new Problem(i, "", () => [(Say("expected shapes", "期望的形状"), want), (Say("your shapes", "你的形状"), got)], () => "");
                return;
            }
            for (var k = 0; k < indices.Length; k++)
            {
                var same = expectedX.Row(k).AsSpan().SequenceEqual(x.Row(k).AsSpan()) && expectedT.Row(k).AsSpan().SequenceEqual(t.Row(k).AsSpan());
                if (same) continue;
                var (row, sample, label, yours) = (k, indices[k], N(_tTrain[indices[k]]), N(t.AsSpan()[k]));
                var expectedIndices = $"[{string.Join(", ", indices.Take(8))}, …]";
                BatchProblem = new Problem(i, "", () => [
                    (Say("expected indices", "期望的索引"), expectedIndices),
                    (Say("first difference", "第一个不同处"), Say($"row {row} of the batch should be training sample {sample} (label {label}), yours has label {yours}",
                                                             $"批次的第 {row} 行应该是训练样本 {sample}（标签 {label}），你的这一行标签是 {yours}"))], () => "");
                return;
            }
        }

        private void AfterIteration(int i)
        {
            var (x, t) = _batch!.Value;
            ExpectedLosses.Add(Inner.Loss(x, t));
            if (i % Run.IterPerEpoch == 0) EpochParams.Add(Inner.Params.ToDictionary(p => p.Key, p => p.Value.Copy()));
            if (UpdateProblem is not null) return;
            foreach (var (name, before) in _before!)
            {
                var grad = _grads![name];
                var expected = before - Options.LearningRate * grad;
                var actual = Inner.Params[name];
                var k = FirstMismatch(actual, expected);
                if (k < 0) continue;
                var (unchanged, uphill) = (FirstMismatch(actual, before) < 0, FirstMismatch(actual, before + Options.LearningRate * grad) < 0);
                string Hint() => unchanged
                    ? Say("the parameter did not change. Update every parameter in net.Params (the biases too), writing into the tensor " +
                      "itself (Assign). Assigning a new tensor to p only points your local variable at it, and the network never sees it.", "参数没有变。要更新 net.Params 中的每个参数（偏置也要），写进张量本身（Assign）。把新张量赋给 p 只是让你的局部变量指向它，网络永远看不到。")
                    : uphill
                        ? Say("the parameter moved uphill: p + lr·grad climbs the loss. Subtract: p − lr·grad.", "参数往上坡走了：p + lr·grad 让损失变大。要减：p − lr·grad。")
                        : Say("p ← p − lr·grad, once per iteration, with lr = options.LearningRate and grad = grads[name] from this iteration's net.Gradient.", "p ← p − lr·grad，每次迭代一次，lr = options.LearningRate，grad = 本次迭代 net.Gradient 给出的 grads[name]。");
                var index = string.Join(", ", Expect.Unravel(k, before.Shape));
                var (shape, p0, g, e, a) = (before.ShapeText, N(before.AsSpan()[k]), N(grad.AsSpan()[k]), N(expected.AsSpan()[k]), N(actual.AsSpan()[k]));
                UpdateProblem = new Problem(i, name, () => [
                    (Say("first difference", "第一个不同处"), Say($"element ({index}) of {name} {shape}", $"{name} {shape} 的元素 ({index})")),
                    (Say("p before", "之前的 p"), p0), ("grad", g), ("lr", N(Options.LearningRate)),
                    (Say("expected p − lr·grad", "期望的 p − lr·grad"), e), (Say("your p", "你的 p"), a)], Hint);
                return;
            }
        }

        /// <summary>The first element where the two differ beyond Tolerance.Value, or −1.</summary>
        private static int FirstMismatch(Tensor a, Tensor b)
        {
            var x = a.AsSpan();
            var y = b.AsSpan();
            for (var k = 0; k < x.Length; k++) if (!Tolerance.Value.Accepts(x[k], y[k])) return k;
            return -1;
        }
    }
}
