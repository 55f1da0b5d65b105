using DeepLearningKata.Contracts;
using DeepLearningKata.Reference;

namespace DeepLearningKata.Checks.Chapter07;

[Mutant("7.4", "max pooling's backward sends dout to every element of the window", Diagnosis = "gradient leaks through where it should be blocked")]
internal sealed class MaxPoolGradientToWholeWindow : Chapter7Reference
{
    public override ILayer CreateMaxPooling(int poolH, int poolW, int stride = 1, int pad = 0) => new Layer(poolH, poolW, stride, pad);

    private sealed class Layer(int poolH, int poolW, int stride, int pad) : MaxPooling(poolH, poolW, stride, pad)
    {
        public override Tensor Backward(Tensor dout)
        {
            // dout times the window's size, shared by all: every element of the window gets the whole dout.
            var average = new AveragePooling(poolH, poolW, stride, pad);
            average.Forward(Tensor.Zeros(inputShape!));
            return average.Backward(dout) * (poolH * poolW);
        }
    }
}

[Mutant("7.4", "average pooling's backward forgets to divide by PH·PW", Diagnosis = "2 × the numerical one everywhere")]
internal sealed class AveragePoolNotDivided : Chapter7Reference
{
    public override ILayer CreateAveragePooling(int poolH, int poolW, int stride = 1, int pad = 0) => new Layer(poolH, poolW, stride, pad);

    private sealed class Layer(int poolH, int poolW, int stride, int pad) : AveragePooling(poolH, poolW, stride, pad)
    {
        public override Tensor Backward(Tensor dout) => base.Backward(dout) * (poolH * poolW);
    }
}

[Mutant("7.4", "max pooling's backward assigns (=) instead of adding: a maximum shared by overlapping windows keeps only the last part", Diagnosis = "does not change with x, yet your dx is not zero")]
internal sealed class MaxPoolBackwardAssigns : Chapter7Reference
{
    public override ILayer CreateMaxPooling(int poolH, int poolW, int stride = 1, int pad = 0) => new Layer(poolH, poolW, stride, pad);

    private sealed class Layer(int poolH, int poolW, int stride, int pad) : MaxPooling(poolH, poolW, stride, pad)
    {
        public override Tensor Backward(Tensor dout)
        {
            base.Backward(dout);
            var dx = Tensor.Zeros(inputShape!);
            var d = dout.AsSpan();
            for (var o = 0; o < argMax!.Length; o++)
            {
                if (argMax[o] >= 0) dx.AsSpan()[argMax[o]] = d[o];
            }
            return dx;
        }
    }
}

[Mutant("7.4", "average pooling ignores the pad")]
internal sealed class AveragePoolIgnoresPad : Chapter7Reference
{
    public override ILayer CreateAveragePooling(int poolH, int poolW, int stride = 1, int pad = 0) => new AveragePooling(poolH, poolW, stride, 0);
}

[Mutant("7.4", "max pooling keeps the index array of the first batch for every later batch, whatever its size")]
internal sealed class MaxPoolingFirstIndicesForever : Chapter7Reference
{
    public override ILayer CreateMaxPooling(int poolH, int poolW, int stride = 1, int pad = 0) => new Layer(poolH, poolW, stride, pad);

    private sealed class Layer(int poolH, int poolW, int stride, int pad) : MaxPooling(poolH, poolW, stride, pad)
    {
        private int[]? _first;

        public override Tensor Forward(Tensor x, bool train = true)
        {
            if (_first is null)
            {
                var y = base.Forward(x, train);
                _first = argMax;
                return y;
            }
            // Another batch: the maxima are found anew, but written into (and read back from) the first batch's array.
            var output = base.Forward(x, train);
            var fresh = argMax!;
            var kept = _first;
            Array.Copy(fresh, kept, Math.Min(fresh.Length, kept.Length));
            argMax = kept;
            return output;
        }
    }
}

[Mutant("7.4", "max pooling keeps the caller's x by reference and finds the maxima anew from it in Backward")]
internal sealed class MaxPoolFindsMaximaInBackward : Chapter7Reference
{
    public override ILayer CreateMaxPooling(int poolH, int poolW, int stride = 1, int pad = 0) => new Layer(poolH, poolW, stride, pad);

    private sealed class Layer(int poolH, int poolW, int stride, int pad) : MaxPooling(poolH, poolW, stride, pad)
    {
        private Tensor? x;

        public override Tensor Forward(Tensor x, bool train = true)
        {
            this.x = x; // a reference: the caller may change x before Backward
            return base.Forward(x, train);
        }

        public override Tensor Backward(Tensor dout)
        {
            base.Forward(x!); // the maxima found again, in whatever x holds now
            return base.Backward(dout);
        }
    }
}
