using DeepLearningKata.Contracts;
using DeepLearningKata.Reference;

namespace DeepLearningKata.Checks.Chapter05;

[Alternative("5.6", "no layer objects: the forward and backward passes written out as matrix formulas, with one-hot targets built by a loop")]
internal sealed class NetByFormulas : Chapter5Reference
{
    public override ITwoLayerNet CreateTwoLayerNet(int inputSize, int hiddenSize, int outputSize, Random random, double weightInitStd = 0.01) =>
        new Net(inputSize, hiddenSize, outputSize, random, weightInitStd);

    private sealed class Net : ITwoLayerNet
    {
        private readonly Dictionary<string, Tensor> _p;

        public Net(int inputSize, int hiddenSize, int outputSize, Random random, double std)
        {
            var w1 = Tensor.RandomNormal(random, inputSize, hiddenSize) * std;
            var w2 = Tensor.RandomNormal(random, hiddenSize, outputSize) * std;
            _p = new() { ["W1"] = w1, ["b1"] = Tensor.Zeros(hiddenSize), ["W2"] = w2, ["b2"] = Tensor.Zeros(outputSize) };
        }

        public IReadOnlyDictionary<string, Tensor> Params => _p;

        private (Tensor A1, Tensor H, Tensor Scores) Forward(Tensor x)
        {
            var a1 = Np.Dot(x, _p["W1"]) + _p["b1"];
            var h = a1.Apply(v => v > 0 ? v : 0);
            return (a1, h, Np.Dot(h, _p["W2"]) + _p["b2"]);
        }

        public Tensor Predict(Tensor x) => Forward(x).Scores;

        private static Tensor Probabilities(Tensor scores)
        {
            var e = Np.Exp(scores - scores.Max(axis: 1, keepdims: true));
            return e / e.Sum(axis: 1, keepdims: true);
        }

        private static Tensor OneHot(Tensor t, int classes)
        {
            if (t.Ndim == 2) return t;
            var result = Tensor.Zeros(t.Dim(0), classes);
            for (var i = 0; i < t.Dim(0); i++) result[i, (int)t[i]] = 1;
            return result;
        }

        public double Loss(Tensor x, Tensor t)
        {
            var y = Probabilities(Predict(x));
            return -(OneHot(t, y.Dim(1)) * Np.Log(y + 1e-7)).Sum() / x.Dim(0);
        }

        public double Accuracy(Tensor x, Tensor t)
        {
            var predicted = Predict(x).Argmax(axis: 1);
            var target = t.Ndim == 2 ? t.Argmax(axis: 1) : t;
            var hits = 0;
            for (var i = 0; i < x.Dim(0); i++) if (predicted[i] == target[i]) hits++;
            return (double)hits / x.Dim(0);
        }

        public IReadOnlyDictionary<string, Tensor> Gradient(Tensor x, Tensor t)
        {
            var (a1, h, scores) = Forward(x);
            var dScores = (Probabilities(scores) - OneHot(t, scores.Dim(1))) / x.Dim(0);
            var dH = Np.Dot(dScores, _p["W2"].T);
            var dA1 = dH * (a1 > 0);
            return new Dictionary<string, Tensor>
            {
                ["W2"] = Np.Dot(h.T, dScores),
                ["b2"] = dScores.Sum(axis: 0),
                ["W1"] = Np.Dot(x.T, dA1),
                ["b1"] = dA1.Sum(axis: 0),
            };
        }
    }
}
