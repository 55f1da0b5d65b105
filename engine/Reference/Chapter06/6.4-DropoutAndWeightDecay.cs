using DeepLearningKata.Contracts;

namespace DeepLearningKata.Reference;

/// <summary>Dropout as the book writes it: a random mask in training, a scaling by <c>1 − ratio</c> at test time.</summary>
public class Dropout(double ratio, Random random) : ILayer
{
    protected readonly double ratio = ratio;
    protected readonly Random random = random;

    /// <summary>1 where the last training Forward kept the element, 0 where it dropped it.</summary>
    protected Tensor? mask;

    /// <inheritdoc/>
    public virtual Tensor Forward(Tensor x, bool train = true)
    {
        if (!train) return x * (1.0 - ratio); // every unit is on, so scale to what training saw on average
        mask = Tensor.RandomUniform(random, 0, 1, x.Shape) > ratio;
        return x * mask;
    }

    /// <inheritdoc/>
    public virtual Tensor Backward(Tensor dout) => dout * mask!;

    /// <inheritdoc/>
    public IReadOnlyDictionary<string, Tensor> Params { get; } = new Dictionary<string, Tensor>();

    /// <inheritdoc/>
    public IReadOnlyDictionary<string, Tensor> Grads { get; } = new Dictionary<string, Tensor>();
}

public partial class Chapter6Reference
{
    /// <inheritdoc/>
    public virtual ILayer CreateDropout(double ratio, Random random) => new Dropout(ratio, random);

    /// <inheritdoc/>
    public virtual double WeightDecayLoss(IReadOnlyList<Tensor> weights, double lambda)
    {
        var sum = 0.0;
        foreach (var W in weights) sum += 0.5 * lambda * Np.Sum(W * W);
        return sum;
    }

    /// <inheritdoc/>
    public virtual Tensor WeightDecayGradient(Tensor dW, Tensor W, double lambda) => dW + lambda * W;
}
