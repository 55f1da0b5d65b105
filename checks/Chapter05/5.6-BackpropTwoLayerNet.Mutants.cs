using DeepLearningKata.Contracts;
using DeepLearningKata.Reference;

namespace DeepLearningKata.Checks.Chapter05;

[Mutant("5.6", "backward goes through the layers in forward order (Affine1 first)")]
internal sealed class NetBackwardInForwardOrder : Chapter5Reference
{
    public override ITwoLayerNet CreateTwoLayerNet(int inputSize, int hiddenSize, int outputSize, Random random, double weightInitStd = 0.01) =>
        new Net(inputSize, hiddenSize, outputSize, random, weightInitStd);

    private sealed class Net(int i, int h, int o, Random r, double s) : BackpropTwoLayerNet(i, h, o, r, s)
    {
        public override IReadOnlyDictionary<string, Tensor> Gradient(Tensor x, Tensor t)
        {
            Loss(x, t);
            var dout = lastLayer.Backward(1.0);
            foreach (var layer in layers) dout = layer.Backward(dout);
            return Collect();
        }

        private Dictionary<string, Tensor> Collect() => new()
        {
            ["W1"] = layers[0].Grads["W"], ["b1"] = layers[0].Grads["b"],
            ["W2"] = layers[2].Grads["W"], ["b2"] = layers[2].Grads["b"],
        };
    }
}

[Mutant("5.6", "Gradient also takes an SGD step, changing the parameters")]
internal sealed class NetGradientUpdates : Chapter5Reference
{
    public override ITwoLayerNet CreateTwoLayerNet(int inputSize, int hiddenSize, int outputSize, Random random, double weightInitStd = 0.01) =>
        new Net(inputSize, hiddenSize, outputSize, random, weightInitStd);

    private sealed class Net(int i, int h, int o, Random r, double s) : BackpropTwoLayerNet(i, h, o, r, s)
    {
        public override IReadOnlyDictionary<string, Tensor> Gradient(Tensor x, Tensor t)
        {
            var grads = base.Gradient(x, t);
            foreach (var (key, p) in Params) p.Assign(p - 0.1 * grads[key]);
            return grads;
        }
    }
}

[Mutant("5.6", "backward starts from dout = ones instead of the loss layer's Backward(1)")]
internal sealed class NetBackwardFromOnes : Chapter5Reference
{
    public override ITwoLayerNet CreateTwoLayerNet(int inputSize, int hiddenSize, int outputSize, Random random, double weightInitStd = 0.01) =>
        new Net(inputSize, hiddenSize, outputSize, random, weightInitStd);

    private sealed class Net(int i, int h, int o, Random r, double s) : BackpropTwoLayerNet(i, h, o, r, s)
    {
        public override IReadOnlyDictionary<string, Tensor> Gradient(Tensor x, Tensor t)
        {
            var scores = Predict(x);
            var dout = Tensor.Ones(scores.Shape);
            for (var k = layers.Count - 1; k >= 0; k--) dout = layers[k].Backward(dout);
            return new Dictionary<string, Tensor>
            {
                ["W1"] = layers[0].Grads["W"], ["b1"] = layers[0].Grads["b"],
                ["W2"] = layers[2].Grads["W"], ["b2"] = layers[2].Grads["b"],
            };
        }
    }
}

[Mutant("5.6", "Params holds copies of the weights, so the layers never see an update", Diagnosis = "(a copy?)")]
internal sealed class NetParamsAreCopies : Chapter5Reference
{
    public override ITwoLayerNet CreateTwoLayerNet(int inputSize, int hiddenSize, int outputSize, Random random, double weightInitStd = 0.01) =>
        new Net(inputSize, hiddenSize, outputSize, random, weightInitStd);

    private sealed class Net : BackpropTwoLayerNet, ITwoLayerNet
    {
        private readonly Dictionary<string, Tensor> _copies;

        public Net(int i, int h, int o, Random r, double s) : base(i, h, o, r, s) =>
            _copies = @params.ToDictionary(p => p.Key, p => p.Value.Copy());

        IReadOnlyDictionary<string, Tensor> INetwork.Params => _copies;
    }
}

[Mutant("5.6", "the gradients of W1 and W2 swapped in the result")]
internal sealed class NetGradientsSwapped : Chapter5Reference
{
    public override ITwoLayerNet CreateTwoLayerNet(int inputSize, int hiddenSize, int outputSize, Random random, double weightInitStd = 0.01) =>
        new Net(inputSize, hiddenSize, outputSize, random, weightInitStd);

    private sealed class Net(int i, int h, int o, Random r, double s) : BackpropTwoLayerNet(i, h, o, r, s)
    {
        public override IReadOnlyDictionary<string, Tensor> Gradient(Tensor x, Tensor t)
        {
            var g = base.Gradient(x, t);
            return new Dictionary<string, Tensor> { ["W1"] = g["W2"], ["b1"] = g["b1"], ["W2"] = g["W1"], ["b2"] = g["b2"] };
        }
    }
}

[Mutant("5.6", "a new Random() instead of the one given, and biases of ones")]
internal sealed class NetOwnRandomAndOnes : Chapter5Reference
{
    public override ITwoLayerNet CreateTwoLayerNet(int inputSize, int hiddenSize, int outputSize, Random random, double weightInitStd = 0.01)
    {
        var net = new BackpropTwoLayerNet(inputSize, hiddenSize, outputSize, new Random(), weightInitStd);
        net.Params["b1"].Assign(Tensor.Ones(hiddenSize));
        net.Params["b2"].Assign(Tensor.Ones(outputSize));
        return net;
    }
}
