using DeepLearningKata.Contracts;
using DeepLearningKata.Reference;

namespace DeepLearningKata.Checks.Chapter07;

/// <summary>The book's pooling: im2col, one row per (n, oh, ow, c) window, the max or mean of each row; backward through col2im.</summary>
[Alternative("7.4", "the book's way: im2col, each row of PH·PW values reduced by max (with argmax) or mean, backward through col2im")]
internal sealed class PoolingByIm2Col : Chapter7Reference
{
    public override ILayer CreateMaxPooling(int poolH, int poolW, int stride = 1, int pad = 0) => new Layer(poolH, poolW, stride, pad, max: true);

    public override ILayer CreateAveragePooling(int poolH, int poolW, int stride = 1, int pad = 0) => new Layer(poolH, poolW, stride, pad, max: false);

    private sealed class Layer(int ph, int pw, int stride, int pad, bool max) : ILayer
    {
        private int[]? _shape;
        private Tensor? _argMax;

        public Tensor Forward(Tensor x, bool train = true)
        {
            int n = x.Dim(0), c = x.Dim(1);
            int oh = 1 + (x.Dim(2) + 2 * pad - ph) / stride, ow = 1 + (x.Dim(3) + 2 * pad - pw) / stride;
            _shape = x.Shape;
            // Rows (n, oh, ow), columns (c, ph, pw) → one row per (n, oh, ow, c) of ph·pw values.
            var col = ImageColumns.Im2Col(x, ph, pw, stride, pad).Reshape(-1, ph * pw);
            Tensor output;
            if (max)
            {
                _argMax = col.Argmax(axis: 1);
                output = col.Max(axis: 1);
            }
            else
            {
                output = col.Mean(axis: 1);
            }
            return output.Reshape(n, oh, ow, c).Transpose(0, 3, 1, 2);
        }

        public Tensor Backward(Tensor dout)
        {
            var size = ph * pw;
            var d = dout.Transpose(0, 2, 3, 1).Flatten();
            var dcol = Tensor.Zeros(d.Size, size);
            for (var r = 0; r < d.Size; r++)
            {
                if (max) dcol[r, (int)_argMax![r]] = d[r];
                else for (var k = 0; k < size; k++) dcol[r, k] = d[r] / size;
            }
            var shape = _shape!;
            int oh = 1 + (shape[2] + 2 * pad - ph) / stride, ow = 1 + (shape[3] + 2 * pad - pw) / stride;
            return ImageColumns.Col2Im(dcol.Reshape(shape[0] * oh * ow, -1), shape, ph, pw, stride, pad);
        }

        public IReadOnlyDictionary<string, Tensor> Params { get; } = new Dictionary<string, Tensor>();

        public IReadOnlyDictionary<string, Tensor> Grads { get; } = new Dictionary<string, Tensor>();
    }
}

/// <summary>Pooling without im2col: loops walk each window of the input directly (the reference's earlier, fast form).</summary>
[Alternative("7.4", "direct loops over each window (no im2col matrix): the maximum's flat input index kept per output, -1 for a padding zero; average backward adds dout/(PH·PW) to each place inside the image")]
internal sealed class PoolingByDirectLoops : Chapter7Reference
{
    public override ILayer CreateMaxPooling(int poolH, int poolW, int stride = 1, int pad = 0) => new Layer(poolH, poolW, stride, pad, max: true);

    public override ILayer CreateAveragePooling(int poolH, int poolW, int stride = 1, int pad = 0) => new Layer(poolH, poolW, stride, pad, max: false);

    private sealed class Layer(int ph, int pw, int stride, int pad, bool max) : ILayer
    {
        private int[]? _shape;
        private int[]? _argMax;

        // Visits every output o of plane p with each (flat input index, or -1 in the padding) of its window.
        private void Walk(int[] shape, Action<int, int> visit)
        {
            int h = shape[2], w = shape[3];
            int oh = 1 + (h + 2 * pad - ph) / stride, ow = 1 + (w + 2 * pad - pw) / stride;
            for (int p = 0, o = 0; p < shape[0] * shape[1]; p++)
                for (var y = 0; y < oh; y++)
                    for (var xo = 0; xo < ow; xo++, o++)
                        for (var fy = 0; fy < ph; fy++)
                            for (var fx = 0; fx < pw; fx++)
                            {
                                int iy = y * stride + fy - pad, ix = xo * stride + fx - pad;
                                visit(o, iy >= 0 && iy < h && ix >= 0 && ix < w ? (p * h + iy) * w + ix : -1);
                            }
        }

        public Tensor Forward(Tensor x, bool train = true)
        {
            _shape = x.Shape;
            int oh = 1 + (x.Dim(2) + 2 * pad - ph) / stride, ow = 1 + (x.Dim(3) + 2 * pad - pw) / stride;
            var output = new double[x.Dim(0) * x.Dim(1) * oh * ow];
            var arg = new int[output.Length];
            var src = x.ToArray();
            Array.Fill(output, max ? double.NegativeInfinity : 0.0);
            Walk(_shape, (o, i) =>
            {
                var v = i >= 0 ? src[i] : 0.0;
                if (!max) output[o] += v / (ph * pw);
                else if (v > output[o]) { output[o] = v; arg[o] = i; }
            });
            _argMax = arg;
            return new Tensor(output, x.Dim(0), x.Dim(1), oh, ow);
        }

        public Tensor Backward(Tensor dout)
        {
            var d = dout.ToArray();
            var dx = new double[Tensor.SizeOf(_shape!)];
            if (max) { for (var o = 0; o < d.Length; o++) if (_argMax![o] >= 0) dx[_argMax[o]] += d[o]; }
            else Walk(_shape!, (o, i) => { if (i >= 0) dx[i] += d[o] / (ph * pw); });
            return new Tensor(dx, _shape!);
        }

        public IReadOnlyDictionary<string, Tensor> Params { get; } = new Dictionary<string, Tensor>();

        public IReadOnlyDictionary<string, Tensor> Grads { get; } = new Dictionary<string, Tensor>();
    }
}
