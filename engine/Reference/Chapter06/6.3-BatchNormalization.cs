using DeepLearningKata.Contracts;

namespace DeepLearningKata.Reference;

/// <summary>
/// Batch Normalization over the features of a batch <c>(N, D)</c> (or <c>(N, C, H, W)</c>, flattened to
/// <c>(N, C·H·W)</c>), with running statistics for test time — the book's layer.
/// </summary>
public class BatchNormalization : ILayer
{
    protected const double Epsilon = 1e-6;

    protected readonly Tensor gamma;
    protected readonly Tensor beta;
    protected readonly double momentum;

    /// <summary>Running mean and variance over the batches seen in training; zeros until the first Forward.</summary>
    protected Tensor? runningMean;
    protected Tensor? runningVar;

    // Kept by a training Forward for Backward.
    protected int[]? inputShape;
    protected int batchSize;
    protected Tensor? xc;
    protected Tensor? xn;
    protected Tensor? std;
    protected Tensor? dgamma;
    protected Tensor? dbeta;

    /// <summary>A layer computing with <paramref name="gamma"/> and <paramref name="beta"/> (both <c>(D,)</c>) themselves.</summary>
    public BatchNormalization(Tensor gamma, Tensor beta, double momentum = 0.9)
    {
        this.gamma = gamma;
        this.beta = beta;
        this.momentum = momentum;
        Params = new Dictionary<string, Tensor> { ["gamma"] = gamma, ["beta"] = beta };
    }

    /// <inheritdoc/>
    public virtual Tensor Forward(Tensor x, bool train = true)
    {
        inputShape = x.Shape;
        var flat = x.Reshape(x.Dim(0), -1); // (N, C, H, W) → (N, C·H·W); a copy, so x stays as it is
        if (runningMean is null || runningMean.Size != flat.Dim(1))
        {
            runningMean = Tensor.Zeros(flat.Dim(1));
            runningVar = Tensor.Zeros(flat.Dim(1));
        }
        var output = train ? TrainForward(flat) : TestForward(flat);
        return output.Reshape(inputShape);
    }

    protected virtual Tensor TrainForward(Tensor x)
    {
        var mu = x.Mean(axis: 0);
        var centered = x - mu;
        var variance = (centered * centered).Mean(axis: 0);
        var sigma = Np.Sqrt(variance + Epsilon);
        var normalized = centered / sigma;
        batchSize = x.Dim(0);
        xc = centered;
        xn = normalized;
        std = sigma;
        runningMean = momentum * runningMean! + (1 - momentum) * mu;
        runningVar = momentum * runningVar! + (1 - momentum) * variance;
        return gamma * normalized + beta;
    }

    protected virtual Tensor TestForward(Tensor x)
    {
        var normalized = (x - runningMean!) / Np.Sqrt(runningVar! + Epsilon);
        return gamma * normalized + beta;
    }

    /// <inheritdoc/>
    public virtual Tensor Backward(Tensor dout)
    {
        var d = dout.Reshape(dout.Dim(0), -1);
        dbeta = d.Sum(axis: 0);
        dgamma = (xn! * d).Sum(axis: 0);
        var dx = BackwardX(d);
        return dx.Reshape(inputShape!);
    }

    /// <summary>dx of the flat batch, step by step back through the graph x → xc → var → std → xn → y.</summary>
    protected virtual Tensor BackwardX(Tensor dout)
    {
        var dxn = gamma * dout;
        var dxc = dxn / std!;
        var dstd = -(dxn * xc! / (std! * std!)).Sum(axis: 0);
        var dvar = 0.5 * dstd / std!;
        dxc = dxc + (2.0 / batchSize) * xc! * dvar;
        var dmu = dxc.Sum(axis: 0);
        return dxc - dmu / batchSize;
    }

    /// <inheritdoc/>
    public IReadOnlyDictionary<string, Tensor> Params { get; }

    /// <inheritdoc/>
    public IReadOnlyDictionary<string, Tensor> Grads => new Dictionary<string, Tensor> { ["gamma"] = dgamma!, ["beta"] = dbeta! };
}

public partial class Chapter6Reference
{
    /// <inheritdoc/>
    public virtual ILayer CreateBatchNormalization(Tensor gamma, Tensor beta, double momentum = 0.9) => new BatchNormalization(gamma, beta, momentum);
}
