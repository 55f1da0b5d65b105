using DeepLearningKata.Reference;

namespace DeepLearningKata.Checks.Chapter01;

[Alternative("1.2", "a loop over the elements into a new tensor, with Math.Exp")]
internal sealed class SigmoidLoop : Chapter1Reference
{
    public override Tensor Sigmoid(Tensor x)
    {
        var result = Tensor.ZerosLike(x);
        var input = x.AsSpan();
        var output = result.AsSpan();
        for (var i = 0; i < input.Length; i++) output[i] = 1.0 / (1.0 + Math.Exp(-input[i]));
        return result;
    }
}

[Alternative("1.2", "Apply with the tanh form, (1 + tanh(x/2)) / 2")]
internal sealed class SigmoidViaTanh : Chapter1Reference
{
    public override Tensor Sigmoid(Tensor x) => (1.0 + Np.Tanh(x / 2)) * 0.5;
}
