using DeepLearningKata.Contracts;
using DeepLearningKata.Reference;

namespace DeepLearningKata.Checks.Chapter06;

[Alternative("6.3", "backward by the compact formula dx = (N·dx̂ − Σdx̂ − x̂·Σ(dx̂·x̂)) / (N·σ) instead of the book's step-by-step graph")]
internal sealed class BatchNormCompactBackward : Chapter6Reference
{
    public override ILayer CreateBatchNormalization(Tensor gamma, Tensor beta, double momentum = 0.9) => new Layer(gamma, beta, momentum);

    private sealed class Layer(Tensor gamma, Tensor beta, double momentum) : BatchNormalization(gamma, beta, momentum)
    {
        protected override Tensor BackwardX(Tensor dout)
        {
            var dxn = gamma * dout;
            var n = (double)batchSize;
            return (n * dxn - dxn.Sum(axis: 0) - xn! * (dxn * xn!).Sum(axis: 0)) / (n * std!);
        }
    }
}

[Alternative("6.3", "a layer of its own with loops over rows and columns, keeping x̂ and 1/σ per column")]
internal sealed class BatchNormLoops : Chapter6Reference
{
    public override ILayer CreateBatchNormalization(Tensor gamma, Tensor beta, double momentum = 0.9) => new Layer(gamma, beta, momentum);

    private sealed class Layer(Tensor gamma, Tensor beta, double momentum) : ILayer
    {
        private double[]? _mean;
        private double[]? _var;
        private double[]? _invStd;
        private Tensor? _xhat;
        private int[]? _shape;
        private Tensor? _dgamma;
        private Tensor? _dbeta;

        public Tensor Forward(Tensor x, bool train = true)
        {
            _shape = x.Shape;
            int n = x.Dim(0), d = x.Size / n;
            var xs = x.AsSpan();
            _mean ??= new double[d];
            _var ??= new double[d];
            var y = new double[n * d];
            var xhat = new double[n * d];
            var invStd = new double[d];
            for (var j = 0; j < d; j++)
            {
                double mean, variance;
                if (train)
                {
                    mean = 0;
                    for (var i = 0; i < n; i++) mean += xs[i * d + j];
                    mean /= n;
                    variance = 0;
                    for (var i = 0; i < n; i++) variance += (xs[i * d + j] - mean) * (xs[i * d + j] - mean);
                    variance /= n;
                    _mean[j] = momentum * _mean[j] + (1 - momentum) * mean;
                    _var[j] = momentum * _var[j] + (1 - momentum) * variance;
                }
                else
                {
                    mean = _mean[j];
                    variance = _var[j];
                }
                invStd[j] = 1 / Math.Sqrt(variance + 1e-6);
                for (var i = 0; i < n; i++)
                {
                    xhat[i * d + j] = (xs[i * d + j] - mean) * invStd[j];
                    y[i * d + j] = gamma[j] * xhat[i * d + j] + beta[j];
                }
            }
            if (train)
            {
                _invStd = invStd;
                _xhat = new Tensor(xhat, n, d);
            }
            return new Tensor(y, _shape);
        }

        public Tensor Backward(Tensor dout)
        {
            var xhat = _xhat!;
            int n = xhat.Dim(0), d = xhat.Dim(1);
            var g = dout.AsSpan();
            var dx = new double[n * d];
            _dgamma = Tensor.Zeros(d);
            _dbeta = Tensor.Zeros(d);
            for (var j = 0; j < d; j++)
            {
                double sum = 0, sumXhat = 0;
                for (var i = 0; i < n; i++)
                {
                    var dxhat = gamma[j] * g[i * d + j];
                    sum += dxhat;
                    sumXhat += dxhat * xhat[i, j];
                    _dbeta[j] += g[i * d + j];
                    _dgamma[j] += g[i * d + j] * xhat[i, j];
                }
                for (var i = 0; i < n; i++)
                {
                    dx[i * d + j] = _invStd![j] / n * (n * gamma[j] * g[i * d + j] - sum - xhat[i, j] * sumXhat);
                }
            }
            return new Tensor(dx, _shape!);
        }

        public IReadOnlyDictionary<string, Tensor> Params { get; } = new Dictionary<string, Tensor> { ["gamma"] = gamma, ["beta"] = beta };

        public IReadOnlyDictionary<string, Tensor> Grads =>
            _dgamma is null ? new Dictionary<string, Tensor>() : new Dictionary<string, Tensor> { ["gamma"] = _dgamma, ["beta"] = _dbeta! };
    }
}
