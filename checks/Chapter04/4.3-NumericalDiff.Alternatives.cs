using DeepLearningKata.Reference;

namespace DeepLearningKata.Checks.Chapter04;

[Alternative("4.3", "0.5·(f(x + h) − f(x − h)) / h, with the two points named first")]
internal sealed class NumericalDiffHalf : Chapter4Reference
{
    public override double NumericalDiff(Func<double, double> f, double x)
    {
        var h = 0.0001;
        var right = f(x + h);
        var left = f(x - h);
        return 0.5 * (right - left) / h;
    }
}

[Alternative("4.3", "the mean of the forward and the backward slope, which is the central difference")]
internal sealed class NumericalDiffMeanOfSlopes : Chapter4Reference
{
    public override double NumericalDiff(Func<double, double> f, double x)
    {
        const double h = 1e-4;
        var fx = f(x);
        var forward = (f(x + h) - fx) / h;
        var backward = (fx - f(x - h)) / h;
        return (forward + backward) / 2;
    }
}
