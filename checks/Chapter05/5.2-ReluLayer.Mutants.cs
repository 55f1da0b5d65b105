using DeepLearningKata.Contracts;
using DeepLearningKata.Reference;

namespace DeepLearningKata.Checks.Chapter05;

[Mutant("5.2", "the mask taken from dout instead of x", Diagnosis = "the mask comes from dout")]
internal sealed class ReluMaskFromDout : Chapter5Reference
{
    public override ILayer CreateRelu() => new Layer();

    private sealed class Layer : ReluLayer
    {
        public override Tensor Backward(Tensor dout) => dout * (dout > 0);
    }
}

[Mutant("5.2", "the book's dout[mask] = 0: the caller's dout zeroed in place and returned")]
internal sealed class ReluZeroesDoutInPlace : Chapter5Reference
{
    public override ILayer CreateRelu() => new Layer();

    private sealed class Layer : ReluLayer
    {
        public override Tensor Backward(Tensor dout)
        {
            var m = mask!.AsSpan();
            var d = dout.AsSpan();
            for (var i = 0; i < d.Length; i++) if (m[i] == 0) d[i] = 0;
            return dout;
        }
    }
}

[Mutant("5.2", "mask = x >= 0: gradient passes at exactly x = 0")]
internal sealed class ReluMaskGreaterOrEqual : Chapter5Reference
{
    public override ILayer CreateRelu() => new Layer();

    private sealed class Layer : ReluLayer
    {
        public override Tensor Forward(Tensor x, bool train = true)
        {
            mask = x >= 0;
            return x * mask;
        }
    }
}

[Mutant("5.2", "forward zeroes the negative entries of the caller's x in place and returns x")]
internal sealed class ReluForwardInPlace : Chapter5Reference
{
    public override ILayer CreateRelu() => new Layer();

    private sealed class Layer : ReluLayer
    {
        public override Tensor Forward(Tensor x, bool train = true)
        {
            mask = x > 0;
            var v = x.AsSpan();
            for (var i = 0; i < v.Length; i++) if (v[i] <= 0) v[i] = 0;
            return x;
        }
    }
}

[Mutant("5.2", "keeps a reference to x and, in Backward, clips it in place to build the mask")]
internal sealed class ReluClipsCachedX : Chapter5Reference
{
    public override ILayer CreateRelu() => new Layer();

    private sealed class Layer : ReluLayer
    {
        private Tensor? x;

        public override Tensor Forward(Tensor x, bool train = true)
        {
            this.x = x; // a reference, not a copy
            return x * (x > 0);
        }

        public override Tensor Backward(Tensor dout)
        {
            var v = x!.AsSpan();
            for (var i = 0; i < v.Length; i++) v[i] = Math.Max(0, v[i]);
            return dout * (x > 0);
        }
    }
}

[Mutant("5.2", "keeps the caller's x by reference (no copy) and takes the mask from it in Backward")]
internal sealed class ReluKeepsCallersX : Chapter5Reference
{
    public override ILayer CreateRelu() => new Layer();

    private sealed class Layer : ReluLayer
    {
        private Tensor? x;

        public override Tensor Forward(Tensor x, bool train = true)
        {
            this.x = x; // a reference: the caller may change x before Backward
            return x * (x > 0);
        }

        public override Tensor Backward(Tensor dout) => dout * (x! > 0);
    }
}
