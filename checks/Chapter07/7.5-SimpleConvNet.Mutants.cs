using System.Globalization;
using DeepLearningKata.Contracts;
using DeepLearningKata.Reference;

namespace DeepLearningKata.Checks.Chapter07;

[Mutant("7.5", "backward skips Relu1: the gradient goes from Pool1 straight to Conv1")]
internal sealed class ConvNetBackwardSkipsRelu1 : Chapter7Reference
{
    public override INetwork CreateSimpleConvNet(ConvNetSettings settings, Random random) => new Net(settings, random);

    private sealed class Net(ConvNetSettings s, Random r) : SimpleConvNet(s, r)
    {
        public override IReadOnlyDictionary<string, Tensor> Gradient(Tensor x, Tensor t)
        {
            Loss(x, t);
            var dout = lastLayer.Backward(1.0);
            for (var i = layers.Count - 1; i >= 0; i--)
            {
                if (i != 1) dout = layers[i].Backward(dout); // layers[1] is Relu1
            }
            return Collect();
        }

        private Dictionary<string, Tensor> Collect() => new()
        {
            ["W1"] = layers[0].Grads["W"], ["b1"] = layers[0].Grads["b"],
            ["W2"] = layers[3].Grads["W"], ["b2"] = layers[3].Grads["b"],
            ["W3"] = layers[5].Grads["W"], ["b3"] = layers[5].Grads["b"],
        };
    }
}

[Mutant("7.5", "backward skips Pool1: the pooled gradient is handed to Relu1 as it is")]
internal sealed class ConvNetBackwardSkipsPool : Chapter7Reference
{
    public override INetwork CreateSimpleConvNet(ConvNetSettings settings, Random random) => new Net(settings, random);

    private sealed class Net(ConvNetSettings s, Random r) : SimpleConvNet(s, r)
    {
        public override IReadOnlyDictionary<string, Tensor> Gradient(Tensor x, Tensor t)
        {
            Loss(x, t);
            var dout = lastLayer.Backward(1.0);
            for (var i = layers.Count - 1; i >= 0; i--)
            {
                if (i != 2) dout = layers[i].Backward(dout); // layers[2] is Pool1
            }
            return new Dictionary<string, Tensor>
            {
                ["W1"] = layers[0].Grads["W"], ["b1"] = layers[0].Grads["b"],
                ["W2"] = layers[3].Grads["W"], ["b2"] = layers[3].Grads["b"],
                ["W3"] = layers[5].Grads["W"], ["b3"] = layers[5].Grads["b"],
            };
        }
    }
}

[Mutant("7.5", "average pooling where the book's net has max pooling")]
internal sealed class ConvNetAveragePool : Chapter7Reference
{
    public override INetwork CreateSimpleConvNet(ConvNetSettings settings, Random random) => new Net(settings, random);

    private sealed class Net : SimpleConvNet
    {
        public Net(ConvNetSettings s, Random r) : base(s, r) => layers[2] = new AveragePooling(2, 2, 2); // in place of Pool1
    }
}

[Mutant("7.5", "Accuracy predicts whole batches of 100 only: the images of a last, shorter batch are never counted")]
internal sealed class ConvNetAccuracyDropsTheLastBatch : Chapter7Reference
{
    public override INetwork CreateSimpleConvNet(ConvNetSettings settings, Random random) => new Net(settings, random);

    private sealed class Net(ConvNetSettings s, Random r) : SimpleConvNet(s, r)
    {
        public override double Accuracy(Tensor x, Tensor t)
        {
            var n = x.Dim(0);
            var hits = 0.0;
            for (var start = 0; start + AccuracyBatch <= n; start += AccuracyBatch)
            {
                var rows = Enumerable.Range(start, AccuracyBatch).ToArray();
                hits += Np.Equal(Predict(x.Rows(rows)).Argmax(axis: 1), t.Rows(rows)).Sum();
            }
            return hits / n;
        }
    }
}

[Mutant("7.5", "Train records the loss before the update")]
internal sealed class ConvNetTrainLossBeforeUpdate : Chapter7Reference
{
    public override TrainingHistory Train(INetwork net, IOptimizer optimizer, Tensor xTrain, Tensor tTrain, Tensor xTest, Tensor tTest,
        TrainingSettings settings, TextWriter progress)
    {
        var loss = new List<double>();
        var trainAccuracy = new List<double>();
        var testAccuracy = new List<double>();
        var steps = xTrain.Dim(0) / settings.BatchSize;
        for (var epoch = 1; epoch <= settings.Epochs; epoch++)
        {
            for (var step = 0; step < steps; step++)
            {
                var rows = Enumerable.Range(step * settings.BatchSize, settings.BatchSize).ToArray();
                var (xBatch, tBatch) = (xTrain.Rows(rows), tTrain.Rows(rows));
                loss.Add(net.Loss(xBatch, tBatch));
                optimizer.Update(net.Params, net.Gradient(xBatch, tBatch));
            }
            trainAccuracy.Add(net.Accuracy(xTrain, tTrain));
            testAccuracy.Add(net.Accuracy(xTest, tTest));
            progress.WriteLine(string.Create(CultureInfo.InvariantCulture, $"epoch {epoch}: loss {loss[^1]:F4}"));
        }
        return new TrainingHistory(loss, trainAccuracy, testAccuracy);
    }
}

[Mutant("7.5", "Train ignores the optimizer and takes plain SGD steps with settings.LearningRate")]
internal sealed class ConvNetTrainPlainSgd : Chapter7Reference
{
    public override TrainingHistory Train(INetwork net, IOptimizer optimizer, Tensor xTrain, Tensor tTrain, Tensor xTest, Tensor tTest,
        TrainingSettings settings, TextWriter progress) =>
        base.Train(net, new Sgd(settings.LearningRate), xTrain, tTrain, xTest, tTest, settings, progress);

    private sealed class Sgd(double lr) : IOptimizer
    {
        public void Update(IReadOnlyDictionary<string, Tensor> parameters, IReadOnlyDictionary<string, Tensor> grads)
        {
            foreach (var (key, p) in parameters) p.SubtractInPlace(grads[key], lr);
        }
    }
}
