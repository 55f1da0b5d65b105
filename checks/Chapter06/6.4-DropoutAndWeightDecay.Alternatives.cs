using DeepLearningKata.Contracts;
using DeepLearningKata.Reference;

namespace DeepLearningKata.Checks.Chapter06;

[Alternative("6.4", "loops: a boolean mask drawn element by element with NextDouble(), weight decay summed element by element")]
internal sealed class DropoutAndWeightDecayLoops : Chapter6Reference
{
    public override ILayer CreateDropout(double ratio, Random random) => new Layer(ratio, random);

    public override double WeightDecayLoss(IReadOnlyList<Tensor> weights, double lambda)
    {
        var squares = 0.0;
        foreach (var W in weights) foreach (var w in W.AsSpan()) squares += w * w;
        return lambda * squares / 2;
    }

    public override Tensor WeightDecayGradient(Tensor dW, Tensor W, double lambda)
    {
        var g = dW.Copy();
        var gs = g.AsSpan();
        var ws = W.AsSpan();
        for (var i = 0; i < gs.Length; i++) gs[i] += lambda * ws[i];
        return g;
    }

    private sealed class Layer(double ratio, Random random) : ILayer
    {
        private bool[]? _keep;

        public Tensor Forward(Tensor x, bool train = true)
        {
            var y = x.Copy();
            var ys = y.AsSpan();
            if (!train)
            {
                for (var i = 0; i < ys.Length; i++) ys[i] *= 1 - ratio;
                return y;
            }
            _keep = new bool[ys.Length];
            for (var i = 0; i < ys.Length; i++)
            {
                _keep[i] = random.NextDouble() > ratio;
                if (!_keep[i]) ys[i] = 0;
            }
            return y;
        }

        public Tensor Backward(Tensor dout)
        {
            var dx = dout.Copy();
            var d = dx.AsSpan();
            for (var i = 0; i < d.Length; i++) if (!_keep![i]) d[i] = 0;
            return dx;
        }

        public IReadOnlyDictionary<string, Tensor> Params { get; } = new Dictionary<string, Tensor>();

        public IReadOnlyDictionary<string, Tensor> Grads { get; } = new Dictionary<string, Tensor>();
    }
}
