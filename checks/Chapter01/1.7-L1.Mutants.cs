using DeepLearningKata.Reference;

namespace DeepLearningKata.Checks.Chapter01;

[Mutant("1.7", "Σ(y − ŷ): no absolute value, so errors of opposite sign cancel")]
internal sealed class L1NoAbs : Chapter1Reference
{
    public override double L1(Tensor yhat, Tensor y) => (y - yhat).Sum();
}

[Mutant("1.7", "|Σ(y − ŷ)|: the absolute value of the sum instead of the sum of absolute values")]
internal sealed class L1AbsOfSum : Chapter1Reference
{
    public override double L1(Tensor yhat, Tensor y) => Math.Abs((y - yhat).Sum());
}

[Mutant("1.7", "the mean of |y − ŷ| instead of the sum")]
internal sealed class L1Mean : Chapter1Reference
{
    public override double L1(Tensor yhat, Tensor y) => Np.Abs(y - yhat).Mean();
}

[Mutant("1.7", "overwrites y with y − ŷ in place")]
internal sealed class L1InPlace : Chapter1Reference
{
    public override double L1(Tensor yhat, Tensor y)
    {
        var ys = y.AsSpan();
        var ps = yhat.AsSpan();
        for (var i = 0; i < ys.Length; i++) ys[i] = Math.Abs(ys[i] - ps[i]);
        return y.Sum();
    }
}
