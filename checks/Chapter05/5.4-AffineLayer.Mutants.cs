using DeepLearningKata.Contracts;
using DeepLearningKata.Reference;

namespace DeepLearningKata.Checks.Chapter05;

[Mutant("5.4", "dW = doutᵀ · x: the transpose of the right dW, of shape (M, D)")]
internal sealed class AffineDWTransposed : Chapter5Reference
{
    public override ILayer CreateAffine(Tensor W, Tensor b) => new Layer(W, b);

    private sealed class Layer(Tensor W, Tensor b) : AffineLayer(W, b)
    {
        public override Tensor Backward(Tensor dout)
        {
            var dx = base.Backward(dout);
            dW = Np.Dot(dout.T, x!);
            return dx;
        }
    }
}

[Mutant("5.4", "dx = dout · W: the transpose of W missing")]
internal sealed class AffineDxWithoutTranspose : Chapter5Reference
{
    public override ILayer CreateAffine(Tensor W, Tensor b) => new Layer(W, b);

    private sealed class Layer(Tensor W, Tensor b) : AffineLayer(W, b)
    {
        public override Tensor Backward(Tensor dout)
        {
            base.Backward(dout);
            return Np.Dot(dout, W).Reshape(originalXShape!);
        }
    }
}

[Mutant("5.4", "db = dout: not summed over the batch")]
internal sealed class AffineDbNotSummed : Chapter5Reference
{
    public override ILayer CreateAffine(Tensor W, Tensor b) => new Layer(W, b);

    private sealed class Layer(Tensor W, Tensor b) : AffineLayer(W, b)
    {
        public override Tensor Backward(Tensor dout)
        {
            var dx = base.Backward(dout);
            db = dout.Copy();
            return dx;
        }
    }
}

[Mutant("5.4", "db = mean of dout over the batch instead of the sum")]
internal sealed class AffineDbAveraged : Chapter5Reference
{
    public override ILayer CreateAffine(Tensor W, Tensor b) => new Layer(W, b);

    private sealed class Layer(Tensor W, Tensor b) : AffineLayer(W, b)
    {
        public override Tensor Backward(Tensor dout)
        {
            var dx = base.Backward(dout);
            db = dout.Mean(axis: 0);
            return dx;
        }
    }
}

[Mutant("5.4", "dx left flat, (N, D), for an image batch of shape (N, C, H, W)")]
internal sealed class AffineDxNotReshaped : Chapter5Reference
{
    public override ILayer CreateAffine(Tensor W, Tensor b) => new Layer(W, b);

    private sealed class Layer(Tensor W, Tensor b) : AffineLayer(W, b)
    {
        public override Tensor Backward(Tensor dout)
        {
            base.Backward(dout);
            return Np.Dot(dout, W.T);
        }
    }
}

[Mutant("5.4", "computes with a copy of W, while Params holds the W it was given", Diagnosis = "(a copy?)")]
internal sealed class AffineCopiesW : Chapter5Reference
{
    public override ILayer CreateAffine(Tensor W, Tensor b) => new Layer(W, b);

    private sealed class Layer(Tensor W, Tensor b) : ILayer
    {
        private readonly AffineLayer _inner = new(W.Copy(), b);

        public Tensor Forward(Tensor x, bool train = true) => _inner.Forward(x, train);

        public Tensor Backward(Tensor dout) => _inner.Backward(dout);

        public IReadOnlyDictionary<string, Tensor> Params { get; } = new Dictionary<string, Tensor> { ["W"] = W, ["b"] = b };

        public IReadOnlyDictionary<string, Tensor> Grads => _inner.Grads;
    }
}

[Mutant("5.4", "keeps the caller's x by reference (no copy) when it is already (N, D), and reads it in Backward for dW")]
internal sealed class AffineKeepsCallersX : Chapter5Reference
{
    public override ILayer CreateAffine(Tensor W, Tensor b) => new Layer(W, b);

    private sealed class Layer(Tensor W, Tensor b) : AffineLayer(W, b)
    {
        public override Tensor Forward(Tensor x, bool train = true)
        {
            originalXShape = x.Shape;
            this.x = x.Ndim == 2 ? x : x.Reshape(x.Dim(0), -1); // a 2-D x kept by reference: the caller may change it
            return Np.Dot(this.x, W) + b;
        }
    }
}
