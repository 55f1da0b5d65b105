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
    /// Hint:     Np.Abs(y - yhat) takes |·| of every difference, .Sum() (or Np.Sum) adds them all up.
    ///           Without the absolute value, errors of opposite signs cancel out.
    /// 提示:     Np.Abs(y - yhat) 对每个差取绝对值，.Sum()（或 Np.Sum）把它们全部加起来。
    ///           如果不取绝对值，符号相反的误差就会互相抵消。
    /// Grade it: ./run-checks.sh --exercise 1.7     (or: dotnet test --filter Name~1.7)
    /// </code>
    /// </remarks>
    public static double L1(Tensor yhat, Tensor y)
    {
        // TODO: return the sum of |y − yhat| over all elements, e.g. ([0.9], [1]) -> 0.1.
        throw new NotImplementedException("Exercise 1.7 (L1) is not started yet.");
    }
}
