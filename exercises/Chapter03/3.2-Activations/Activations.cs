namespace DeepLearningKata.Exercises;

public static partial class Chapter3
{
    /// <summary>
    /// Exercise 3.2 — the sigmoid, a smooth step: it squeezes every element into (0, 1).
    /// 练习 3.2 — sigmoid，一个平滑的阶跃：把每个元素压缩到 (0, 1) 区间内。
    /// </summary>
    /// <remarks>
    /// <code>
    /// Formula:  σ(x)[i] = 1 / (1 + e^(−x[i]))
    /// Shapes:   x (d₁, …, dₖ)  →  σ(x) (d₁, …, dₖ)
    /// Example:  Sigmoid([-1.0, 1.0, 2.0])  =  [0.26894142, 0.73105858, 0.88079708]
    /// Hint:     The sigmoid of 1.2 again, element by element on a tensor. For x = −800, e^800 is +∞ and 1 over
    ///           (1 + ∞) is 0, the right limit; the form with e^x on top would give ∞/∞ = NaN. The checks plot
    ///           it on Tensor.Arange(-5.0, 5.0, 0.1) like the book's figure.
    /// 提示:     又是 1.2 的 sigmoid，在张量上逐元素计算。x = −800 时，e^800 是 +∞，1 除以 (1 + ∞) 等于 0，
    ///           正是应有的极限；而分子上是 e^x 的写法会得到 ∞/∞ = NaN。检查会像书中的图那样，
    ///           在 Tensor.Arange(-5.0, 5.0, 0.1) 上画出它。
    /// Grade it: ./run-checks.sh --exercise 3.2     (or: dotnet test --filter TestCategory=3.2)
    /// </code>
    /// </remarks>
    public static Tensor Sigmoid(Tensor x)
    {
        // TODO: return the sigmoid of every element, in a new tensor of x's shape, e.g. [0] -> [0.5].
        throw new NotImplementedException("Exercise 3.2 (Sigmoid) is not started yet.");
    }

    /// <summary>
    /// Exercise 3.2 — ReLU (rectified linear unit): passes positive elements through, turns the rest into 0.
    /// 练习 3.2 — ReLU（线性整流单元）：正的元素原样通过，其余变为 0。
    /// </summary>
    /// <remarks>
    /// <code>
    /// Formula:  relu(x)[i] = max(0, x[i])  =  x[i] if x[i] &gt; 0,  0 if x[i] ≤ 0
    /// Shapes:   x (d₁, …, dₖ)  →  relu(x) (d₁, …, dₖ)
    /// Example:  Relu([-2.0, 0.0, 0.5, 3.0])  =  [0, 0, 0.5, 3]
    /// Hint:     max(0, x) for every element, as np.maximum does: Np.Maximum compares element by element, while
    ///           Np.Max gives the largest element of all. Return a new tensor; writing zeros into x would change
    ///           the caller's data. The checks plot it on Tensor.Arange(-6.0, 6.0, 0.1) like the book's figure.
    /// 提示:     对每个元素取 max(0, x)，就像 np.maximum：Np.Maximum 逐元素比较，而 Np.Max 给出的是全部元素中最大
    ///           的那个。返回一个新张量；往 x 里写 0 会改动调用者的数据。检查会像书中的图那样，
    ///           在 Tensor.Arange(-6.0, 6.0, 0.1) 上画出它。
    /// </code>
    /// </remarks>
    public static Tensor Relu(Tensor x)
    {
        // TODO: return a new tensor of x's shape: positive elements kept, the others 0; x stays as it is.
        throw new NotImplementedException("Exercise 3.2 (Relu) is not started yet.");
    }

    /// <summary>
    /// Exercise 3.2 — the identity function, the output layer's activation for regression: y = x.
    /// 练习 3.2 — 恒等函数，回归问题中输出层的激活函数：y = x。
    /// </summary>
    /// <remarks>
    /// <code>
    /// Formula:  identity(x) = x
    /// Shapes:   x (d₁, …, dₖ)  →  identity(x) (d₁, …, dₖ)
    /// Example:  Identity([[0.3, -1.5], [2.0, 0.0]])  =  [[0.3, -1.5], [2.0, 0.0]]
    /// Hint:     the shortest exercise of the kata: the same values in the same shape. It exists so
    ///           that every layer of 3.4's network ends in an activation, the last one included.
    /// 提示:     这是整套 kata 中最短的一道练习：值和形状都原样返回。有了它，3.4 的网络中每一层（包括
    ///           最后一层）都以一个激活函数结尾。
    /// </code>
    /// </remarks>
    public static Tensor Identity(Tensor x)
    {
        // TODO: return the same values in the same shape.
        throw new NotImplementedException("Exercise 3.2 (Identity) is not started yet.");
    }
}
