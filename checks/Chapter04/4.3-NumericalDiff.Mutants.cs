using DeepLearningKata.Reference;

namespace DeepLearningKata.Checks.Chapter04;

[Mutant("4.3", "the forward difference (f(x + h) − f(x)) / h")]
internal sealed class NumericalDiffForward : Chapter4Reference
{
    public override double NumericalDiff(Func<double, double> f, double x) => (f(x + 1e-4) - f(x)) / 1e-4;
}

[Mutant("4.3", "h = 1e-50: x + h rounds to x, so the difference is 0")]
internal sealed class NumericalDiffTinyStep : Chapter4Reference
{
    public override double NumericalDiff(Func<double, double> f, double x)
    {
        const double h = 1e-50;
        return (f(x + h) - f(x - h)) / (2 * h);
    }
}

[Mutant("4.3", "(f(x + h) − f(x − h)) / h: the 2 forgotten")]
internal sealed class NumericalDiffNoTwo : Chapter4Reference
{
    public override double NumericalDiff(Func<double, double> f, double x) => (f(x + 1e-4) - f(x - 1e-4)) / 1e-4;
}

[Mutant("4.3", "h = 1e-2: a central difference, but with a step far too coarse")]
internal sealed class NumericalDiffCoarseStep : Chapter4Reference
{
    public override double NumericalDiff(Func<double, double> f, double x) => (f(x + 1e-2) - f(x - 1e-2)) / 2e-2;
}
