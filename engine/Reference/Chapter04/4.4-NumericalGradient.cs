namespace DeepLearningKata.Reference;

public partial class Chapter4Reference
{
    /// <inheritdoc/>
    public virtual Tensor NumericalGradient(Func<Tensor, double> f, Tensor x)
    {
        const double h = DiffStep;
        var grad = Tensor.ZerosLike(x);
        var xs = x.AsSpan();
        var gs = grad.AsSpan();
        for (var idx = 0; idx < xs.Length; idx++)
        {
            var tmp = xs[idx];
            xs[idx] = tmp + h;
            var fxh1 = f(x); // f(x + h)
            xs[idx] = tmp - h;
            var fxh2 = f(x); // f(x − h)
            gs[idx] = (fxh1 - fxh2) / (2 * h);
            xs[idx] = tmp;   // restore, or every later element is differentiated at the wrong point
        }
        return grad;
    }
}
