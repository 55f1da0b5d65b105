using DeepLearningKata.Reference;

namespace DeepLearningKata.Checks.Chapter01;

[Alternative("1.1", "two branches, each with an exponent that cannot overflow: e^x / (1 + e^x) for negative x")]
internal sealed class BasicSigmoidTwoBranches : Chapter1Reference
{
    public override double BasicSigmoid(double x)
    {
        if (x >= 0) return 1.0 / (1.0 + Math.Exp(-x));
        var e = Math.Exp(x);
        return e / (1.0 + e);
    }
}

[Alternative("1.1", "through tanh: σ(x) = (1 + tanh(x/2)) / 2")]
internal sealed class BasicSigmoidViaTanh : Chapter1Reference
{
    public override double BasicSigmoid(double x) => 0.5 * (1.0 + Math.Tanh(x / 2));
}
