using DeepLearningKata.Reference;

namespace DeepLearningKata.Checks.Chapter03;

[Alternative("3.3", "row by row: a 1-D softmax with the scalar max (the book's code), applied to each row of a batch")]
internal sealed class SoftmaxRowByRow : Chapter3Reference
{
    public override Tensor Softmax(Tensor a)
    {
        if (a.Ndim == 1) return Softmax1D(a);
        var result = Tensor.ZerosLike(a);
        var n = a.Dim(-1);
        for (var i = 0; i < a.Dim(0); i++)
        {
            Softmax1D(a.Row(i)).AsSpan().CopyTo(result.AsSpan().Slice(i * n, n));
        }
        return result;
    }

    private static Tensor Softmax1D(Tensor a)
    {
        var c = Np.Max(a);
        var expA = Np.Exp(a - c);
        return expA / Np.Sum(expA);
    }
}

[Alternative("3.3", "log-sum-exp: y = exp(a − m − log Σ exp(a − m))")]
internal sealed class SoftmaxLogSumExp : Chapter3Reference
{
    public override Tensor Softmax(Tensor a)
    {
        var shifted = a - a.Max(axis: -1, keepdims: true);
        var logSum = Np.Log(Np.Exp(shifted).Sum(axis: -1, keepdims: true));
        return Np.Exp(shifted - logSum);
    }
}
