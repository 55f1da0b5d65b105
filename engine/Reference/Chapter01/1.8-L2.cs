namespace DeepLearningKata.Reference;

public partial class Chapter1Reference
{
    /// <inheritdoc/>
    public virtual double L2(Tensor yhat, Tensor y)
    {
        var d = y - yhat;
        return Np.Dot(d.Flatten(), d.Flatten()).Item();
    }
}
