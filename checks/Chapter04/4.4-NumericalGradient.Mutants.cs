using DeepLearningKata.Reference;

namespace DeepLearningKata.Checks.Chapter04;

[Mutant("4.4", "the element is not put back: x[i] stays at x[i] − h")]
internal sealed class NumericalGradientNoRestore : Chapter4Reference
{
    public override Tensor NumericalGradient(Func<Tensor, double> f, Tensor x)
    {
        var grad = Tensor.ZerosLike(x);
        for (var i = 0; i < x.Size; i++)
        {
            var tmp = x.AsSpan()[i];
            x.AsSpan()[i] = tmp + 1e-4;
            var plus = f(x);
            x.AsSpan()[i] = tmp - 1e-4;
            var minus = f(x);
            grad.AsSpan()[i] = (plus - minus) / 2e-4;
        }
        return grad;
    }
}

[Mutant("4.4", "the forward difference (f(x + h) − f(x)) / h in every element")]
internal sealed class NumericalGradientForward : Chapter4Reference
{
    public override Tensor NumericalGradient(Func<Tensor, double> f, Tensor x)
    {
        var grad = Tensor.ZerosLike(x);
        var fx = f(x);
        for (var i = 0; i < x.Size; i++)
        {
            var tmp = x.AsSpan()[i];
            x.AsSpan()[i] = tmp + 1e-4;
            grad.AsSpan()[i] = (f(x) - fx) / 1e-4;
            x.AsSpan()[i] = tmp;
        }
        return grad;
    }
}

[Mutant("4.4", "h = 1e-50: every nudge vanishes and the gradient is 0")]
internal sealed class NumericalGradientTinyStep : Chapter4Reference
{
    public override Tensor NumericalGradient(Func<Tensor, double> f, Tensor x)
    {
        const double h = 1e-50;
        var grad = Tensor.ZerosLike(x);
        for (var i = 0; i < x.Size; i++)
        {
            var tmp = x.AsSpan()[i];
            x.AsSpan()[i] = tmp + h;
            var plus = f(x);
            x.AsSpan()[i] = tmp - h;
            var minus = f(x);
            x.AsSpan()[i] = tmp;
            grad.AsSpan()[i] = (plus - minus) / (2 * h);
        }
        return grad;
    }
}

[Mutant("4.4", "nudges a copy of x and calls f(copy): an f that reads x through a closure sees no change")]
internal sealed class NumericalGradientOfCopy : Chapter4Reference
{
    public override Tensor NumericalGradient(Func<Tensor, double> f, Tensor x)
    {
        var grad = Tensor.ZerosLike(x);
        for (var i = 0; i < x.Size; i++)
        {
            var plus = x.Copy();
            plus.AsSpan()[i] += 1e-4;
            var minus = x.Copy();
            minus.AsSpan()[i] -= 1e-4;
            grad.AsSpan()[i] = (f(plus) - f(minus)) / 2e-4;
        }
        return grad;
    }
}

[Mutant("4.4", "returns the gradient flattened to (size,) instead of x's shape")]
internal sealed class NumericalGradientFlat : Chapter4Reference
{
    public override Tensor NumericalGradient(Func<Tensor, double> f, Tensor x) => base.NumericalGradient(f, x).Flatten();
}
