using DeepLearningKata.Reference;

namespace DeepLearningKata.Checks.Chapter01;

[Mutant("1.9", "Dot of two matrices reads b[j, k] instead of b[k, j] (a·bᵀ)")]
internal sealed class DotTransposedIndex : Chapter1Reference
{
    public override Tensor Dot(Tensor a, Tensor b)
    {
        if (a.Ndim != 2 || b.Ndim != 2) return base.Dot(a, b);
        var result = Tensor.Zeros(a.Dim(0), b.Dim(1));
        for (var i = 0; i < a.Dim(0); i++)
        {
            for (var j = 0; j < b.Dim(1); j++)
            {
                var sum = 0.0;
                for (var k = 0; k < a.Dim(1); k++) sum += a[i, k] * b[j, k];
                result[i, j] = sum;
            }
        }
        return result;
    }
}

[Mutant("1.9", "Dot of two vectors returns shape (1) instead of a 0-D tensor")]
internal sealed class DotVectorShapeOne : Chapter1Reference
{
    public override Tensor Dot(Tensor a, Tensor b) =>
        a.Ndim == 1 && b.Ndim == 1 ? base.Dot(a, b).Reshape(1) : base.Dot(a, b);
}

[Mutant("1.9", "Dot's sum over k stops one short (k < K − 1)")]
internal sealed class DotOffByOne : Chapter1Reference
{
    public override Tensor Dot(Tensor a, Tensor b)
    {
        // Every case as (m, K)·(K, n), with the last k left out of each sum.
        int m = a.Ndim == 2 ? a.Dim(0) : 1, k = a.Dim(-1), n = b.Ndim == 2 ? b.Dim(1) : 1;
        var x = a.Reshape(m, k);
        var y = b.Reshape(k, n);
        var result = Tensor.Zeros(m, n);
        for (var i = 0; i < m; i++)
        {
            for (var j = 0; j < n; j++)
            {
                for (var kk = 0; kk < k - 1; kk++) result[i, j] += x[i, kk] * y[kk, j];
            }
        }
        return (a.Ndim, b.Ndim) switch { (1, 1) => result.Reshape(), (2, 1) => result.Reshape(m), _ => result };
    }
}

[Mutant("1.9", "Outer does not flatten: it loops over the first axis of a and b only")]
internal sealed class OuterNotFlattened : Chapter1Reference
{
    public override Tensor Outer(Tensor a, Tensor b)
    {
        var result = Tensor.Zeros(a.Dim(0), b.Dim(0));
        for (var i = 0; i < a.Dim(0); i++)
        {
            for (var j = 0; j < b.Dim(0); j++) result[i, j] = a.AsSpan()[i] * b.AsSpan()[j];
        }
        return result;
    }
}

[Mutant("1.9", "Outer(b, a): the two inputs swapped, giving the transpose")]
internal sealed class OuterSwapped : Chapter1Reference
{
    public override Tensor Outer(Tensor a, Tensor b) => base.Outer(b, a);
}

[Mutant("1.9", "Multiply without broadcasting: b[i, j] read at a's indices")]
internal sealed class MultiplyNoBroadcast : Chapter1Reference
{
    public override Tensor Multiply(Tensor a, Tensor b)
    {
        var result = Tensor.ZerosLike(a);
        for (var i = 0; i < a.Dim(0); i++)
        {
            for (var j = 0; j < a.Dim(1); j++) result[i, j] = a[i, j] * b[i, j];
        }
        return result;
    }
}

[Mutant("1.9", "Multiply broadcasts b only: the result always has a's shape")]
internal sealed class MultiplyBroadcastsOnlyB : Chapter1Reference
{
    public override Tensor Multiply(Tensor a, Tensor b)
    {
        var result = Tensor.ZerosLike(a);
        for (var i = 0; i < a.Dim(0); i++)
        {
            for (var j = 0; j < a.Dim(1); j++) result[i, j] = a[i, j] * b[b.Dim(0) == 1 ? 0 : i, b.Dim(1) == 1 ? 0 : j];
        }
        return result;
    }
}

[Mutant("1.9", "Multiply as a matrix product instead of element by element")]
internal sealed class MultiplyIsMatrixProduct : Chapter1Reference
{
    public override Tensor Multiply(Tensor a, Tensor b) => Np.Dot(a, b);
}

[Mutant("1.9", "Multiply writes the products into a")]
internal sealed class MultiplyInPlace : Chapter1Reference
{
    public override Tensor Multiply(Tensor a, Tensor b)
    {
        var result = base.Multiply(a, b);
        if (result.ShapeSpan.SequenceEqual(a.ShapeSpan)) result.AsSpan().CopyTo(a.AsSpan());
        return result;
    }
}
