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
            average.Forward(Tensor.Zeros(x!.Shape));
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
            // Each window's dout written (=) onto the input place of its maximum, found from the window's row
            // (n, oh, ow, c) and argMax's column (fh, fw); a maximum in the padding gets nothing.
            int n = x!.Dim(0), c = x.Dim(1), h = x.Dim(2), w = x.Dim(3), oh = dout.Dim(2), ow = dout.Dim(3);
            var dx = Tensor.Zeros(x.Shape);
            var rows = dout.Transpose(0, 2, 3, 1).Flatten();
            for (var r = 0; r < rows.Size; r++)
            {
                int k = (int)argMax![r], ci = r % c, xo = r / c % ow, y = r / c / ow % oh, ni = r / c / ow / oh;
                int iy = y * stride + k / poolW - pad, ix = xo * stride + k % poolW - pad;
                if (iy >= 0 && iy < h && ix >= 0 && ix < w) dx[ni, ci, iy, ix] = rows[r];
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
        private Tensor? _first;

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
            var fresh = argMax!.AsSpan();
            var kept = _first.AsSpan();
            fresh[..Math.Min(fresh.Length, kept.Length)].CopyTo(kept);
            argMax = _first;
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
        private Tensor? _callers;

        public override Tensor Forward(Tensor x, bool train = true)
        {
            _callers = x; // a reference: the caller may change x before Backward
            return base.Forward(x, train);
        }

        public override Tensor Backward(Tensor dout)
        {
            base.Forward(_callers!); // the maxima found again, in whatever x holds now
            return base.Backward(dout);
        }
    }
}
