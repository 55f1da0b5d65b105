using DeepLearningKata.Contracts;

namespace DeepLearningKata.Reference;

/// <summary>The sigmoid as a layer; Backward uses the output of the last Forward.</summary>
public class SigmoidLayer : ILayer
{
    /// <summary>The output σ(x) of the last Forward (the book's <c>self.out</c>).</summary>
    protected Tensor? y = null;

    /// <inheritdoc/>
    public virtual Tensor Forward(Tensor x, bool train = true)
    {
        var output = 1.0 / (1.0 + Np.Exp(-x));
        y = output.Copy(); // our own copy: the caller may change the output it receives
        return output;
    }

    /// <inheritdoc/>
    public virtual Tensor Backward(Tensor dout)
    {
        return dout * (1.0 - y!) * y!;
    }

    /// <inheritdoc/>
    public IReadOnlyDictionary<string, Tensor> Params { get; } = new Dictionary<string, Tensor>();

    /// <inheritdoc/>
    public IReadOnlyDictionary<string, Tensor> Grads { get; } = new Dictionary<string, Tensor>();
}

public partial class Chapter5Reference
{
    /// <inheritdoc/>
    public virtual ILayer CreateSigmoid() => new SigmoidLayer();
}
