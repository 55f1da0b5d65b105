using System.Runtime.CompilerServices;
using DeepLearningKata.Contracts;
using DeepLearningKata.Data;

namespace DeepLearningKata.Checks.Chapter05;

[Exercise("5.7", "TrainWithBackprop", TimeoutSeconds = 60)]
public sealed class TrainWithBackpropChecks
{
    private static string Hint => Say("for each epoch, for each of the n / BatchSize batches of consecutive rows: the gradient on the batch, every " +
                                "parameter of net.Params updated in place against it, then the loss on the same batch. After each epoch: the " +
                                "accuracy on all of xTrain and on all of xTest, and a line to progress. More: ./run-checks.sh --hint 5.7", "每个 epoch 里，对 n / BatchSize 个由连续行组成的批次逐一：在批次上求梯度，逆着梯度原地更新 net.Params 的每个参数，再求同一批次的损失。每个 epoch 之后：在整个 xTrain 和整个 xTest 上求识别精度，并向 progress 写一行。更多：./run-checks.sh --hint 5.7 --lang zh");

    /// <summary>The run the MNIST checks grade: a reference network, so only the training loop is graded.</summary>
    private static readonly TrainingSettings MnistSettings = new(Epochs: 3, BatchSize: 100, LearningRate: 0.5);

    private const int TrainRows = 3000;
    private const int HiddenSize = 50;

    /// <summary>Below this, the loop does not learn as gradient descent with this data, network and step size does.</summary>
    public const double AccuracyFloor = 0.85;

    // ------------------------------------------------------------------ the loop, seen through a spy network

    [Check("walks through the training set in order, BatchSize rows per step, every epoch",
           "每个 epoch 按顺序遍历训练集，每步 BatchSize 行")]
    public void Batches(IChapter5 c)
    {
        var spy = Spy.Run(c);
        var expected = Spy.ExpectedBatches();
        Expect.That(spy.Net.GradientCalls.Count == expected.Count, Say($"Train called Gradient {spy.Net.GradientCalls.Count} times; expected {expected.Count}.", $"Train 调用了 Gradient {spy.Net.GradientCalls.Count} 次；期望 {expected.Count} 次。"),
            [(Say("data", "数据"), Spy.DataText), (Say("settings", "设置"), Spy.Settings.ToString())],
            Say($"2 epochs × (5 rows / BatchSize 2 = 2 steps; the 5th row is left over and dropped) = 4 steps, one Gradient each. {Hint}", $"2 个 epoch ×（5 行 / BatchSize 2 = 2 步；第 5 行剩下，丢弃）= 4 步，每步一次 Gradient。{Hint}"));
        for (var k = 0; k < expected.Count; k++)
        {
            var rows = Spy.RowsOf(spy.Net.GradientCalls[k].X);
            Expect.That(rows.SequenceEqual(expected[k]), Say($"step {k + 1} computed the gradient on the wrong rows.", $"第 {k + 1} 步在错误的行上求了梯度。"),
                [(Say("data", "数据"), Spy.DataText), (Say("expected rows", "期望的行"), string.Join(", ", expected[k])), (Say("your rows", "你的行"), rows.Count == 0 ? Say("(not rows of xTrain)", "（不是 xTrain 的行）") : string.Join(", ", rows))],
                Say("batch k of an epoch is rows k·BatchSize … (k+1)·BatchSize − 1: xTrain.Rows(Enumerable.Range(k * batchSize, batchSize).ToArray()), " +
                "the same rows of tTrain, and each epoch starts again at row 0.", "一个 epoch 的第 k 批是第 k·BatchSize … (k+1)·BatchSize − 1 行：xTrain.Rows(Enumerable.Range(k * batchSize, batchSize).ToArray())，tTrain 取同样的行，每个 epoch 都从第 0 行重新开始。"));
            Expect.That(Spy.LabelsMatch(spy.Net.GradientCalls[k]), Say($"step {k + 1} handed Gradient targets that are not those of its rows.", $"第 {k + 1} 步交给 Gradient 的目标不是这些行的目标。"),
                [(Say("data", "数据"), Spy.DataText)], Say("take the same rows of tTrain as of xTrain: tTrain.Rows(rows).", "tTrain 取与 xTrain 相同的行：tTrain.Rows(rows)。"));
        }
    }

