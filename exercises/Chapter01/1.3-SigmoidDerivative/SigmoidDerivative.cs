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
    /// Hint:     s = Earlier.Sigmoid(x) is your exercise 1.2; then s * (1 - s) works element by
    ///           element, as in NumPy. Use s, not x, inside the parentheses.
    /// 提示:     s = Earlier.Sigmoid(x) 就是你在练习 1.2 里写的函数；接着 s * (1 - s) 会像 NumPy
    ///           一样逐元素计算。括号里要用 s，而不是 x。
    /// Grade it: ./run-checks.sh --exercise 1.3     (or: dotnet test --filter Name~1.3)
    /// </code>
    /// </remarks>
    public static Tensor SigmoidDerivative(Tensor x)
    {
        // TODO: compute s = σ(x), then return s · (1 − s).
        throw new NotImplementedException("Exercise 1.3 (SigmoidDerivative) is not started yet.");
    }
}
