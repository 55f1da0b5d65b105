namespace DeepLearningKata.Reference;

public partial class Chapter1Reference
{
    /// <inheritdoc/>
    public virtual Tensor ImageToVector(Tensor image)
    {
        Guards.Image(image);
        return image.Reshape(image.Size, 1);
    }
}
