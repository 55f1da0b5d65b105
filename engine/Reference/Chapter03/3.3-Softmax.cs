namespace DeepLearningKata.Reference;

public partial class Chapter3Reference
{
    /// <inheritdoc/>
    public virtual Tensor Softmax(Tensor a)
    {
        var c = a.Max(axis: -1, keepdims: true); // each row's own max: a batch's rows may lie far apart
        var expA = Np.Exp(a - c);                // overflow countermeasure: the largest exponent is e^0 = 1
        return expA / expA.Sum(axis: -1, keepdims: true);
    }
}
