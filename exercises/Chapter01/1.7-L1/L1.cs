namespace DeepLearningKata.Exercises;

public static partial class Chapter1
{
    /// <summary>
    /// Exercise 1.7 — the L1 loss: how far the predictions <paramref name="yhat"/> are from the true
    /// labels <paramref name="y"/>, as the sum of the absolute differences.
    /// 练习 1.7 — L1 损失：用差的绝对值之和来衡量预测值 <paramref name="yhat"/> 与真实标签 <paramref name="y"/> 相差多远。
    /// </summary>
    /// <remarks>
    /// <code>
    /// Formula:  L1(ŷ, y) = Σ_i |y[i] − ŷ[i]|
    /// Shapes:   yhat (m), y (m)  →  double;     yhat, y (d₁, …, dₖ)  →  double
    /// Example:  yhat = [0.9, 0.2, 0.1, 0.4, 0.9],  y = [1, 0, 0, 1, 1]
    ///           L1(yhat, y) = 0.1 + 0.2 + 0.1 + 0.6 + 0.1 = 1.1
    /// Hint:     A sum of absolute differences over all elements: Np.Abs and Sum are there. Without the absolute
    ///           value, errors of opposite signs cancel out; and it is a sum, not a mean.
    /// 提示:     对所有元素的差的绝对值求和：Np.Abs 和 Sum 都现成可用。如果不取绝对值，符号相反的误差就会互相抵消；
    ///           而且要的是和，不是平均值。
    /// Grade it: ./run-checks.sh --exercise 1.7     (or: dotnet test --filter TestCategory=1.7)
    /// </code>
    /// </remarks>
    public static double L1(Tensor yhat, Tensor y)
    {
        // TODO: return the L1 loss of yhat against y, e.g. ([0.9, 0.2], [1, 0]) -> 0.3.
        throw new NotImplementedException("Exercise 1.7 (L1) is not started yet.");
    }
}
