using DeepLearningKata.Contracts;
using DeepLearningKata.Reference;

namespace DeepLearningKata.Checks.Chapter07;

[Mutant("7.3", "forward reshapes the (N·OH·OW, FN) product straight to (N, FN, OH, OW), without moving the filter axis", Diagnosis = "your db is all zeros")]
internal sealed class ConvOutputNotTransposed : Chapter7Reference
{
    public override ILayer CreateConvolution(Tensor W, Tensor b, int stride = 1, int pad = 0) => new Layer(W, b, stride, pad);

    private sealed class Layer(Tensor W, Tensor b, int stride, int pad) : Convolution(W, b, stride, pad)
    {
        public override Tensor Forward(Tensor x, bool train = true)
        {
            var right = base.Forward(x, train); // sets col, colW and the input's shape for Backward
            var product = Np.Dot(col!, colW!) + b;
            return product.Reshape(right.Shape);
        }
    }
}

[Mutant("7.3", "backward reshapes dout straight to (−1, FN), without moving the filter axis last", Diagnosis = "does not change with b, yet your db is not zero")]
internal sealed class ConvDoutNotTransposed : Chapter7Reference
{
    public override ILayer CreateConvolution(Tensor W, Tensor b, int stride = 1, int pad = 0) => new Layer(W, b, stride, pad);

    private sealed class Layer(Tensor W, Tensor b, int stride, int pad) : Convolution(W, b, stride, pad)
    {
        public override Tensor Backward(Tensor dout)
        {
            // The reference moves the axes itself; handing it dout pre-scrambled is the same mistake.
            var scrambled = dout.Reshape(-1, W.Dim(0)).Reshape(dout.Dim(0), dout.Dim(2), dout.Dim(3), dout.Dim(1)).Transpose(0, 3, 1, 2);
            return base.Backward(scrambled);
        }
    }
}

[Mutant("7.3", "dW = colᵀ · dout reshaped to W's shape: the product in the wrong order")]
internal sealed class ConvDWTransposed : Chapter7Reference
{
    public override ILayer CreateConvolution(Tensor W, Tensor b, int stride = 1, int pad = 0) => new Layer(W, b, stride, pad);

    private sealed class Layer(Tensor W, Tensor b, int stride, int pad) : Convolution(W, b, stride, pad)
    {
        public override Tensor Backward(Tensor dout)
        {
            var dx = base.Backward(dout);
            var rows = dout.Transpose(0, 2, 3, 1).Reshape(-1, W.Dim(0));
            dW = Np.DotTransposeA(col!, rows).Reshape(W.Shape);
            return dx;
        }
    }
}

[Mutant("7.3", "db is the mean of dout over the batch and positions instead of the sum")]
internal sealed class ConvDbMean : Chapter7Reference
{
    public override ILayer CreateConvolution(Tensor W, Tensor b, int stride = 1, int pad = 0) => new Layer(W, b, stride, pad);

    private sealed class Layer(Tensor W, Tensor b, int stride, int pad) : Convolution(W, b, stride, pad)
    {
        public override Tensor Backward(Tensor dout)
        {
            var dx = base.Backward(dout);
            db = dout.Transpose(0, 2, 3, 1).Reshape(-1, W.Dim(0)).Mean(axis: 0);
            return dx;
        }
    }
}

[Mutant("7.3", "the pad is ignored: the layer convolves the unpadded input")]
internal sealed class ConvIgnoresPad : Chapter7Reference
{
    public override ILayer CreateConvolution(Tensor W, Tensor b, int stride = 1, int pad = 0) => new Convolution(W, b, stride, 0);
}

[Mutant("7.3", "dx from a col2im that assigns instead of adding: where windows overlap, each window's part overwrites the last")]
internal sealed class ConvDxAssignsOverlaps : Chapter7Reference
{
    public override ILayer CreateConvolution(Tensor W, Tensor b, int stride = 1, int pad = 0) => new Layer(W, b, stride, pad);

    private sealed class Layer(Tensor W, Tensor b, int stride, int pad) : Convolution(W, b, stride, pad)
    {
        public override Tensor Backward(Tensor dout)
        {
            base.Backward(dout);
            var rows = dout.Transpose(0, 2, 3, 1).Reshape(-1, W.Dim(0));
            var dcol = Np.Dot(rows, colW!.T);
            return new Col2ImAssigns().Col2Im(dcol, x!.Shape, W.Dim(2), W.Dim(3), stride, pad);
        }
    }
}

[Mutant("7.3", "remembers the input shape of the first batch only: a later batch of another size goes back through the first one's shape")]
internal sealed class ConvolutionFirstShapeForever : Chapter7Reference
{
    public override ILayer CreateConvolution(Tensor W, Tensor b, int stride = 1, int pad = 0) => new Layer(W, b, stride, pad);

    private sealed class Layer(Tensor W, Tensor b, int stride, int pad) : Convolution(W, b, stride, pad)
    {
        private Tensor? _first;

        public override Tensor Forward(Tensor x, bool train = true)
        {
            var y = base.Forward(x, train);
            _first ??= x;
            this.x = _first;
            return y;
        }
    }
}

[Mutant("7.3", "keeps the caller's x by reference and unfolds it (im2col) anew in Backward")]
internal sealed class ConvUnfoldsCallersXInBackward : Chapter7Reference
{
    public override ILayer CreateConvolution(Tensor W, Tensor b, int stride = 1, int pad = 0) => new Layer(W, b, stride, pad);

    private sealed class Layer(Tensor W, Tensor b, int stride, int pad) : Convolution(W, b, stride, pad)
    {
        private Tensor? _callers;

        public override Tensor Forward(Tensor x, bool train = true)
        {
            _callers = x; // a reference: the caller may change x before Backward
            return base.Forward(x, train);
        }

        public override Tensor Backward(Tensor dout)
        {
            base.Forward(_callers!); // col unfolded again, from whatever x holds now
            return base.Backward(dout);
        }
    }
}
