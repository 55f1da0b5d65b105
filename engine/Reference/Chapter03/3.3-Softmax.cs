namespace DeepLearningKata.Reference;

public partial class Chapter3Reference
{
    /// <inheritdoc/>
    public virtual Tensor Softmax(Tensor a)
    {
        var c = a.Max();
        var expA = Np.Exp(a - c); // overflow countermeasure: the largest exponent is e^0 = 1
        return expA / expA.Sum();
    }
}
