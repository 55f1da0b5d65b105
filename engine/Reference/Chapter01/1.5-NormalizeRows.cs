namespace DeepLearningKata.Reference;

public partial class Chapter1Reference
{
    /// <inheritdoc/>
    public virtual Tensor NormalizeRows(Tensor x)
    {
        var norm = Np.Norm(x, axis: 1, keepdims: true); // (m, 1): one norm per row
        return x / norm;                                // broadcasts over the columns
    }
}
