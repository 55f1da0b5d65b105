using DeepLearningKata.Reference;

namespace DeepLearningKata.Checks.Chapter01;

[Mutant("1.5", "column norms (axis 0) instead of row norms")]
internal sealed class NormalizeRowsByColumns : Chapter1Reference
{
    public override Tensor NormalizeRows(Tensor x) => x / Np.Norm(x, axis: 0, keepdims: true);
}

[Mutant("1.5", "the L1 norm Σ|x| of each row instead of the L2 norm")]
internal sealed class NormalizeRowsL1 : Chapter1Reference
{
    public override Tensor NormalizeRows(Tensor x) => x / Np.Abs(x).Sum(axis: 1, keepdims: true);
}

[Mutant("1.5", "Σ x² of each row, the square root forgotten")]
internal sealed class NormalizeRowsNoSqrt : Chapter1Reference
{
    public override Tensor NormalizeRows(Tensor x) => x / (x * x).Sum(axis: 1, keepdims: true);
}

[Mutant("1.5", "row norms without keepdims: shape (m) broadcasts along the columns")]
internal sealed class NormalizeRowsNoKeepdims : Chapter1Reference
{
    public override Tensor NormalizeRows(Tensor x) => x / Np.Norm(x, axis: 1);
}

[Mutant("1.5", "divides x in place, writing into the caller's tensor")]
internal sealed class NormalizeRowsInPlace : Chapter1Reference
{
    public override Tensor NormalizeRows(Tensor x)
    {
        var result = x / Np.Norm(x, axis: 1, keepdims: true);
        result.AsSpan().CopyTo(x.AsSpan());
        return x;
    }
}
