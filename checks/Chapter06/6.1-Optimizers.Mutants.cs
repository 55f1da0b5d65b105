using DeepLearningKata.Contracts;
using DeepLearningKata.Reference;

namespace DeepLearningKata.Checks.Chapter06;

[Mutant("6.1", "SGD steps uphill: p += lr·g")]
internal sealed class SgdAscends : Chapter6Reference
{
    public override IOptimizer CreateSgd(double learningRate = 0.01) => new Optimizer(learningRate);

    private sealed class Optimizer(double lr) : Sgd(lr)
    {
        public override void Update(IReadOnlyDictionary<string, Tensor> parameters, IReadOnlyDictionary<string, Tensor> grads)
        {
            foreach (var (key, p) in parameters) p.SubtractInPlace(grads[key], -lr);
        }
    }
}

[Mutant("6.1", "SGD computes p − lr·g into a new tensor and keeps it: the network's own parameters never change")]
internal sealed class SgdNotInPlace : Chapter6Reference
{
    public override IOptimizer CreateSgd(double learningRate = 0.01) => new Optimizer(learningRate);

    private sealed class Optimizer(double lr) : Sgd(lr)
    {
        private readonly Dictionary<string, Tensor> _latest = [];

        public override void Update(IReadOnlyDictionary<string, Tensor> parameters, IReadOnlyDictionary<string, Tensor> grads)
        {
            foreach (var (key, p) in parameters) _latest[key] = p - lr * grads[key];
        }
    }
}

[Mutant("6.1", "SGD scales the caller's gradient in place (g.Assign(lr·g)) before subtracting it")]
internal sealed class SgdScalesGradientInPlace : Chapter6Reference
{
    public override IOptimizer CreateSgd(double learningRate = 0.01) => new Optimizer(learningRate);

    private sealed class Optimizer(double lr) : Sgd(lr)
    {
        public override void Update(IReadOnlyDictionary<string, Tensor> parameters, IReadOnlyDictionary<string, Tensor> grads)
        {
            foreach (var (key, p) in parameters)
            {
                var g = grads[key];
                g.Assign(lr * g);
                p.SubtractInPlace(g);
            }
        }
    }
}

[Mutant("6.1", "Momentum without the α·v term: v = −lr·g, which is plain SGD")]
internal sealed class MomentumWithoutAlpha : Chapter6Reference
{
    public override IOptimizer CreateMomentum(double learningRate = 0.01, double momentum = 0.9) => new Optimizer(learningRate, momentum);

    private sealed class Optimizer(double lr, double momentum) : Momentum(lr, momentum)
    {
        public override void Update(IReadOnlyDictionary<string, Tensor> parameters, IReadOnlyDictionary<string, Tensor> grads)
        {
            foreach (var (key, p) in parameters) p.Assign(p - lr * grads[key]);
        }
    }
}

[Mutant("6.1", "Momentum adds the gradient: v = α·v + lr·g")]
internal sealed class MomentumPlusGradient : Chapter6Reference
{
    public override IOptimizer CreateMomentum(double learningRate = 0.01, double momentum = 0.9) => new Optimizer(learningRate, momentum);

    private sealed class Optimizer(double lr, double momentum) : Momentum(lr, momentum)
    {
        public override void Update(IReadOnlyDictionary<string, Tensor> parameters, IReadOnlyDictionary<string, Tensor> grads)
        {
            foreach (var (key, p) in parameters)
            {
                if (!v.TryGetValue(key, out var vk)) v[key] = vk = Tensor.ZerosLike(p);
                vk.Assign(momentum * vk + lr * grads[key]);
                p.Assign(p + vk);
            }
        }
    }
}

[Mutant("6.1", "Momentum keeps one velocity shared by all parameters instead of one per name")]
internal sealed class MomentumSharedState : Chapter6Reference
{
    public override IOptimizer CreateMomentum(double learningRate = 0.01, double momentum = 0.9) => new Optimizer(learningRate, momentum);

    private sealed class Optimizer(double lr, double momentum) : Momentum(lr, momentum)
    {
        private Tensor? _shared;

        public override void Update(IReadOnlyDictionary<string, Tensor> parameters, IReadOnlyDictionary<string, Tensor> grads)
        {
            foreach (var (key, p) in parameters)
            {
                if (_shared is null || !_shared.ShapeSpan.SequenceEqual(p.ShapeSpan)) _shared = Tensor.ZerosLike(p);
                _shared = momentum * _shared - lr * grads[key];
                p.Assign(p + _shared);
            }
        }
    }
}

