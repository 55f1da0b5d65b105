namespace DeepLearningKata.Reference;

public partial class Chapter6Reference
{
    /// <inheritdoc/>
    public virtual Tensor XavierInit(int nIn, int nOut, Random random) =>
        Tensor.RandomNormal(random, nIn, nOut) * Math.Sqrt(1.0 / nIn);

    /// <inheritdoc/>
    public virtual Tensor HeInit(int nIn, int nOut, Random random) =>
        Tensor.RandomNormal(random, nIn, nOut) * Math.Sqrt(2.0 / nIn);
}
