using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace DeepLearningKata;

// Packing: a block of B is copied into panels the micro-kernel can stream with plain aligned-stride loads.
// The copy costs O(k·n) and is reused by every row tile of A, which costs O(m·k·n), so it pays for itself
// as soon as A has more than a handful of rows. Packing also absorbs transposition: Bᵀ is read with its
// strides here, once, instead of being copied into a transposed matrix first.
internal static unsafe partial class Kernels
{
    /// <summary>
    /// The width, in registers, of the next panel when <paramref name="remaining"/> columns are left: the
    /// widest the kernel has, or at the edge just enough registers, so a panel is never padded by more than
    /// one register's worth of zeros (50 columns: 32 + 24 with AVX-512, not 32 + 32).
    /// </summary>
    private static int PanelVectors<TLanes>(int remaining) where TLanes : struct =>
        Math.Min(Lanes<TLanes>.MaxVectors, DivUp(remaining, Lanes<TLanes>.Count));

    /// <summary>
    /// Copies one panel of B, <c>B[0..kc, 0..cols]</c> with element (p, j) at <c>b[p·bRow + j·bCol]</c>, into
    /// <c>packed[p·width + j]</c>; the columns from <paramref name="cols"/> to <paramref name="width"/> are zero.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void PackPanel(double* b, nint bRow, nint bCol, int kc, int cols, int width, double* packed)
    {
        if (bCol == 1)
        {
            // B's rows are contiguous: each panel row is one short copy.
            for (var p = 0; p < kc; p++)
            {
                new ReadOnlySpan<double>(b + p * bRow, cols).CopyTo(new Span<double>(packed + p * width, cols));
            }
        }
        else
        {
            var j = 0;
            if (Vector512.IsHardwareAccelerated && bRow == 1)
            {
                // Bᵀ is stored: eight of its rows (eight columns of B) at a time, each step p gathers one
                // value from each into a register and writes the panel row with a single store.
                for (; j + 8 <= cols; j += 8)
                {
                    var r = b + j * bCol;
                    for (var p = 0; p < kc; p++, r++)
                    {
                        Vector512.Create(r[0], r[bCol], r[2 * bCol], r[3 * bCol], r[4 * bCol], r[5 * bCol], r[6 * bCol], r[7 * bCol])
                            .Store(packed + p * width + j);
                    }
                }
            }
            // The rest (or without AVX-512): walk each stored row contiguously and scatter it down the panel.
            for (; j < cols; j++)
            {
                var from = b + j * bCol;
                var to = packed + j;
                for (var p = 0; p < kc; p++) to[p * width] = from[p * bRow];
            }
        }
        if (cols < width)
        {
            for (var p = 0; p < kc; p++) new Span<double>(packed + p * width + cols, width - cols).Clear();
        }
    }
}
