namespace DeepLearningKata.Reference;

public partial class Chapter1Reference
{
    /// <inheritdoc/>
    public virtual double L1(Tensor yhat, Tensor y) => Np.Abs(y - yhat).Sum();
}
