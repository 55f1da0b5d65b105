using System.Numerics.Tensors;

namespace DeepLearningKata;

internal static partial class Kernels
{
    /// <summary>
    /// <c>C = A·B</c> for row-major <c>A (m×k)</c>, <c>B (k×n)</c>, <c>C (m×n)</c>; <paramref name="c"/> is overwritten.
    /// </summary>
    /// <remarks>
    /// The i-k-j order streams rows of B and C through SIMD multiply-adds: each <c>C[i,:] += A[i,p]·B[p,:]</c>
    /// is one <c>TensorPrimitives.MultiplyAdd</c>.
    /// Summation order differs from a naive dot product, so results may differ in the last bits.
    /// </remarks>
    internal static void MatMul(ReadOnlySpan<double> a, ReadOnlySpan<double> b, Span<double> c, int m, int k, int n)
    {
        c[..(m * n)].Clear();
        if (n == 1)
        {
            for (var i = 0; i < m; i++) c[i] = TensorPrimitives.Dot(a.Slice(i * k, k), b[..k]);
            return;
        }
        for (var i = 0; i < m; i++)
        {
            var row = c.Slice(i * n, n);
            for (var p = 0; p < k; p++)
            {
                TensorPrimitives.MultiplyAdd(b.Slice(p * n, n), a[i * k + p], row, row);
            }
        }
    }
}
