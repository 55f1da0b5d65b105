using System.Buffers;
using System.Diagnostics;
using System.Numerics.Tensors;
using System.Runtime.Intrinsics;

namespace DeepLearningKata;

// The matrix product, the engine's one hot spot: a training step of the book's networks spends most of
// its time here. The entry points describe each operand by strides (element (i, p) of A is
// a[i·aRow + p·aCol]), so A·B, Aᵀ·B and A·Bᵀ share one implementation and no transpose is ever copied.
//
// Files, from the outside in:
//   Kernels.MatMul.cs             entry points, matrix–vector shapes, cutting a product into parts
//   Kernels.MatMul.Threads.cs     one thread or two (measured per shape), and how to fix the choice
//   Kernels.MatMul.Parallel.cs    running the parts on the calling thread and one helper
//   Kernels.MatMul.Blocked.cs     cache blocking: the loop nest around the micro-kernel
//   Kernels.MatMul.Packing.cs     copying B into register-wide panels (and Bᵀ without a transposed copy)
//   Kernels.MatMul.MicroKernel.cs the register tile: MR rows × up to 4 registers of C
//   Kernels.MatMul.Lanes.cs       the sizes and operations of AVX-512, AVX2, 128-bit and scalar registers
//
// How fast, on the project's 2-core AMD EPYC Zen 4 machines (AVX-512 executed as two 256-bit halves): one thread
// 46–49 GFLOP/s at 512×512×512 and about 46 on the two-layer net's (100×784)·(784×50), near the core's peak of 16
// flops a cycle; two threads 90–95 at 512 when the second core is free. On Zen 3 machines (AVX2, 512 KB L2): one
// thread 25–35 and two 45–60, as noisy as those machines are. tools/benchmark.sh compares the engine with
// NumPy + OpenBLAS side by side.
//
// Results can differ from a naive triple loop in the last bits: the sums are added in another order.
internal static unsafe partial class Kernels
{
    // Parts a threaded product is cut into (see Run): small enough that the thread finishing first waits
    // for at most an eighth of the work, large enough that each part is many micro-kernel calls.
    private const int PartsPerProduct = 8;

    /// <summary><c>C = A·B</c> for row-major <c>A (m×k)</c>, <c>B (k×n)</c>, <c>C (m×n)</c>; <paramref name="c"/> is overwritten.</summary>
    internal static void MatMul(ReadOnlySpan<double> a, ReadOnlySpan<double> b, Span<double> c, int m, int k, int n) =>
        Gemm(a, k, 1, b, n, 1, c, m, k, n);

    /// <summary><c>C = Aᵀ·B</c> where <paramref name="a"/> holds A as <c>(k×m)</c> row-major and B is <c>(k×n)</c>: C is <c>(m×n)</c>.</summary>
    internal static void MatMulTransposeA(ReadOnlySpan<double> a, ReadOnlySpan<double> b, Span<double> c, int m, int k, int n) =>
        Gemm(a, 1, m, b, n, 1, c, m, k, n);

    /// <summary><c>C = A·Bᵀ</c> where A is <c>(m×k)</c> and <paramref name="b"/> holds B as <c>(n×k)</c> row-major: C is <c>(m×n)</c>.</summary>
    internal static void MatMulTransposeB(ReadOnlySpan<double> a, ReadOnlySpan<double> b, Span<double> c, int m, int k, int n) =>
        Gemm(a, k, 1, b, 1, k, c, m, k, n);

    /// <summary>
    /// <c>C = op(A)·op(B)</c>: <paramref name="a"/> holds A as <c>(m×k)</c>, or as <c>(k×m)</c> when <paramref name="transposeA"/>;
    /// <paramref name="b"/> holds B as <c>(k×n)</c>, or as <c>(n×k)</c> when <paramref name="transposeB"/>. C is <c>(m×n)</c>, overwritten.
    /// </summary>
    /// <remarks>
    /// With <paramref name="bias"/> (n values), <c>C = op(A)·op(B) + bias</c>, the bias added to every row of C: to each
    /// tile of C right after its last multiply-add, while it is still in the cache, instead of in a pass of its own
    /// over all of C (x·W + b, the convolution's 13.8 MB output + b). The bits are those of the product plus the bias.
    /// </remarks>
    internal static void MatMul(ReadOnlySpan<double> a, bool transposeA, ReadOnlySpan<double> b, bool transposeB, Span<double> c, int m, int k, int n,
        ReadOnlySpan<double> bias = default) =>
        Gemm(a, transposeA ? 1 : k, transposeA ? m : 1, b, transposeB ? 1 : n, transposeB ? k : 1, c, m, k, n, bias);

