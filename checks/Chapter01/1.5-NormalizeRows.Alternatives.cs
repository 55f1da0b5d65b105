using DeepLearningKata.Reference;

namespace DeepLearningKata.Checks.Chapter01;

[Alternative("1.5", "a loop over the rows: Math.Sqrt of the sum of squares, then divide")]
internal sealed class NormalizeRowsLoop : Chapter1Reference
{
    public override Tensor NormalizeRows(Tensor x)
    {
        var result = Tensor.ZerosLike(x);
        for (var i = 0; i < x.Dim(0); i++)
        {
            var sum = 0.0;
            for (var j = 0; j < x.Dim(1); j++) sum += x[i, j] * x[i, j];
            var norm = Math.Sqrt(sum);
            for (var j = 0; j < x.Dim(1); j++) result[i, j] = x[i, j] / norm;
        }
        return result;
    }
}

[Alternative("1.5", "multiplying by the reciprocal norms 1 / √(Σ x²), written without Np.Norm")]
internal sealed class NormalizeRowsReciprocal : Chapter1Reference
{
    public override Tensor NormalizeRows(Tensor x) => x * (1.0 / Np.Sqrt(Np.Sum(Np.Square(x), axis: 1, keepdims: true)));
}
