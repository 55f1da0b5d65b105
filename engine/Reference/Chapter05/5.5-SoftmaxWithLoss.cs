using DeepLearningKata.Contracts;

namespace DeepLearningKata.Reference;

/// <summary>Softmax and the cross-entropy loss as one layer, whose backward is simply <c>(y − t) / N</c>.</summary>
public class SoftmaxWithLossLayer : ILossLayer
{
    protected double loss;

    /// <summary>The softmax output of the last Forward.</summary>
    protected Tensor? y = null;

    /// <summary>The targets of the last Forward: one-hot <c>(N, C)</c> or labels <c>(N,)</c>.</summary>
    protected Tensor? t = null;

    /// <inheritdoc/>
    public virtual double Forward(Tensor x, Tensor t)
    {
        this.t = t.Copy();
        y = Softmax(x);
        loss = CrossEntropyError(y, t);
        return loss;
    }

    /// <inheritdoc/>
    public virtual Tensor Backward(double dout = 1.0)
    {
        var probabilities = y!;
        var targets = t!;
        var batchSize = targets.Dim(0);
        Tensor dx;
        if (targets.Size == probabilities.Size)
        {
            dx = (probabilities - targets) / batchSize; // one-hot targets
        }
        else
        {
            dx = probabilities.Copy(); // labels: subtract 1 at each row's class
            dx[Tensor.Arange(0, batchSize), targets] -= 1;
            dx /= batchSize;
        }
        return dx * dout;
    }

    /// <summary>Row-wise softmax; subtracting each row's max keeps exp from overflowing.</summary>
    protected static Tensor Softmax(Tensor x)
    {
        var e = Np.Exp(x - x.Max(axis: 1, keepdims: true));
        return e / e.Sum(axis: 1, keepdims: true);
    }

    /// <summary>The mean cross-entropy of a batch; δ = 1e-7 keeps log away from log(0).</summary>
    protected static double CrossEntropyError(Tensor y, Tensor t)
    {
        const double delta = 1e-7;
        var batchSize = y.Dim(0);
        if (t.Size == y.Size) return -(t * Np.Log(y + delta)).Sum() / batchSize; // one-hot targets
        return -Np.Log(y[Tensor.Arange(0, batchSize), t] + delta).Sum() / batchSize; // labels: y[np.arange(N), t]
    }
}

public partial class Chapter5Reference
{
    /// <inheritdoc/>
    public virtual ILossLayer CreateSoftmaxWithLoss() => new SoftmaxWithLossLayer();
}
