using DeepLearningKata.Contracts;
using DeepLearningKata.Reference;

namespace DeepLearningKata.Checks.Chapter05;

[Alternative("5.5", "loops per row, with labels turned into one-hot rows first and the gradient written element by element")]
internal sealed class SoftmaxWithLossLoops : Chapter5Reference
{
    public override ILossLayer CreateSoftmaxWithLoss() => new Layer();

    private sealed class Layer : ILossLayer
    {
        private double[,]? _y;
        private double[,]? _t;

        public double Forward(Tensor x, Tensor t)
        {
            int n = x.Dim(0), classes = x.Dim(1);
            _y = new double[n, classes];
            _t = new double[n, classes];
            var loss = 0.0;
            for (var i = 0; i < n; i++)
            {
                var max = double.NegativeInfinity;
                for (var j = 0; j < classes; j++) max = Math.Max(max, x[i, j]);
                var sum = 0.0;
                for (var j = 0; j < classes; j++) sum += Math.Exp(x[i, j] - max);
                for (var j = 0; j < classes; j++)
                {
                    _y[i, j] = Math.Exp(x[i, j] - max) / sum;
                    _t[i, j] = t.Ndim == 1 ? ((int)t[i] == j ? 1 : 0) : t[i, j];
                    if (_t[i, j] != 0) loss -= _t[i, j] * Math.Log(_y[i, j] + 1e-7);
                }
            }
            return loss / n;
        }

        public Tensor Backward(double dout = 1)
        {
            int n = _y!.GetLength(0), classes = _y.GetLength(1);
            var dx = Tensor.Zeros(n, classes);
            for (var i = 0; i < n; i++)
            {
                for (var j = 0; j < classes; j++) dx[i, j] = dout * (_y[i, j] - _t![i, j]) / n;
            }
            return dx;
        }
    }
}
