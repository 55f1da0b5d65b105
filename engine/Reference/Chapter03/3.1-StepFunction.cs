namespace DeepLearningKata.Reference;

public partial class Chapter3Reference
{
    /// <inheritdoc/>
    public virtual Tensor StepFunction(Tensor x) => x > 0.0;
}
