namespace DeepLearningKata.Reference;

public partial class Chapter1Reference
{
    /// <inheritdoc/>
    /// <remarks>For very negative x, e^(−x) overflows to ∞ and 1/(1+∞) = 0: finite, never NaN.</remarks>
    public virtual double BasicSigmoid(double x) => 1.0 / (1.0 + Math.Exp(-x));
}
