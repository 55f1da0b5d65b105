using DeepLearningKata.Contracts;

namespace DeepLearningKata.Reference;

public partial class Chapter4Reference
{
    /// <inheritdoc/>
    public virtual TrainingHistory Train(
        ITwoLayerNet net, Tensor xTrain, Tensor tTrain, Tensor xTest, Tensor tTest,
        TrainingOptions options, Action<TrainingProgress>? progress = null)
    {
        var trainSize = xTrain.Dim(0);
        var iterPerEpoch = Math.Max(trainSize / options.BatchSize, 1);
        var random = new Random(options.Seed);
        var losses = new List<double>();
        var trainAcc = new List<double>();
        var testAcc = new List<double>();

        for (var i = 0; i < options.Iterations; i++)
        {
            // np.random.choice(train_size, batch_size): indices drawn with replacement
            var batchMask = new int[options.BatchSize];
            for (var k = 0; k < batchMask.Length; k++) batchMask[k] = random.Next(trainSize);
            var xBatch = xTrain.Rows(batchMask);
            var tBatch = tTrain.Rows(batchMask);

            var grads = net.Gradient(xBatch, tBatch);
            foreach (var (name, p) in net.Params)
            {
                p.Assign(p - options.LearningRate * grads[name]); // in place: the network sees the new values
            }

            var loss = net.Loss(xBatch, tBatch);
            losses.Add(loss);

            if (i % iterPerEpoch == 0)
            {
                var train = net.Accuracy(xTrain, tTrain);
                var test = net.Accuracy(xTest, tTest);
                trainAcc.Add(train);
                testAcc.Add(test);
                progress?.Invoke(new TrainingProgress(trainAcc.Count - 1, i, loss, train, test));
            }
        }
        return new TrainingHistory(losses, trainAcc, testAcc);
    }
}
