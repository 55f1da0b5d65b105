using DeepLearningKata.Contracts;
using DeepLearningKata.Reference;

namespace DeepLearningKata.Checks.Chapter04;

[Alternative("4.8", "a network written with loops: its own forward pass, one-hot loss, hit counting, and its own central differences")]
internal sealed class TwoLayerNetLoops : Chapter4Reference
{
    public override ITwoLayerNet CreateTwoLayerNet(int inputSize, int hiddenSize, int outputSize, Random random, double weightInitStd = 0.01) =>
        new LoopNet(inputSize, hiddenSize, outputSize, random, weightInitStd);

    private sealed class LoopNet : ITwoLayerNet
    {
        private readonly Dictionary<string, Tensor> _p = [];

        public LoopNet(int inputSize, int hiddenSize, int outputSize, Random random, double std)
        {
            _p["W1"] = Tensor.RandomNormal(random, inputSize, hiddenSize) * std;
            _p["W2"] = Tensor.RandomNormal(random, hiddenSize, outputSize) * std;
            _p["b1"] = Tensor.Zeros(hiddenSize);
            _p["b2"] = Tensor.Zeros(outputSize);
        }

        public IReadOnlyDictionary<string, Tensor> Params => _p;

        private static Tensor Affine(Tensor x, Tensor w, Tensor b)
        {
            var result = Tensor.Zeros(x.Dim(0), w.Dim(1));
            for (var n = 0; n < x.Dim(0); n++)
            {
                for (var j = 0; j < w.Dim(1); j++)
                {
                    var s = 0.0;
                    for (var k = 0; k < w.Dim(0); k++) s += x[n, k] * w[k, j];
                    result[n, j] = s + b[j];
                }
            }
            return result;
        }

        public Tensor Predict(Tensor x)
        {
            var z = Affine(x, _p["W1"], _p["b1"]).Apply(v => v >= 0 ? 1 / (1 + Math.Exp(-v)) : Math.Exp(v) / (1 + Math.Exp(v)));
            var a = Affine(z, _p["W2"], _p["b2"]);
            var y = Tensor.ZerosLike(a);
            for (var n = 0; n < a.Dim(0); n++)
            {
                var max = Enumerable.Range(0, a.Dim(1)).Max(j => a[n, j]);
                var sum = Enumerable.Range(0, a.Dim(1)).Sum(j => Math.Exp(a[n, j] - max));
                for (var j = 0; j < a.Dim(1); j++) y[n, j] = Math.Exp(a[n, j] - max) / sum;
            }
            return y;
        }

        private static int Label(Tensor t, int n)
        {
            if (t.Ndim == 1) return (int)t[n];
            var best = 0;
            for (var j = 1; j < t.Dim(1); j++) if (t[n, j] > t[n, best]) best = j;
            return best;
        }

        public double Loss(Tensor x, Tensor t)
        {
            var y = Predict(x);
            var loss = 0.0;
            for (var n = 0; n < y.Dim(0); n++)
            {
                for (var j = 0; j < y.Dim(1); j++) loss -= (Label(t, n) == j ? 1.0 : 0.0) * Math.Log(y[n, j] + 1e-7);
            }
            return loss / y.Dim(0);
        }

        public double Accuracy(Tensor x, Tensor t)
        {
            var y = Predict(x);
            var hits = 0;
            for (var n = 0; n < y.Dim(0); n++)
            {
                var best = 0;
                for (var j = 1; j < y.Dim(1); j++) if (y[n, j] > y[n, best]) best = j;
                if (best == Label(t, n)) hits++;
            }
            return (double)hits / y.Dim(0);
        }

        public IReadOnlyDictionary<string, Tensor> Gradient(Tensor x, Tensor t)
        {
            var grads = new Dictionary<string, Tensor>();
            foreach (var (name, p) in _p)
            {
                var g = Tensor.ZerosLike(p);
                for (var i = 0; i < p.Size; i++)
                {
                    var keep = p.AsSpan()[i];
                    p.AsSpan()[i] = keep + 1e-4;
                    var plus = Loss(x, t);
                    p.AsSpan()[i] = keep - 1e-4;
                    var minus = Loss(x, t);
                    p.AsSpan()[i] = keep;
                    g.AsSpan()[i] = (plus - minus) / 2e-4;
                }
                grads[name] = g;
            }
            return grads;
        }
    }
}

[Alternative("4.8", "parameters as named fields shared with the dictionary; Gradient through NumericalGradient as Earlier routes it")]
internal sealed class TwoLayerNetFields : Chapter4Reference
{
    public override ITwoLayerNet CreateTwoLayerNet(int inputSize, int hiddenSize, int outputSize, Random random, double weightInitStd = 0.01) =>
        new FieldNet(this, inputSize, hiddenSize, outputSize, random, weightInitStd);

    private sealed class FieldNet : ITwoLayerNet
    {
        private readonly Chapter4Reference _functions;
        private readonly Tensor _w1, _b1, _w2, _b2;

        public FieldNet(Chapter4Reference functions, int inputSize, int hiddenSize, int outputSize, Random random, double std)
        {
            _functions = functions;
            _w1 = std * Tensor.RandomNormal(random, inputSize, hiddenSize);
            _b1 = Tensor.Zeros(hiddenSize);
            _w2 = std * Tensor.RandomNormal(random, hiddenSize, outputSize);
            _b2 = Tensor.Zeros(outputSize);
            Params = new Dictionary<string, Tensor> { ["W1"] = _w1, ["b1"] = _b1, ["W2"] = _w2, ["b2"] = _b2 };
        }

        public IReadOnlyDictionary<string, Tensor> Params { get; }

        public Tensor Predict(Tensor x)
        {
            var z1 = 1.0 / (1.0 + Np.Exp(-(Np.Dot(x, _w1) + _b1)));
            var a2 = Np.Dot(z1, _w2) + _b2;
            var e = Np.Exp(a2 - Np.Max(a2, axis: 1, keepdims: true));
            return e / Np.Sum(e, axis: 1, keepdims: true);
        }

        public double Loss(Tensor x, Tensor t) => _functions.CrossEntropyError(Predict(x), t);

        public double Accuracy(Tensor x, Tensor t)
        {
            var labels = t.Ndim == 2 ? Np.Argmax(t, axis: 1) : t;
            return Np.Mean(Np.Equal(Np.Argmax(Predict(x), axis: 1), labels));
        }

        public IReadOnlyDictionary<string, Tensor> Gradient(Tensor x, Tensor t) =>
            Params.ToDictionary(p => p.Key, p => _functions.NumericalGradient(_ => Loss(x, t), p.Value));
    }
}
