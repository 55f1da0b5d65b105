using DeepLearningKata.Reference;

namespace DeepLearningKata.Checks.Chapter04;

[Alternative("4.1", "a loop over the elements, accumulating ½·d² for each")]
internal sealed class MeanSquaredErrorLoop : Chapter4Reference
{
    public override double MeanSquaredError(Tensor y, Tensor t)
    {
        var ys = y.AsSpan();
        var ts = t.AsSpan();
        var e = 0.0;
        for (var i = 0; i < ys.Length; i++) e += 0.5 * (ys[i] - ts[i]) * (ys[i] - ts[i]);
        return e;
    }
}

[Alternative("4.1", "Np.Square and Np.Sum, divided by 2")]
internal sealed class MeanSquaredErrorNp : Chapter4Reference
{
    public override double MeanSquaredError(Tensor y, Tensor t) => Np.Sum(Np.Square(t - y)) / 2;
}
