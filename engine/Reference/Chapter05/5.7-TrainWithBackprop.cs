using System.Globalization;
using DeepLearningKata.Contracts;

namespace DeepLearningKata.Reference;

public partial class Chapter5Reference
{
    /// <inheritdoc/>
    public virtual TrainingHistory Train(ITwoLayerNet net, Tensor xTrain, Tensor tTrain, Tensor xTest, Tensor tTest,
        TrainingSettings settings, TextWriter progress)
    {
        var loss = new List<double>();
        var trainAccuracy = new List<double>();
        var testAccuracy = new List<double>();
        var batchSize = settings.BatchSize;
        var stepsPerEpoch = xTrain.Dim(0) / batchSize; // a last, shorter batch is dropped

        for (var epoch = 1; epoch <= settings.Epochs; epoch++)
        {
            for (var step = 0; step < stepsPerEpoch; step++)
            {
                var rows = Enumerable.Range(step * batchSize, batchSize).ToArray();
                var xBatch = xTrain.Rows(rows);
                var tBatch = tTrain.Rows(rows);

                var grad = net.Gradient(xBatch, tBatch); // backpropagation
                foreach (var (key, p) in net.Params)
                {
                    p.Assign(p - settings.LearningRate * grad[key]); // in place: the layers see it
                }
                loss.Add(net.Loss(xBatch, tBatch));
            }
            trainAccuracy.Add(net.Accuracy(xTrain, tTrain));
            testAccuracy.Add(net.Accuracy(xTest, tTest));
            progress.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"epoch {epoch}: loss {loss[^1]:F4}, train accuracy {trainAccuracy[^1]:P1}, test accuracy {testAccuracy[^1]:P1}"));
        }
        return new TrainingHistory(loss, trainAccuracy, testAccuracy);
    }
}
