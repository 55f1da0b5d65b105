namespace DeepLearningKata.Reference;

public partial class Chapter4Reference
{
    /// <inheritdoc/>
    public virtual double MeanSquaredError(Tensor y, Tensor t)
    {
        var d = y - t;
        return 0.5 * (d * d).Sum();
    }
}
