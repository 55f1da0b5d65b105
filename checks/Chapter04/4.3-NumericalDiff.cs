using DeepLearningKata.Contracts;

namespace DeepLearningKata.Checks.Chapter04;

[Exercise("4.3", "NumericalDiff")]
public sealed class NumericalDiffChecks
{
    private const double H = 1e-4;

    private static string Hint => Say("the central difference with h = 1e-4: look at both sides of x and divide by the distance between them, 2h. A " +
                                "forward difference (one side) is off by about h·f''(x)/2; h = 1e-50 vanishes next to x and gives 0. More: " +
                                "./run-checks.sh --hint 4.3", "h = 1e-4 的中心差分：看 x 两侧的值，再除以两点之间的距离 2h。前向差分（只看一侧）大约差 h·f''(x)/2；h = 1e-50 与 x 相比小到消失，结果是 0。更多：./run-checks.sh --hint 4.3 --lang zh");

    /// <summary>The checks' own central difference: the value the exercise defines.</summary>
    private static double Central(Func<double, double> f, double x) => (f(x + H) - f(x - H)) / (2 * H);

    private static double Book(double x) => 0.01 * x * x + 0.1 * x;

    [Check("gives the book's worked example: f(x) = 0.01x² + 0.1x at 5 and 10",
           "给出书中例子的结果：f(x) = 0.01x² + 0.1x 在 5 和 10 处")]
    public void WorkedExample(IChapter4 c)
    {
        foreach (var x in new[] { 5.0, 10.0 })
        {
            Expect.Close(c.NumericalDiff(Book, x), Central(Book, x), $"NumericalDiff(f, {x})", Tolerance.Value,
                [("f(x)", "0.01x² + 0.1x"), ("x", Tensor.FormatNumber(x))], Hint);
        }
    }

    [Check("is the central difference with h = 1e-4 for random cubics",
           "对随机三次函数是 h = 1e-4 的中心差分")]
    public void CentralDifferenceOfCubics(IChapter4 c) =>
        // |f| ≤ 15 here, so another order of the same arithmetic differs by at most ε·|f|/h ≈ 3e-11: inside Tolerance.Value.
        Properties.ForAll("4.3 central difference", Cases.Cubic(), p =>
            Expect.Close(c.NumericalDiff(p.F, p.X), Central(p.F, p.X), "NumericalDiff(f, x)", Tolerance.Value,
                [(Say("f and x", "f 和 x"), p.ToString())], Hint), Cases.ShrinkCubic);

    [Check("is close to the true derivative of random cubics",
           "接近随机三次函数的真实导数")]
    public void CloseToTrueDerivative(IChapter4 c) =>
        // With h = 1e-4 the central difference of a cubic is off by exactly a3·h² ≤ 1e-8: inside Tolerance.Gradient.
        Properties.ForAll("4.3 derivative", Cases.Cubic(), p =>
            Expect.Close(c.NumericalDiff(p.F, p.X), p.Derivative(p.X), "NumericalDiff(f, x)", Tolerance.Gradient,
                [(Say("f and x", "f 和 x"), p.ToString())], Hint), Cases.ShrinkCubic);

    [Check("is close to the derivative of sin, exp and log",
           "接近 sin、exp 和 log 的导数")]
    public void SmoothFunctions(IChapter4 c)
    {
        (string Name, Func<double, double> F, Func<double, double> D, double X)[] cases =
        [
            ("sin(x)", Math.Sin, Math.Cos, 0.7),
            ("exp(x)", Math.Exp, Math.Exp, 1.3),
            ("log(x)", Math.Log, x => 1 / x, 2.0),
            ("sin(3x)", x => Math.Sin(3 * x), x => 3 * Math.Cos(3 * x), -0.4),
        ];
        foreach (var (name, f, d, x) in cases)
        {
            Expect.Close(c.NumericalDiff(f, x), d(x), $"NumericalDiff({name}, {Tensor.FormatNumber(x)})", Tolerance.Gradient,
                [("f(x)", name), ("x", Tensor.FormatNumber(x))], Hint);
        }
    }

    [Check("is symmetric: the slope of |x| at 0 is 0",
           "满足对称性：|x| 在 0 处的斜率为 0")]
    public void SymmetricAtAKink(IChapter4 c) =>
        Expect.Close(c.NumericalDiff(Math.Abs, 0.0), 0.0, "NumericalDiff(|x|, 0)", Tolerance.Value, [("f(x)", "|x|"), ("x", "0")],
            Say("the central difference looks the same distance to both sides of x, so for |x| at 0 the two slopes cancel. " +
            "A one-sided difference gives ±1 here.", "中心差分向 x 两侧看同样远，所以对 |x| 在 0 处两个斜率相互抵消。单侧差分在这里给出 ±1。"));

    [Check("reproduces the golden examples",
           "重现黄金文件中的例子")]
    public void GoldenExamples(IChapter4 c)
    {
        var xs = Tensor.Arange(-2, 2.5, 0.5);
        Golden.Verify("examples", new GoldenRecord
        {
            { "x", xs },
            { "NumericalDiff(0.01x² + 0.1x, x)", xs.Apply(x => c.NumericalDiff(Book, x)) },
            { "NumericalDiff(sin, x)", xs.Apply(x => c.NumericalDiff(Math.Sin, x)) },
            { "NumericalDiff(x³, x)", xs.Apply(x => c.NumericalDiff(v => v * v * v, x)) },
        }, Tolerance.Value, Hint);
    }
}
