using DeepLearningKata.Contracts;
using DeepLearningKata.Reference;

namespace DeepLearningKata.Checks.Chapter04;

[Alternative("4.9", "the update written element by element on spans; accuracy from Predict with its own argmax; arrays, not lists")]
internal sealed class TrainingLoops : Chapter4Reference
{
    public override TrainingHistory Train(
        ITwoLayerNet net, Tensor xTrain, Tensor tTrain, Tensor xTest, Tensor tTest,
        TrainingOptions options, Action<TrainingProgress>? progress = null)
    {
        var n = xTrain.Dim(0);
        var perEpoch = n / options.BatchSize < 1 ? 1 : n / options.BatchSize;
        var epochs = (options.Iterations + perEpoch - 1) / perEpoch;
        var losses = new double[options.Iterations];
        var train = new double[epochs];
        var test = new double[epochs];
        var rng = new Random(options.Seed);
        for (var it = 0; it < options.Iterations; it++)
        {
            var idx = Enumerable.Range(0, options.BatchSize).Select(_ => rng.Next(n)).ToArray();
            var xb = xTrain.Rows(idx);
            var tb = tTrain.Rows(idx);
            var grads = net.Gradient(xb, tb);
            foreach (var name in net.Params.Keys)
            {
                var p = net.Params[name].AsSpan();
                var g = grads[name].AsSpan();
                for (var k = 0; k < p.Length; k++) p[k] -= options.LearningRate * g[k];
            }
            losses[it] = net.Loss(xb, tb);
            if (it % perEpoch != 0) continue;
            var e = it / perEpoch;
            train[e] = Hits(net, xTrain, tTrain);
            test[e] = Hits(net, xTest, tTest);
            progress?.Invoke(new TrainingProgress(e, it, losses[it], train[e], test[e]));
        }
        return new TrainingHistory(losses, train, test);
    }

    private static double Hits(ITwoLayerNet net, Tensor x, Tensor t)
    {
        var y = net.Predict(x);
        var hits = 0;
        for (var i = 0; i < y.Dim(0); i++)
        {
            var best = 0;
            for (var j = 1; j < y.Dim(1); j++) if (y[i, j] > y[i, best]) best = j;
            var label = t.Ndim == 1 ? (int)t[i] : Enumerable.Range(0, t.Dim(1)).MaxBy(j => t[i, j]);
            if (best == label) hits++;
        }
        return (double)hits / y.Dim(0);
    }
}

[Alternative("4.9", "p.Assign(p + (−lr)·grad) with the gradients taken in the order W2, b2, W1, b1")]
internal sealed class TrainingOtherOrder : Chapter4Reference
{
    public override TrainingHistory Train(
        ITwoLayerNet net, Tensor xTrain, Tensor tTrain, Tensor xTest, Tensor tTest,
        TrainingOptions options, Action<TrainingProgress>? progress = null)
    {
        var size = xTrain.Dim(0);
        var iterPerEpoch = Math.Max(size / options.BatchSize, 1);
        var random = new Random(options.Seed);
        var history = new TrainingHistory(new List<double>(), new List<double>(), new List<double>());
        for (var i = 0; i < options.Iterations; i++)
        {
            var mask = new int[options.BatchSize];
            for (var k = 0; k < mask.Length; k++) mask[k] = random.Next(size);
            var grad = net.Gradient(xTrain.Rows(mask), tTrain.Rows(mask));
            foreach (var key in new[] { "W2", "b2", "W1", "b1" }) net.Params[key].Assign(net.Params[key] + (-options.LearningRate) * grad[key]);
            ((List<double>)history.Losses).Add(net.Loss(xTrain.Rows(mask), tTrain.Rows(mask)));
            if (i % iterPerEpoch == 0)
            {
                ((List<double>)history.TrainAccuracies).Add(net.Accuracy(xTrain, tTrain));
                ((List<double>)history.TestAccuracies).Add(net.Accuracy(xTest, tTest));
                progress?.Invoke(new TrainingProgress(i / iterPerEpoch, i, history.Losses[i], history.TrainAccuracies[^1], history.TestAccuracies[^1]));
            }
        }
        return history;
    }
}
