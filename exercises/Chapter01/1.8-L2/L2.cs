namespace DeepLearningKata.Exercises;

public static partial class Chapter1
{
    /// <summary>
    /// Exercise 1.8 — the L2 loss: the sum of the squared differences between the predictions
    /// <paramref name="yhat"/> and the true labels <paramref name="y"/>.
    /// 练习 1.8 — L2 损失：预测值 <paramref name="yhat"/> 与真实标签 <paramref name="y"/> 之差的平方和。
    /// </summary>
    /// <remarks>
    /// <code>
    /// Formula:  L2(ŷ, y) = Σ_i (y[i] − ŷ[i])²
    /// Shapes:   yhat (m), y (m)  →  double;     yhat, y (d₁, …, dₖ)  →  double
    /// Example:  yhat = [0.9, 0.2, 0.1, 0.4, 0.9],  y = [1, 0, 0, 1, 1]
    ///           L2(yhat, y) = 0.01 + 0.04 + 0.01 + 0.36 + 0.01 = 0.43
    /// Hint:     It is a sum of squared differences, nothing more: no square root (that is what Np.Norm takes)
    ///           and no division by the number of elements (that is what Mean does). The dot product of the
    ///           difference with itself is the same sum.
    /// 提示:     这就是差的平方和，仅此而已：不开平方根（Np.Norm 会开），也不除以元素个数（Mean 会除）。
    ///           差与它自身的点积也是同一个和。
    /// Grade it: ./run-checks.sh --exercise 1.8     (or: dotnet test --filter TestCategory=1.8)
    /// </code>
    /// </remarks>
    public static double L2(Tensor yhat, Tensor y)
    {
        // TODO: return the L2 loss of yhat against y, e.g. ([0.4], [1]) -> 0.36.
        throw new NotImplementedException("Exercise 1.8 (L2) is not started yet.");
    }
}
