using DeepLearningKata.Contracts;
using DeepLearningKata.Reference;

namespace DeepLearningKata.Checks.Chapter04;

[Alternative("4.7", "the seed's form w = w + (1/m)·Σ(y − ŷ)·x, written with loops")]
internal sealed class LinearRegressionSeedForm : Chapter4Reference
{
    public override LinearFit LinearRegression(Tensor x, Tensor y, double lr, int steps)
    {
        int m = x.Dim(0), d = x.Dim(1);
        var w = new double[d];
        var b = 0.0;
        var losses = new double[steps + 1];
        for (var k = 0; k <= steps; k++)
        {
            var residual = new double[m]; // y − ŷ
            for (var i = 0; i < m; i++)
            {
                var yhat = b;
                for (var j = 0; j < d; j++) yhat += w[j] * x[i, j];
                residual[i] = y[i] - yhat;
                losses[k] += 0.5 * residual[i] * residual[i];
            }
            losses[k] /= m;
            if (k == steps) break;
            for (var j = 0; j < d; j++)
            {
                var g = 0.0;
                for (var i = 0; i < m; i++) g += residual[i] * x[i, j];
                w[j] += lr * g / m;
            }
            b += lr * residual.Sum() / m;
        }
        return new LinearFit(new Tensor(w, d), b, new Tensor(losses, steps + 1));
    }
}

[Alternative("4.7", "one parameter vector θ = [w, b] and a column of ones appended to x")]
internal sealed class LinearRegressionAugmented : Chapter4Reference
{
    public override LinearFit LinearRegression(Tensor x, Tensor y, double lr, int steps)
    {
        int m = x.Dim(0), d = x.Dim(1);
        var a = Tensor.Ones(m, d + 1);
        for (var i = 0; i < m; i++) for (var j = 0; j < d; j++) a[i, j] = x[i, j];
        var theta = Tensor.Zeros(d + 1);
        var losses = new List<double>();
        for (var k = 0; ; k++)
        {
            var error = Np.Dot(a, theta) - y;
            losses.Add(Np.Dot(error, error).Item() / (2 * m));
            if (k == steps) break;
            theta = theta - lr / m * Np.Dot(a.T, error);
        }
        return new LinearFit(theta.Rows(Enumerable.Range(0, d).ToArray()), theta[d], Tensor.From([.. losses]));
    }
}
