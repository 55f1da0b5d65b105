using DeepLearningKata.Reference;

namespace DeepLearningKata.Checks.Chapter03;

[Alternative("3.2", "σ as ½·(1 + tanh(x/2)); ReLU as x * (x > 0); Identity returning x itself, as the book does")]
internal sealed class ActivationsByOtherFormulas : Chapter3Reference
{
    public override Tensor Sigmoid(Tensor x) => 0.5 * (1.0 + Np.Tanh(x / 2.0));

    public override Tensor Relu(Tensor x) => x * (x > 0.0);

    public override Tensor Identity(Tensor x) => x;
}

[Alternative("3.2", "loops: σ with e^x / (1 + e^x) for negative x only (never overflows), ReLU with an if, Identity element by element")]
internal sealed class ActivationsByLoops : Chapter3Reference
{
    public override Tensor Sigmoid(Tensor x) => x.Apply(v =>
    {
        if (v >= 0) return 1.0 / (1.0 + Math.Exp(-v));
        var e = Math.Exp(v);
        return e / (1.0 + e);
    });

    public override Tensor Relu(Tensor x)
    {
        var result = Tensor.ZerosLike(x);
        var input = x.AsSpan();
        var output = result.AsSpan();
        for (var i = 0; i < input.Length; i++)
        {
            if (input[i] > 0) output[i] = input[i];
        }
        return result;
    }

    public override Tensor Identity(Tensor x)
    {
        var result = Tensor.ZerosLike(x);
        x.AsSpan().CopyTo(result.AsSpan());
        return result;
    }
}
