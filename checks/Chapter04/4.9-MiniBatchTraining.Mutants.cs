using DeepLearningKata.Contracts;
using DeepLearningKata.Reference;

namespace DeepLearningKata.Checks.Chapter04;

/// <summary>The book's loop with hooks, so that each mutant changes exactly one step of it.</summary>
internal abstract class TrainingMutant : Chapter4Reference
{
    protected virtual Random BatchRandom(Random shared, int seed) => shared;

    protected virtual void Update(ITwoLayerNet net, IReadOnlyDictionary<string, Tensor> grads, double lr)
    {
        foreach (var (name, p) in net.Params) p.Assign(p - lr * grads[name]);
    }

    protected virtual bool LossBeforeUpdate => false;

    protected virtual bool IsEpoch(int i, int iterPerEpoch) => i % iterPerEpoch == 0;

    protected virtual bool Reports => true;

    public override TrainingHistory Train(
        ITwoLayerNet net, Tensor xTrain, Tensor tTrain, Tensor xTest, Tensor tTest,
        TrainingOptions options, Action<TrainingProgress>? progress = null)
    {
        var trainSize = xTrain.Dim(0);
        var iterPerEpoch = Math.Max(trainSize / options.BatchSize, 1);
        var shared = new Random(options.Seed);
        List<double> losses = [], trainAcc = [], testAcc = [];
        for (var i = 0; i < options.Iterations; i++)
        {
            var random = BatchRandom(shared, options.Seed);
            var batch = new int[options.BatchSize];
            for (var k = 0; k < batch.Length; k++) batch[k] = random.Next(trainSize);
            var (xb, tb) = (xTrain.Rows(batch), tTrain.Rows(batch));
            var grads = net.Gradient(xb, tb);
            var lossBefore = LossBeforeUpdate ? net.Loss(xb, tb) : 0;
            Update(net, grads, options.LearningRate);
            var loss = LossBeforeUpdate ? lossBefore : net.Loss(xb, tb);
            losses.Add(loss);
            if (IsEpoch(i, iterPerEpoch))
            {
                trainAcc.Add(net.Accuracy(xTrain, tTrain));
                testAcc.Add(net.Accuracy(xTest, tTest));
                if (Reports) progress?.Invoke(new TrainingProgress(trainAcc.Count - 1, i, loss, trainAcc[^1], testAcc[^1]));
            }
        }
        return new TrainingHistory(losses, trainAcc, testAcc);
    }
}

[Mutant("4.9", "p + lr·grad: every step climbs the loss")]
internal sealed class TrainingAscent : TrainingMutant
{
    protected override void Update(ITwoLayerNet net, IReadOnlyDictionary<string, Tensor> grads, double lr)
    {
        foreach (var (name, p) in net.Params) p.Assign(p + lr * grads[name]);
    }
}

[Mutant("4.9", "p = p − lr·grad on a local variable: the network never changes")]
internal sealed class TrainingRebindsLocal : TrainingMutant
{
    protected override void Update(ITwoLayerNet net, IReadOnlyDictionary<string, Tensor> grads, double lr)
    {
        foreach (var name in net.Params.Keys)
        {
            var p = net.Params[name];
            p = p - lr * grads[name];
            GC.KeepAlive(p);
        }
    }
}

[Mutant("4.9", "only the weights W1, W2 updated; the biases stay 0")]
internal sealed class TrainingSkipsBiases : TrainingMutant
{
    protected override void Update(ITwoLayerNet net, IReadOnlyDictionary<string, Tensor> grads, double lr)
    {
        foreach (var (name, p) in net.Params) if (name.StartsWith('W')) p.Assign(p - lr * grads[name]);
    }
}

[Mutant("4.9", "new Random(Seed) inside the loop: the same mini-batch every iteration")]
internal sealed class TrainingSameBatch : TrainingMutant
{
    protected override Random BatchRandom(Random shared, int seed) => new(seed);
}

[Mutant("4.9", "the loss recorded before the update")]
internal sealed class TrainingLossBeforeUpdate : TrainingMutant
{
    protected override bool LossBeforeUpdate => true;
}

[Mutant("4.9", "accuracies at the end of each epoch, (i + 1) % iterPerEpoch == 0, not at its start")]
internal sealed class TrainingAccuracyOffByOne : TrainingMutant
{
    protected override bool IsEpoch(int i, int iterPerEpoch) => (i + 1) % iterPerEpoch == 0;
}

[Mutant("4.9", "the progress callback never called")]
internal sealed class TrainingSilent : TrainingMutant
{
    protected override bool Reports => false;
}

[Mutant("4.9", "lr·grad applied twice in each iteration")]
internal sealed class TrainingDoubleStep : TrainingMutant
{
    protected override void Update(ITwoLayerNet net, IReadOnlyDictionary<string, Tensor> grads, double lr)
    {
        base.Update(net, grads, lr);
        base.Update(net, grads, lr);
    }
}
