using DeepLearningKata.Reference;

namespace DeepLearningKata.Checks.Chapter03;

[Mutant("3.1", "x >= 0: the step already taken at 0")]
internal sealed class StepAtLeastZero : Chapter3Reference
{
    public override Tensor StepFunction(Tensor x) => x >= 0.0;
}

[Mutant("3.1", "the sign of x (−1, 0, 1) instead of 0 and 1")]
internal sealed class StepIsSign : Chapter3Reference
{
    public override Tensor StepFunction(Tensor x) => x.Apply(v => Math.Sign(v));
}

[Mutant("3.1", "the values kept where x > 0 (ReLU, not a step)")]
internal sealed class StepKeepsValues : Chapter3Reference
{
    public override Tensor StepFunction(Tensor x) => x * (x > 0.0);
}

[Mutant("3.1", "the step written into x in place and x returned")]
internal sealed class StepInPlace : Chapter3Reference
{
    public override Tensor StepFunction(Tensor x)
    {
        var span = x.AsSpan();
        for (var i = 0; i < span.Length; i++) span[i] = span[i] > 0 ? 1 : 0;
        return x;
    }
}
