using DeepLearningKata.Reference;

namespace DeepLearningKata.Checks.Chapter01;

[Mutant("1.2", "the right values, but flattened to 1-D")]
internal sealed class SigmoidFlattened : Chapter1Reference
{
    public override Tensor Sigmoid(Tensor x) => (1.0 / (1.0 + Np.Exp(-x))).Flatten();
}

[Mutant("1.2", "1 / (1 + e^x): the minus sign of the exponent lost")]
internal sealed class SigmoidSignLost : Chapter1Reference
{
    public override Tensor Sigmoid(Tensor x) => 1.0 / (1.0 + Np.Exp(x));
}

[Mutant("1.2", "e^x / (1 + e^x): NaN for large elements")]
internal sealed class SigmoidOverflows : Chapter1Reference
{
    public override Tensor Sigmoid(Tensor x)
    {
        var e = Np.Exp(x);
        return e / (1.0 + e);
    }
}

[Mutant("1.2", "1 / (1 − e^(−x)): a minus instead of a plus in the denominator")]
internal sealed class SigmoidMinusInDenominator : Chapter1Reference
{
    public override Tensor Sigmoid(Tensor x) => 1.0 / (1.0 - Np.Exp(-x));
}

[Mutant("1.2", "σ written into x's own elements, and x returned")]
internal sealed class SigmoidInPlace : Chapter1Reference
{
    public override Tensor Sigmoid(Tensor x)
    {
        var span = x.AsSpan();
        for (var i = 0; i < span.Length; i++) span[i] = 1.0 / (1.0 + Math.Exp(-span[i]));
        return x;
    }
}
