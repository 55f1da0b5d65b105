using DeepLearningKata.Reference;

namespace DeepLearningKata.Checks.Chapter04;

[Mutant("4.1", "Σ(y − t)²: the ½ forgotten")]
internal sealed class MeanSquaredErrorNoHalf : Chapter4Reference
{
    public override double MeanSquaredError(Tensor y, Tensor t) => ((y - t) * (y - t)).Sum();
}

[Mutant("4.1", "½·mean of (y − t)²: divided by the number of elements")]
internal sealed class MeanSquaredErrorMean : Chapter4Reference
{
    public override double MeanSquaredError(Tensor y, Tensor t) => 0.5 * ((y - t) * (y - t)).Mean();
}

[Mutant("4.1", "½·Σ(y − t): the square forgotten")]
internal sealed class MeanSquaredErrorNoSquare : Chapter4Reference
{
    public override double MeanSquaredError(Tensor y, Tensor t) => 0.5 * (y - t).Sum();
}

[Mutant("4.1", "½·Σ|y − t|: absolute value instead of the square")]
internal sealed class MeanSquaredErrorAbs : Chapter4Reference
{
    public override double MeanSquaredError(Tensor y, Tensor t) => 0.5 * Np.Abs(y - t).Sum();
}

[Mutant("4.1", "y −= t in place, as NumPy's y -= t would: right value, but the caller's y is changed")]
internal sealed class MeanSquaredErrorInPlace : Chapter4Reference
{
    public override double MeanSquaredError(Tensor y, Tensor t)
    {
        var ys = y.AsSpan();
        for (var i = 0; i < ys.Length; i++) ys[i] -= t.AsSpan()[i];
        return 0.5 * (y * y).Sum();
    }
}
