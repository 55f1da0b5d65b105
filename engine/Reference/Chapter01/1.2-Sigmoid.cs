namespace DeepLearningKata.Reference;

public partial class Chapter1Reference
{
    /// <inheritdoc/>
    public virtual Tensor Sigmoid(Tensor x) => x.Apply(BasicSigmoid);
}
