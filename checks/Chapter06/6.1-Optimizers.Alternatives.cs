using DeepLearningKata.Contracts;
using DeepLearningKata.Reference;

namespace DeepLearningKata.Checks.Chapter06;

[Alternative("6.1", "every optimizer as a loop over the elements of each parameter, with its state in double arrays")]
internal sealed class OptimizersAsLoops : Chapter6Reference
{
    public override IOptimizer CreateSgd(double learningRate = 0.01) => new Loop(0, learningRate, 0, 0);
    public override IOptimizer CreateMomentum(double learningRate = 0.01, double momentum = 0.9) => new Loop(1, learningRate, momentum, 0);
    public override IOptimizer CreateAdaGrad(double learningRate = 0.01) => new Loop(2, learningRate, 0, 0);
    public override IOptimizer CreateAdam(double learningRate = 0.001, double beta1 = 0.9, double beta2 = 0.999) => new Loop(3, learningRate, beta1, beta2);

    private sealed class Loop(int kind, double lr, double a, double b) : IOptimizer
    {
        private readonly Dictionary<string, (double[] First, double[] Second)> _state = [];
        private int _t;

        public void Update(IReadOnlyDictionary<string, Tensor> parameters, IReadOnlyDictionary<string, Tensor> grads)
        {
            _t++;
            var correction = Math.Sqrt(1 - Math.Pow(b, _t)) / (1 - Math.Pow(a, _t));
            foreach (var (key, tensor) in parameters)
            {
                var p = tensor.AsSpan();
                var g = grads[key].AsSpan();
                if (!_state.TryGetValue(key, out var s)) _state[key] = s = (new double[p.Length], new double[p.Length]);
                for (var i = 0; i < p.Length; i++)
                {
                    switch (kind)
                    {
                        case 0:
                            p[i] -= lr * g[i];
                            break;
                        case 1:
                            s.First[i] = a * s.First[i] - lr * g[i];
                            p[i] += s.First[i];
                            break;
                        case 2:
                            s.First[i] += g[i] * g[i];
                            p[i] -= lr * g[i] / (Math.Sqrt(s.First[i]) + 1e-7);
                            break;
                        default:
                            s.First[i] = a * s.First[i] + (1 - a) * g[i];
                            s.Second[i] = b * s.Second[i] + (1 - b) * g[i] * g[i];
                            p[i] -= lr * correction * s.First[i] / (Math.Sqrt(s.Second[i]) + 1e-7);
                            break;
                    }
                }
            }
        }
    }
}

/// <remarks>
/// The textbook form m̂ = m/(1 − β1^t), v̂ = v/(1 − β2^t), p −= lr·m̂/(√v̂ + ε̂) equals the book's folded form exactly
/// when ε̂ = 1e-7/√(1 − β2^t): multiply numerator and denominator by √(1 − β2^t). With ε̂ = 1e-7 it would differ by a
/// relative 1e-7·(1/√(1 − β2^t) − 1)/√v̂, up to about 3e-4 for small gradients in the first steps — a different optimizer
/// as far as Tolerance.Value is concerned, so this alternative scales ε̂ to stay the book's Adam.
/// </remarks>
[Alternative("6.1", "Adam with explicit bias-corrected moments m̂ and v̂, and ε scaled by 1/√(1 − β2^t) so it is the book's Adam")]
internal sealed class AdamExplicitBiasCorrection : Chapter6Reference
{
    public override IOptimizer CreateAdam(double learningRate = 0.001, double beta1 = 0.9, double beta2 = 0.999) => new Explicit(learningRate, beta1, beta2);

    private sealed class Explicit(double lr, double beta1, double beta2) : IOptimizer
    {
        private readonly Dictionary<string, Tensor> _m = [];
        private readonly Dictionary<string, Tensor> _v = [];
        private int _t;

        public void Update(IReadOnlyDictionary<string, Tensor> parameters, IReadOnlyDictionary<string, Tensor> grads)
        {
            _t++;
            var c1 = 1 - Math.Pow(beta1, _t);
            var c2 = 1 - Math.Pow(beta2, _t);
            foreach (var (key, p) in parameters)
            {
                var g = grads[key];
                var m = _m[key] = beta1 * (_m.TryGetValue(key, out var m0) ? m0 : Tensor.ZerosLike(p)) + (1 - beta1) * g;
                var v = _v[key] = beta2 * (_v.TryGetValue(key, out var v0) ? v0 : Tensor.ZerosLike(p)) + (1 - beta2) * g * g;
                var mHat = m / c1;
                var vHat = v / c2;
                p.Assign(p - lr * mHat / (Np.Sqrt(vHat) + 1e-7 / Math.Sqrt(c2)));
            }
        }
    }
}
