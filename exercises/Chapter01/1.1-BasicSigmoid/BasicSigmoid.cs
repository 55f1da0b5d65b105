namespace DeepLearningKata.Exercises;

public static partial class Chapter1
{
    /// <summary>
    /// Exercise 1.1 — the sigmoid (logistic) function of one number.
    /// 练习 1.1 — 计算一个数的 sigmoid（logistic）函数值。
    /// </summary>
    /// <remarks>
    /// <code>
    /// Formula:  σ(x) = 1 / (1 + e^(−x))
    /// Shapes:   double  →  double ∈ (0, 1)
    /// Example:  BasicSigmoid(3) = 0.95257413,   BasicSigmoid(0) = 0.5
    /// Hint:     Math.Exp(v) is e^v. Keep the minus sign in e^(−x). The result lies strictly between
    ///           0 and 1. For x = −800, e^(800) is +∞ in double precision and 1 / (1 + ∞) = 0, which is
    ///           fine; but a formula that divides ∞ by ∞ (e^x / (1 + e^x) with a large x) gives NaN.
    /// 提示:     Math.Exp(v) 就是 e^v。别丢掉 e^(−x) 里的负号。结果严格介于 0 和 1 之间。
    ///           x = −800 时，e^(800) 在双精度下是 +∞，而 1 / (1 + ∞) = 0，这没有问题；但如果公式
    ///           要拿 ∞ 去除以 ∞（例如 x 很大时的 e^x / (1 + e^x)），结果就会是 NaN。
    /// Grade it: ./run-checks.sh --exercise 1.1     (or: dotnet test --filter Name~1.1)
    /// </code>
    /// </remarks>
    public static double BasicSigmoid(double x)
    {
        // TODO: return 1 / (1 + e^(−x)); e.g. 0 -> 0.5, 3 -> 0.95257413.
        throw new NotImplementedException("Exercise 1.1 (BasicSigmoid) is not started yet.");
    }
}
