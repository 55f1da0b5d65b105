using DeepLearningKata.Contracts;

namespace DeepLearningKata.Reference;

/// <summary>ReLU as a layer: a switch that lets the signal through where the input was positive.</summary>
/// <remarks>
/// Forward keeps <c>mask = (x &gt; 0)</c>, 1.0 where the signal passed and 0.0 where it was stopped, and returns
/// <c>x * mask</c>. Backward sends dout back through the same switch: <c>dx = dout * mask</c>. (The book keeps the
/// opposite mask, <c>x &lt;= 0</c>, and zeroes <c>dout[mask]</c> in place; a product leaves the caller's dout alone.)
/// </remarks>
public class ReluLayer : ILayer
{
    protected Tensor? mask = null;

    /// <inheritdoc/>
    public virtual Tensor Forward(Tensor x, bool train = true)
    {
        mask = x > 0;
        return x * mask;
    }

    /// <inheritdoc/>
    public virtual Tensor Backward(Tensor dout) => dout * mask!;

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
