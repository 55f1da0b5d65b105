using DeepLearningKata.Contracts;
using DeepLearningKata.Reference;

namespace DeepLearningKata.Checks.Chapter05;

[Alternative("5.7", "batches copied row by row, parameters updated element by element with -=, progress through Console-style format strings")]
internal sealed class TrainWithLoops : Chapter5Reference
{
    public override TrainingHistory Train(ITwoLayerNet net, Tensor xTrain, Tensor tTrain, Tensor xTest, Tensor tTest, TrainingSettings settings, TextWriter progress)
    {
        var history = new TrainingHistory(new List<double>(), new List<double>(), new List<double>());
        var losses = (List<double>)history.Losses;
        int n = xTrain.Dim(0), features = xTrain.Dim(1), b = settings.BatchSize;
        for (var epoch = 0; epoch < settings.Epochs; epoch++)
        {
            for (var start = 0; start + b <= n; start += b)
            {
                var xBatch = Tensor.Zeros(b, features);
                var tBatch = tTrain.Ndim == 1 ? Tensor.Zeros(b) : Tensor.Zeros(b, tTrain.Dim(1));
                xTrain.AsSpan().Slice(start * features, b * features).CopyTo(xBatch.AsSpan());
                var width = tBatch.Size / b;
                tTrain.AsSpan().Slice(start * width, b * width).CopyTo(tBatch.AsSpan());

                var grads = net.Gradient(xBatch, tBatch);
                foreach (var key in net.Params.Keys)
                {
                    var p = net.Params[key].AsSpan();
                    var g = grads[key].AsSpan();
                    for (var i = 0; i < p.Length; i++) p[i] -= settings.LearningRate * g[i];
                }
                losses.Add(net.Loss(xBatch, tBatch));
            }
            ((List<double>)history.TrainAccuracies).Add(net.Accuracy(xTrain, tTrain));
            ((List<double>)history.TestAccuracies).Add(net.Accuracy(xTest, tTest));
            progress.WriteLine(string.Format(System.Globalization.CultureInfo.InvariantCulture,
                "epoch {0} of {1}: last loss {2:0.0000}, test accuracy {3:0.0%}", epoch + 1, settings.Epochs, losses[^1], history.TestAccuracies[^1]));
        }
        return history;
    }
}
