using DeepLearningKata.Reference;

namespace DeepLearningKata.Checks.Chapter03;

[Mutant("3.3", "no max subtracted: e^a / Σ e^a overflows to NaN")]
internal sealed class SoftmaxNoMax : Chapter3Reference
{
    public override Tensor Softmax(Tensor a)
    {
        var e = Np.Exp(a);
        return e / e.Sum(axis: -1, keepdims: true);
    }
}

[Mutant("3.3", "the mean subtracted instead of the max")]
internal sealed class SoftmaxMinusMean : Chapter3Reference
{
    public override Tensor Softmax(Tensor a)
    {
        var e = Np.Exp(a - a.Mean(axis: -1, keepdims: true));
        return e / e.Sum(axis: -1, keepdims: true);
    }
}

[Mutant("3.3", "the min subtracted instead of the max")]
internal sealed class SoftmaxMinusMin : Chapter3Reference
{
    public override Tensor Softmax(Tensor a)
    {
        var e = Np.Exp(a - a.Min(axis: -1, keepdims: true));
        return e / e.Sum(axis: -1, keepdims: true);
    }
}

[Mutant("3.3", "one global max across the whole batch instead of each row's max")]
internal sealed class SoftmaxGlobalMax : Chapter3Reference
{
    public override Tensor Softmax(Tensor a)
    {
        var e = Np.Exp(a - a.Max());
        return e / e.Sum(axis: -1, keepdims: true);
    }
}

[Mutant("3.3", "divided by the sum over the whole batch instead of each row's sum")]
internal sealed class SoftmaxGlobalSum : Chapter3Reference
{
    public override Tensor Softmax(Tensor a)
    {
        var e = Np.Exp(a - a.Max(axis: -1, keepdims: true));
        return e / e.Sum();
    }
}

[Mutant("3.3", "max and sum along axis 0 (down the columns of a batch)")]
internal sealed class SoftmaxAlongColumns : Chapter3Reference
{
    public override Tensor Softmax(Tensor a)
    {
        var e = Np.Exp(a - a.Max(axis: 0, keepdims: true));
        return e / e.Sum(axis: 0, keepdims: true);
    }
}

[Mutant("3.3", "the max subtracted from a in place (the caller's scores change)")]
internal sealed class SoftmaxShiftsInPlace : Chapter3Reference
{
    public override Tensor Softmax(Tensor a)
    {
        var n = a.Dim(-1);
        var span = a.AsSpan();
        for (var start = 0; start < span.Length; start += n)
        {
            var row = span.Slice(start, n);
            var max = double.NegativeInfinity;
            foreach (var v in row) max = Math.Max(max, v);
            for (var k = 0; k < n; k++) row[k] -= max;
        }
        var e = Np.Exp(a);
        return e / e.Sum(axis: -1, keepdims: true);
    }
}

[Mutant("3.3", "exp(a − max) returned without dividing by the sum")]
internal sealed class SoftmaxNotNormalised : Chapter3Reference
{
    public override Tensor Softmax(Tensor a) => Np.Exp(a - a.Max(axis: -1, keepdims: true));
}

[Mutant("3.3", "divided by the largest exponential instead of the sum")]
internal sealed class SoftmaxDividedByMax : Chapter3Reference
{
    public override Tensor Softmax(Tensor a)
    {
        var e = Np.Exp(a - a.Max(axis: -1, keepdims: true));
        return e / e.Max(axis: -1, keepdims: true);
    }
}
