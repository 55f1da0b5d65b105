using DeepLearningKata.Reference;

namespace DeepLearningKata.Checks.Chapter03;

[Mutant("3.4", "σ on the output layer too, instead of the identity")]
internal sealed class ForwardSigmoidOutput : Chapter3Reference
{
    public override Tensor Forward(IReadOnlyDictionary<string, Tensor> network, Tensor x)
    {
        var z1 = Sigmoid(Np.Dot(x, network["W1"]) + network["b1"]);
        var z2 = Sigmoid(Np.Dot(z1, network["W2"]) + network["b2"]);
        return Sigmoid(Np.Dot(z2, network["W3"]) + network["b3"]);
    }
}

[Mutant("3.4", "the biases forgotten: a = z·W")]
internal sealed class ForwardNoBias : Chapter3Reference
{
    public override Tensor Forward(IReadOnlyDictionary<string, Tensor> network, Tensor x)
    {
        var z1 = Sigmoid(Np.Dot(x, network["W1"]));
        var z2 = Sigmoid(Np.Dot(z1, network["W2"]));
        return Identity(Np.Dot(z2, network["W3"]));
    }
}

[Mutant("3.4", "the bias added after σ: z = σ(z·W) + b")]
internal sealed class ForwardBiasAfterActivation : Chapter3Reference
{
    public override Tensor Forward(IReadOnlyDictionary<string, Tensor> network, Tensor x)
    {
        var z1 = Sigmoid(Np.Dot(x, network["W1"])) + network["b1"];
        var z2 = Sigmoid(Np.Dot(z1, network["W2"])) + network["b2"];
        return Identity(Np.Dot(z2, network["W3"]) + network["b3"]);
    }
}

[Mutant("3.4", "ReLU in the hidden layers instead of σ")]
internal sealed class ForwardReluHidden : Chapter3Reference
{
    public override Tensor Forward(IReadOnlyDictionary<string, Tensor> network, Tensor x)
    {
        var z1 = Relu(Np.Dot(x, network["W1"]) + network["b1"]);
        var z2 = Relu(Np.Dot(z1, network["W2"]) + network["b2"]);
        return Identity(Np.Dot(z2, network["W3"]) + network["b3"]);
    }
}

[Mutant("3.4", "the output flattened to 1-D: a batch's rows run together")]
internal sealed class ForwardFlattensBatch : Chapter3Reference
{
    public override Tensor Forward(IReadOnlyDictionary<string, Tensor> network, Tensor x) => base.Forward(network, x).Flatten();
}

[Mutant("3.4", "W1 typed column by column: shape (3, 2) instead of (2, 3)")]
internal sealed class InitNetworkW1ByColumns : Chapter3Reference
{
    public override IReadOnlyDictionary<string, Tensor> InitNetwork()
    {
        var network = new Dictionary<string, Tensor>(base.InitNetwork());
        network["W1"] = new[,] { { 0.1, 0.2 }, { 0.3, 0.4 }, { 0.5, 0.6 } };
        return network;
    }
}

[Mutant("3.4", "W3 transposed: [[0.1, 0.2], [0.3, 0.4]], the same shape with the wrong values")]
internal sealed class InitNetworkW3Transposed : Chapter3Reference
{
    public override IReadOnlyDictionary<string, Tensor> InitNetwork()
    {
        var network = new Dictionary<string, Tensor>(base.InitNetwork());
        network["W3"] = new[,] { { 0.1, 0.2 }, { 0.3, 0.4 } };
        return network;
    }
}
