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
