using DeepLearningKata.Contracts;

namespace DeepLearningKata.Reference;

/// <summary>Plain stochastic gradient descent: <c>p −= lr·g</c> for every parameter.</summary>
public class Sgd(double learningRate) : IOptimizer
{
    protected readonly double lr = learningRate;

    /// <inheritdoc/>
    public virtual void Update(IReadOnlyDictionary<string, Tensor> parameters, IReadOnlyDictionary<string, Tensor> grads)
    {
        foreach (var (key, p) in parameters) p.SubtractInPlace(grads[key], lr);
    }
}

/// <summary>Momentum: a velocity per parameter, <c>v = α·v − lr·g; p += v</c>.</summary>
public class Momentum(double learningRate, double momentum) : IOptimizer
{
    protected readonly double lr = learningRate;
    protected readonly double momentum = momentum;

    /// <summary>The velocity of each parameter, by name; zeros when the name is first seen.</summary>
    protected readonly Dictionary<string, Tensor> v = [];

    /// <inheritdoc/>
    public virtual void Update(IReadOnlyDictionary<string, Tensor> parameters, IReadOnlyDictionary<string, Tensor> grads)
    {
        foreach (var (key, p) in parameters)
        {
            if (!v.TryGetValue(key, out var vk)) v[key] = vk = Tensor.ZerosLike(p);
            vk.Assign(momentum * vk - lr * grads[key]);
            p.AddInPlace(vk);
        }
    }
}

/// <summary>AdaGrad: a sum of squared gradients per parameter, <c>h += g⊙g; p −= lr·g / (√h + 1e-7)</c>.</summary>
public class AdaGrad(double learningRate) : IOptimizer
{
    protected readonly double lr = learningRate;

    /// <summary>The running sum of squared gradients of each parameter, by name.</summary>
    protected readonly Dictionary<string, Tensor> h = [];

    /// <inheritdoc/>
    public virtual void Update(IReadOnlyDictionary<string, Tensor> parameters, IReadOnlyDictionary<string, Tensor> grads)
    {
        foreach (var (key, p) in parameters)
        {
            var g = grads[key];
            if (!h.TryGetValue(key, out var hk)) h[key] = hk = Tensor.ZerosLike(p);
            hk.AddInPlace(g * g);
            // 1e-7 after the square root keeps the first step finite where g (and so h) is 0.
            p.SubtractInPlace(g / (Np.Sqrt(hk) + 1e-7), lr);
        }
    }
}

/// <summary>
/// Adam: moments <c>m</c> and <c>v</c> per parameter and one step count <c>t</c>, with the bias correction
/// folded into the step size as the book's code does.
/// </summary>
public class Adam(double learningRate, double beta1, double beta2) : IOptimizer
{
    protected readonly double lr = learningRate;
    protected readonly double beta1 = beta1;
    protected readonly double beta2 = beta2;

    /// <summary>The number of updates so far, shared by all parameters.</summary>
    protected int iter;

    protected readonly Dictionary<string, Tensor> m = [];
    protected readonly Dictionary<string, Tensor> v = [];

    /// <inheritdoc/>
    public virtual void Update(IReadOnlyDictionary<string, Tensor> parameters, IReadOnlyDictionary<string, Tensor> grads)
    {
        iter++;
        // m and v start at 0, so early on they are too small by (1 − β^t); this factor makes up for it.
        var lrT = lr * Math.Sqrt(1.0 - Math.Pow(beta2, iter)) / (1.0 - Math.Pow(beta1, iter));
        foreach (var (key, p) in parameters)
        {
            var g = grads[key];
            if (!m.TryGetValue(key, out var mk)) m[key] = mk = Tensor.ZerosLike(p);
            if (!v.TryGetValue(key, out var vk)) v[key] = vk = Tensor.ZerosLike(p);
            mk.AddInPlace(g - mk, 1 - beta1); // m += (1 − β1)·(g − m)
            vk.AddInPlace(g * g - vk, 1 - beta2); // v += (1 − β2)·(g² − v)
            p.SubtractInPlace(mk / (Np.Sqrt(vk) + 1e-7), lrT);
        }
    }
}

public partial class Chapter6Reference
{
    /// <inheritdoc/>
    public virtual IOptimizer CreateSgd(double learningRate = 0.01) => new Sgd(learningRate);

    /// <inheritdoc/>
    public virtual IOptimizer CreateMomentum(double learningRate = 0.01, double momentum = 0.9) => new Momentum(learningRate, momentum);

    /// <inheritdoc/>
    public virtual IOptimizer CreateAdaGrad(double learningRate = 0.01) => new AdaGrad(learningRate);

    /// <inheritdoc/>
    public virtual IOptimizer CreateAdam(double learningRate = 0.001, double beta1 = 0.9, double beta2 = 0.999) =>
        new Adam(learningRate, beta1, beta2);
}
