using DeepLearningKata.Reference;

namespace DeepLearningKata.Checks.Chapter01;

[Mutant("1.8", "√Σ(y − ŷ)²: the square root taken (the Euclidean distance, Np.Norm)")]
internal sealed class L2SquareRoot : Chapter1Reference
{
    public override double L2(Tensor yhat, Tensor y) => Np.Norm(y - yhat);
}

[Mutant("1.8", "the mean of (y − ŷ)² instead of the sum")]
internal sealed class L2Mean : Chapter1Reference
{
    public override double L2(Tensor yhat, Tensor y) => Np.Square(y - yhat).Mean();
}

[Mutant("1.8", "(Σ(y − ŷ))²: the sum squared instead of the sum of squares")]
internal sealed class L2SquareOfSum : Chapter1Reference
{
    public override double L2(Tensor yhat, Tensor y)
    {
        var s = (y - yhat).Sum();
        return s * s;
    }
}

[Mutant("1.8", "Σ(y − ŷ): the square forgotten")]
internal sealed class L2NoSquare : Chapter1Reference
{
    public override double L2(Tensor yhat, Tensor y) => (y - yhat).Sum();
}

[Mutant("1.8", "squares yhat − y into yhat, in place")]
internal sealed class L2InPlace : Chapter1Reference
{
    public override double L2(Tensor yhat, Tensor y)
    {
        var ps = yhat.AsSpan();
        var ys = y.AsSpan();
        for (var i = 0; i < ps.Length; i++) ps[i] = (ps[i] - ys[i]) * (ps[i] - ys[i]);
        return yhat.Sum();
    }
}