[Mutant("6.1", "AdaGrad does not accumulate: h = g² at every step instead of h += g²")]
internal sealed class AdaGradNotAccumulating : Chapter6Reference
{
    public override IOptimizer CreateAdaGrad(double learningRate = 0.01) => new Optimizer(learningRate);

    private sealed class Optimizer(double lr) : AdaGrad(lr)
    {
        public override void Update(IReadOnlyDictionary<string, Tensor> parameters, IReadOnlyDictionary<string, Tensor> grads)
        {
            foreach (var (key, p) in parameters)
            {
                var g = grads[key];
                p.SubtractInPlace(g / (Np.Sqrt(g * g) + 1e-7), lr);
            }
        }
    }
}

[Mutant("6.1", "Adam without the bias correction: lr_t = lr")]
internal sealed class AdamWithoutBiasCorrection : Chapter6Reference
{
    public override IOptimizer CreateAdam(double learningRate = 0.001, double beta1 = 0.9, double beta2 = 0.999) => new Optimizer(learningRate, beta1, beta2);

    private sealed class Optimizer(double lr, double beta1, double beta2) : Adam(lr, beta1, beta2)
    {
        public override void Update(IReadOnlyDictionary<string, Tensor> parameters, IReadOnlyDictionary<string, Tensor> grads)
        {
            foreach (var (key, p) in parameters)
            {
                var g = grads[key];
                if (!m.TryGetValue(key, out var mk)) m[key] = mk = Tensor.ZerosLike(p);
                if (!v.TryGetValue(key, out var vk)) v[key] = vk = Tensor.ZerosLike(p);
                mk.Assign(mk + (1 - beta1) * (g - mk));
                vk.Assign(vk + (1 - beta2) * (g * g - vk));
                p.SubtractInPlace(mk / (Np.Sqrt(vk) + 1e-7), lr);
            }
        }
    }
}

[Mutant("6.1", "Adam puts the ε inside the square root: √(v + 1e-7)")]
internal sealed class AdamEpsilonInsideSqrt : Chapter6Reference
{
    public override IOptimizer CreateAdam(double learningRate = 0.001, double beta1 = 0.9, double beta2 = 0.999) => new Optimizer(learningRate, beta1, beta2);

    private sealed class Optimizer(double lr, double beta1, double beta2) : Adam(lr, beta1, beta2)
    {
        public override void Update(IReadOnlyDictionary<string, Tensor> parameters, IReadOnlyDictionary<string, Tensor> grads)
        {
            iter++;
            var lrT = lr * Math.Sqrt(1.0 - Math.Pow(beta2, iter)) / (1.0 - Math.Pow(beta1, iter));
            foreach (var (key, p) in parameters)
            {
                var g = grads[key];
                if (!m.TryGetValue(key, out var mk)) m[key] = mk = Tensor.ZerosLike(p);
                if (!v.TryGetValue(key, out var vk)) v[key] = vk = Tensor.ZerosLike(p);
                mk.Assign(mk + (1 - beta1) * (g - mk));
                vk.Assign(vk + (1 - beta2) * (g * g - vk));
                p.SubtractInPlace(mk / Np.Sqrt(vk + 1e-7), lrT);
            }
        }
    }
}

[Mutant("6.1", "Adam counts t once per parameter (inside the loop) instead of once per Update")]
internal sealed class AdamStepCountPerParameter : Chapter6Reference
{
    public override IOptimizer CreateAdam(double learningRate = 0.001, double beta1 = 0.9, double beta2 = 0.999) => new Optimizer(learningRate, beta1, beta2);

    private sealed class Optimizer(double lr, double beta1, double beta2) : Adam(lr, beta1, beta2)
    {
        public override void Update(IReadOnlyDictionary<string, Tensor> parameters, IReadOnlyDictionary<string, Tensor> grads)
        {
            foreach (var (key, p) in parameters)
            {
                iter++;
                var lrT = lr * Math.Sqrt(1.0 - Math.Pow(beta2, iter)) / (1.0 - Math.Pow(beta1, iter));
                var g = grads[key];
                if (!m.TryGetValue(key, out var mk)) m[key] = mk = Tensor.ZerosLike(p);
                if (!v.TryGetValue(key, out var vk)) v[key] = vk = Tensor.ZerosLike(p);
                mk.Assign(mk + (1 - beta1) * (g - mk));
                vk.Assign(vk + (1 - beta2) * (g * g - vk));
                p.SubtractInPlace(mk / (Np.Sqrt(vk) + 1e-7), lrT);
            }
        }
    }
}
