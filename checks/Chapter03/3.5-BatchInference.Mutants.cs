using DeepLearningKata.Reference;

namespace DeepLearningKata.Checks.Chapter03;

[Mutant("3.5", "the last, partial batch dropped: the loop runs while start + batchSize <= N")]
internal sealed class PredictBatchDropsLastBatch : Chapter3Reference
{
    public override Tensor PredictBatch(IReadOnlyDictionary<string, Tensor> network, Tensor x, int batchSize)
    {
        var n = x.Dim(0);
        var predictions = new double[n];
        for (var i = 0; i + batchSize <= n; i += batchSize)
        {
            var y = Forward(network, x.Rows(Enumerable.Range(i, batchSize).ToArray()));
            y.Argmax(axis: 1).AsSpan().CopyTo(predictions.AsSpan(i));
        }
        return new Tensor(predictions, n);
    }
}

[Mutant("3.5", "argmax along axis 0 (down the batch) instead of axis 1 (across the classes)")]
internal sealed class PredictBatchArgmaxAxis0 : Chapter3Reference
{
    public override Tensor PredictBatch(IReadOnlyDictionary<string, Tensor> network, Tensor x, int batchSize)
    {
        var n = x.Dim(0);
        var predictions = new List<double>();
        for (var i = 0; i < n; i += batchSize)
        {
            var y = Forward(network, x.Rows(Enumerable.Range(i, Math.Min(batchSize, n - i)).ToArray()));
            predictions.AddRange(y.Argmax(axis: 0).ToArray());
        }
        return new Tensor([.. predictions], predictions.Count);
    }
}

[Mutant("3.5", "the first batch forwarded every time (the offset start forgotten)")]
internal sealed class PredictBatchSameBatch : Chapter3Reference
{
    public override Tensor PredictBatch(IReadOnlyDictionary<string, Tensor> network, Tensor x, int batchSize)
    {
        var n = x.Dim(0);
        var predictions = new double[n];
        for (var i = 0; i < n; i += batchSize)
        {
            var count = Math.Min(batchSize, n - i);
            var y = Forward(network, x.Rows(Enumerable.Range(0, count).ToArray()));
            y.Argmax(axis: 1).AsSpan().CopyTo(predictions.AsSpan(i));
        }
        return new Tensor(predictions, n);
    }
}

[Mutant("3.5", "accuracy divided by the rows of all batches rounded up (batches × batchSize) instead of N")]
internal sealed class AccuracyPaddedCount : Chapter3Reference
{
    public override double Accuracy(IReadOnlyDictionary<string, Tensor> network, Tensor x, Tensor t, int batchSize)
    {
        var n = x.Dim(0);
        var batches = (n + batchSize - 1) / batchSize;
        return Np.Equal(PredictBatch(network, x, batchSize), t).Sum() / (batches * batchSize);
    }
}

[Mutant("3.5", "accuracy as the number of hits, not a fraction")]
internal sealed class AccuracyCountsHits : Chapter3Reference
{
    public override double Accuracy(IReadOnlyDictionary<string, Tensor> network, Tensor x, Tensor t, int batchSize) =>
        Np.Equal(PredictBatch(network, x, batchSize), t).Sum();
}

[Mutant("3.5", "integer division: hits / N with an int count, 0 unless every sample is right")]
internal sealed class AccuracyIntegerDivision : Chapter3Reference
{
    public override double Accuracy(IReadOnlyDictionary<string, Tensor> network, Tensor x, Tensor t, int batchSize)
    {
        var hits = (int)Np.Equal(PredictBatch(network, x, batchSize), t).Sum();
        return hits / x.Dim(0);
    }
}
