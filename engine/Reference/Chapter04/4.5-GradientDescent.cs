namespace DeepLearningKata.Reference;

public partial class Chapter4Reference
{
    /// <inheritdoc/>
    public virtual Tensor GradientDescent(Func<Tensor, double> f, Tensor initX, double lr, int stepNum)
    {
        var x = initX.Copy();
        var path = Tensor.Zeros(stepNum + 1, x.Size);
        x.AsSpan().CopyTo(path.AsSpan()[..x.Size]);
        for (var i = 1; i <= stepNum; i++)
        {
            var grad = NumericalGradient(f, x);
            x = x - lr * grad;
            x.AsSpan().CopyTo(path.AsSpan().Slice(i * x.Size, x.Size));
        }
        return path;
    }
}