    [Check("moves every parameter in place by −learningRate · gradient after each step",
           "每一步之后把每个参数原地移动 −learningRate · 梯度")]
    public void Updates(IChapter5 c)
    {
        var spy = Spy.Run(c);
        var calls = spy.Net.GradientCalls;
        for (var k = 0; k < calls.Count; k++)
        {
            foreach (var name in Spy.Names)
            {
                var expected = Spy.After(name, k);
                var seen = calls[k].Params[name];
                if (Same(seen, expected)) continue;
                string why;
                if (k > 0 && Same(seen, Spy.Initial[name]) && Spy.Names.All(n => Same(calls[k].Params[n], Spy.Initial[n])))
                    why = Say("no parameter ever changes. p = p - lr * grad only points your variable at a new tensor; the net keeps the old one. " +
                          "Write p.Assign(p - lr * grad[key]).", "没有任何参数发生变化。p = p - lr * grad 只是让你的变量指向一个新张量，网络保留的还是旧的。要写 p.Assign(p - lr * grad[key])。");
                else if (k > 0 && Same(seen, Spy.Initial[name]))
                    why = Say($"{name} never changes, while other parameters do: update every parameter in net.Params, the biases too.", $"{name} 从不变化，而其他参数在变：要更新 net.Params 中的每个参数，偏置也要。");
                else if (k > 0 && Same(seen, Spy.AfterAscent(name, k)))
                    why = Say($"{name} moved by +lr · gradient: that climbs the loss. Gradient descent subtracts: p − lr · gradient.", $"{name} 移动了 +lr · 梯度：这会让损失变大。梯度下降是减：p − lr · 梯度。");
                else
                    why = Say($"after {k} step(s) with the same gradient g, {name} must be {name}₀ − {k} · lr · g.", $"以相同的梯度 g 走了 {k} 步之后，{name} 必须等于 {name}₀ − {k} · lr · g。");
                throw CheckFailure.Of(Say($"{name} is wrong when step {k + 1} begins.", $"第 {k + 1} 步开始时 {name} 不对。"),
                    [(Say("learning rate", "学习率"), Spy.Settings.LearningRate.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                     (Say($"{name} at the start", $"开始时的 {name}"), Spy.Initial[name].ToString()), (Say("gradient g (every step)", "梯度 g（每一步）"), Spy.Grad[name].ToString()),
                     (Say("expected", "期望值"), expected.ToString()), (Say("yours", "你的"), seen.ToString())], why);
            }
        }
        var last = Spy.After("W1", calls.Count);
        Expect.Close(spy.Net.Params["W1"], last, Say("W1 after training", "训练之后的 W1"), Tolerance.Value, hint: Say("the last step updates the parameters too.", "最后一步也要更新参数。"));
    }

    [Check("records the loss of each batch after its update, and the accuracies after each epoch",
           "记录每个批次更新之后的损失，以及每个 epoch 之后的识别精度")]
    public void History(IChapter5 c)
    {
        var spy = Spy.Run(c);
        if (spy.History is not { Losses: not null, TrainAccuracies: not null, TestAccuracies: not null } h)
        {
            throw CheckFailure.Of(Say("Train returned no history (or one with a null list).", "Train 没有返回历史（或者历史里有列表是 null）。"), [], Say("return new TrainingHistory(loss, trainAccuracy, testAccuracy).", "返回 new TrainingHistory(loss, trainAccuracy, testAccuracy)。"));
        }
        var lossCalls = spy.Net.LossCalls;
        Expect.That(lossCalls.Count == 4 && h.Losses.Count == 4, Say($"the history has {h.Losses.Count} losses from {lossCalls.Count} calls of Loss; expected 4, one per step.", $"历史里有 {h.Losses.Count} 个损失，来自 {lossCalls.Count} 次 Loss 调用；期望 4 个，每步一个。"),
            [(Say("data", "数据"), Spy.DataText), (Say("settings", "设置"), Spy.Settings.ToString())], Hint);
        for (var k = 0; k < 4; k++)
        {
            Expect.That(Spy.RowsOf(lossCalls[k].X).SequenceEqual(Spy.ExpectedBatches()[k]), Say($"the loss of step {k + 1} is not computed on that step's batch.", $"第 {k + 1} 步的损失不是在这一步的批次上算的。"),
                [(Say("expected rows", "期望的行"), string.Join(", ", Spy.ExpectedBatches()[k])), (Say("your rows", "你的行"), string.Join(", ", Spy.RowsOf(lossCalls[k].X)))], Hint);
            Expect.That(Same(lossCalls[k].Params["W1"], Spy.After("W1", k + 1)),
                Say($"the loss of step {k + 1} is computed before that step's update.", $"第 {k + 1} 步的损失是在这一步更新之前算的。"), [],
                Say("as the book does, record net.Loss(xBatch, tBatch) after the parameters have moved, so the curve shows the loss the step reached.", "与书中一样，在参数移动之后记录 net.Loss(xBatch, tBatch)，这样曲线显示的是这一步达到的损失。"));
            Expect.Close(h.Losses[k], lossCalls[k].Returned, $"history.Losses[{k}]", Tolerance.Value, hint: Say("record the value net.Loss returned, in step order.", "按步的顺序记录 net.Loss 返回的值。"));
        }
        Expect.That(h.TrainAccuracies.Count == 2 && h.TestAccuracies.Count == 2,
            Say($"the history has {h.TrainAccuracies.Count} training and {h.TestAccuracies.Count} test accuracies; expected 2 of each, one per epoch.", $"历史里有 {h.TrainAccuracies.Count} 个训练精度和 {h.TestAccuracies.Count} 个测试精度；期望各 2 个，每个 epoch 一个。"), [], Hint);
        for (var e = 0; e < 2; e++)
        {
            Expect.Close(h.TrainAccuracies[e], Spy.Accuracy(train: true, epoch: e), $"history.TrainAccuracies[{e}]", Tolerance.Value,
                hint: Say("after each epoch, net.Accuracy(xTrain, tTrain) on the whole training set.", "每个 epoch 之后，在整个训练集上求 net.Accuracy(xTrain, tTrain)。"));
            Expect.Close(h.TestAccuracies[e], Spy.Accuracy(train: false, epoch: e), $"history.TestAccuracies[{e}]", Tolerance.Value,
                hint: Say("after each epoch, net.Accuracy(xTest, tTest) on the whole test set — the data the net never trained on.", "每个 epoch 之后，在整个测试集上求 net.Accuracy(xTest, tTest)——网络从未训练过的数据。"));
        }
    }

    [Check("writes a line of progress for every epoch",
           "每个 epoch 写一行进度")]
    public void Progress(IChapter5 c)
    {
        var spy = Spy.Run(c);
        var lines = spy.Progress.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Expect.That(lines.Length >= 2, Say($"Train wrote {lines.Length} line(s) to progress in 2 epochs.", $"Train 在 2 个 epoch 中向 progress 写了 {lines.Length} 行。"), [(Say("what it wrote", "它写的内容"), spy.Progress.Length == 0 ? "(nothing)" : spy.Progress)],
            Say("after each epoch, progress.WriteLine($\"epoch {epoch}: loss …, train accuracy …, test accuracy …\"): a learner watching a long run wants to see it move.", "每个 epoch 之后，progress.WriteLine($\"epoch {epoch}: loss …, train accuracy …, test accuracy …\")：看着一次长时间训练的学习者想看到它在前进。"));
    }

    [Check("leaves the training and test data unchanged",
           "不修改训练数据和测试数据")]
    public void LeavesDataAlone(IChapter5 c)
    {
        var spy = Spy.Run(c);
        foreach (var (name, before, after) in spy.Data)
        {
            Expect.That(before.AsSpan().SequenceEqual(after.AsSpan()) && before.ShapeSpan.SequenceEqual(after.ShapeSpan), Say($"Train changed {name} in place.", $"Train 原地修改了 {name}。"),
                [(Say("before", "之前"), before.ToString()), (Say("after", "之后"), after.ToString())], Say("take batches with Rows(…), which copies; never write into the data you were given.", "用 Rows(…) 取批次，它会复制；永远不要写进传给你的数据。"));
        }
    }

    private static bool Same(Tensor a, Tensor b) =>
        a.ShapeSpan.SequenceEqual(b.ShapeSpan) && a.AsSpan().ToArray().Zip(b.AsSpan().ToArray()).All(p => Tolerance.Value.Accepts(p.First, p.Second));

    // ------------------------------------------------------------------ MNIST

    [Check("trains a reference network on MNIST along the reference's learning curve",
           "在 MNIST 上训练参考网络，沿着参考实现的学习曲线")]
    public void LearningCurve(IChapter5 c)
    {
        var run = MnistRun.Of(c);
        var steps = run.History.Losses.Count;
        var epochs = run.History.TestAccuracies.Count;
        Plots.Verify("learning-curve", new Figure("5.7 backprop training: 784–50–10, 3,000 MNIST digits", "step (epochs end at 30, 60, 90)", "loss · accuracy",
            [
                new Series("loss", Enumerable.Range(1, steps).Select(i => (double)i).ToArray(), [.. run.History.Losses]),
                new Series("train accuracy", Enumerable.Range(1, epochs).Select(e => (double)e * steps / epochs).ToArray(), [.. run.History.TrainAccuracies]),
                new Series("test accuracy", Enumerable.Range(1, epochs).Select(e => (double)e * steps / epochs).ToArray(), [.. run.History.TestAccuracies]),
            ], YMin: 0, YMax: 3.5),
            Tolerance.Trajectory,
            Say("the curve is repeatable: the same net, the batches in order, the same steps. A first loss far from the reference's means a step " +
            "in the wrong direction or of the wrong size, or a loss recorded before the update; a later drift, a batch out of order or a " +
            "parameter not updated. The other checks of 5.7 say which.", "这条曲线是可重复的：同样的网络、按顺序的批次、同样的步骤。第一个损失就与参考实现相差很远，说明步子方向不对或大小不对，或者损失是在更新之前记录的；后来才逐渐偏离，说明批次顺序不对或某个参数没有更新。5.7 的其他检查会指出是哪一种。"));
    }

    [Check("reaches a test accuracy of at least 85 % on MNIST in 3 epochs",
           "3 个 epoch 内在 MNIST 上达到至少 85 % 的测试精度")]
    public void AccuracyFloorReached(IChapter5 c)
    {
        var run = MnistRun.Of(c);
        var accuracy = run.History.TestAccuracies.Count == 0 ? double.NaN : run.History.TestAccuracies[^1];
        Expect.That(accuracy >= AccuracyFloor, Say($"the test accuracy after 3 epochs is {accuracy:P1}; at least {AccuracyFloor:P0} was expected.", $"3 个 epoch 之后测试精度是 {accuracy:P1}；期望至少 {AccuracyFloor:P0}。"),
            [(Say("test accuracy per epoch", "每个 epoch 的测试精度"), string.Join(", ", run.History.TestAccuracies.Select(a => a.ToString("P1", System.Globalization.CultureInfo.InvariantCulture)))),
             (Say("loss: first, last step", "损失：第一步、最后一步"), run.History.Losses.Count == 0 ? "(none)" : $"{Tensor.FormatNumber(run.History.Losses[0])}, {Tensor.FormatNumber(run.History.Losses[^1])}")],
            Say("a net that does not learn is usually not updated in place, or updated uphill (+ instead of −). ", "网络不学习，通常是因为没有原地更新，或者往上坡更新（用了 + 而不是 −）。") + Hint);
    }

    [Check("end to end: your own layers (5.2–5.5) and network (5.6) learn with your loop too",
           "端到端：你自己的层（5.2–5.5）和网络（5.6）用你的循环也能学习")]
    public void EndToEnd(IChapter5 c)
    {
        // Fails fast (not started) while this exercise's own loop is a stub.
        Spy.Run(c);
        var run = MnistRun.Own(c);
        var accuracy = run.History.TestAccuracies.Count == 0 ? double.NaN : run.History.TestAccuracies[^1];
        Expect.That(accuracy >= AccuracyFloor, Say($"your own chain reaches a test accuracy of {accuracy:P1} after 3 epochs; at least {AccuracyFloor:P0} was expected.", $"你自己的整条链 3 个 epoch 之后测试精度是 {accuracy:P1}；期望至少 {AccuracyFloor:P0}。"),
            [(Say("test accuracy per epoch", "每个 epoch 的测试精度"), string.Join(", ", run.History.TestAccuracies.Select(a => a.ToString("P1", System.Globalization.CultureInfo.InvariantCulture))))],
            Say("the other checks of 5.7 train a reference network, and they pass; this one trains yours, built from your layers. " +
            "Look for a failing check in 5.2–5.6: a mistake there shows up here.", "5.7 的其他检查训练的是参考网络，它们都通过了；这一项训练的是用你的层搭起来的网络。去 5.2–5.6 里找一个没通过的检查：那里的错误会在这里显现出来。"));
    }

    /// <summary>A run of the subject's loop on MNIST, cached per subject: several checks look at the same run.</summary>
    private sealed record MnistRun(TrainingHistory History)
    {
        private static readonly ConditionalWeakTable<IChapter5, MnistRun> Runs = [];
        private static readonly ConditionalWeakTable<IChapter5, MnistRun> OwnRuns = [];

        /// <summary>The subject's loop training a reference network (no cascade from 5.2–5.6).</summary>
        public static MnistRun Of(IChapter5 c)
        {
            lock (Runs)
            {
                if (Runs.TryGetValue(c, out var run)) return run;
                var net = Subjects.Reference.Chapter5.CreateTwoLayerNet(784, HiddenSize, 10, new Random(57));
                run = Train(c, net);
                Runs.AddOrUpdate(c, run);
                return run;
            }
        }

        public static MnistRun Own(IChapter5 c)
        {
            lock (OwnRuns)
            {
                if (OwnRuns.TryGetValue(c, out var run)) return run;
                run = Unrouted(() =>
                {
                    ITwoLayerNet net;
                    try
                    {
                        net = c.CreateTwoLayerNet(784, HiddenSize, 10, new Random(57));
                        net.Loss(Tensor.Zeros(1, 784), Tensor.Zeros(1)); // touches every layer once
                    }
                    catch (NotImplementedException e)
                    {
                        throw new CheckFailure(Say($"this end-to-end check builds your network, and part of it is not done yet: {e.Message}\n" +
                                               "  hint: finish exercises 5.2–5.6; the other checks of 5.7 already grade your loop on a reference network.", $"这项端到端检查要构建你的网络，而其中一部分还没有完成：{e.Message}\n  提示: 先完成练习 5.2–5.6；5.7 的其他检查已经在参考网络上给你的循环评分了。"));
                    }
                    return Train(c, net);
                });
                OwnRuns.AddOrUpdate(c, run);
                return run;
            }
        }

        private static MnistRun Train(IChapter5 c, ITwoLayerNet net)
        {
            var data = Mnist.Load();
            var rows = Enumerable.Range(0, TrainRows).ToArray();
            var history = c.Train(net, data.XTrain.Rows(rows), data.TTrain.Rows(rows), data.XTest, data.TTest, MnistSettings, TextWriter.Null)
                ?? throw new CheckFailure(Say("Train returned null.\n  hint: return new TrainingHistory(loss, trainAccuracy, testAccuracy).", "Train 返回了 null。\n  提示: 返回 new TrainingHistory(loss, trainAccuracy, testAccuracy)。"));
            if (history.Losses is null || history.TrainAccuracies is null || history.TestAccuracies is null)
            {
                throw new CheckFailure(Say("Train returned a history with a null list.\n  hint: return new TrainingHistory(loss, trainAccuracy, testAccuracy).", "Train 返回的历史里有一个列表是 null。\n  提示: 返回 new TrainingHistory(loss, trainAccuracy, testAccuracy)。"));
            }
            return new MnistRun(history);
        }

        /// <summary>
        /// Runs <paramref name="body"/> outside the grader's routing of earlier exercises, so <c>Earlier.CreateAffine</c> and
        /// its kin reach the learner's own layers: the routing lives in an AsyncLocal, which a thread started without the
        /// execution context's flow does not inherit.
        /// </summary>
        private static T Unrouted<T>(Func<T> body)
        {
            Task<T> task;
            using (ExecutionContext.SuppressFlow()) task = Task.Run(body);
            try
            {
                return task.GetAwaiter().GetResult();
            }
            catch (Exception e) when (e is not (CheckFailure or NotImplementedException or OutOfMemoryException))
            {
                throw CheckFailure.Threw(Say($"your own chain (layers 5.2–5.5, network 5.6, this loop) crashed.\n  {Grader.CrashMessage(e).Replace("\n", "\n  ", StringComparison.Ordinal)}", $"你自己的整条链（层 5.2–5.5、网络 5.6、这个循环）崩溃了。\n  {Grader.CrashMessage(e).Replace("\n", "\n  ", StringComparison.Ordinal)}"), e);
            }
        }
    }

    // ------------------------------------------------------------------ the spy

    /// <summary>A stand-in network that records every call, so the loop's steps can be checked exactly.</summary>
    private sealed class Spy
    {
        public static readonly TrainingSettings Settings = new(Epochs: 2, BatchSize: 2, LearningRate: 0.5);
        public static readonly string[] Names = ["W1", "b1", "W2", "b2"];

        // Five rows; row i is [10·i + 1, 10·i + 2], label i, so a batch gives its rows away.
        private static readonly Tensor XTrain = Tensor.From(new[,] { { 1.0, 2.0 }, { 11.0, 12.0 }, { 21.0, 22.0 }, { 31.0, 32.0 }, { 41.0, 42.0 } });
        private static readonly Tensor TTrain = Tensor.From(0.0, 1.0, 2.0, 3.0, 4.0);
        private static readonly Tensor XTest = Tensor.From(new[,] { { -1.0, -2.0 }, { -3.0, -4.0 } });
        private static readonly Tensor TTest = Tensor.From(1.0, 0.0);

        public static readonly Dictionary<string, Tensor> Initial = new()
        {
            ["W1"] = Tensor.From(new[,] { { 1.0, -1.0 }, { 0.5, 2.0 } }), ["b1"] = Tensor.From(0.25, -0.25),
            ["W2"] = Tensor.From(new[,] { { -2.0, 1.0 }, { 3.0, 0.0 } }), ["b2"] = Tensor.From(1.5, -0.5),
        };

        public static readonly Dictionary<string, Tensor> Grad = new()
        {
            ["W1"] = Tensor.From(new[,] { { 0.125, -0.25 }, { 0.5, 1.0 } }), ["b1"] = Tensor.From(-0.75, 0.375),
            ["W2"] = Tensor.From(new[,] { { 0.0625, 0.25 }, { -0.5, 2.0 } }), ["b2"] = Tensor.From(1.0, -1.0),
        };

        public static string DataText => Say("xTrain has 5 rows (row i is [10·i + 1, 10·i + 2]), BatchSize 2, 2 epochs", "xTrain 有 5 行（第 i 行是 [10·i + 1, 10·i + 2]），BatchSize 2，2 个 epoch");

        private static readonly ConditionalWeakTable<IChapter5, Result> Results = [];

        public sealed record Call(Tensor X, Tensor T, IReadOnlyDictionary<string, Tensor> Params, double Returned);

        public sealed record Result(SpyNet Net, TrainingHistory? History, string Progress, List<(string Name, Tensor Before, Tensor After)> Data);

        public static Result Run(IChapter5 c)
        {
            lock (Results)
            {
                if (Results.TryGetValue(c, out var r)) return r;
                var net = new SpyNet();
                var (x, t, xt, tt) = (XTrain.Copy(), TTrain.Copy(), XTest.Copy(), TTest.Copy());
                var progress = new StringWriter();
                var history = c.Train(net, x, t, xt, tt, Settings, progress);
                r = new Result(net, history, progress.ToString(),
                    [("xTrain", XTrain, x), ("tTrain", TTrain, t), ("xTest", XTest, xt), ("tTest", TTest, tt)]);
                Results.AddOrUpdate(c, r);
                return r;
            }
        }

        public static List<int[]> ExpectedBatches() => [[0, 1], [2, 3], [0, 1], [2, 3]];

        public static List<int> RowsOf(Tensor x)
        {
            var rows = new List<int>();
            if (x.Ndim != 2 || x.Dim(1) != 2) return rows;
            for (var i = 0; i < x.Dim(0); i++)
            {
                var row = (x[i, 0] - 1) / 10;
                if (row != Math.Floor(row) || row < 0 || row > 4 || x[i, 1] != x[i, 0] + 1) return [];
                rows.Add((int)row);
            }
            return rows;
        }

        public static bool LabelsMatch(Call call)
        {
            var rows = RowsOf(call.X);
            return call.T.Ndim == 1 && call.T.Size == rows.Count && rows.Select((r, i) => call.T[i] == r).All(b => b);
        }

        public static Tensor After(string name, int steps) => Initial[name] - steps * Settings.LearningRate * Grad[name];

        public static Tensor AfterAscent(string name, int steps) => Initial[name] + steps * Settings.LearningRate * Grad[name];

        public static double Accuracy(bool train, int epoch) => (train ? 0.5 : 0.25) + 0.125 * epoch;

        /// <summary>Records calls; its gradient is the same every step, its loss the sum of its parameters, its accuracy a known number.</summary>
        public sealed class SpyNet : ITwoLayerNet
        {
            private readonly Dictionary<string, Tensor> _params = Initial.ToDictionary(p => p.Key, p => p.Value.Copy());
            private int _trainCalls;
            private int _testCalls;

            public List<Call> GradientCalls { get; } = [];

            public List<Call> LossCalls { get; } = [];

            public IReadOnlyDictionary<string, Tensor> Params => _params;

            private Dictionary<string, Tensor> Snapshot() => _params.ToDictionary(p => p.Key, p => p.Value.Copy());

            public Tensor Predict(Tensor x) => Tensor.Zeros(x.Dim(0), 5);

            public double Loss(Tensor x, Tensor t)
            {
                var loss = _params.Values.Sum(p => p.Sum());
                LossCalls.Add(new Call(x.Copy(), t.Copy(), Snapshot(), loss));
                return loss;
            }

            public double Accuracy(Tensor x, Tensor t)
            {
                var train = x.Size == XTrain.Size && x.AsSpan().SequenceEqual(XTrain.AsSpan());
                var test = x.Size == XTest.Size && x.AsSpan().SequenceEqual(XTest.AsSpan());
                if (!train && !test) return double.NaN;
                return train ? Spy.Accuracy(true, _trainCalls++) : Spy.Accuracy(false, _testCalls++);
            }

            public IReadOnlyDictionary<string, Tensor> Gradient(Tensor x, Tensor t)
            {
                GradientCalls.Add(new Call(x.Copy(), t.Copy(), Snapshot(), double.NaN));
                return Grad.ToDictionary(p => p.Key, p => p.Value.Copy());
            }
        }
    }
}
