using DeepLearningKata.Reference;

namespace DeepLearningKata.Checks.Chapter03;

[Alternative("3.5", "batches copied span by span, argmax and hits counted with loops")]
internal sealed class BatchInferenceLoops : Chapter3Reference
{
    public override Tensor PredictBatch(IReadOnlyDictionary<string, Tensor> network, Tensor x, int batchSize)
    {
        var n = x.Dim(0);
        var d = x.Dim(1);
        var predictions = Tensor.Zeros(n);
        var start = 0;
        while (start < n)
        {
            var count = Math.Min(batchSize, n - start);
            var batch = new Tensor(x.AsSpan().Slice(start * d, count * d).ToArray(), count, d);
            var y = Forward(network, batch);
            var classes = y.Dim(1);
            for (var r = 0; r < count; r++)
            {
                var best = 0;
                for (var k = 1; k < classes; k++) if (y[r, k] > y[r, best]) best = k;
                predictions[start + r] = best;
            }
            start += count;
        }
        return predictions;
    }

    public override double Accuracy(IReadOnlyDictionary<string, Tensor> network, Tensor x, Tensor t, int batchSize)
    {
        var p = PredictBatch(network, x, batchSize);
        var hits = 0;
        for (var i = 0; i < p.Size; i++) if ((int)p[i] == (int)t[i]) hits++;
        return (double)hits / p.Size;
    }
}

[Alternative("3.5", "the batches' predictions concatenated with LINQ; accuracy as the mean of Np.Equal")]
internal sealed class BatchInferenceConcat : Chapter3Reference
{
    public override Tensor PredictBatch(IReadOnlyDictionary<string, Tensor> network, Tensor x, int batchSize)
    {
        var n = x.Dim(0);
        var all = Enumerable.Range(0, (n + batchSize - 1) / batchSize)
            .SelectMany(b => Np.Argmax(Forward(network, x.Rows(Enumerable.Range(b * batchSize, Math.Min(batchSize, n - b * batchSize)).ToArray())), axis: 1).ToArray())
            .ToArray();
        return new Tensor(all, all.Length);
    }

    public override double Accuracy(IReadOnlyDictionary<string, Tensor> network, Tensor x, Tensor t, int batchSize) =>
        Np.Equal(PredictBatch(network, x, batchSize), t).Mean();
}