    private static void Gemm(ReadOnlySpan<double> a, int aRow, int aCol, ReadOnlySpan<double> b, int bRow, int bCol,
        Span<double> c, int m, int k, int n, ReadOnlySpan<double> bias = default)
    {
        if (!bias.IsEmpty && bias.Length != n) throw new ArgumentException($"A bias of {bias.Length} values for {n} columns.", nameof(bias));
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
        if (k == 0 || n == 1 || m == 1)
        {
            // A single column or row of C is a matrix–vector product: every element of the matrix is used
            // once, so packing would only add a copy. Both operands are contiguous in these cases.
            if (k == 0) c.Clear();
            else if (n == 1) MatrixVector(a, aRow, aCol, b, c, m, k);
            else VectorMatrix(a, b, bRow, bCol, c, k, n);
            if (!bias.IsEmpty)
            {
                for (var row = 0; row < m; row++) TensorPrimitives.Add(c.Slice(row * n, n), bias, c.Slice(row * n, n));
            }
            return;
        }

        fixed (double* pa = a, pb = b, pc = c, pBias = bias)
        {
            var product = new Product(pa, aRow, aCol, pb, bRow, bCol, pc, n, m, k, n, bias.IsEmpty ? null : pBias);
            if (Vector512.IsHardwareAccelerated) Run<Vector512<double>>(product);
            else if (Vector256.IsHardwareAccelerated) Run<Vector256<double>>(product);
            else if (Vector128.IsHardwareAccelerated) Run<Vector128<double>>(product);
            else Run<double>(product);
        }
    }

    /// <summary>Runs the product on one thread, or on two when it is large enough and two are faster (see ThreadChoice).</summary>
    private static void Run<TLanes>(Product x) where TLanes : struct
    {
        var work = (long)x.M * x.K * x.N;
        var rowTiles = DivUp(x.M, Lanes<TLanes>.Rows);
        var columnPanels = DivUp(x.N, Lanes<TLanes>.MaxVectors * Lanes<TLanes>.Count);
        if (work < ParallelThreshold || Math.Max(rowTiles, columnPanels) < 2)
        {
            Blocked<TLanes>(x, null);
            return;
        }
        var threads = FixedThreads();
        if (threads != 0)
        {
            RunOn<TLanes>(x, threads);
            return;
        }
        var slot = ThreadChoice.Slot(x);
        threads = ThreadChoice.Choose(slot, out var record);
        var start = Stopwatch.GetTimestamp();
        RunOn<TLanes>(x, threads);
        if (record) ThreadChoice.Record(slot, work, threads, Stopwatch.GetTimestamp() - start);
    }

