namespace DeepLearningKata.Reference;

public partial class Chapter4Reference
{
    /// <summary>The δ added inside the logarithm so that a probability of 0 gives a large loss, not an infinite one.</summary>
    public const double CrossEntropyDelta = 1e-7;

    /// <inheritdoc/>
    public virtual double CrossEntropyError(Tensor y, Tensor t)
    {
        // One sample becomes a batch of one.
        if (y.Ndim == 1)
        {
            t = t.Reshape(1, t.Size);
            y = y.Reshape(1, y.Size);
        }
        // One-hot targets become labels: the index of the 1 in each row.
        if (t.Size == y.Size) t = t.Argmax(axis: 1);

        var batchSize = y.Dim(0);
        // y[np.arange(batch_size), t]: each row's probability of its own label.
        return -Np.Log(y[Tensor.Arange(0, batchSize), t] + CrossEntropyDelta).Sum() / batchSize;
    }
}
