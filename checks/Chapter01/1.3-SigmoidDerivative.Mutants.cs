using DeepLearningKata.Reference;

namespace DeepLearningKata.Checks.Chapter01;

[Mutant("1.3", "σ(x)·(1 + σ(x)): a plus instead of a minus")]
internal sealed class SigmoidDerivativeOnePlus : Chapter1Reference
{
    public override Tensor SigmoidDerivative(Tensor x)
    {
        var s = Sigmoid(x);
        return s * (1.0 + s);
    }
}

[Mutant("1.3", "x·(1 − x): the input used in place of σ(x)")]
internal sealed class SigmoidDerivativeOfInput : Chapter1Reference
{
    public override Tensor SigmoidDerivative(Tensor x) => x * (1.0 - x);
}

[Mutant("1.3", "σ(x) itself, forgetting the derivative")]
internal sealed class SigmoidDerivativeIsSigmoid : Chapter1Reference
{
    public override Tensor SigmoidDerivative(Tensor x) => Sigmoid(x);
}

[Mutant("1.3", "e^x / (1 + e^x)² computed directly: NaN for large x")]
internal sealed class SigmoidDerivativeOverflows : Chapter1Reference
{
    public override Tensor SigmoidDerivative(Tensor x)
    {
        var e = Np.Exp(x);
        return e / ((1.0 + e) * (1.0 + e));
    }
}

[Mutant("1.3", "writes σ(x)·(1 − σ(x)) back into x: the caller's tensor changes")]
internal sealed class SigmoidDerivativeInPlace : Chapter1Reference
{
    public override Tensor SigmoidDerivative(Tensor x)
    {
        var s = Sigmoid(x);
        x.Assign(s * (1.0 - s));
        return x;
    }
}
