namespace DeepLearningKata.Exercises;

public static partial class Chapter1
{
    /// <summary>
    /// Exercise 1.3 — the derivative (gradient) of the sigmoid, for every element of <paramref name="x"/>.
    /// 练习 1.3 — 对 <paramref name="x"/> 的每个元素求 sigmoid 的导数（梯度）。
    /// </summary>
    /// <remarks>
    /// <code>
    /// Formula:  σ'(x) = σ(x) · (1 − σ(x)),   σ(x) = 1 / (1 + e^(−x))
    /// Shapes:   x (d₁, …, dₖ)  →  σ'(x) (d₁, …, dₖ)
    /// Example:  SigmoidDerivative([1, 2, 3])  =  [0.19661193, 0.10499359, 0.045176660]
    /// Hint:     σ'(x) is written with σ(x) itself: compute σ(x) once with Earlier.Sigmoid (your 1.2) and build
    ///           the derivative from it, element by element. Both factors use σ(x), not x, and mind the sign
    ///           inside the parentheses.
    /// 提示:     σ'(x) 可以用 σ(x) 本身写出来：先用 Earlier.Sigmoid（你的练习 1.2）算一次 σ(x)，
    ///           再用它逐元素构造导数。两个因子用的都是 σ(x) 而不是 x，也要注意括号里的符号。
    /// Grade it: ./run-checks.sh --exercise 1.3     (or: dotnet test --filter TestCategory=1.3)
    /// </code>
    /// </remarks>
    public static Tensor SigmoidDerivative(Tensor x)
    {
        // TODO: return the sigmoid's derivative at every element, in a tensor of x's shape, e.g. [0] -> [0.25].
        throw new NotImplementedException("Exercise 1.3 (SigmoidDerivative) is not started yet.");
    }
}
