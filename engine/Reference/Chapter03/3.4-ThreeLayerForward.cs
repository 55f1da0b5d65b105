namespace DeepLearningKata.Reference;

public partial class Chapter3Reference
{
    /// <inheritdoc/>
    public virtual IReadOnlyDictionary<string, Tensor> InitNetwork() => new Dictionary<string, Tensor>
    {
        ["W1"] = new[,] { { 0.1, 0.3, 0.5 }, { 0.2, 0.4, 0.6 } },
        ["b1"] = new[] { 0.1, 0.2, 0.3 },
        ["W2"] = new[,] { { 0.1, 0.4 }, { 0.2, 0.5 }, { 0.3, 0.6 } },
        ["b2"] = new[] { 0.1, 0.2 },
        ["W3"] = new[,] { { 0.1, 0.3 }, { 0.2, 0.4 } },
        ["b3"] = new[] { 0.1, 0.2 },
    };

    /// <inheritdoc/>
    public virtual Tensor Forward(IReadOnlyDictionary<string, Tensor> network, Tensor x)
    {
        var a1 = Np.Dot(x, network["W1"]) + network["b1"];
        var z1 = Sigmoid(a1);
        var a2 = Np.Dot(z1, network["W2"]) + network["b2"];
        var z2 = Sigmoid(a2);
        var a3 = Np.Dot(z2, network["W3"]) + network["b3"];
        return Identity(a3);
    }
}
