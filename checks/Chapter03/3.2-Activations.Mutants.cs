using DeepLearningKata.Reference;

namespace DeepLearningKata.Checks.Chapter03;

[Mutant("3.2", "σ with e^(+x): 1 / (1 + e^x), a falling curve")]
internal sealed class SigmoidSignSlip : Chapter3Reference
{
    public override Tensor Sigmoid(Tensor x) => 1.0 / (1.0 + Np.Exp(x));
}

[Mutant("3.2", "σ as e^x / (1 + e^x): ∞/∞ = NaN for large x")]
internal sealed class SigmoidOverflows : Chapter3Reference
{
    public override Tensor Sigmoid(Tensor x)
    {
        var e = Np.Exp(x);
        return e / (1.0 + e);
    }
}

[Mutant("3.2", "σ computed into x in place and x returned")]
internal sealed class SigmoidInPlace : Chapter3Reference
{
    public override Tensor Sigmoid(Tensor x)
    {
        var span = x.AsSpan();
        for (var i = 0; i < span.Length; i++) span[i] = 1.0 / (1.0 + Math.Exp(-span[i]));
        return x;
    }
}

[Mutant("3.2", "ReLU returning the mask x > 0 instead of the values")]
internal sealed class ReluIsStep : Chapter3Reference
{
    public override Tensor Relu(Tensor x) => x > 0.0;
}

[Mutant("3.2", "ReLU as |x|: negative values flipped instead of zeroed")]
internal sealed class ReluIsAbs : Chapter3Reference
{
    public override Tensor Relu(Tensor x) => Np.Abs(x);
}

[Mutant("3.2", "ReLU with Np.Max (the largest element) in place of Np.Maximum")]
internal sealed class ReluWithMax : Chapter3Reference
{
    public override Tensor Relu(Tensor x) => Tensor.Full(Math.Max(0.0, Np.Max(x)), x.Shape);
}

[Mutant("3.2", "ReLU zeroing the negatives of x in place and returning x")]
internal sealed class ReluInPlace : Chapter3Reference
{
    public override Tensor Relu(Tensor x)
    {
        var span = x.AsSpan();
        for (var i = 0; i < span.Length; i++) if (span[i] < 0) span[i] = 0;
        return x;
    }
}

[Mutant("3.2", "Identity returning x flattened to 1-D")]
internal sealed class IdentityFlattens : Chapter3Reference
{
    public override Tensor Identity(Tensor x) => x.Flatten();
}

[Mutant("3.2", "Identity returning zeros of x's shape")]
internal sealed class IdentityZeros : Chapter3Reference
{
    public override Tensor Identity(Tensor x) => Tensor.ZerosLike(x);
}

[Mutant("3.2", "σ as 1 / e^(−x): the 1 + forgotten, which is just e^x")]
internal sealed class SigmoidWithoutOnePlus : Chapter3Reference
{
    public override Tensor Sigmoid(Tensor x) => 1.0 / Np.Exp(-x);
}
