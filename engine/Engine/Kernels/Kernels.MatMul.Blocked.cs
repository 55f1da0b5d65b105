using System.Runtime.CompilerServices;
using System.Buffers;

namespace DeepLearningKata;

// The blocked loop nest around the micro-kernel (the classic GotoBLAS/BLIS structure, minus the levels
// these matrix sizes do not need):
//
//   for each block of ≤ nc columns of C              (its packed panels of B fit in L2)
//     for each block of ≤ kc steps of the shared dimension
//       pack that block of B into panels
//       for each tile of MR rows of A                  (the tile's MR×kc values of A stay in L1)
//         for each panel of the block                  (streamed from L2)
//           micro-kernel: C tile (+)= A tile · panel
//
// A later block of the shared dimension adds to C what the earlier blocks wrote. A is read where it
// lies, through its strides: each of its values is loaded once per panel, which costs less than a copy.
internal static unsafe partial class Kernels
{
    // Steps of the shared dimension per block: an MR×kc tile of A (6×256 doubles = 12 KB) stays in L1.
    private const int KcMax = 256;

    // Doubles of packed B per column block, 512 KB: about half of a current core's L2.
    private const int PackedBudget = 64 * 1024;

    /// <summary>One product <c>C = A·B</c>, each operand as a pointer and strides.</summary>
    private readonly struct Product
    {
        public readonly double* A, B, C;
        public readonly nint ARow, ACol, BRow, BCol, Ldc;
        public readonly int M, K, N;

        /// <summary>N values added to every row of C once its sums are complete, or null.</summary>
        public readonly double* Bias;

        public Product(double* a, nint aRow, nint aCol, double* b, nint bRow, nint bCol, double* c, nint ldc, int m, int k, int n, double* bias = null)
        {
            A = a; ARow = aRow; ACol = aCol;
            B = b; BRow = bRow; BCol = bCol;
            C = c; Ldc = ldc;
            M = m; K = k; N = n;
            Bias = bias;
        }

        /// <summary>The product restricted to rows <c>[start, start + count)</c> of A and C.</summary>
        public Product Rows(int start, int count) =>
            new(A + start * ARow, ARow, ACol, B, BRow, BCol, C + start * Ldc, Ldc, count, K, N, Bias);

        /// <summary>The part <c>A[:, start:start + count]·B[start:start + count, :]</c> of the product, written to <paramref name="c"/>, without the bias.</summary>
        public Product Depth(int start, int count, double* c, nint ldc) =>
            new(A + start * ACol, ARow, ACol, B + start * BRow, BRow, BCol, c, ldc, M, count, N);

        /// <summary>The product restricted to columns <c>[start, start + count)</c> of B and C.</summary>
        public Product Columns(int start, int count) =>
            new(A, ARow, ACol, B + start * BCol, BRow, BCol, C + start, Ldc, M, K, count, Bias is null ? null : Bias + start);
    }

    /// <summary>Blocks of equal length, so the last one is not a sliver (784 steps: 4 × 196, not 3 × 256 + 16).</summary>
    private static int SharedBlock(int k) => DivUp(k, DivUp(k, KcMax));

    /// <summary>The columns of one block of C: as many as keep its packed panels within the budget.</summary>
    private static int ColumnBlock<TLanes>(int kc) where TLanes : struct
    {
        var maxWidth = Lanes<TLanes>.MaxVectors * Lanes<TLanes>.Count;
        return Math.Max(maxWidth, PackedBudget / kc / maxWidth * maxWidth);
    }

    /// <summary>Doubles of packed B for <paramref name="cols"/> columns over <paramref name="depth"/> steps: panels round up to whole registers.</summary>
    private static int PackedSize<TLanes>(int depth, int cols) where TLanes : struct =>
        depth * DivUp(cols, Lanes<TLanes>.Count) * Lanes<TLanes>.Count;

    /// <summary>Packs one block of B (<paramref name="depth"/> steps from <paramref name="b"/>, <paramref name="cols"/> columns) into consecutive panels.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void PackBlock<TLanes>(in Product x, double* b, int depth, int cols, double* packed)
        where TLanes : struct
    {
        for (var jj = 0; jj < cols;)
        {
            var width = PanelVectors<TLanes>(cols - jj) * Lanes<TLanes>.Count;
            PackPanel(b + jj * x.BCol, x.BRow, x.BCol, depth, Math.Min(width, cols - jj), width, packed);
            packed += depth * width;
            jj += width;
        }
    }

