using DeepLearningKata.Contracts;

namespace DeepLearningKata.Exercises;

/// <summary>
/// Exercise 5.2 — ReLU as a layer: like a switch, on where the input was positive, off elsewhere.
/// 练习 5.2 — 把 ReLU 写成层：它就像一个开关，输入为正的地方打开，其余地方关闭。
/// </summary>
/// <remarks>
/// <code>
/// Formula:  forward   y = max(0, x),     mask = (x > 0)
///           backward  dx = dout * mask,   dx[i] = x[i] > 0 ? dout[i] : 0
/// Shapes:   x (d₁, …, dₘ)  →  y (d₁, …, dₘ);     dout (d₁, …, dₘ)  →  dx (d₁, …, dₘ)
/// Example:  Forward([[1, -0.5], [-2, 3]])  = [[1, 0], [0, 3]]
///           Backward([[5, 6], [7, 8]])      = [[5, 0], [0, 8]]
/// Hint:     Forward remembers a mask of where x was positive; y, dout and dx all have x's shape.
///           Multiplying by a tensor of 1s and 0s keeps or blocks each element. The mask comes from x (in
///           Forward), never from dout. Do not write into x or dout: the book's in-place zeroing of dout
///           changes its caller's tensor; return new tensors instead. At exactly x = 0 no gradient passes
///           (as in the book and in PyTorch).
/// 提示:     Forward 要记住一个 mask，标出 x 为正的位置；y、dout 和 dx 的形状都和 x 相同。
///           乘上一个由 1 和 0 组成的张量，就能让每个元素通过或被挡住。mask 来自 x（在 Forward 中），
///           绝不能来自 dout。不要改写 x 或 dout：书中原地把 dout 置零的写法会改掉调用者的张量；
///           应当返回新的张量。x 恰好为 0 时梯度不通过（和书中以及 PyTorch 一致）。
/// Grade it: ./run-checks.sh --exercise 5.2     (or: dotnet test --filter TestCategory=5.2)
/// </code>
/// </remarks>
public sealed class ReluLayer : ILayer
{
    private Tensor? mask;

    public ReluLayer()
    {
        mask = null;
    }

    /// <summary>max(0, x) element-wise; remembers where x was positive.</summary>
    public Tensor Forward(Tensor x, bool train = true)
    {
        // TODO: return ReLU of x as a new tensor; keep what Backward needs in mask; x stays as it is.
        throw new NotImplementedException("Exercise 5.2 (ReluLayer) is not started yet.");
    }

    /// <summary>dout where the last Forward's x was positive, 0 elsewhere.</summary>
    public Tensor Backward(Tensor dout)
    {
        // TODO: return dx, a new tensor of dout's shape (the Formula above); dout stays as it is.
        throw new NotImplementedException("Exercise 5.2 (ReluLayer) is not started yet.");
    }

    /// <summary>ReLU has no parameters.</summary>
    public IReadOnlyDictionary<string, Tensor> Params { get; } = new Dictionary<string, Tensor>();

    /// <summary>ReLU has no parameters, so no gradients of them.</summary>
    public IReadOnlyDictionary<string, Tensor> Grads { get; } = new Dictionary<string, Tensor>();
}

public static partial class Chapter5
{
    /// <summary>Exercise 5.2 — a fresh ReLU layer.</summary>
    public static ILayer CreateRelu() => new ReluLayer();
}
