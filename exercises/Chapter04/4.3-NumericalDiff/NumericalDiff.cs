namespace DeepLearningKata.Exercises;

public static partial class Chapter4
{
    /// <summary>
    /// Exercise 4.3 — the derivative of <paramref name="f"/> at <paramref name="x"/> by numerical
    /// differentiation: the slope between two points a small step h either side of x.
    /// 练习 4.3 — 用数值微分求 <paramref name="f"/> 在 <paramref name="x"/> 处的导数：取 x 两侧各相距一小步 h 的两点，求它们之间的斜率。
    /// </summary>
    /// <remarks>
    /// <code>
    /// Formula:  f'(x) ≈ (f(x + h) − f(x − h)) / (2h),   h = 1e-4
    /// Shapes:   f: double → double,   x: double   →   f'(x): double
    /// Example:  f(x) = 0.01x² + 0.1x,    f'(x) = 0.02x + 0.1
    ///           NumericalDiff(f, 5)  = 0.1999999999990898   (f'(5) = 0.2)
    ///           NumericalDiff(f, 10) = 0.2999999999997449   (f'(10) = 0.3)
    /// Hint:     This is the central difference. Two classic mistakes from the book: h = 1e-50 is so
    ///           small that x + h == x in double precision (the answer becomes 0), and the forward
    ///           difference (f(x + h) − f(x)) / h is less accurate than the central one. Use h = 1e-4
    ///           and both sides of x.
    /// 提示:     这就是中心差分。书中提到两个典型错误：h = 1e-50 太小，在双精度下 x + h == x（结果
    ///           变成 0）；前向差分 (f(x + h) − f(x)) / h 不如中心差分精确。请用 h = 1e-4，并且
    ///           取 x 的两侧。
    /// Grade it: ./run-checks.sh --exercise 4.3     (or: dotnet test --filter TestCategory=4.3)
    /// </code>
    /// </remarks>
    public static double NumericalDiff(Func<double, double> f, double x)
    {
        // TODO: return the central-difference slope of f at x, with h = 1e-4 as the book fixes it, e.g. (f, 5) -> about 0.2.
        throw new NotImplementedException("Exercise 4.3 (NumericalDiff) is not started yet.");
    }
}
