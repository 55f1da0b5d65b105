using DeepLearningKata.Contracts;

namespace DeepLearningKata.Reference;

/// <summary>The affine (fully connected) layer <c>x·W + b</c>, for a batch of inputs of any rank.</summary>
/// <remarks>
/// Forward: <c>out = x·W + b</c>, with an image batch <c>(N, C, H, W)</c> flattened to <c>(N, C·H·W)</c> first.
/// Backward, three products: <c>dx = dout·Wᵀ</c>, <c>dW = xᵀ·dout</c>, <c>db = Σ_rows dout</c>; dx takes x's shape back.
/// </remarks>
public class AffineLayer : ILayer
{
    protected readonly Tensor W;
    protected readonly Tensor b;

    protected Tensor? x = null;               // the last input, flattened to (N, D)
    protected int[]? originalXShape = null;   // its shape before, for dx

    protected Tensor? dW = null;
    protected Tensor? db = null;

    /// <summary>A layer computing with <paramref name="W"/> <c>(D, M)</c> and <paramref name="b"/> <c>(M,)</c> themselves.</summary>
    public AffineLayer(Tensor W, Tensor b)
    {
        this.W = W;
        this.b = b;
        Params = new Dictionary<string, Tensor> { ["W"] = W, ["b"] = b };
    }

    /// <inheritdoc/>
    public virtual Tensor Forward(Tensor x, bool train = true)
    {
        originalXShape = x.Shape;
        this.x = x.Reshape(x.Dim(0), -1); // one row per sample
        return Np.Dot(this.x, W) + b;
    }

    /// <inheritdoc/>
    public virtual Tensor Backward(Tensor dout)
    {
        var dx = Np.Dot(dout, W.T);
        dW = Np.Dot(x!.T, dout);
        db = dout.Sum(axis: 0);
        return dx.Reshape(originalXShape!);
    }

    /// <inheritdoc/>
    public IReadOnlyDictionary<string, Tensor> Params { get; }

    /// <inheritdoc/>
    public IReadOnlyDictionary<string, Tensor> Grads => new Dictionary<string, Tensor> { ["W"] = dW!, ["b"] = db! };
}

public partial class Chapter5Reference
{
    /// <inheritdoc/>
    public virtual ILayer CreateAffine(Tensor W, Tensor b) => new AffineLayer(W, b);
}
