namespace DeepLearningKata.Reference;

public partial class Chapter1Reference
{
    /// <inheritdoc/>
    /// <remarks>As NumPy writes it, 1 / (1 + np.exp(-x)); for very negative x, e^(−x) is ∞ and the result 0, never NaN.</remarks>
    public virtual Tensor Sigmoid(Tensor x) => 1.0 / (1.0 + Np.Exp(-x));
}
