namespace DeepLearningKata.Exercises;

public static partial class Chapter4
{
    /// <summary>
    /// Exercise 4.4 — the gradient of <paramref name="f"/> at <paramref name="x"/>: the partial derivative
    /// ∂f/∂x_i of every element, each by a central difference.
    /// 练习 4.4 — 求 <paramref name="f"/> 在 <paramref name="x"/> 处的梯度：每个元素的偏导数 ∂f/∂x_i，各用一次中心差分求出。
    /// </summary>
    /// <remarks>
    /// <code>
    /// Formula:  grad[i] = (f(x + h·eᵢ) − f(x − h·eᵢ)) / (2h),   h = 1e-4,   ∀ i
    /// Shapes:   f: Tensor → double,   x (d₁, …, dₘ)   →   grad (d₁, …, dₘ)
    /// Example:  f(x) = x0² + x1²:
    ///           NumericalGradient(f, [3, 4]) ≈ [6, 8],   [0, 2] → [0, 4],   [3, 0] → [6, 0]
    /// Hint:     x + h·eᵢ is x with element i alone moved by h. Nudge x itself, in place, one element at a time
    ///           (x.AsSpan() walks every element of any shape in order), and put each element back before moving
    ///           on — otherwise every later element is differentiated at the wrong point, and x is changed for
    ///           the caller. Don't nudge a copy: in 4.8, f ignores its argument and reads the nudged tensor
    ///           through the network.
    /// 提示:     x + h·eᵢ 表示只把第 i 个元素移动 h 后的 x。直接在原地微调 x 本身，一次一个元素（x.AsSpan() 会按
    ///           顺序遍历任意形状张量的每个元素），并且在处理下一个元素之前把它放回原值——否则后面的每个元素都会在
    ///           错误的点上求导，调用者的 x 也被改掉了。不要去微调一个副本：在 4.8 中，f 会忽略它的参数，
    ///           而是通过网络读取被微调的张量。
    /// Grade it: ./run-checks.sh --exercise 4.4     (or: dotnet test --filter TestCategory=4.4)
    /// </code>
    /// </remarks>
    public static Tensor NumericalGradient(Func<Tensor, double> f, Tensor x)
    {
        // TODO: return a new tensor of x's shape holding ∂f/∂x_i for every element; when you return,
        //       x must hold its original values again.
        throw new NotImplementedException("Exercise 4.4 (NumericalGradient) is not started yet.");
    }
}
