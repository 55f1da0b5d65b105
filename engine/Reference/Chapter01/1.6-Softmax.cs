namespace DeepLearningKata.Reference;

public partial class Chapter1Reference
{
    /// <inheritdoc/>
    public virtual Tensor Softmax(Tensor x)
    {
        // Subtracting each row's max changes nothing mathematically and keeps exp from overflowing.
        var shifted = x - x.Max(axis: 1, keepdims: true);
        var e = Np.Exp(shifted);
        return e / e.Sum(axis: 1, keepdims: true);
    }
}
