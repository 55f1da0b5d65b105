using DeepLearningKata.Contracts;
using DeepLearningKata.Reference;

namespace DeepLearningKata.Checks.Chapter07;

[Alternative("7.3", "direct loops instead of im2col: seven nested loops forward, the same loops accumulating dx, dW and db backward")]
internal sealed class ConvolutionByLoops : Chapter7Reference
{
    public override ILayer CreateConvolution(Tensor W, Tensor b, int stride = 1, int pad = 0) => new Layer(W, b, stride, pad);

    private sealed class Layer(Tensor W, Tensor b, int stride, int pad) : ILayer
    {
        private Tensor? _x;
        private Tensor? _dW;
        private Tensor? _db;

        private (int N, int C, int H, int Wd, int FN, int FH, int FW, int OH, int OW) Sizes(Tensor x)
        {
            int fh = W.Dim(2), fw = W.Dim(3);
            return (x.Dim(0), x.Dim(1), x.Dim(2), x.Dim(3), W.Dim(0), fh, fw, (x.Dim(2) + 2 * pad - fh) / stride + 1, (x.Dim(3) + 2 * pad - fw) / stride + 1);
        }

        public Tensor Forward(Tensor x, bool train = true)
        {
            _x = x.Copy();
            var (n, c, h, wd, fn, fh, fw, oh, ow) = Sizes(x);
            var output = Tensor.Zeros(n, fn, oh, ow);
            for (var ni = 0; ni < n; ni++)
            for (var f = 0; f < fn; f++)
            for (var i = 0; i < oh; i++)
            for (var j = 0; j < ow; j++)
            {
                var sum = b[f];
                for (var ci = 0; ci < c; ci++)
                for (var u = 0; u < fh; u++)
                for (var v = 0; v < fw; v++)
                {
                    int y = i * stride + u - pad, z = j * stride + v - pad;
                    if (y >= 0 && y < h && z >= 0 && z < wd) sum += W[f, ci, u, v] * x[ni, ci, y, z];
                }
                output[ni, f, i, j] = sum;
            }
            return output;
        }

        public Tensor Backward(Tensor dout)
        {
            var x = _x!;
            var (n, c, h, wd, fn, fh, fw, oh, ow) = Sizes(x);
            var dx = Tensor.ZerosLike(x);
            _dW = Tensor.ZerosLike(W);
            _db = Tensor.ZerosLike(b);
            for (var ni = 0; ni < n; ni++)
            for (var f = 0; f < fn; f++)
            for (var i = 0; i < oh; i++)
            for (var j = 0; j < ow; j++)
            {
                var g = dout[ni, f, i, j];
                _db[f] += g;
                for (var ci = 0; ci < c; ci++)
                for (var u = 0; u < fh; u++)
                for (var v = 0; v < fw; v++)
                {
                    int y = i * stride + u - pad, z = j * stride + v - pad;
                    if (y < 0 || y >= h || z < 0 || z >= wd) continue;
                    dx[ni, ci, y, z] += g * W[f, ci, u, v];
                    _dW[f, ci, u, v] += g * x[ni, ci, y, z];
                }
            }
            return dx;
        }

        public IReadOnlyDictionary<string, Tensor> Params { get; } = new Dictionary<string, Tensor> { ["W"] = W, ["b"] = b };

        public IReadOnlyDictionary<string, Tensor> Grads => new Dictionary<string, Tensor> { ["W"] = _dW!, ["b"] = _db! };
    }
}

[Alternative("7.3", "im2col with the book's transposes spelled out as Tensor operations: Transpose(0, 3, 1, 2), dout.Transpose(0, 2, 3, 1), Np.Dot with .T")]
internal sealed class ConvolutionWithTensorTransposes : Chapter7Reference
{
    public override ILayer CreateConvolution(Tensor W, Tensor b, int stride = 1, int pad = 0) => new Layer(W, b, stride, pad);

    private sealed class Layer(Tensor W, Tensor b, int stride, int pad) : ILayer
    {
        private Tensor? _col;
        private Tensor? _colW;
        private int[]? _shape;
        private Tensor? _dW;
        private Tensor? _db;

        public Tensor Forward(Tensor x, bool train = true)
        {
            int fn = W.Dim(0), fh = W.Dim(2), fw = W.Dim(3), n = x.Dim(0);
            int oh = 1 + (x.Dim(2) + 2 * pad - fh) / stride, ow = 1 + (x.Dim(3) + 2 * pad - fw) / stride;
            _shape = x.Shape;
            _col = ImageColumns.Im2Col(x, fh, fw, stride, pad);
            _colW = W.Reshape(fn, -1).T;
            var output = Np.Dot(_col, _colW) + b;
            return output.Reshape(n, oh, ow, -1).Transpose(0, 3, 1, 2);
        }

