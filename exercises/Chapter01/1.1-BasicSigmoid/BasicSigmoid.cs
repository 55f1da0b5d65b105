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
    /// Hint:     Math.Exp gives e to a power. Keep the minus sign in e^(−x). The result lies strictly between 0
    ///           and 1. For x = −800, e^(800) is +∞ in double precision and 1 over (1 + ∞) is 0, which is fine;
    ///           but a form that divides ∞ by ∞ (the one with e^x on top, for a large x) gives NaN. Write the
    ///           formula as it stands.
    /// 提示:     Math.Exp 用来求 e 的幂。别丢掉 e^(−x) 里的负号。结果严格介于 0 和 1 之间。x = −800 时，
    ///           e^(800) 在双精度下是 +∞，1 除以 (1 + ∞) 得 0，这没有问题；但如果写法要拿 ∞ 去除以 ∞（分子上是
    ///           e^x 的那种写法，x 很大时），结果就是 NaN。照公式原样写即可。
    /// Grade it: ./run-checks.sh --exercise 1.1     (or: dotnet test --filter TestCategory=1.1)
    /// </code>
    /// </remarks>
    public static double BasicSigmoid(double x)
    {
        // TODO: return the sigmoid of x (the Formula above), e.g. 0 -> 0.5, 3 -> 0.95257413.
        throw new NotImplementedException("Exercise 1.1 (BasicSigmoid) is not started yet.");
    }
}
