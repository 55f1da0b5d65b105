using System.Globalization;
using DeepLearningKata.Contracts;

namespace DeepLearningKata.Reference;

/// <summary>
/// The book's SimpleConvNet: Conv–ReLU–Pool–Affine–ReLU–Affine with SoftmaxWithLoss on top, gradients by
/// backpropagation through the layers in reverse order.
/// </summary>
public class SimpleConvNet : INetwork
{
    /// <summary>How many images <see cref="Accuracy"/> forwards at once: im2col of 10,000 digits would not fit in memory.</summary>
    public const int AccuracyBatch = 100;

    protected readonly Dictionary<string, Tensor> @params;

    /// <summary>The layers in forward order, the book's OrderedDict: Conv1, Relu1, Pool1, Affine1, Relu2, Affine2.</summary>
    protected readonly List<ILayer> layers;

    protected readonly ILossLayer lastLayer;

    protected readonly ConvNetSettings settings;

    public SimpleConvNet(ConvNetSettings settings, Random random)
    {
        this.settings = settings;
        var s = settings;
        var convH = Windows.OutputSize(s.Height, s.FilterSize, s.Stride, s.Pad);
        var convW = Windows.OutputSize(s.Width, s.FilterSize, s.Stride, s.Pad);
        Guards.EvenForPooling(convH, convW);
        var poolOutputSize = s.FilterCount * (convH / 2) * (convW / 2);

        @params = new Dictionary<string, Tensor>
        {
            ["W1"] = s.WeightInitStd * Tensor.RandomNormal(random, s.FilterCount, s.Channels, s.FilterSize, s.FilterSize),
            ["b1"] = Tensor.Zeros(s.FilterCount),
            ["W2"] = s.WeightInitStd * Tensor.RandomNormal(random, poolOutputSize, s.HiddenSize),
            ["b2"] = Tensor.Zeros(s.HiddenSize),
            ["W3"] = s.WeightInitStd * Tensor.RandomNormal(random, s.HiddenSize, s.OutputSize),
            ["b3"] = Tensor.Zeros(s.OutputSize),
        };
        // The layers hold the very tensors in Params, so an optimizer's update of Params updates the layers.
        layers =
        [
            new Convolution(@params["W1"], @params["b1"], s.Stride, s.Pad), // Conv1
            new ReluLayer(),                                                 // Relu1
            new MaxPooling(2, 2, stride: 2),                                 // Pool1
            new AffineLayer(@params["W2"], @params["b2"]),                   // Affine1
            new ReluLayer(),                                                 // Relu2
            new AffineLayer(@params["W3"], @params["b3"]),                   // Affine2
        ];
        lastLayer = new SoftmaxWithLossLayer();
    }

    /// <inheritdoc/>
    public IReadOnlyDictionary<string, Tensor> Params => @params;

    /// <summary>The input as images <c>(N, C, H, W)</c>, whether it comes as images or as flat rows <c>(N, C·H·W)</c>.</summary>
    protected Tensor AsImages(Tensor x) => x.Reshape(x.Dim(0), settings.Channels, settings.Height, settings.Width);

    /// <inheritdoc/>
    public virtual Tensor Predict(Tensor x)
    {
        x = AsImages(x);
        foreach (var layer in layers) x = layer.Forward(x);
        return x;
    }

    /// <inheritdoc/>
    public virtual double Loss(Tensor x, Tensor t) => lastLayer.Forward(Predict(x), t);

    /// <inheritdoc/>
    public virtual double Accuracy(Tensor x, Tensor t)
    {
        if (t.Ndim != 1) t = t.Argmax(axis: 1);
        var n = x.Dim(0);
        var hits = 0.0;
        for (var start = 0; start < n; start += AccuracyBatch)
        {
            var rows = Enumerable.Range(start, Math.Min(AccuracyBatch, n - start)).ToArray();
            var y = Predict(x.Rows(rows)).Argmax(axis: 1);
            hits += Np.Equal(y, t.Rows(rows)).Sum();
        }
        return hits / n;
    }

    /// <inheritdoc/>
    public virtual IReadOnlyDictionary<string, Tensor> Gradient(Tensor x, Tensor t)
    {
        // forward
        Loss(x, t);

        // backward: from the loss down through the layers in reverse order
        var dout = lastLayer.Backward(1.0);
        for (var i = layers.Count - 1; i >= 0; i--) dout = layers[i].Backward(dout);

        IReadOnlyDictionary<string, Tensor> conv = layers[0].Grads, affine1 = layers[3].Grads, affine2 = layers[5].Grads;
        return new Dictionary<string, Tensor>
        {
            ["W1"] = conv["W"], ["b1"] = conv["b"],
            ["W2"] = affine1["W"], ["b2"] = affine1["b"],
            ["W3"] = affine2["W"], ["b3"] = affine2["b"],
        };
    }
}

public partial class Chapter7Reference
{
    /// <inheritdoc/>
    public virtual INetwork CreateSimpleConvNet(ConvNetSettings settings, Random random) => new SimpleConvNet(settings, random);

    /// <inheritdoc/>
    public virtual TrainingHistory Train(INetwork net, IOptimizer optimizer, Tensor xTrain, Tensor tTrain, Tensor xTest, Tensor tTest,
        TrainingSettings settings, TextWriter progress)
    {
        var loss = new List<double>();
        var trainAccuracy = new List<double>();
        var testAccuracy = new List<double>();
        var batchSize = settings.BatchSize;
        var stepsPerEpoch = xTrain.Dim(0) / batchSize; // a last, shorter batch is dropped

        for (var epoch = 1; epoch <= settings.Epochs; epoch++)
        {
            for (var step = 0; step < stepsPerEpoch; step++)
            {
                var rows = Enumerable.Range(step * batchSize, batchSize).ToArray();
                var xBatch = xTrain.Rows(rows);
                var tBatch = tTrain.Rows(rows);

                var grads = net.Gradient(xBatch, tBatch);
                optimizer.Update(net.Params, grads); // in place: the layers see it
                loss.Add(net.Loss(xBatch, tBatch));
            }
            trainAccuracy.Add(net.Accuracy(xTrain, tTrain));
            testAccuracy.Add(net.Accuracy(xTest, tTest));
            progress.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"epoch {epoch}: loss {loss[^1]:F4}, train accuracy {trainAccuracy[^1]:P1}, test accuracy {testAccuracy[^1]:P1}"));
        }
        return new TrainingHistory(loss, trainAccuracy, testAccuracy);
    }
}
