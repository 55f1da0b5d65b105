using DeepLearningKata.Reference;

namespace DeepLearningKata.Checks.Chapter01;

[Alternative("1.3", "a loop over the elements, with e^(−x)/(1 + e^(−x))² written out")]
internal sealed class SigmoidDerivativeLoop : Chapter1Reference
{
    public override Tensor SigmoidDerivative(Tensor x)
    {
        var result = Tensor.ZerosLike(x);
        var input = x.AsSpan();
        var output = result.AsSpan();
        for (var i = 0; i < input.Length; i++)
        {
            // Written for negative x with e^x, for positive x with e^(−x), so neither overflows.
            var e = Math.Exp(-Math.Abs(input[i]));
            output[i] = e / ((1 + e) * (1 + e));
        }
        return result;
    }
}
