using DeepLearningKata.Reference;

namespace DeepLearningKata.Checks.Chapter01;

[Alternative("1.8", "a loop adding (ŷ[i] − y[i])², the difference the other way round")]
internal sealed class L2Loop : Chapter1Reference
{
    public override double L2(Tensor yhat, Tensor y)
    {
        var sum = 0.0;
        var p = yhat.AsSpan();
        var t = y.AsSpan();
        for (var i = 0; i < p.Length; i++) sum += (p[i] - t[i]) * (p[i] - t[i]);
        return sum;
    }
}

[Alternative("1.8", "Np.Sum(Np.Square(y − ŷ)), without a dot product")]
internal sealed class L2SumOfSquares : Chapter1Reference
{
    public override double L2(Tensor yhat, Tensor y) => Np.Sum(Np.Square(y - yhat));
}

[Alternative("1.8", "the squared Euclidean norm, Np.Norm(y − ŷ)², square root and square cancelling")]
internal sealed class L2SquaredNorm : Chapter1Reference
{
    public override double L2(Tensor yhat, Tensor y) => Math.Pow(Np.Norm(y - yhat), 2);
}
