using DeepLearningKata.Reference;

namespace DeepLearningKata.Checks.Chapter01;

[Alternative("1.6", "a loop over the rows, each shifted by its own max")]
internal sealed class SoftmaxLoop : Chapter1Reference
{
    public override Tensor Softmax(Tensor x)
    {
        var result = Tensor.ZerosLike(x);
        for (var i = 0; i < x.Dim(0); i++)
        {
            var max = x[i, 0];
            for (var j = 1; j < x.Dim(1); j++) max = Math.Max(max, x[i, j]);
            var sum = 0.0;
            for (var j = 0; j < x.Dim(1); j++)
            {
                result[i, j] = Math.Exp(x[i, j] - max);
                sum += result[i, j];
            }
            for (var j = 0; j < x.Dim(1); j++) result[i, j] /= sum;
        }
        return result;
    }
}

[Alternative("1.6", "through the log-sum-exp: e^(x − max − log Σ e^(x − max))")]
internal sealed class SoftmaxLogSumExp : Chapter1Reference
{
    public override Tensor Softmax(Tensor x)
    {
        var shifted = x - x.Max(axis: 1, keepdims: true);
        var logSum = Np.Log(Np.Exp(shifted).Sum(axis: 1, keepdims: true));
        return Np.Exp(shifted - logSum);
    }
}
