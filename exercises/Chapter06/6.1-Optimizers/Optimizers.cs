using DeepLearningKata.Contracts;

namespace DeepLearningKata.Exercises;

/// <summary>
/// Exercise 6.1 — four optimizers (SGD, Momentum, AdaGrad, Adam) that update parameters in place, by name, from their gradients.
/// 练习 6.1 — 实现四种优化器（SGD、Momentum、AdaGrad、Adam），按参数名用梯度就地更新参数。
/// </summary>
/// <remarks>
/// <code>
/// Formula:  SGD       p −= lr·g
///           Momentum  v = α·v − lr·g;   p += v                                    (α = 0.9, v₀ = 0)
///           AdaGrad   h += g⊙g;   p −= lr·g / (√h + 1e-7)                          (h₀ = 0)
///           Adam      t += 1;   lr_t = lr·√(1 − β2^t) / (1 − β1^t)                 (β1 = 0.9, β2 = 0.999, m₀ = v₀ = 0, t₀ = 0)
///                     m += (1 − β1)·(g − m);   v += (1 − β2)·(g⊙g − v);   p −= lr_t·m / (√v + 1e-7)
/// Shapes:   parameters[k], grads[k], v[k], h[k], m[k]: one shape ∀ name k;   t: scalar
/// Example:  p = [1, -2], g = [0.5, -1], lr = 0.1:   Update(p, g) → p₁,   Update(p, g) again → p₂
///           SGD       [0.95, -1.9]                          → [0.9, -1.8]
///           Momentum  [0.95, -1.9]                          → [0.855, -1.71]
///           AdaGrad   [0.900000019999996, -1.900000009999999] → [0.8292893518813398, -1.8292893368813439]
///           Adam      [0.9000006324515321, -1.900000316226766] → [0.8000010797749726, -1.800000539888987]
/// Hint:     Change each parameter itself, in place (SubtractInPlace, Assign): a new tensor leaves the
///           network's own tensor as it was. Never write into grads. Keep the state per parameter name,
///           starting from zeros the first time a name is seen: W and b each need their own v, h, m. The
///           1e-7 goes after the square root. Adam's t grows once per Update, not once per parameter.
/// 提示:     就地修改每个参数本身（SubtractInPlace、Assign）：新建张量不会改变网络自己的张量。不要写入 grads。
///           按参数名保存状态，第一次见到某个名字时从零开始：W 和 b 各自需要自己的 v、h、m。
///           1e-7 加在平方根之后。Adam 的 t 每次 Update 只加 1，而不是每个参数加 1。
/// Grade it: ./run-checks.sh --exercise 6.1     (or: dotnet test --filter TestCategory=6.1)
/// </code>
/// </remarks>
public sealed class Sgd(double learningRate) : IOptimizer
{
    private readonly double lr = learningRate;

    /// <summary>p −= lr·g for every parameter, in place.</summary>
    public void Update(IReadOnlyDictionary<string, Tensor> parameters, IReadOnlyDictionary<string, Tensor> grads)
    {
        // TODO: update every parameter by one SGD step, in place; grads stays as it is.
        throw new NotImplementedException("Exercise 6.1 (Optimizers) is not started yet.");
    }
}

/// <summary>Momentum: v = α·v − lr·g; p += v, with one velocity v per parameter name.</summary>
public sealed class Momentum(double learningRate, double momentum) : IOptimizer
{
    private readonly double lr = learningRate;
    private readonly double momentum = momentum;
    private readonly Dictionary<string, Tensor> v = [];

    /// <summary>One step of Momentum for every parameter, in place.</summary>
    public void Update(IReadOnlyDictionary<string, Tensor> parameters, IReadOnlyDictionary<string, Tensor> grads)
    {
        // TODO: update every parameter by one Momentum step, in place, keeping one velocity per name in v.
        throw new NotImplementedException("Exercise 6.1 (Optimizers) is not started yet.");
    }
}

/// <summary>AdaGrad: h += g⊙g; p −= lr·g / (√h + 1e-7), with one h per parameter name.</summary>
public sealed class AdaGrad(double learningRate) : IOptimizer
{
    private readonly double lr = learningRate;
    private readonly Dictionary<string, Tensor> h = [];

    /// <summary>One step of AdaGrad for every parameter, in place.</summary>
    public void Update(IReadOnlyDictionary<string, Tensor> parameters, IReadOnlyDictionary<string, Tensor> grads)
    {
        // TODO: update every parameter by one AdaGrad step, in place, keeping one sum of squared gradients per name in h.
        throw new NotImplementedException("Exercise 6.1 (Optimizers) is not started yet.");
    }
}

/// <summary>Adam: moments m and v per parameter name, one step count t, the bias correction folded into lr_t.</summary>
public sealed class Adam : IOptimizer
{
    private readonly double lr;
    private readonly double beta1;
    private readonly double beta2;
    private int iter;
    private readonly Dictionary<string, Tensor> m = [];
    private readonly Dictionary<string, Tensor> v = [];

    public Adam(double learningRate, double beta1, double beta2)
    {
        lr = learningRate;
        this.beta1 = beta1;
        this.beta2 = beta2;
        iter = 0;
    }

    /// <summary>One step of Adam for every parameter, in place.</summary>
    public void Update(IReadOnlyDictionary<string, Tensor> parameters, IReadOnlyDictionary<string, Tensor> grads)
    {
        // TODO: update every parameter by one Adam step, in place, keeping the moments per name in m and v;
        //       iter counts the calls of Update.
        throw new NotImplementedException("Exercise 6.1 (Optimizers) is not started yet.");
    }
}

public static partial class Chapter6
{
    /// <summary>Exercise 6.1 — a fresh SGD optimizer.</summary>
    public static IOptimizer CreateSgd(double learningRate = 0.01) => new Sgd(learningRate);

    /// <summary>Exercise 6.1 — a fresh Momentum optimizer.</summary>
    public static IOptimizer CreateMomentum(double learningRate = 0.01, double momentum = 0.9) => new Momentum(learningRate, momentum);

    /// <summary>Exercise 6.1 — a fresh AdaGrad optimizer.</summary>
    public static IOptimizer CreateAdaGrad(double learningRate = 0.01) => new AdaGrad(learningRate);

    /// <summary>Exercise 6.1 — a fresh Adam optimizer.</summary>
    public static IOptimizer CreateAdam(double learningRate = 0.001, double beta1 = 0.9, double beta2 = 0.999) => new Adam(learningRate, beta1, beta2);
}
