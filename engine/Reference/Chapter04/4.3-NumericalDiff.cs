namespace DeepLearningKata.Reference;

public partial class Chapter4Reference
{
    /// <summary>The step of 4.3 and 4.4: small, but not so small that f(x + h) − f(x − h) drowns in rounding.</summary>
    public const double DiffStep = 1e-4;

    /// <inheritdoc/>
    public virtual double NumericalDiff(Func<double, double> f, double x)
    {
        const double h = DiffStep;
        return (f(x + h) - f(x - h)) / (2 * h);
    }
}
