using DeepLearningKata.Reference;

namespace DeepLearningKata.Checks.Chapter03;

[Alternative("3.4", "loops over samples, neurons and inputs; InitNetwork from flat arrays reshaped")]
internal sealed class ThreeLayerForwardLoops : Chapter3Reference
{
    public override IReadOnlyDictionary<string, Tensor> InitNetwork() => new Dictionary<string, Tensor>
    {
        ["W1"] = Tensor.From(0.1, 0.3, 0.5, 0.2, 0.4, 0.6).Reshape(2, 3),
        ["b1"] = Tensor.From(0.1, 0.2, 0.3),
        ["W2"] = Tensor.From(0.1, 0.4, 0.2, 0.5, 0.3, 0.6).Reshape(3, -1),
        ["b2"] = Tensor.From(0.1, 0.2),
        ["W3"] = Tensor.From(0.1, 0.3, 0.2, 0.4).Reshape(2, 2),
        ["b3"] = Tensor.From(0.1, 0.2),
    };

    public override Tensor Forward(IReadOnlyDictionary<string, Tensor> network, Tensor x)
    {
        var z = x;
        for (var layer = 1; layer <= 3; layer++)
        {
            z = Layer(z, network[$"W{layer}"], network[$"b{layer}"], layer < 3);
        }
        return z;
    }

    private static Tensor Layer(Tensor z, Tensor w, Tensor b, bool sigmoid)
    {
        var batch = z.Ndim == 2;
        var rows = batch ? z.Dim(0) : 1;
        var (k, m) = (w.Dim(0), w.Dim(1));
        var output = batch ? Tensor.Zeros(rows, m) : Tensor.Zeros(m);
        var input = z.AsSpan();
        var result = output.AsSpan();
        for (var r = 0; r < rows; r++)
        {
            for (var j = 0; j < m; j++)
            {
                var a = 0.0;
                for (var i = 0; i < k; i++) a += input[r * k + i] * w[i, j];
                a += b[j];
                result[r * m + j] = sigmoid ? 1.0 / (1.0 + Math.Exp(-a)) : a;
            }
        }
        return output;
    }
}

[Alternative("3.4", "Np.Matmul on a 2-D view of x, σ as ½(1 + tanh(a/2)), reshaped back for a single sample")]
internal sealed class ThreeLayerForwardMatmul : Chapter3Reference
{
    public override Tensor Forward(IReadOnlyDictionary<string, Tensor> network, Tensor x)
    {
        var z = x.Ndim == 1 ? x.Reshape(1, -1) : x;
        z = Smooth(Np.Matmul(z, network["W1"]) + network["b1"].Reshape(1, -1));
        z = Smooth(Np.Matmul(z, network["W2"]) + network["b2"].Reshape(1, -1));
        var y = Np.Matmul(z, network["W3"]) + network["b3"].Reshape(1, -1);
        return x.Ndim == 1 ? y.Reshape(-1) : y;
    }

    private static Tensor Smooth(Tensor a) => 0.5 * (1.0 + Np.Tanh(0.5 * a));
}
