using DeepLearningKata.Contracts;
using DeepLearningKata.Reference;

namespace DeepLearningKata.Checks.Chapter05;

[Mutant("5.3", "dout · y, without the (1 − y)", Diagnosis = "the factor (1 − y) is missing")]
internal sealed class SigmoidWithoutOneMinusY : Chapter5Reference
{
    public override ILayer CreateSigmoid() => new Layer();

    private sealed class Layer : SigmoidLayer
    {
        public override Tensor Backward(Tensor dout) => dout * y!;
    }
}

[Mutant("5.3", "dout · y · (y − 1): the sign flipped", Diagnosis = "the sign is flipped")]
internal sealed class SigmoidSignFlipped : Chapter5Reference
{
    public override ILayer CreateSigmoid() => new Layer();

    private sealed class Layer : SigmoidLayer
    {
        public override Tensor Backward(Tensor dout) => dout * y! * (y! - 1.0);
    }
}

[Mutant("5.3", "the derivative formula applied to the input: dout · x · (1 − x)", Diagnosis = "use the output y = σ(x), not the input x")]
internal sealed class SigmoidOfInput : Chapter5Reference
{
    public override ILayer CreateSigmoid() => new Layer();

    private sealed class Layer : SigmoidLayer
    {
        private Tensor? _x;

        public override Tensor Forward(Tensor x, bool train = true)
        {
            _x = x.Copy();
            return base.Forward(x, train);
        }

        public override Tensor Backward(Tensor dout) => dout * _x! * (1.0 - _x!);
    }
}

[Mutant("5.3", "σ'(x) · 1: the gradient for dout = 1, ignoring dout", Diagnosis = "Backward ignores dout")]
internal sealed class SigmoidIgnoresDout : Chapter5Reference
{
    public override ILayer CreateSigmoid() => new Layer();

    private sealed class Layer : SigmoidLayer
    {
        public override Tensor Backward(Tensor dout) => y! * (1.0 - y!);
    }
}

[Mutant("5.3", "returns the output it keeps as y, without a copy, and reads y in Backward")]
internal sealed class SigmoidReturnsItsOwnY : Chapter5Reference
{
    public override ILayer CreateSigmoid() => new Layer();

    private sealed class Layer : SigmoidLayer
    {
        public override Tensor Forward(Tensor x, bool train = true)
        {
            y = 1.0 / (1.0 + Np.Exp(-x));
            return y; // the book's `return out`: the caller may change y before Backward
        }
    }
}