        public Tensor Backward(Tensor dout)
        {
            int fn = W.Dim(0), fh = W.Dim(2), fw = W.Dim(3);
            var d = dout.Transpose(0, 2, 3, 1).Reshape(-1, fn);
            _db = d.Sum(axis: 0);
            _dW = Np.Dot(_col!.T, d).T.Reshape(fn, W.Dim(1), fh, fw);
            var dcol = Np.Dot(d, _colW!.T);
            return ImageColumns.Col2Im(dcol, _shape!, fh, fw, stride, pad);
        }

        public IReadOnlyDictionary<string, Tensor> Params { get; } = new Dictionary<string, Tensor> { ["W"] = W, ["b"] = b };

        public IReadOnlyDictionary<string, Tensor> Grads => new Dictionary<string, Tensor> { ["W"] = _dW!, ["b"] = _db! };
    }
}

[Alternative("7.3", "im2col with one product per image, already in the output's (FN, OH·OW) order: W·col_nᵀ forward; dout_n·col_n, dout_nᵀ·W and col2im per image backward (the reference's fast form until the engine took the speed)")]
internal sealed class ConvolutionPerImage : Chapter7Reference
{
    public override ILayer CreateConvolution(Tensor W, Tensor b, int stride = 1, int pad = 0) => new Layer(W, b, stride, pad);

    private sealed class Layer(Tensor W, Tensor b, int stride, int pad) : ILayer
    {
        private Tensor? _col;
        private int[]? _shape;
        private Tensor? _dW;
        private Tensor? _db;

        public Tensor Forward(Tensor x, bool train = true)
        {
            int fn = W.Dim(0), fh = W.Dim(2), fw = W.Dim(3), n = x.Dim(0);
            int oh = 1 + (x.Dim(2) + 2 * pad - fh) / stride, ow = 1 + (x.Dim(3) + 2 * pad - fw) / stride;
            int positions = oh * ow, k = W.Size / fn;
            _shape = x.Shape;
            _col = ImageColumns.Im2Col(x, fh, fw, stride, pad);
            var output = Tensor.Empty(n, fn, oh, ow);
            Span<double> o = output.AsSpan(), cols = _col.AsSpan(), filters = W.AsSpan(), bias = b.AsSpan();
            for (var ni = 0; ni < n; ni++)
            {
                var block = o.Slice(ni * fn * positions, fn * positions);
                Np.Gemm(filters, false, cols.Slice(ni * positions * k, positions * k), true, block, fn, k, positions);
                for (var f = 0; f < fn; f++) foreach (ref var v in block.Slice(f * positions, positions)) v += bias[f];
            }
            return output;
        }

        public Tensor Backward(Tensor dout)
        {
            int fn = W.Dim(0), fh = W.Dim(2), fw = W.Dim(3), n = _shape![0];
            int k = _col!.Dim(1), positions = _col.Dim(0) / n;
            int oh = 1 + (_shape[2] + 2 * pad - fh) / stride, ow = 1 + (_shape[3] + 2 * pad - fw) / stride;
            var dx = Tensor.Zeros(_shape);
            var dW = new double[fn * k];
            var db = new double[fn];
            var part = new double[fn * k];
            var dcol = new double[positions * k];
            ReadOnlySpan<double> d = dout.AsSpan(), cols = _col.AsSpan(), filters = W.AsSpan();
            var image = dx.Size / n;
            for (var ni = 0; ni < n; ni++)
            {
                var block = d.Slice(ni * fn * positions, fn * positions);
                for (var f = 0; f < fn; f++) foreach (var v in block.Slice(f * positions, positions)) db[f] += v;
                Np.Gemm(block, false, cols.Slice(ni * positions * k, positions * k), false, part, fn, positions, k);
                for (var i = 0; i < part.Length; i++) dW[i] += part[i];
                Np.Gemm(block, true, filters, false, dcol, positions, fn, k);
                ImageColumns.Col2Im(dcol, dx.AsSpan().Slice(ni * image, image), 1, _shape[1], _shape[2], _shape[3], fh, fw, stride, pad, oh, ow);
            }
            _dW = new Tensor(dW, W.Shape);
            _db = new Tensor(db, fn);
            return dx;
        }

        public IReadOnlyDictionary<string, Tensor> Params { get; } = new Dictionary<string, Tensor> { ["W"] = W, ["b"] = b };

        public IReadOnlyDictionary<string, Tensor> Grads => new Dictionary<string, Tensor> { ["W"] = _dW!, ["b"] = _db! };
    }
}
