namespace DeepLearningKata.Exercises;

public static partial class Chapter3
{
    /// <summary>
    /// Exercise 3.1 — the step function, the perceptron's activation: 1 where an element is above 0,
    /// 0 elsewhere.
    /// 练习 3.1 — 阶跃函数，即感知机的激活函数：元素大于 0 的地方为 1，其余为 0。
    /// </summary>
    /// <remarks>
    /// <code>
    /// Formula:  h(x)[i] = 1  if x[i] &gt; 0,    h(x)[i] = 0  if x[i] ≤ 0
    /// Shapes:   x (d₁, …, dₖ)  →  h(x) (d₁, …, dₖ),   h(x)[i] ∈ {0.0, 1.0}
    /// Example:  StepFunction([-1.0, 0.0, 1.0, 2.0])  =  [0, 0, 1, 1]
    /// Hint:     Comparing a Tensor with a number is element-wise here, as in NumPy: it gives a tensor of 0.0
    ///           and 1.0 with the shape of x. At exactly 0 the answer is 0, so mind which comparison you use. Do
    ///           not write into x itself. The checks plot your step function on Tensor.Arange(-5.0, 5.0, 0.1)
    ///           and compare it with the book's figure (your plot goes to .kata/plots/).
    /// 提示:     在这里，Tensor 与一个数的比较是逐元素的，和 NumPy 一样：结果是由 0.0 和 1.0 组成、
    ///           形状与 x 相同的张量。恰好为 0 时结果是 0，所以要想清楚用哪种比较。不要改写 x 本身。
    ///           检查会在 Tensor.Arange(-5.0, 5.0, 0.1) 上画出你的阶跃函数，并与书中的图比较（你的图保存在
    ///           .kata/plots/）。
    /// Grade it: ./run-checks.sh --exercise 3.1     (or: dotnet test --filter TestCategory=3.1)
    /// </code>
    /// </remarks>
    public static Tensor StepFunction(Tensor x)
    {
        // TODO: return a new tensor of x's shape: 1 where an element is positive, 0 elsewhere; x stays as it is.
        throw new NotImplementedException("Exercise 3.1 (StepFunction) is not started yet.");
    }
}
