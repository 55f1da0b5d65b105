using DeepLearningKata.Contracts;

namespace DeepLearningKata.Exercises;

/// <summary>
/// Exercise 5.3 — the sigmoid as a layer. Its backward needs only its own output.
/// 练习 5.3 — 把 sigmoid 写成层。它的反向传播只需要它自己的输出。
/// </summary>
/// <remarks>
/// <code>
/// Formula:  forward   y = σ(x) = 1 / (1 + e^(−x))
///           backward  dx = dout · y · (1 − y)
/// Shapes:   x (d₁, …, dₘ)  →  y (d₁, …, dₘ);     dout (d₁, …, dₘ)  →  dx (d₁, …, dₘ)
/// Example:  Forward([0, 2]) = [0.5, 0.88079708];  then Backward([1, 2]) = [0.25, 0.20998717]
/// Hint:     Forward remembers its output y, and Backward uses only y (see Formula), never x. Keep a copy of
///           the output: the caller owns the tensor you return and may change it. Both factors of σ' matter:
///           y alone, or (1 − y) alone, is a classic slip.
/// 提示:     Forward 记住它的输出 y，Backward 只用 y（见 Formula），从不用 x。要保存输出的副本：
///           你返回的张量归调用者所有，调用者可能会修改它。σ' 的两个因子都不能少：只乘 y 或只乘 (1 − y) 是常
///           见的失误。
/// Grade it: ./run-checks.sh --exercise 5.3     (or: dotnet test --filter TestCategory=5.3)
/// </code>
/// </remarks>
public sealed class SigmoidLayer : ILayer
{
    private Tensor? y;

    public SigmoidLayer()
    {
        y = null;
    }

    /// <summary>σ(x) element-wise; remembers the output.</summary>
    public Tensor Forward(Tensor x, bool train = true)
    {
        // TODO: return the sigmoid of x as a new tensor, and keep your own copy of it in y for Backward.
        throw new NotImplementedException("Exercise 5.3 (SigmoidLayer) is not started yet.");
    }

    /// <summary>dout · y · (1 − y) with y the last Forward's output.</summary>
    public Tensor Backward(Tensor dout)
    {
        // TODO: return dx for dout, computed from the y the last Forward kept (not from x).
        throw new NotImplementedException("Exercise 5.3 (SigmoidLayer) is not started yet.");
    }

    /// <summary>The sigmoid has no parameters.</summary>
    public IReadOnlyDictionary<string, Tensor> Params { get; } = new Dictionary<string, Tensor>();

    /// <summary>No parameters, no gradients of them.</summary>
    public IReadOnlyDictionary<string, Tensor> Grads { get; } = new Dictionary<string, Tensor>();
}

public static partial class Chapter5
{
    /// <summary>Exercise 5.3 — a fresh sigmoid layer.</summary>
    public static ILayer CreateSigmoid() => new SigmoidLayer();
}
