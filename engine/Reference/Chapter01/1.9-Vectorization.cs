namespace DeepLearningKata.Reference;

// Written with loops, as the exercise asks; Np.Dot, Np.Outer and a * b are the vectorised one-liners
// (the checks use those as their yardstick, and an alternative solution uses them).
public partial class Chapter1Reference
{
    /// <inheritdoc/>
    public virtual Tensor Dot(Tensor a, Tensor b)
    {
        Guards.DotShapes(a, b);
        var inner = a.Dim(-1);
        switch (a.Ndim, b.Ndim)
        {
            case (1, 1):
            {
                var sum = 0.0;
                for (var k = 0; k < inner; k++) sum += a[k] * b[k];
                return Tensor.Scalar(sum);
            }
            case (2, 1):
            {
                var result = Tensor.Zeros(a.Dim(0));
                for (var i = 0; i < a.Dim(0); i++)
                {
                    var sum = 0.0;
                    for (var k = 0; k < inner; k++) sum += a[i, k] * b[k];
                    result[i] = sum;
                }
                return result;
            }
            case (2, 2):
            {
                var result = Tensor.Zeros(a.Dim(0), b.Dim(1));
                for (var i = 0; i < a.Dim(0); i++)
                {
                    for (var j = 0; j < b.Dim(1); j++)
                    {
                        var sum = 0.0;
                        for (var k = 0; k < inner; k++) sum += a[i, k] * b[k, j];
                        result[i, j] = sum;
                    }
                }
                return result;
            }
            default:
                throw Guards.DotRanks(a, b);
        }
    }

    /// <inheritdoc/>
    public virtual Tensor Outer(Tensor a, Tensor b)
    {
        var af = a.AsSpan(); // all elements in storage order: the flattened input, as np.outer uses
        var bf = b.AsSpan();
        var result = Tensor.Zeros(af.Length, bf.Length);
        for (var i = 0; i < af.Length; i++)
        {
            for (var j = 0; j < bf.Length; j++) result[i, j] = af[i] * bf[j];
        }
        return result;
    }

    /// <inheritdoc/>
    public virtual Tensor Multiply(Tensor a, Tensor b)
    {
        Guards.Matrices(a, b);
        var rows = Broadcast(a.Dim(0), b.Dim(0), a, b);
        var cols = Broadcast(a.Dim(1), b.Dim(1), a, b);
        var result = Tensor.Zeros(rows, cols);
        for (var i = 0; i < rows; i++)
        {
            for (var j = 0; j < cols; j++)
            {
                // An axis of size 1 is stretched: its only index, 0, stands for every i (or j).
                var x = a[a.Dim(0) == 1 ? 0 : i, a.Dim(1) == 1 ? 0 : j];
                var y = b[b.Dim(0) == 1 ? 0 : i, b.Dim(1) == 1 ? 0 : j];
                result[i, j] = x * y;
            }
        }
        return result;
    }

    private static int Broadcast(int m, int n, Tensor a, Tensor b)
    {
        if (m == n || n == 1) return m;
        Guards.Broadcastable(m, n, a, b);
        return n;
    }
}
