using DeepLearningKata.Contracts;

namespace DeepLearningKata.Benchmark;

/// <summary>
/// The book's two-layer net (chapter 5): Affine → ReLU → Affine → SoftmaxWithLoss, with the layers
/// supplied by a <see cref="LayerSet"/>. Weights are <c>0.01·N(0, 1)</c>, biases zero, as in the book.
/// </summary>
internal sealed class TwoLayerNet
{
    private readonly ILayer[] _layers;
    private readonly ILossLayer _last;

    public TwoLayerNet(LayerSet layers, Tensor w1, Tensor w2)
    {
        Params = new Dictionary<string, Tensor>
        {
            ["W1"] = w1, ["b1"] = Tensor.Zeros(w1.Dim(1)),
            ["W2"] = w2, ["b2"] = Tensor.Zeros(w2.Dim(1)),
        };
        _layers = [layers.Affine(w1, Params["b1"]), layers.Relu(), layers.Affine(w2, Params["b2"])];
        _last = layers.SoftmaxWithLoss();
    }

    /// <summary>The parameters by name: the very tensors the layers compute with.</summary>
    public IReadOnlyDictionary<string, Tensor> Params { get; }

    /// <summary>Forward through every layer and the loss, then backward: the loss and the gradient of every parameter.</summary>
    public (double Loss, IReadOnlyDictionary<string, Tensor> Grads) Gradient(Tensor x, Tensor t)
    {
        foreach (var layer in _layers) x = layer.Forward(x);
        var loss = _last.Forward(x, t);
        var dout = _last.Backward();
        for (var i = _layers.Length - 1; i >= 0; i--) dout = _layers[i].Backward(dout);
        var grads = new Dictionary<string, Tensor>
        {
            ["W1"] = _layers[0].Grads["W"], ["b1"] = _layers[0].Grads["b"],
            ["W2"] = _layers[2].Grads["W"], ["b2"] = _layers[2].Grads["b"],
        };
        return (loss, grads);
    }

    /// <summary>
    /// One step of the book's training loop: the mini-batch given by <paramref name="batch"/> (row indices into the
    /// data set), the gradient, and plain SGD, <c>W -= lr·dW</c> in place. Returns the batch's loss before the update.
    /// </summary>
    public double Step(Tensor xTrain, Tensor tTrain, ArraySegment<int> batch, double learningRate)
    {
        var x = xTrain.Rows(batch);
        var t = tTrain.Rows(batch);
        var (loss, grads) = Gradient(x, t);
        foreach (var (name, p) in Params) p.SubtractInPlace(grads[name], learningRate); // W -= lr·dW
        return loss;
    }
}
