using DeepLearningKata.Contracts;
using DeepLearningKata.Reference;

namespace DeepLearningKata.Checks.Chapter05;

[Mutant("5.5", "backward without the division by the batch size: dout · (y − t)", Diagnosis = "the division by the batch size N is missing")]
internal sealed class SoftmaxLossNoDivisionByBatch : Chapter5Reference
{
    public override ILossLayer CreateSoftmaxWithLoss() => new Layer();

    private sealed class Layer : SoftmaxWithLossLayer
    {
        public override Tensor Backward(double dout = 1) => base.Backward(dout) * t!.Dim(0);
    }
}

[Mutant("5.5", "backward returns (y − t) / N, ignoring dout", Diagnosis = "Backward ignores dout")]
internal sealed class SoftmaxLossIgnoresDout : Chapter5Reference
{
    public override ILossLayer CreateSoftmaxWithLoss() => new Layer();

    private sealed class Layer : SoftmaxWithLossLayer
    {
        public override Tensor Backward(double dout = 1) => base.Backward(1.0);
    }
}

[Mutant("5.5", "softmax without subtracting the max: NaN for huge scores")]
internal sealed class SoftmaxLossOverflows : Chapter5Reference
{
    public override ILossLayer CreateSoftmaxWithLoss() => new Layer();

    private sealed class Layer : SoftmaxWithLossLayer
    {
        public override double Forward(Tensor x, Tensor t)
        {
            this.t = t.Copy();
            var e = Np.Exp(x);
            y = e / e.Sum(axis: 1, keepdims: true);
            loss = CrossEntropyError(y, t);
            return loss;
        }
    }
}

[Mutant("5.5", "cross-entropy without δ: log(0) makes the loss infinite")]
internal sealed class SoftmaxLossWithoutDelta : Chapter5Reference
{
    public override ILossLayer CreateSoftmaxWithLoss() => new Layer();

    private sealed class Layer : SoftmaxWithLossLayer
    {
        public override double Forward(Tensor x, Tensor t)
        {
            base.Forward(x, t);
            var oneHot = t.Size == y!.Size ? t : Tensor.Zeros(y.Shape);
            if (t.Size != y.Size) for (var i = 0; i < t.Dim(0); i++) oneHot[i, (int)t[i]] = 1;
            loss = -(oneHot * Np.Log(y)).Sum() / y.Dim(0);
            return loss;
        }
    }
}

[Mutant("5.5", "labels treated as one-hot: y − t broadcasts the label vector over the rows")]
internal sealed class SoftmaxLossLabelsAsOneHot : Chapter5Reference
{
    public override ILossLayer CreateSoftmaxWithLoss() => new Layer();

    private sealed class Layer : SoftmaxWithLossLayer
    {
        public override Tensor Backward(double dout = 1) => (y! - t!.Reshape(-1, 1)) / t!.Dim(0) * dout;
    }
}

[Mutant("5.5", "keeps the caller's t by reference (no t.Copy()) and reads it in Backward")]
internal sealed class SoftmaxLossKeepsCallersT : Chapter5Reference
{
    public override ILossLayer CreateSoftmaxWithLoss() => new Layer();

    private sealed class Layer : SoftmaxWithLossLayer
    {
        public override double Forward(Tensor x, Tensor t)
        {
            this.t = t; // a reference: the caller may change t before Backward
            y = Softmax(x);
            loss = CrossEntropyError(y, t);
            return loss;
        }
    }
}
