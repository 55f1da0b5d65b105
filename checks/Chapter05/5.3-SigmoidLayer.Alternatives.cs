using DeepLearningKata.Contracts;
using DeepLearningKata.Reference;

namespace DeepLearningKata.Checks.Chapter05;

[Alternative("5.3", "keeps x instead of y, and loops with e^(−|x|) / (1 + e^(−|x|))² in Backward")]
internal sealed class SigmoidFromInput : Chapter5Reference
{
    public override ILayer CreateSigmoid() => new Layer();

    private sealed class Layer : ILayer
    {
        private Tensor? _x;

        public Tensor Forward(Tensor x, bool train = true)
        {
            _x = x.Copy();
            return x.Apply(v => v >= 0 ? 1.0 / (1.0 + Math.Exp(-v)) : Math.Exp(v) / (1.0 + Math.Exp(v)));
        }

        public Tensor Backward(Tensor dout)
        {
            var dx = Tensor.ZerosLike(dout);
            var x = _x!.AsSpan();
            var d = dout.AsSpan();
            var o = dx.AsSpan();
            for (var i = 0; i < o.Length; i++)
            {
                var e = Math.Exp(-Math.Abs(x[i]));
                o[i] = d[i] * e / ((1 + e) * (1 + e));
            }
            return dx;
        }

        public IReadOnlyDictionary<string, Tensor> Params { get; } = new Dictionary<string, Tensor>();

        public IReadOnlyDictionary<string, Tensor> Grads { get; } = new Dictionary<string, Tensor>();
    }
}
