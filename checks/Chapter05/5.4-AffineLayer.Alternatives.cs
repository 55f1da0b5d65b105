using DeepLearningKata.Contracts;
using DeepLearningKata.Reference;

namespace DeepLearningKata.Checks.Chapter05;

[Alternative("5.4", "triple loops over the flat elements, with the gradients accumulated one product at a time")]
internal sealed class AffineLoops : Chapter5Reference
{
    public override ILayer CreateAffine(Tensor W, Tensor b) => new Layer(W, b);

    private sealed class Layer(Tensor W, Tensor b) : ILayer
    {
        private Tensor? _x;
        private Tensor? _dW;
        private Tensor? _db;

        public Tensor Forward(Tensor x, bool train = true)
        {
            _x = x.Copy();
            int n = x.Dim(0), d = W.Dim(0), m = W.Dim(1);
            var xs = x.AsSpan();
            var output = Tensor.Zeros(n, m);
            for (var i = 0; i < n; i++)
            {
                for (var j = 0; j < m; j++)
                {
                    var sum = b[j];
                    for (var k = 0; k < d; k++) sum += xs[i * d + k] * W[k, j];
                    output[i, j] = sum;
                }
            }
            return output;
        }

        public Tensor Backward(Tensor dout)
        {
            var x = _x!;
            int n = x.Dim(0), d = W.Dim(0), m = W.Dim(1);
            var xs = x.AsSpan();
            var dx = Tensor.ZerosLike(x);
            var dxs = dx.AsSpan();
            _dW = Tensor.Zeros(d, m);
            _db = Tensor.Zeros(m);
            for (var i = 0; i < n; i++)
            {
                for (var j = 0; j < m; j++)
                {
                    var g = dout[i, j];
                    _db[j] += g;
                    for (var k = 0; k < d; k++)
                    {
                        dxs[i * d + k] += g * W[k, j];
                        _dW[k, j] += xs[i * d + k] * g;
                    }
                }
            }
            return dx;
        }

        public IReadOnlyDictionary<string, Tensor> Params { get; } = new Dictionary<string, Tensor> { ["W"] = W, ["b"] = b };

        public IReadOnlyDictionary<string, Tensor> Grads => new Dictionary<string, Tensor> { ["W"] = _dW!, ["b"] = _db! };
    }
}
