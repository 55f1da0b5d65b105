using DeepLearningKata.Reference;

namespace DeepLearningKata.Checks.Chapter01;

[Mutant("1.6", "normalises the columns (axis 0) instead of the rows")]
internal sealed class SoftmaxColumns : Chapter1Reference
{
    public override Tensor Softmax(Tensor x)
    {
        var e = Np.Exp(x - x.Max(axis: 0, keepdims: true));
        return e / e.Sum(axis: 0, keepdims: true);
    }
}

[Mutant("1.6", "divides by the sum of the whole batch instead of each row's sum")]
internal sealed class SoftmaxGlobalSum : Chapter1Reference
{
    public override Tensor Softmax(Tensor x)
    {
        var e = Np.Exp(x - x.Max(axis: 1, keepdims: true));
        return e / e.Sum();
    }
}

[Mutant("1.6", "no max subtracted: e^1000 overflows to ∞, and ∞ / ∞ is NaN")]
internal sealed class SoftmaxNoMaxShift : Chapter1Reference
{
    public override Tensor Softmax(Tensor x)
    {
        var e = Np.Exp(x);
        return e / e.Sum(axis: 1, keepdims: true);
    }
}

[Mutant("1.6", "subtracts the max of the whole batch: a row far below it underflows to 0 / 0")]
internal sealed class SoftmaxGlobalMax : Chapter1Reference
{
    public override Tensor Softmax(Tensor x)
    {
        var e = Np.Exp(x - x.Max());
        return e / e.Sum(axis: 1, keepdims: true);
    }
}

[Mutant("1.6", "x² / Σ_row x²: positive rows summing to 1, but not built from e^x")]
internal sealed class SoftmaxOfSquares : Chapter1Reference
{
    public override Tensor Softmax(Tensor x)
    {
        var s = x * x;
        return s / s.Sum(axis: 1, keepdims: true);
    }
}

[Mutant("1.6", "writes the result into x's own elements")]
internal sealed class SoftmaxInPlace : Chapter1Reference
{
    public override Tensor Softmax(Tensor x)
    {
        var e = Np.Exp(x - x.Max(axis: 1, keepdims: true));
        (e / e.Sum(axis: 1, keepdims: true)).AsSpan().CopyTo(x.AsSpan());
        return x;
    }
}
