using DeepLearningKata.Reference;

namespace DeepLearningKata.Checks.Chapter01;

[Alternative("1.7", "a loop adding Math.Abs(ŷ[i] − y[i]), the difference the other way round")]
internal sealed class L1Loop : Chapter1Reference
{
    public override double L1(Tensor yhat, Tensor y)
    {
        var sum = 0.0;
        var p = yhat.AsSpan();
        var t = y.AsSpan();
        for (var i = 0; i < p.Length; i++) sum += Math.Abs(p[i] - t[i]);
        return sum;
    }
}

[Alternative("1.7", "Σ max(y − ŷ, ŷ − y) with Np.Maximum")]
internal sealed class L1ViaMaximum : Chapter1Reference
{
    public override double L1(Tensor yhat, Tensor y) => Np.Sum(Np.Maximum(y - yhat, yhat - y));
}
