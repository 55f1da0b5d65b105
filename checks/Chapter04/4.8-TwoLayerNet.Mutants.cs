using DeepLearningKata.Contracts;
using DeepLearningKata.Reference;

namespace DeepLearningKata.Checks.Chapter04;

// Each mutant is the reference with a network that gets one thing wrong.

internal abstract class TwoLayerNetMutant<TNet> : Chapter4Reference where TNet : Chapter4Reference.TwoLayerNet
{
    public override ITwoLayerNet CreateTwoLayerNet(int inputSize, int hiddenSize, int outputSize, Random random, double weightInitStd = 0.01) =>
        (TNet)Activator.CreateInstance(typeof(TNet), inputSize, hiddenSize, outputSize, random, weightInitStd)!;
}

internal class ReluHiddenNet(int i, int h, int o, Random r, double s) : Chapter4Reference.TwoLayerNet(i, h, o, r, s)
{
    public override Tensor Predict(Tensor x)
    {
        var z1 = Np.Maximum(0.0, Np.Dot(x, Params["W1"]) + Params["b1"]);
        return Softmax(Np.Dot(z1, Params["W2"]) + Params["b2"]);
    }
}

[Mutant("4.8", "ReLU in the hidden layer instead of sigmoid")]
internal sealed class TwoLayerNetReluHidden : TwoLayerNetMutant<ReluHiddenNet>;

internal class SigmoidOutputNet(int i, int h, int o, Random r, double s) : Chapter4Reference.TwoLayerNet(i, h, o, r, s)
{
    public override Tensor Predict(Tensor x)
    {
        var z1 = Sigmoid(Np.Dot(x, Params["W1"]) + Params["b1"]);
        return Sigmoid(Np.Dot(z1, Params["W2"]) + Params["b2"]);
    }
}

[Mutant("4.8", "sigmoid at the output instead of softmax")]
internal sealed class TwoLayerNetSigmoidOutput : TwoLayerNetMutant<SigmoidOutputNet>;

internal class UnstableSoftmaxNet(int i, int h, int o, Random r, double s) : Chapter4Reference.TwoLayerNet(i, h, o, r, s)
{
    public override Tensor Predict(Tensor x)
    {
        var z1 = Sigmoid(Np.Dot(x, Params["W1"]) + Params["b1"]);
        var e = Np.Exp(Np.Dot(z1, Params["W2"]) + Params["b2"]);
        return e / e.Sum(axis: 1, keepdims: true);
    }
}

[Mutant("4.8", "softmax without subtracting each row's max: e^a / Σ e^a, NaN once a score passes about 709")]
internal sealed class TwoLayerNetUnstableSoftmax : TwoLayerNetMutant<UnstableSoftmaxNet>;

internal class NoHiddenBiasNet(int i, int h, int o, Random r, double s) : Chapter4Reference.TwoLayerNet(i, h, o, r, s)
{
    public override Tensor Predict(Tensor x)
    {
        var z1 = Sigmoid(Np.Dot(x, Params["W1"]));
        return Softmax(Np.Dot(z1, Params["W2"]) + Params["b2"]);
    }
}

[Mutant("4.8", "b1 never added: a1 = x·W1")]
internal sealed class TwoLayerNetNoHiddenBias : TwoLayerNetMutant<NoHiddenBiasNet>;

internal class GradientOfCopiesNet(int i, int h, int o, Random r, double s) : Chapter4Reference.TwoLayerNet(i, h, o, r, s)
{
    private static readonly Chapter4Reference F = new();

    public override IReadOnlyDictionary<string, Tensor> Gradient(Tensor x, Tensor t) =>
        Params.ToDictionary(p => p.Key, p => F.NumericalGradient(w => Loss(x, t), p.Value.Copy()));
}

[Mutant("4.8", "NumericalGradient of a copy of each parameter: the loss never sees the nudges, every gradient is 0")]
internal sealed class TwoLayerNetGradientOfCopies : TwoLayerNetMutant<GradientOfCopiesNet>;

// The reference computes with its own dictionary, so the copies handed out are never read back.
internal class CopiedParamsNet(int i, int h, int o, Random r, double s) : Chapter4Reference.TwoLayerNet(i, h, o, r, s)
{
    public override IReadOnlyDictionary<string, Tensor> Params => base.Params.ToDictionary(p => p.Key, p => p.Value.Copy());
}

[Mutant("4.8", "Params returns copies: changing them does not change the network")]
internal sealed class TwoLayerNetCopiedParams : TwoLayerNetMutant<CopiedParamsNet>;

internal class SummedLossNet(int i, int h, int o, Random r, double s) : Chapter4Reference.TwoLayerNet(i, h, o, r, s)
{
    public override double Loss(Tensor x, Tensor t) => base.Loss(x, t) * x.Dim(0);
}

[Mutant("4.8", "Loss summed over the batch instead of averaged")]
internal sealed class TwoLayerNetSummedLoss : TwoLayerNetMutant<SummedLossNet>;

internal class CountingAccuracyNet(int i, int h, int o, Random r, double s) : Chapter4Reference.TwoLayerNet(i, h, o, r, s)
{
    public override double Accuracy(Tensor x, Tensor t) => base.Accuracy(x, t) * x.Dim(0);
}

[Mutant("4.8", "Accuracy returns the number of hits, not the share")]
internal sealed class TwoLayerNetCountingAccuracy : TwoLayerNetMutant<CountingAccuracyNet>;

internal class UnscaledInitNet(int i, int h, int o, Random r, double s) : Chapter4Reference.TwoLayerNet(i, h, o, r, s / s); // std / std = 1

[Mutant("4.8", "weights drawn from N(0, 1), weightInitStd ignored")]
internal sealed class TwoLayerNetUnscaledInit : TwoLayerNetMutant<UnscaledInitNet>;

internal class UpdatingGradientNet(int i, int h, int o, Random r, double s) : Chapter4Reference.TwoLayerNet(i, h, o, r, s)
{
    public override IReadOnlyDictionary<string, Tensor> Gradient(Tensor x, Tensor t)
    {
        var grads = base.Gradient(x, t);
        foreach (var (name, p) in Params) p.Assign(p - 0.1 * grads[name]); // a training step that belongs to 4.9
        return grads;
    }
}

[Mutant("4.8", "Gradient also takes an SGD step, changing the parameters")]
internal sealed class TwoLayerNetGradientUpdates : TwoLayerNetMutant<UpdatingGradientNet>;