    /// <summary>
    /// Packs block number <paramref name="block"/> of the shared dimension of all of B, for products whose row parts
    /// run on several threads: block p0 starts at <c>p0 · N</c> (rounded up to registers) in <paramref name="packed"/>.
    /// The blocks can be packed in any order, by any thread.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void PackSharedBlock<TLanes>(in Product x, double* packed, int block) where TLanes : struct
    {
        var kc = SharedBlock(x.K);
        var p0 = block * kc;
        PackBlock<TLanes>(x, x.B + p0 * x.BRow, Math.Min(kc, x.K - p0), x.N, packed + PackedSize<TLanes>(p0, x.N));
    }

    /// <summary>Whether all of B, packed once for the row parts of a threaded product, fits in one column block.</summary>
    private static bool FitsOneColumnBlock<TLanes>(in Product x) where TLanes : struct =>
        x.N <= ColumnBlock<TLanes>(SharedBlock(x.K));

    /// <summary>
    /// Computes <c>C = A·B</c> on the calling thread with the micro-kernel for <typeparamref name="TLanes"/>.
    /// <paramref name="packedB"/> is B already packed by <see cref="PackSharedBlock{TLanes}"/>, or null to pack here.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Blocked<TLanes>(Product x, double* packedB) where TLanes : struct
    {
        var lanes = Lanes<TLanes>.Count;
        var mr = Lanes<TLanes>.Rows;
        var kc = SharedBlock(x.K);
        var nc = packedB is null ? ColumnBlock<TLanes>(kc) : x.N;

        double[]? buffer = null;
        if (packedB is null)
        {
            // 8 doubles more leave room to start on a 64-byte boundary.
            buffer = ArrayPool<double>.Shared.Rent(PackedSize<TLanes>(kc, Math.Min(nc, x.N)) + 8);
        }
        try
        {
            fixed (double* pinned = buffer)
            {
                // Panels start on a cache-line boundary and their rows are whole registers long, so no
                // load of the micro-kernel straddles two cache lines (a split load costs twice).
                var own = (double*)(((nint)pinned + 63) & ~(nint)63);
                for (var j0 = 0; j0 < x.N; j0 += nc)
                {
                    var cols = Math.Min(nc, x.N - j0);
                    for (var p0 = 0; p0 < x.K; p0 += kc)
                    {
                        var depth = Math.Min(kc, x.K - p0);
                        double* packed;
                        if (packedB is null)
                        {
                            packed = own;
                            PackBlock<TLanes>(x, x.B + p0 * x.BRow + j0 * x.BCol, depth, cols, packed);
                        }
                        else
                        {
                            packed = packedB + PackedSize<TLanes>(p0, x.N);
                        }
                        for (var i0 = 0; i0 < x.M; i0 += mr)
                        {
                            var rows = Math.Min(mr, x.M - i0);
                            var aTile = x.A + i0 * x.ARow + p0 * x.ACol;
                            var cTile = x.C + i0 * x.Ldc + j0;
                            var panel = packed;
                            for (var jj = 0; jj < cols;)
                            {
                                var vectors = PanelVectors<TLanes>(cols - jj);
                                var width = vectors * lanes;
                                Tile<TLanes>(rows, vectors, depth, aTile, x.ARow, x.ACol, panel, cTile + jj, x.Ldc, Math.Min(width, cols - jj), p0 > 0);
                                if (x.Bias is not null && p0 + depth == x.K)
                                {
                                    AddBias(cTile + jj, x.Ldc, rows, Math.Min(width, cols - jj), x.Bias + j0 + jj);
                                }
                                panel += depth * width;
                                jj += width;
                            }
                        }
                    }
                }
            }
        }
        finally
        {
            if (buffer is not null) ArrayPool<double>.Shared.Return(buffer);
        }
    }

    // The bias added to each row of a finished tile, still in L1.
    private static void AddBias(double* c, nint ldc, int rows, int cols, double* bias)
    {
        var b = new ReadOnlySpan<double>(bias, cols);
        for (var r = 0; r < rows; r++)
        {
            var row = new Span<double>(c + r * ldc, cols);
            System.Numerics.Tensors.TensorPrimitives.Add(row, b, row);
        }
    }

    private static int DivUp(int a, int b) => (a + b - 1) / b;
}
