namespace DeepLearningKata.Reference;

public partial class Chapter3Reference
{
    /// <inheritdoc/>
    public virtual Tensor PredictBatch(IReadOnlyDictionary<string, Tensor> network, Tensor x, int batchSize)
    {
        var n = x.Dim(0);
        var predictions = new double[n];
        foreach (var rows in Enumerable.Range(0, n).Chunk(batchSize)) // rows 0 … batchSize − 1, then the next batchSize, …
        {
            var y = Forward(network, x.Rows(rows));
            y.Argmax(axis: 1).AsSpan().CopyTo(predictions.AsSpan(rows[0]));
        }
        return new Tensor(predictions, n);
    }

    /// <inheritdoc/>
    public virtual double Accuracy(IReadOnlyDictionary<string, Tensor> network, Tensor x, Tensor t, int batchSize)
    {
        var p = PredictBatch(network, x, batchSize);
        return Np.Equal(p, t).Sum() / x.Dim(0);
    }
}
