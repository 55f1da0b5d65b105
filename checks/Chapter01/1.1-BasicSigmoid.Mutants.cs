using DeepLearningKata.Reference;

namespace DeepLearningKata.Checks.Chapter01;

[Mutant("1.1", "1 / (1 + e^x): the minus sign of the exponent lost")]
internal sealed class BasicSigmoidSignLost : Chapter1Reference
{
    public override double BasicSigmoid(double x) => 1.0 / (1.0 + Math.Exp(x));
}

[Mutant("1.1", "1 − e^(−x) / (1 + e^(−x)): equal on paper, but ∞ / ∞ = NaN for very negative x")]
internal sealed class BasicSigmoidNaNForNegative : Chapter1Reference
{
    public override double BasicSigmoid(double x) => 1.0 - Math.Exp(-x) / (1.0 + Math.Exp(-x));
}

[Mutant("1.1", "e^x / (1 + e^x): equal on paper, but ∞ / ∞ = NaN for very positive x")]
internal sealed class BasicSigmoidNaNForPositive : Chapter1Reference
{
    public override double BasicSigmoid(double x) => Math.Exp(x) / (1.0 + Math.Exp(x));
}

[Mutant("1.1", "computed in float (MathF.Exp): only about 7 correct digits")]
internal sealed class BasicSigmoidInFloat : Chapter1Reference
{
    public override double BasicSigmoid(double x) => 1f / (1f + MathF.Exp(-(float)x));
}

[Mutant("1.1", "tanh(x), the other S-shaped curve, which runs from −1 to 1")]
internal sealed class BasicSigmoidIsTanh : Chapter1Reference
{
    public override double BasicSigmoid(double x) => Math.Tanh(x);
}
