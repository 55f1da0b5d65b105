using System.Numerics.Tensors;
using System.Runtime.Intrinsics;

namespace DeepLearningKata;

// The matrix product, the engine's one hot spot: a training step of the book's networks spends most of
// its time here. The entry points describe each operand by strides (element (i, p) of A is
// a[i·aRow + p·aCol]), so A·B, Aᵀ·B and A·Bᵀ share one implementation and no transpose is ever copied.
//
// Files: this one (entry points, thin shapes, threads) → Kernels.MatMul.Blocked.cs (cache blocking) →
// Kernels.MatMul.Packing.cs (panels of B) → Kernels.MatMul.MicroKernel.cs (the register tile) →
// Kernels.MatMul.Lanes.cs (AVX-512, AVX2, 128-bit and scalar registers behind one interface).
//
// Results can differ from a naive triple loop in the last bits: the sums are added in another order.
internal static unsafe partial class Kernels
{
    // Below this many multiply-adds (about 20 µs of work on one core) waking a second thread costs more
    // than it saves: (100×50)·(50×10) stays on one thread, (100×784)·(784×50) is split.
    private const long ParallelThreshold = 1L << 20;

    // The work is split in two halves at most: the brief for this engine is a 2-core machine, and the
    // shapes of the book's networks are too small to feed more threads.
    private static readonly int Threads = Math.Min(2, Environment.ProcessorCount);

    /// <summary><c>C = A·B</c> for row-major <c>A (m×k)</c>, <c>B (k×n)</c>, <c>C (m×n)</c>; <paramref name="c"/> is overwritten.</summary>
    internal static void MatMul(ReadOnlySpan<double> a, ReadOnlySpan<double> b, Span<double> c, int m, int k, int n) =>
        Gemm(a, k, 1, b, n, 1, c, m, k, n);

    /// <summary><c>C = Aᵀ·B</c> where <paramref name="a"/> holds A as <c>(k×m)</c> row-major and B is <c>(k×n)</c>: C is <c>(m×n)</c>.</summary>
    internal static void MatMulTransposeA(ReadOnlySpan<double> a, ReadOnlySpan<double> b, Span<double> c, int m, int k, int n) =>
        Gemm(a, 1, m, b, n, 1, c, m, k, n);

    /// <summary><c>C = A·Bᵀ</c> where A is <c>(m×k)</c> and <paramref name="b"/> holds B as <c>(n×k)</c> row-major: C is <c>(m×n)</c>.</summary>
    internal static void MatMulTransposeB(ReadOnlySpan<double> a, ReadOnlySpan<double> b, Span<double> c, int m, int k, int n) =>
        Gemm(a, k, 1, b, 1, k, c, m, k, n);

    private static void Gemm(ReadOnlySpan<double> a, int aRow, int aCol, ReadOnlySpan<double> b, int bRow, int bCol,
        Span<double> c, int m, int k, int n)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(m);
        ArgumentOutOfRangeException.ThrowIfNegative(k);
        ArgumentOutOfRangeException.ThrowIfNegative(n);
        // The kernels work on raw pointers, so the sizes are checked once, here.
        if (a.Length < (long)m * k || b.Length < (long)k * n || c.Length < (long)m * n)
        {
            throw new ArgumentException($"Buffers of {a.Length}, {b.Length} and {c.Length} values are too small for ({m}×{k})·({k}×{n}).");
        }
        if (m == 0 || n == 0) return;
        c = c[..(m * n)];
        if (k == 0)
        {
            c.Clear();
            return;
        }

        // A single column or row of C is a matrix–vector product: every element of the matrix is used
        // once, so packing would only add a copy. Both operands are contiguous in these cases.
        if (n == 1)
        {
            MatrixVector(a, aRow, aCol, b, c, m, k);
            return;
        }
        if (m == 1)
        {
            VectorMatrix(a, b, bRow, bCol, c, k, n);
            return;
        }

        fixed (double* pa = a, pb = b, pc = c)
        {
            var product = new Product(pa, aRow, aCol, pb, bRow, bCol, pc, n, m, k, n);
            if (Vector512.IsHardwareAccelerated) Run<Lanes512>(product);
            else if (Vector256.IsHardwareAccelerated) Run<Lanes256>(product);
            else if (Vector128.IsHardwareAccelerated) Run<Lanes128>(product);
            else Run<LanesScalar>(product);
        }
    }

    /// <summary>Runs the product on one thread, or on two halves of C when it is large enough to pay for the second thread.</summary>
    private static void Run<TLanes>(Product x) where TLanes : struct, ILanes<TLanes>
    {
        if (Threads < 2 || (long)x.M * x.K * x.N < ParallelThreshold)
        {
            Blocked<TLanes>(x);
            return;
        }
        // Split along the dimension with more tiles, at a tile boundary, so both halves run full tiles.
        // Splitting columns also splits the packing of B; splitting rows shares B, read by both.
        var rowTiles = DivUp(x.M, TLanes.Rows);
        var maxWidth = TLanes.MaxVectors * TLanes.Count;
        var columnPanels = DivUp(x.N, maxWidth);
        Product first, second;
        if (rowTiles >= columnPanels && rowTiles >= 2)
        {
            var split = DivUp(rowTiles, 2) * TLanes.Rows;
            (first, second) = (x.Rows(0, split), x.Rows(split, x.M - split));
        }
        else if (columnPanels >= 2)
        {
            var split = DivUp(columnPanels, 2) * maxWidth;
            (first, second) = (x.Columns(0, split), x.Columns(split, x.N - split));
        }
        else
        {
            Blocked<TLanes>(x);
            return;
        }
        Parallel.Invoke(() => Blocked<TLanes>(first), () => Blocked<TLanes>(second));
    }

    // C (m×1) = A·b. A's rows are contiguous (aCol = 1), or A is stored transposed and its columns are (aRow = 1).
    private static void MatrixVector(ReadOnlySpan<double> a, int aRow, int aCol, ReadOnlySpan<double> b, Span<double> c, int m, int k)
    {
        if (aCol == 1)
        {
            for (var i = 0; i < m; i++) c[i] = TensorPrimitives.Dot(a.Slice(i * aRow, k), b[..k]);
            return;
        }
        c.Clear();
        for (var p = 0; p < k; p++) TensorPrimitives.MultiplyAdd(a.Slice(p * aCol, m), b[p], c, c);
    }

    // C (1×n) = a·B. B's rows are contiguous (bCol = 1), or B is stored transposed and its columns are (bRow = 1).
    private static void VectorMatrix(ReadOnlySpan<double> a, ReadOnlySpan<double> b, int bRow, int bCol, Span<double> c, int k, int n)
    {
        if (bCol == 1)
        {
            c.Clear();
            for (var p = 0; p < k; p++) TensorPrimitives.MultiplyAdd(b.Slice(p * bRow, n), a[p], c, c);
            return;
        }
        for (var j = 0; j < n; j++) c[j] = TensorPrimitives.Dot(a[..k], b.Slice(j * bCol, k));
    }
}
