using DeepLearningKata.Reference;

namespace DeepLearningKata.Checks.Chapter03;

[Alternative("3.1", "a loop over the elements with an if")]
internal sealed class StepFunctionLoop : Chapter3Reference
{
    public override Tensor StepFunction(Tensor x)
    {
        var result = Tensor.ZerosLike(x);
        var input = x.AsSpan();
        var output = result.AsSpan();
        for (var i = 0; i < input.Length; i++)
        {
            if (input[i] > 0) output[i] = 1;
        }
        return result;
    }
}

[Alternative("3.1", "1 − (x <= 0): the complement of the 'not above zero' mask")]
internal sealed class StepFunctionComplement : Chapter3Reference
{
    public override Tensor StepFunction(Tensor x) => 1.0 - (x <= 0.0);
}
