using DeepLearningKata.Contracts;
using DeepLearningKata.Reference;

namespace DeepLearningKata.Checks.Chapter07;

[Alternative("7.5", "a net with one named field per layer instead of a list, forward and backward written out, and accuracy over batches of 250")]
internal sealed class ConvNetWithNamedLayers : Chapter7Reference
{
    public override INetwork CreateSimpleConvNet(ConvNetSettings settings, Random random) => new Net(settings, random);

    private sealed class Net : INetwork
    {
        private readonly ConvNetSettings _s;
        private readonly Dictionary<string, Tensor> _p;
        private readonly ILayer _conv, _relu1, _pool, _affine1, _relu2, _affine2;
        private readonly ILossLayer _loss = new Chapter5Reference().CreateSoftmaxWithLoss();

        public Net(ConvNetSettings s, Random random)
        {
            _s = s;
            var conv = (s.Height + 2 * s.Pad - s.FilterSize) / s.Stride + 1;
            var w1 = Tensor.RandomNormal(random, s.FilterCount, s.Channels, s.FilterSize, s.FilterSize) * s.WeightInitStd;
            var w2 = Tensor.RandomNormal(random, s.FilterCount * (conv / 2) * (conv / 2), s.HiddenSize) * s.WeightInitStd;
            var w3 = Tensor.RandomNormal(random, s.HiddenSize, s.OutputSize) * s.WeightInitStd;
            _p = new() { ["W1"] = w1, ["b1"] = Tensor.Zeros(s.FilterCount), ["W2"] = w2, ["b2"] = Tensor.Zeros(s.HiddenSize), ["W3"] = w3, ["b3"] = Tensor.Zeros(s.OutputSize) };
            var ch5 = new Chapter5Reference();
            _conv = new Convolution(_p["W1"], _p["b1"], s.Stride, s.Pad);
            _relu1 = ch5.CreateRelu();
            _pool = new MaxPooling(2, 2, 2);
            _affine1 = ch5.CreateAffine(_p["W2"], _p["b2"]);
            _relu2 = ch5.CreateRelu();
            _affine2 = ch5.CreateAffine(_p["W3"], _p["b3"]);
        }

        public IReadOnlyDictionary<string, Tensor> Params => _p;

        public Tensor Predict(Tensor x)
        {
            var images = x.Reshape(-1, _s.Channels, _s.Height, _s.Width);
            return _affine2.Forward(_relu2.Forward(_affine1.Forward(_pool.Forward(_relu1.Forward(_conv.Forward(images))))));
        }

        public double Loss(Tensor x, Tensor t) => _loss.Forward(Predict(x), t);

        public double Accuracy(Tensor x, Tensor t)
        {
            var labels = t.Ndim == 1 ? t : t.Argmax(axis: 1);
            var hits = 0;
            for (var start = 0; start < x.Dim(0); start += 250)
            {
                var rows = Enumerable.Range(start, Math.Min(250, x.Dim(0) - start)).ToArray();
                var predicted = Predict(x.Rows(rows)).Argmax(axis: 1);
                for (var i = 0; i < rows.Length; i++) if (predicted[i] == labels[rows[i]]) hits++;
            }
            return (double)hits / x.Dim(0);
        }

        public IReadOnlyDictionary<string, Tensor> Gradient(Tensor x, Tensor t)
        {
            Loss(x, t);
            _conv.Backward(_relu1.Backward(_pool.Backward(_affine1.Backward(_relu2.Backward(_affine2.Backward(_loss.Backward()))))));
            return new Dictionary<string, Tensor>
            {
                ["W1"] = _conv.Grads["W"], ["b1"] = _conv.Grads["b"], ["W2"] = _affine1.Grads["W"], ["b2"] = _affine1.Grads["b"],
                ["W3"] = _affine2.Grads["W"], ["b3"] = _affine2.Grads["b"],
            };
        }
    }
}

[Alternative("7.5", "a training loop over batch start rows with a while loop, and the history built with arrays")]
internal sealed class ConvNetTrainWhileLoop : Chapter7Reference
{
    public override TrainingHistory Train(INetwork net, IOptimizer optimizer, Tensor xTrain, Tensor tTrain, Tensor xTest, Tensor tTest,
        TrainingSettings settings, TextWriter progress)
    {
        var steps = xTrain.Dim(0) / settings.BatchSize;
        var losses = new double[steps * settings.Epochs];
        var train = new double[settings.Epochs];
        var test = new double[settings.Epochs];
        var k = 0;
        for (var epoch = 0; epoch < settings.Epochs; epoch++)
        {
            var start = 0;
            while (start + settings.BatchSize <= xTrain.Dim(0))
            {
                var rows = new int[settings.BatchSize];
                for (var i = 0; i < rows.Length; i++) rows[i] = start + i;
                var xb = xTrain.Rows(rows);
                var tb = tTrain.Rows(rows);
                optimizer.Update(net.Params, net.Gradient(xb, tb));
                losses[k++] = net.Loss(xb, tb);
                start += settings.BatchSize;
            }
            train[epoch] = net.Accuracy(xTrain, tTrain);
            test[epoch] = net.Accuracy(xTest, tTest);
            progress.WriteLine(FormattableString.Invariant($"epoch {epoch + 1}/{settings.Epochs}: last loss {losses[k - 1]:G4}, accuracy {train[epoch]:P1} / {test[epoch]:P1}"));
        }
        return new TrainingHistory(losses, train, test);
    }
}
