using DeepLearningKata.Reference;

namespace DeepLearningKata.Checks.Chapter04;

[Alternative("4.4", "x[i] += h, then −= 2h, then += h: restored up to rounding, not by a saved copy")]
internal sealed class NumericalGradientIncrements : Chapter4Reference
{
    public override Tensor NumericalGradient(Func<Tensor, double> f, Tensor x)
    {
        const double h = 1e-4;
        var grad = Tensor.ZerosLike(x);
        var xs = x.AsSpan();
        for (var i = 0; i < x.Size; i++)
        {
            xs[i] += h;
            var plus = f(x);
            xs[i] -= 2 * h;
            var minus = f(x);
            xs[i] += h;
            grad.AsSpan()[i] = (plus - minus) / (2 * h);
        }
        return grad;
    }
}

[Alternative("4.4", "elements walked from the last to the first, with the 2-D indexer for matrices")]
internal sealed class NumericalGradientBackwards : Chapter4Reference
{
    public override Tensor NumericalGradient(Func<Tensor, double> f, Tensor x)
    {
        const double h = 1e-4;
        var grad = Tensor.ZerosLike(x);
        if (x.Ndim != 2) return base.NumericalGradient(f, x);
        for (var i = x.Dim(0) - 1; i >= 0; i--)
        {
            for (var j = x.Dim(1) - 1; j >= 0; j--)
            {
                var tmp = x[i, j];
                x[i, j] = tmp + h;
                var plus = f(x);
                x[i, j] = tmp - h;
                var minus = f(x);
                x[i, j] = tmp;
                grad[i, j] = (plus - minus) / (2 * h);
            }
        }
        return grad;
    }
}
