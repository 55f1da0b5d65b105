using DeepLearningKata.Contracts;

namespace DeepLearningKata.Reference;

/// <summary>The book's two-layer network of chapter 5: Affine–Relu–Affine, SoftmaxWithLoss on top, gradients by backpropagation.</summary>
public class BackpropTwoLayerNet : ITwoLayerNet
{
    protected readonly Dictionary<string, Tensor> @params;

    /// <summary>The layers in forward order, the book's OrderedDict: Affine1, Relu1, Affine2.</summary>
    protected readonly List<ILayer> layers;

    protected readonly ILossLayer lastLayer;

    public BackpropTwoLayerNet(int inputSize, int hiddenSize, int outputSize, Random random, double weightInitStd = 0.01)
    {
        @params = new Dictionary<string, Tensor>
        {
            ["W1"] = weightInitStd * Tensor.RandomNormal(random, inputSize, hiddenSize),
            ["b1"] = Tensor.Zeros(hiddenSize),
            ["W2"] = weightInitStd * Tensor.RandomNormal(random, hiddenSize, outputSize),
            ["b2"] = Tensor.Zeros(outputSize),
        };
        // The layers hold the very tensors in Params, so an update of Params updates the layers.
        var affine1 = new AffineLayer(@params["W1"], @params["b1"]);
        var affine2 = new AffineLayer(@params["W2"], @params["b2"]);
        layers = [affine1, new ReluLayer(), affine2];
        lastLayer = new SoftmaxWithLossLayer();
    }

    /// <inheritdoc/>
    public IReadOnlyDictionary<string, Tensor> Params => @params;

    /// <inheritdoc/>
    public virtual Tensor Predict(Tensor x)
    {
        foreach (var layer in layers) x = layer.Forward(x);
        return x;
    }

    /// <inheritdoc/>
    public virtual double Loss(Tensor x, Tensor t) => lastLayer.Forward(Predict(x), t);

    /// <inheritdoc/>
    public virtual double Accuracy(Tensor x, Tensor t)
    {
        var y = Predict(x).Argmax(axis: 1);
        if (t.Ndim != 1) t = t.Argmax(axis: 1);
        return Np.Equal(y, t).Sum() / x.Dim(0);
    }

    /// <inheritdoc/>
    public virtual IReadOnlyDictionary<string, Tensor> Gradient(Tensor x, Tensor t)
    {
        // forward
        Loss(x, t);

        // backward: from the loss down through the layers in reverse order
        var dout = lastLayer.Backward(1.0);
        for (var i = layers.Count - 1; i >= 0; i--) dout = layers[i].Backward(dout);

        var affine1 = layers[0].Grads;
        var affine2 = layers[2].Grads;
        return new Dictionary<string, Tensor>
        {
            ["W1"] = affine1["W"],
            ["b1"] = affine1["b"],
            ["W2"] = affine2["W"],
            ["b2"] = affine2["b"],
        };
    }
}

public partial class Chapter5Reference
{
    /// <inheritdoc/>
    public virtual ITwoLayerNet CreateTwoLayerNet(int inputSize, int hiddenSize, int outputSize, Random random, double weightInitStd = 0.01) =>
        new BackpropTwoLayerNet(inputSize, hiddenSize, outputSize, random, weightInitStd);
}
