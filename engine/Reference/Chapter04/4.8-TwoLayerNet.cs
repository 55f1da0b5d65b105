using DeepLearningKata.Contracts;

namespace DeepLearningKata.Reference;

public partial class Chapter4Reference
{
    /// <inheritdoc/>
    public virtual ITwoLayerNet CreateTwoLayerNet(int inputSize, int hiddenSize, int outputSize, Random random, double weightInitStd = 0.01) =>
        new TwoLayerNet(inputSize, hiddenSize, outputSize, random, weightInitStd);

    /// <summary>
    /// The book's chapter-4 two-layer network (<c>ch04/two_layer_net.py</c>): sigmoid hidden layer, softmax
    /// output, cross-entropy loss, and the gradient by numerical differentiation — slow, but obviously right.
    /// </summary>
    public class TwoLayerNet : ITwoLayerNet
    {
        private static readonly Chapter4Reference Functions = new();
        private readonly Dictionary<string, Tensor> _params;

        public TwoLayerNet(int inputSize, int hiddenSize, int outputSize, Random random, double weightInitStd = 0.01)
        {
            _params = new Dictionary<string, Tensor>
            {
                ["W1"] = weightInitStd * Tensor.RandomNormal(random, inputSize, hiddenSize),
                ["b1"] = Tensor.Zeros(hiddenSize),
                ["W2"] = weightInitStd * Tensor.RandomNormal(random, hiddenSize, outputSize),
                ["b2"] = Tensor.Zeros(outputSize),
            };
        }

        /// <inheritdoc/>
        public virtual IReadOnlyDictionary<string, Tensor> Params => _params;

        /// <summary>σ(x) = 1 / (1 + e^(−x)), element-wise.</summary>
        protected static Tensor Sigmoid(Tensor x) => 1.0 / (1.0 + Np.Exp(-x));

        /// <summary>Softmax of every row; subtracting the row's max keeps exp from overflowing.</summary>
        protected static Tensor Softmax(Tensor a)
        {
            var e = Np.Exp(a - a.Max(axis: 1, keepdims: true));
            return e / e.Sum(axis: 1, keepdims: true);
        }

        /// <inheritdoc/>
        public virtual Tensor Predict(Tensor x)
        {
            var a1 = Np.Dot(x, _params["W1"]) + _params["b1"];
            var z1 = Sigmoid(a1);
            var a2 = Np.Dot(z1, _params["W2"]) + _params["b2"];
            return Softmax(a2);
        }

        /// <inheritdoc/>
        public virtual double Loss(Tensor x, Tensor t) => Functions.CrossEntropyError(Predict(x), t);

        /// <inheritdoc/>
        public virtual double Accuracy(Tensor x, Tensor t)
        {
            var y = Predict(x).Argmax(axis: 1);
            var labels = t.Ndim == 2 ? t.Argmax(axis: 1) : t;
            return Np.Equal(y, labels).Sum() / x.Dim(0);
        }

        /// <inheritdoc/>
        public virtual IReadOnlyDictionary<string, Tensor> Gradient(Tensor x, Tensor t)
        {
            // The loss ignores its argument: NumericalGradient nudges each parameter tensor in place,
            // and the loss reads the nudged parameter through the network.
            double LossW(Tensor w) => Loss(x, t);
            return new Dictionary<string, Tensor>
            {
                ["W1"] = Functions.NumericalGradient(LossW, _params["W1"]),
                ["b1"] = Functions.NumericalGradient(LossW, _params["b1"]),
                ["W2"] = Functions.NumericalGradient(LossW, _params["W2"]),
                ["b2"] = Functions.NumericalGradient(LossW, _params["b2"]),
            };
        }
    }

    /// <summary>
    /// The same network with the gradient by backpropagation (the book's <c>gradient</c> method of
    /// <c>ch04/two_layer_net.py</c>): the fast network that 4.9's training loop is graded with.
    /// </summary>
    public class TwoLayerNetBackprop(int inputSize, int hiddenSize, int outputSize, Random random, double weightInitStd = 0.01)
        : TwoLayerNet(inputSize, hiddenSize, outputSize, random, weightInitStd)
    {
        /// <inheritdoc/>
        public override IReadOnlyDictionary<string, Tensor> Gradient(Tensor x, Tensor t)
        {
            var p = Params;
            var n = x.Dim(0);

            // forward
            var a1 = Np.Dot(x, p["W1"]) + p["b1"];
            var z1 = Sigmoid(a1);
            var a2 = Np.Dot(z1, p["W2"]) + p["b2"];
            var y = Softmax(a2);

            // backward: softmax with cross-entropy gives (y − t) / N
            var dy = (y - OneHot(t, y.Dim(1))) / n;
            var dW2 = Np.Dot(z1.T, dy);
            var db2 = dy.Sum(axis: 0);
            var dz1 = Np.Dot(dy, p["W2"].T);
            var da1 = z1 * (1.0 - z1) * dz1; // σ'(a) = σ(a)·(1 − σ(a))
            var dW1 = Np.Dot(x.T, da1);
            var db1 = da1.Sum(axis: 0);
            return new Dictionary<string, Tensor> { ["W1"] = dW1, ["b1"] = db1, ["W2"] = dW2, ["b2"] = db2 };
        }

        private static Tensor OneHot(Tensor t, int classes)
        {
            if (t.Ndim == 2) return t;
            var oneHot = Tensor.Zeros(t.Size, classes);
            for (var i = 0; i < t.Size; i++) oneHot[i, (int)t.AsSpan()[i]] = 1.0;
            return oneHot;
        }
    }
}
