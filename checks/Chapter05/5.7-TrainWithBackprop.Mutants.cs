using System.Globalization;
using DeepLearningKata.Contracts;
using DeepLearningKata.Reference;

namespace DeepLearningKata.Checks.Chapter05;

/// <summary>The reference loop with one step changed, for the mutants below.</summary>
internal abstract class TrainingMutant : Chapter5Reference
{
    protected virtual int[] Batch(int step, int batchSize) => Enumerable.Range(step * batchSize, batchSize).ToArray();

    protected virtual void Update(Tensor p, Tensor grad, double learningRate) => p.Assign(p - learningRate * grad);

    protected virtual bool LossBeforeUpdate => false;

    protected virtual bool TestOnTrainingSet => false;

    public override TrainingHistory Train(ITwoLayerNet net, Tensor xTrain, Tensor tTrain, Tensor xTest, Tensor tTest, TrainingSettings settings, TextWriter progress)
    {
        var loss = new List<double>();
        var trainAccuracy = new List<double>();
        var testAccuracy = new List<double>();
        var steps = xTrain.Dim(0) / settings.BatchSize;
        for (var epoch = 1; epoch <= settings.Epochs; epoch++)
        {
            for (var step = 0; step < steps; step++)
            {
                var rows = Batch(step, settings.BatchSize);
                var xBatch = xTrain.Rows(rows);
                var tBatch = tTrain.Rows(rows);
                if (LossBeforeUpdate) loss.Add(net.Loss(xBatch, tBatch));
                var grad = net.Gradient(xBatch, tBatch);
                foreach (var (key, p) in net.Params) Update(p, grad[key], settings.LearningRate);
                if (!LossBeforeUpdate) loss.Add(net.Loss(xBatch, tBatch));
            }
            trainAccuracy.Add(net.Accuracy(xTrain, tTrain));
            testAccuracy.Add(TestOnTrainingSet ? net.Accuracy(xTrain, tTrain) : net.Accuracy(xTest, tTest));
            progress.WriteLine(string.Create(CultureInfo.InvariantCulture, $"epoch {epoch}: test accuracy {testAccuracy[^1]:P1}"));
        }
        return new TrainingHistory(loss, trainAccuracy, testAccuracy);
    }
}

[Mutant("5.7", "gradient ascent: p + learningRate · gradient")]
internal sealed class TrainAscends : TrainingMutant
{
    protected override void Update(Tensor p, Tensor grad, double learningRate) => p.Assign(p + learningRate * grad);
}

[Mutant("5.7", "p = p - lr * grad on a local variable: the network's tensors never change")]
internal sealed class TrainUpdatesACopy : TrainingMutant
{
    protected override void Update(Tensor p, Tensor grad, double learningRate)
    {
#pragma warning disable IDE0059 // the mistake itself: the new tensor is assigned to the local and lost
        p = p - learningRate * grad;
#pragma warning restore IDE0059
    }
}

[Mutant("5.7", "the loss recorded before the update instead of after it")]
internal sealed class TrainLossBeforeUpdate : TrainingMutant
{
    protected override bool LossBeforeUpdate => true;
}

[Mutant("5.7", "the first batch, rows 0 … B−1, at every step")]
internal sealed class TrainSameBatch : TrainingMutant
{
    protected override int[] Batch(int step, int batchSize) => Enumerable.Range(0, batchSize).ToArray();
}

[Mutant("5.7", "only the weights updated, the biases left alone")]
internal sealed class TrainOnlyWeights : TrainingMutant
{
    protected override void Update(Tensor p, Tensor grad, double learningRate)
    {
        if (p.Ndim == 2) p.Assign(p - learningRate * grad);
    }
}

[Mutant("5.7", "the 'test' accuracy measured on the training set")]
internal sealed class TrainTestsOnTrainingSet : TrainingMutant
{
    protected override bool TestOnTrainingSet => true;
}

[Mutant("5.7", "trains silently: no progress written")]
internal sealed class TrainSilently : Chapter5Reference
{
    public override TrainingHistory Train(ITwoLayerNet net, Tensor xTrain, Tensor tTrain, Tensor xTest, Tensor tTest, TrainingSettings settings, TextWriter progress) =>
        base.Train(net, xTrain, tTrain, xTest, tTest, settings, TextWriter.Null);
}
