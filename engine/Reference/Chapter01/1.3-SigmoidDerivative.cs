namespace DeepLearningKata.Reference;

public partial class Chapter1Reference
{
    /// <inheritdoc/>
    public virtual Tensor SigmoidDerivative(Tensor x)
    {
        var s = Sigmoid(x);
        return s * (1.0 - s);
    }
}
