using DeepLearningKata.Contracts;
using DeepLearningKata.Reference;

namespace DeepLearningKata.Checks.Chapter05;

[Alternative("5.2", "loops with if (x > 0), keeping a boolean mask as the book does (true where x <= 0)")]
internal sealed class ReluLoops : Chapter5Reference
{
    public override ILayer CreateRelu() => new Layer();

    private sealed class Layer : ILayer
    {
        private bool[]? blocked;

        public Tensor Forward(Tensor x, bool train = true)
        {
            var input = x.AsSpan();
            blocked = new bool[input.Length];
            var output = Tensor.ZerosLike(x);
            var o = output.AsSpan();
            for (var i = 0; i < input.Length; i++)
            {
                blocked[i] = input[i] <= 0;
                o[i] = blocked[i] ? 0 : input[i];
            }
            return output;
        }

        public Tensor Backward(Tensor dout)
        {
            var dx = dout.Copy();
            var d = dx.AsSpan();
            for (var i = 0; i < d.Length; i++) if (blocked![i]) d[i] = 0;
            return dx;
        }

        public IReadOnlyDictionary<string, Tensor> Params { get; } = new Dictionary<string, Tensor>();

        public IReadOnlyDictionary<string, Tensor> Grads { get; } = new Dictionary<string, Tensor>();
    }
}

[Alternative("5.2", "out = Np.Maximum(0, x) with the mask x > 0 kept for Backward (the reference's earlier form)")]
internal sealed class ReluMaximum : Chapter5Reference
{
    public override ILayer CreateRelu() => new Layer();

    private sealed class Layer : ILayer
    {
        private Tensor? _mask;

        public Tensor Forward(Tensor x, bool train = true)
        {
            _mask = x > 0;
            return Np.Maximum(0, x);
        }

        public Tensor Backward(Tensor dout) => dout * _mask!;

        public IReadOnlyDictionary<string, Tensor> Params { get; } = new Dictionary<string, Tensor>();

        public IReadOnlyDictionary<string, Tensor> Grads { get; } = new Dictionary<string, Tensor>();
    }
}
