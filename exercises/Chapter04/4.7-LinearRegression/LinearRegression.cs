using DeepLearningKata.Contracts;

namespace DeepLearningKata.Exercises;

public static partial class Chapter4
{
    /// <summary>
    /// Exercise 4.7 — linear regression learnt by gradient descent: find w and b so that x·w + b is as close
    /// as possible (in squared error) to y.
    /// 练习 4.7 — 用梯度下降学习线性回归：找出 w 和 b，使 x·w + b 与 y 尽可能接近（以平方误差衡量）。
    /// </summary>
    /// <remarks>
    /// <code>
    /// Formula:  ŷ = x·w + b,    J(w, b) = (1/2m) · Σ (ŷ − y)²
    ///           ∂J/∂w = (1/m) · xᵀ(ŷ − y),    ∂J/∂b = (1/m) · Σ (ŷ − y)
    ///           w ← w − lr·∂J/∂w,   b ← b − lr·∂J/∂b,     w₀ = 0,  b₀ = 0
    /// Shapes:   x (m, d), y (m,)  →  LinearFit(W (d,), B, Losses (steps + 1,))
    ///           Losses[k] = J(w_k, b_k),   k = 0 … steps
    /// Example:  x = [[0], [1], [2], [3]],  y = [1, 3, 5, 7]   (y = 2x + 1)
    ///           LinearRegression(x, y, lr: 0.1, steps: 1000)  →  W ≈ [2],  B ≈ 1
    ///           Losses[0] = 84/8 = 10.5,  Losses[1] = 3.529375,  Losses[2] = 1.1865109,  …  → 0
    /// Hint:     Start at w = 0, b = 0. Losses[0] is J before the first step, Losses[k] J after k steps, and the
    ///           losses fall towards 0. The seed writes the step as w = w + (1/m)·Σ(y − ŷ)·x: the same step.
    ///           Compute the error ŷ − y of all samples at once with one matrix product; ∂J/∂w needs the
    ///           transpose of x. Compute both gradients from the same error before changing w or b. Record J
    ///           before each step and once more at the end.
    /// 提示:     从 w = 0、b = 0 开始。Losses[0] 是第一步之前的 J，Losses[k] 是走了 k 步之后的 J，
    ///           损失会逐渐降向 0。原始笔记把这一步写成 w = w + (1/m)·Σ(y − ŷ)·x：其实是同一步。
    ///           用一次矩阵乘法算出所有样本的误差 ŷ − y；∂J/∂w 要用到 x 的转置。两个梯度都要用同一个误差算出来，
    ///           再去修改 w 或 b。每一步之前记录一次 J，最后再记录一次。
    /// Grade it: ./run-checks.sh --exercise 4.7     (or: dotnet test --filter TestCategory=4.7)
    /// </code>
    /// </remarks>
    public static LinearFit LinearRegression(Tensor x, Tensor y, double lr, int steps)
    {
        // TODO: return a LinearFit of the final w and b and the steps + 1 losses, starting from w = 0 and b = 0.
        throw new NotImplementedException("Exercise 4.7 (LinearRegression) is not started yet.");
    }
}