    private static void RunOn<TLanes>(Product x, int threads) where TLanes : struct
    {
        if (DepthHalf(x) is var half and > 0)
        {
            RunInHalves<TLanes>(x, half, threads);
            return;
        }
        if (threads == 1)
        {
            Blocked<TLanes>(x, null);
            return;
        }
        var rowTiles = DivUp(x.M, Lanes<TLanes>.Rows);
        var maxWidth = Lanes<TLanes>.MaxVectors * Lanes<TLanes>.Count;
        var columnPanels = DivUp(x.N, maxWidth);
        // C is cut into parts at tile boundaries, several per thread, which the threads take in turn (see
        // RunParts): if one thread is slowed down, the other takes more. Cut by columns, each part packs
        // its own columns of B; cut by rows, B is packed once, here, and shared.
        var byColumns = columnPanels >= PartsPerProduct || columnPanels >= rowTiles;
        var units = byColumns ? columnPanels : rowTiles;
        var parts = Math.Min(PartsPerProduct, units);
        if (byColumns && (long)x.M * x.K > PackedBudget)
        {
            // Every column part reads all of A. When A does not fit in L2 (512×512: 2 MB) it would come from
            // memory again for each part, so the parts are made at least one column block wide.
            var panelsPerBlock = ColumnBlock<TLanes>(SharedBlock(x.K)) / maxWidth;
            parts = Math.Clamp(units / panelsPerBlock, 2, parts);
        }
        double[]? shared = null;
        try
        {
            if (!byColumns && FitsOneColumnBlock<TLanes>(x))
            {
                shared = ArrayPool<double>.Shared.Rent(PackedSize<TLanes>(x.K, x.N) + 8);
            }
            fixed (double* pinned = shared)
            {
                var packed = shared is null ? null : (double*)(((nint)pinned + 63) & ~(nint)63);
                var packedAddress = (nint)packed; // a lambda cannot capture a pointer
                if (packed is not null)
                {
                    // B is packed by both threads too, a block of the shared dimension each (784 steps: 4 blocks):
                    // packed by the caller alone, it was a fifth of a two-layer net's (100×784)·(784×50) on two threads.
                    RunParts(DivUp(x.K, SharedBlock(x.K)), block => PackSharedBlock<TLanes>(x, (double*)packedAddress, block));
                }
                RunParts(parts, part =>
                {
                    var from = (int)((long)units * part / parts);
                    var to = (int)((long)units * (part + 1) / parts);
                    if (byColumns)
                    {
                        var start = from * maxWidth;
                        Blocked<TLanes>(x.Columns(start, Math.Min(x.N, to * maxWidth) - start), null);
                    }
                    else
                    {
                        var start = from * Lanes<TLanes>.Rows;
                        Blocked<TLanes>(x.Rows(start, Math.Min(x.M, to * Lanes<TLanes>.Rows) - start), (double*)packedAddress);
                    }
                });
            }
        }
        finally
        {
            if (shared is not null) ArrayPool<double>.Shared.Return(shared);
        }
    }

    // C holds at most this many doubles for a product to be cut along the shared dimension (DepthHalf).
    private const int HalvesBudget = 1 << 14;

    /// <summary>
    /// Where a product with a long shared dimension and a small C is cut in two along that dimension, or 0 when it
    /// is not. The two-layer net's (100×784)·(784×50) is such a product: its C has too few tiles to share among
    /// threads evenly, and the threads would share one packing of B, each reading the half the other packed from
    /// the other core's cache. Cut in the shared dimension instead, each half packs its own B and reads its own
    /// columns of A, and the halves' results are added at the end (C is small). The cut depends on the shape
    /// only, never on the number of threads, so a product gives the same bits on one thread as on two.
    /// </summary>
    private static int DepthHalf(in Product x)
    {
        var kc = SharedBlock(x.K);
        var blocks = DivUp(x.K, kc);
        return blocks >= 2 && x.K >= 2 * KcMax && (long)x.M * x.N <= HalvesBudget ? DivUp(blocks, 2) * kc : 0;
    }

    /// <summary>C = A[:, :half]·B[:half, :] + A[:, half:]·B[half:, :], the halves on two threads when there are two.</summary>
    private static void RunInHalves<TLanes>(Product x, int half, int threads) where TLanes : struct
    {
        var second = ArrayPool<double>.Shared.Rent(x.M * x.N);
        try
        {
            fixed (double* pinned = second)
            {
                var secondAddress = (nint)pinned; // a lambda cannot capture a pointer
                void Half(int which)
                {
                    if (which == 0) Blocked<TLanes>(x.Depth(0, half, x.C, x.Ldc), null);
                    else Blocked<TLanes>(x.Depth(half, x.K - half, (double*)secondAddress, x.N), null);
                }
                if (threads == 1)
                {
                    Half(0);
                    Half(1);
                }
                else
                {
                    RunParts(2, Half);
                }
                for (var i = 0; i < x.M; i++)
                {
                    var row = new Span<double>(x.C + i * x.Ldc, x.N);
                    TensorPrimitives.Add(row, new ReadOnlySpan<double>(pinned + i * x.N, x.N), row);
                    if (x.Bias is not null) TensorPrimitives.Add(row, new ReadOnlySpan<double>(x.Bias, x.N), row); // after the halves' sum, as unfused
                }
            }
        }
        finally
        {
            ArrayPool<double>.Shared.Return(second);
        }
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
