using System.Buffers;

namespace DeepLearningKata;

// The blocked loop nest around the micro-kernel (the classic GotoBLAS/BLIS structure, minus the levels
// these matrix sizes do not need):
//
//   for each block of ≤ nc columns of C            (its packed panels of B fit in L2)
//     for each block of ≤ kc steps of the shared dimension
//       for each tile of MR rows of A                (the tile's kc×MR values of A stay in L1)
//         for each panel of B in the column block    (streamed from L2)
//           micro-kernel: C tile (+)= A tile · panel
//
// A later block of the shared dimension adds to C what the earlier blocks wrote.
internal static unsafe partial class Kernels
{
    // Steps of the shared dimension per block: an MR×kc tile of A (6×256 doubles = 12 KB) stays in L1.
    private const int KcMax = 256;

    // Doubles of packed B per column block, 512 KB: about half of a current core's L2.
    private const int PackedBudget = 64 * 1024;

    // B small enough to stay in L2 is read in place where its rows are contiguous and a panel is full:
    // copying it would only add work. Larger B is packed, which also avoids cache-set conflicts when its
    // row stride is a large power of two (a 512×512 matrix has rows 4 KB apart).
    private const int InPlaceLimit = 64 * 1024;

    /// <summary>One product <c>C = A·B</c>, each operand as a pointer and strides.</summary>
    private readonly struct Product
    {
        public readonly double* A, B, C;
        public readonly nint ARow, ACol, BRow, BCol, Ldc;
        public readonly int M, K, N;

        public Product(double* a, nint aRow, nint aCol, double* b, nint bRow, nint bCol, double* c, nint ldc, int m, int k, int n)
        {
            A = a; ARow = aRow; ACol = aCol;
            B = b; BRow = bRow; BCol = bCol;
            C = c; Ldc = ldc;
            M = m; K = k; N = n;
        }

        /// <summary>The product restricted to rows <c>[start, start + count)</c> of A and C.</summary>
        public Product Rows(int start, int count) =>
            new(A + start * ARow, ARow, ACol, B, BRow, BCol, C + start * Ldc, Ldc, count, K, N);

        /// <summary>The product restricted to columns <c>[start, start + count)</c> of B and C.</summary>
        public Product Columns(int start, int count) =>
            new(A, ARow, ACol, B + start * BCol, BRow, BCol, C + start, Ldc, M, K, count);
    }

    /// <summary>Computes <c>C = A·B</c> on the calling thread with the micro-kernel for <typeparamref name="TLanes"/>.</summary>
    private static void Blocked<TLanes>(Product x) where TLanes : struct, ILanes<TLanes>
    {
        var lanes = TLanes.Count;
        var mr = TLanes.Rows;
        var maxWidth = TLanes.MaxVectors * lanes;

        // Blocks of equal length, so the last one is not a sliver (784 steps: 4 × 196, not 3 × 256 + 16).
        var kc = DivUp(x.K, DivUp(x.K, KcMax));
        var nc = Math.Max(maxWidth, PackedBudget / kc / maxWidth * maxWidth);
        var inPlace = x.BCol == 1 && (long)x.K * x.N <= InPlaceLimit;

        // The last panel may be wider than the columns left (zero padding), hence the extra maxWidth.
        var buffer = ArrayPool<double>.Shared.Rent(kc * (Math.Min(nc, x.N) + maxWidth));
        try
        {
            fixed (double* packed = buffer)
            {
                for (var j0 = 0; j0 < x.N; j0 += nc)
                {
                    var cols = Math.Min(nc, x.N - j0);
                    for (var p0 = 0; p0 < x.K; p0 += kc)
                    {
                        var depth = Math.Min(kc, x.K - p0);
                        var bBlock = x.B + p0 * x.BRow + j0 * x.BCol;
                        for (var i0 = 0; i0 < x.M; i0 += mr)
                        {
                            var rows = Math.Min(mr, x.M - i0);
                            var aTile = x.A + i0 * x.ARow + p0 * x.ACol;
                            var cTile = x.C + i0 * x.Ldc + j0;
                            var next = packed;
                            for (var jj = 0; jj < cols;)
                            {
                                var vectors = PanelVectors<TLanes>(cols - jj);
                                var width = vectors * lanes;
                                var valid = Math.Min(width, cols - jj);
                                var bPanel = bBlock + jj * x.BCol;
                                double* panel;
                                nint ldb;
                                if (inPlace && valid == width)
                                {
                                    panel = bPanel;
                                    ldb = x.BRow;
                                }
                                else
                                {
                                    // Packed while computing the first row tile, when it is about to be read anyway.
                                    panel = next;
                                    ldb = width;
                                    if (i0 == 0) PackPanel(bPanel, x.BRow, x.BCol, depth, valid, width, panel);
                                    next += depth * width;
                                }
                                Tile<TLanes>(rows, vectors, depth, aTile, x.ARow, x.ACol, panel, ldb, cTile + jj, x.Ldc, valid, p0 > 0);
                                jj += width;
                            }
                        }
                    }
                }
            }
        }
        finally
        {
            ArrayPool<double>.Shared.Return(buffer);
        }
    }

    private static int DivUp(int a, int b) => (a + b - 1) / b;
}
