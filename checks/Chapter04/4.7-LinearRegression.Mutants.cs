using DeepLearningKata.Contracts;
using DeepLearningKata.Reference;

namespace DeepLearningKata.Checks.Chapter04;

[Mutant("4.7", "w += lr·dw: a step up the loss")]
internal sealed class LinearRegressionAscent : Chapter4Reference
{
    public override LinearFit LinearRegression(Tensor x, Tensor y, double lr, int steps) => base.LinearRegression(x, y, -lr, steps);
}

[Mutant("4.7", "gradients summed over the samples, not divided by m")]
internal sealed class LinearRegressionNoMean : Chapter4Reference
{
    public override LinearFit LinearRegression(Tensor x, Tensor y, double lr, int steps)
    {
        var fit = base.LinearRegression(x, y, lr * x.Dim(0), steps); // the same as forgetting the 1/m
        return fit;
    }
}

[Mutant("4.7", "the intercept b never learnt")]
internal sealed class LinearRegressionNoBias : Chapter4Reference
{
    public override LinearFit LinearRegression(Tensor x, Tensor y, double lr, int steps)
    {
        var m = x.Dim(0);
        var w = Tensor.Zeros(x.Dim(1));
        var losses = Tensor.Zeros(steps + 1);
        for (var k = 0; k <= steps; k++)
        {
            var error = Np.Dot(x, w) - y;
            losses[k] = (error * error).Sum() / (2 * m);
            if (k < steps) w = w - lr * Np.Dot(x.T, error) / m;
        }
        return new LinearFit(w, 0.0, losses);
    }
}

[Mutant("4.7", "J = Σ(ŷ − y)²/m: the ½ of the loss forgotten")]
internal sealed class LinearRegressionLossNoHalf : Chapter4Reference
{
    public override LinearFit LinearRegression(Tensor x, Tensor y, double lr, int steps)
    {
        var fit = base.LinearRegression(x, y, lr, steps);
        return fit with { Losses = fit.Losses * 2 };
    }
}

[Mutant("4.7", "the loss recorded only after each step: steps values, no J(0, 0)")]
internal sealed class LinearRegressionNoInitialLoss : Chapter4Reference
{
    public override LinearFit LinearRegression(Tensor x, Tensor y, double lr, int steps)
    {
        var fit = base.LinearRegression(x, y, lr, steps);
        return fit with { Losses = fit.Losses.Rows(Enumerable.Range(1, steps).ToArray()) };
    }
}

[Mutant("4.7", "db computed from the error after w was already updated")]
internal sealed class LinearRegressionStaleError : Chapter4Reference
{
    public override LinearFit LinearRegression(Tensor x, Tensor y, double lr, int steps)
    {
        var m = x.Dim(0);
        var w = Tensor.Zeros(x.Dim(1));
        var b = 0.0;
        var losses = Tensor.Zeros(steps + 1);
        for (var k = 0; k <= steps; k++)
        {
            var error = Np.Dot(x, w) + b - y;
            losses[k] = (error * error).Sum() / (2 * m);
            if (k == steps) break;
            w = w - lr * Np.Dot(x.T, error) / m;
            b -= lr * (Np.Dot(x, w) + b - y).Sum() / m;
        }
        return new LinearFit(w, b, losses);
    }
}

[Mutant("4.7", "the error written into y's own storage (y is reused as a buffer), changing the caller's targets")]
internal sealed class LinearRegressionOverwritesY : Chapter4Reference
{
    public override LinearFit LinearRegression(Tensor x, Tensor y, double lr, int steps)
    {
        var fit = base.LinearRegression(x, y, lr, steps);
        y.Assign(Np.Dot(x, fit.W) + fit.B - y); // "saves memory": the last error kept in y
        return fit;
    }
}
