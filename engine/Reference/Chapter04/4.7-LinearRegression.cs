using DeepLearningKata.Contracts;

namespace DeepLearningKata.Reference;

public partial class Chapter4Reference
{
    /// <inheritdoc/>
    public virtual LinearFit LinearRegression(Tensor x, Tensor y, double lr, int steps)
    {
        var m = x.Dim(0);
        var w = Tensor.Zeros(x.Dim(1));
        var b = 0.0;
        var losses = Tensor.Zeros(steps + 1);
        for (var k = 0; k <= steps; k++)
        {
            var error = Np.Dot(x, w) + b - y;          // ŷ − y, (m,)
            losses[k] = (error * error).Sum() / (2 * m);
            if (k == steps) break;
            var dw = Np.Dot(x.T, error) / m;          // ∂J/∂w = (1/m)·xᵀ(ŷ − y)
            var db = error.Sum() / m;                 // ∂J/∂b = (1/m)·Σ(ŷ − y)
            w = w - lr * dw;
            b -= lr * db;
        }
        return new LinearFit(w, b, losses);
    }
}
