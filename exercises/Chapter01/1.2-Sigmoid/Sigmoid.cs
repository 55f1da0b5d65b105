namespace DeepLearningKata.Exercises;

public static partial class Chapter1
{
    /// <summary>
    /// Exercise 1.2 — the sigmoid of every element of <paramref name="x"/>, a tensor of any shape.
    /// 练习 1.2 — 对任意形状的张量 <paramref name="x"/> 逐元素计算 sigmoid。
    /// </summary>
    /// <remarks>
    /// <code>
    /// Formula:  σ(x)[i] = 1 / (1 + e^(−x[i]))   ∀ i
    /// Shapes:   x (d₁, …, dₖ)  →  σ(x) (d₁, …, dₖ)
    /// Example:  Sigmoid([1, 2, 3])  =  [0.73105858, 0.88079708, 0.95257413]
    /// Hint:     The formula of 1.1, on a whole tensor at once, as in NumPy: Np.Exp applies e^v to every
    ///           element, and the arithmetic operators between a number and a tensor work element by element. So
    ///           the result keeps the shape of x by itself, whatever it is: (n), (m, n), (h, w, c), … No loop
    ///           needed.
    /// 提示:     和 1.1 同一个公式，只是像 NumPy 那样一次作用于整个张量：Np.Exp 对每个元素求 e^v，
    ///           数与张量之间的算术运算符也都是逐元素的。所以不管 x 是 (n)、(m, n) 还是 (h, w, c)，
    ///           结果的形状自然和 x 相同。不需要写循环。
    /// Grade it: ./run-checks.sh --exercise 1.2     (or: dotnet test --filter TestCategory=1.2)
    /// </code>
    /// </remarks>
    public static Tensor Sigmoid(Tensor x)
    {
        // TODO: return the sigmoid of every element, in a tensor of x's shape, e.g. [0, 3] -> [0.5, 0.95257413].
        throw new NotImplementedException("Exercise 1.2 (Sigmoid) is not started yet.");
    }
}
