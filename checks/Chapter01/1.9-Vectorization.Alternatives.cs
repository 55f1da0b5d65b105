using DeepLearningKata.Reference;

namespace DeepLearningKata.Checks.Chapter01;

[Alternative("1.9", "the vectorised one-liners: Np.Dot, Np.Outer and a * b")]
internal sealed class VectorizationWithNumPy : Chapter1Reference
{
    public override Tensor Dot(Tensor a, Tensor b) => Np.Dot(a, b);

    public override Tensor Outer(Tensor a, Tensor b) => Np.Outer(a, b);

    public override Tensor Multiply(Tensor a, Tensor b) => Np.Multiply(a, b);
}

[Alternative("1.9", "flat loops over AsSpan with row-major offsets, and Multiply by expanding both to the full shape first")]
internal sealed class VectorizationFlatLoops : Chapter1Reference
{
    public override Tensor Dot(Tensor a, Tensor b)
    {
        // Treat a vector a as one row and a vector b as one column: (m, K)·(K, n) covers all three cases.
        int m = a.Ndim == 2 ? a.Dim(0) : 1, k = a.Dim(-1), n = b.Ndim == 2 ? b.Dim(1) : 1;
        var x = a.AsSpan();
        var y = b.AsSpan();
        var c = new double[m * n];
        for (var i = 0; i < m; i++)
        {
            for (var kk = 0; kk < k; kk++)
            {
                var aik = x[i * k + kk];
                for (var j = 0; j < n; j++) c[i * n + j] += aik * y[kk * n + j];
            }
        }
        int[] shape = (a.Ndim, b.Ndim) switch { (1, 1) => [], (2, 1) => [m], _ => [m, n] };
        return new Tensor(c, shape);
    }

    public override Tensor Outer(Tensor a, Tensor b)
    {
        var x = a.ToArray();
        var y = b.ToArray();
        var c = new double[x.Length * y.Length];
        for (var i = 0; i < x.Length; i++)
        {
            for (var j = 0; j < y.Length; j++) c[i * y.Length + j] = x[i] * y[j];
        }
        return new Tensor(c, x.Length, y.Length);
    }

    public override Tensor Multiply(Tensor a, Tensor b)
    {
        int rows = Math.Max(a.Dim(0), b.Dim(0)), cols = Math.Max(a.Dim(1), b.Dim(1));
        var x = Expand(a, rows, cols);
        var y = Expand(b, rows, cols);
        var c = new double[rows * cols];
        for (var i = 0; i < c.Length; i++) c[i] = x[i] * y[i];
        return new Tensor(c, rows, cols);
    }

    /// <summary>The (rows, cols) array a broadcasts to: its single row or column repeated.</summary>
    private static double[] Expand(Tensor t, int rows, int cols)
    {
        var e = new double[rows * cols];
        for (var i = 0; i < rows; i++)
        {
            for (var j = 0; j < cols; j++) e[i * cols + j] = t[t.Dim(0) == 1 ? 0 : i, t.Dim(1) == 1 ? 0 : j];
        }
        return e;
    }
}
