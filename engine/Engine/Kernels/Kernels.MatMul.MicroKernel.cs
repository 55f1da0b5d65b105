using System.Runtime.CompilerServices;

namespace DeepLearningKata;

// The innermost loop of the matrix product: one tile of C, TRows × (TVectors · lanes), kept entirely in
// registers while the whole shared dimension streams past. Each step p broadcasts one element of A per
// row and multiply-adds it with one packed row of B, so every loaded value of B is used TRows times and
// every broadcast of A TVectors times. That reuse, not the instruction count, is what makes it fast.
internal static unsafe partial class Kernels
{
    /// <summary>Computes one tile: <c>C[0..rows, 0..cols] (+)= A[0..rows, 0..kc] · panel</c>.</summary>
    /// <param name="kc">The length of the shared dimension in this block.</param>
    /// <param name="a">Element (0, 0) of the tile's rows of A; element (r, p) is at <c>a[r·aRow + p·aCol]</c>.</param>
    /// <param name="b">A packed panel of B: <paramref name="kc"/> rows of exactly the tile's width, zero-padded past C's last column.</param>
    /// <param name="c">Element (0, 0) of the tile in C; rows are <paramref name="ldc"/> apart.</param>
    /// <param name="cols">How many of the tile's columns exist in C (fewer than its width at the right edge).</param>
    /// <param name="accumulate">Add to C (a later block of the shared dimension) instead of overwriting it.</param>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    [SkipLocalsInit]
    private static void MicroKernel<TLanes, TRows, TVectors>(
        int kc, double* a, nint aRow, nint aCol, double* b, double* c, nint ldc, int cols, bool accumulate)
        where TLanes : struct
        where TRows : struct, IConstant
        where TVectors : struct, IConstant
    {
        var lanes = Lanes<TLanes>.Count;
        var width = TVectors.Value * lanes;
        var rows = TRows.Value;
        var vectors = TVectors.Value;

        // Accumulators: row r, register v. Those outside TRows × TVectors are never touched and the JIT drops them.
        TLanes c00 = default, c01 = default, c02 = default, c03 = default;
        TLanes c10 = default, c11 = default, c12 = default, c13 = default;
        TLanes c20 = default, c21 = default, c22 = default, c23 = default;
        TLanes c30 = default, c31 = default, c32 = default, c33 = default;
        TLanes c40 = default, c41 = default, c42 = default, c43 = default;
        TLanes c50 = default, c51 = default, c52 = default, c53 = default;

        nint a2 = 2 * aRow, a3 = 3 * aRow, a4 = 4 * aRow, a5 = 5 * aRow;
        for (var p = 0; p < kc; p++, a += aCol, b += width)
        {
            // One row of the panel: 1 to 4 registers wide.
            var b0 = Lanes<TLanes>.Load(b);
            var b1 = vectors > 1 ? Lanes<TLanes>.Load(b + lanes) : default;
            var b2 = vectors > 2 ? Lanes<TLanes>.Load(b + 2 * lanes) : default;
            var b3 = vectors > 3 ? Lanes<TLanes>.Load(b + 3 * lanes) : default;

            var x = Lanes<TLanes>.Broadcast(a[0]);
            c00 = Lanes<TLanes>.MultiplyAdd(x, b0, c00);
            if (vectors > 1) c01 = Lanes<TLanes>.MultiplyAdd(x, b1, c01);
            if (vectors > 2) c02 = Lanes<TLanes>.MultiplyAdd(x, b2, c02);
            if (vectors > 3) c03 = Lanes<TLanes>.MultiplyAdd(x, b3, c03);
            if (rows > 1)
            {
                x = Lanes<TLanes>.Broadcast(a[aRow]);
                c10 = Lanes<TLanes>.MultiplyAdd(x, b0, c10);
                if (vectors > 1) c11 = Lanes<TLanes>.MultiplyAdd(x, b1, c11);
                if (vectors > 2) c12 = Lanes<TLanes>.MultiplyAdd(x, b2, c12);
                if (vectors > 3) c13 = Lanes<TLanes>.MultiplyAdd(x, b3, c13);
            }
            if (rows > 2)
            {
                x = Lanes<TLanes>.Broadcast(a[a2]);
                c20 = Lanes<TLanes>.MultiplyAdd(x, b0, c20);
                if (vectors > 1) c21 = Lanes<TLanes>.MultiplyAdd(x, b1, c21);
                if (vectors > 2) c22 = Lanes<TLanes>.MultiplyAdd(x, b2, c22);
                if (vectors > 3) c23 = Lanes<TLanes>.MultiplyAdd(x, b3, c23);
            }
            if (rows > 3)
            {
                x = Lanes<TLanes>.Broadcast(a[a3]);
                c30 = Lanes<TLanes>.MultiplyAdd(x, b0, c30);
                if (vectors > 1) c31 = Lanes<TLanes>.MultiplyAdd(x, b1, c31);
                if (vectors > 2) c32 = Lanes<TLanes>.MultiplyAdd(x, b2, c32);
                if (vectors > 3) c33 = Lanes<TLanes>.MultiplyAdd(x, b3, c33);
            }
            if (rows > 4)
            {
                x = Lanes<TLanes>.Broadcast(a[a4]);
                c40 = Lanes<TLanes>.MultiplyAdd(x, b0, c40);
                if (vectors > 1) c41 = Lanes<TLanes>.MultiplyAdd(x, b1, c41);
                if (vectors > 2) c42 = Lanes<TLanes>.MultiplyAdd(x, b2, c42);
                if (vectors > 3) c43 = Lanes<TLanes>.MultiplyAdd(x, b3, c43);
            }
            if (rows > 5)
            {
                x = Lanes<TLanes>.Broadcast(a[a5]);
                c50 = Lanes<TLanes>.MultiplyAdd(x, b0, c50);
                if (vectors > 1) c51 = Lanes<TLanes>.MultiplyAdd(x, b1, c51);
                if (vectors > 2) c52 = Lanes<TLanes>.MultiplyAdd(x, b2, c52);
                if (vectors > 3) c53 = Lanes<TLanes>.MultiplyAdd(x, b3, c53);
            }
        }

        if (cols == width)
        {
            StoreRow<TLanes, TVectors>(c, c00, c01, c02, c03, accumulate);
            if (rows > 1) StoreRow<TLanes, TVectors>(c + ldc, c10, c11, c12, c13, accumulate);
            if (rows > 2) StoreRow<TLanes, TVectors>(c + 2 * ldc, c20, c21, c22, c23, accumulate);
            if (rows > 3) StoreRow<TLanes, TVectors>(c + 3 * ldc, c30, c31, c32, c33, accumulate);
            if (rows > 4) StoreRow<TLanes, TVectors>(c + 4 * ldc, c40, c41, c42, c43, accumulate);
            if (rows > 5) StoreRow<TLanes, TVectors>(c + 5 * ldc, c50, c51, c52, c53, accumulate);
            return;
        }
        // A tile that sticks out past C's last column (30 columns of a convolution's filters: 3 registers and 6 of a
        // fourth): whole registers are stored as they are, and only the existing columns of the last one.
        var spill = stackalloc double[lanes];
        StoreEdgeRow<TLanes, TVectors>(c, cols, c00, c01, c02, c03, accumulate, spill);
        if (rows > 1) StoreEdgeRow<TLanes, TVectors>(c + ldc, cols, c10, c11, c12, c13, accumulate, spill);
        if (rows > 2) StoreEdgeRow<TLanes, TVectors>(c + 2 * ldc, cols, c20, c21, c22, c23, accumulate, spill);
        if (rows > 3) StoreEdgeRow<TLanes, TVectors>(c + 3 * ldc, cols, c30, c31, c32, c33, accumulate, spill);
        if (rows > 4) StoreEdgeRow<TLanes, TVectors>(c + 4 * ldc, cols, c40, c41, c42, c43, accumulate, spill);
        if (rows > 5) StoreEdgeRow<TLanes, TVectors>(c + 5 * ldc, cols, c50, c51, c52, c53, accumulate, spill);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void StoreEdgeRow<TLanes, TVectors>(double* dst, int cols, TLanes v0, TLanes v1, TLanes v2, TLanes v3, bool add, double* spill)
        where TLanes : struct
        where TVectors : struct, IConstant
    {
        var lanes = Lanes<TLanes>.Count;
        StoreSome(dst, cols, v0, add, spill);
        if (TVectors.Value > 1) StoreSome(dst + lanes, cols - lanes, v1, add, spill);
        if (TVectors.Value > 2) StoreSome(dst + 2 * lanes, cols - 2 * lanes, v2, add, spill);
        if (TVectors.Value > 3) StoreSome(dst + 3 * lanes, cols - 3 * lanes, v3, add, spill);
    }

    // The first `count` lanes of v (all of them when count ≥ lanes, none when count ≤ 0) to dst, or added to it.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void StoreSome<TLanes>(double* dst, int count, TLanes v, bool add, double* spill) where TLanes : struct
    {
        if (count >= Lanes<TLanes>.Count)
        {
            if (add) v = Lanes<TLanes>.Add(v, Lanes<TLanes>.Load(dst));
            Lanes<TLanes>.Store(v, dst);
            return;
        }
        if (count <= 0) return;
        Lanes<TLanes>.Store(v, spill);
        for (var j = 0; j < count; j++) dst[j] = add ? dst[j] + spill[j] : spill[j];
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void StoreRow<TLanes, TVectors>(double* dst, TLanes v0, TLanes v1, TLanes v2, TLanes v3, bool add)
        where TLanes : struct
        where TVectors : struct, IConstant
    {
        var lanes = Lanes<TLanes>.Count;
        if (add)
        {
            v0 = Lanes<TLanes>.Add(v0, Lanes<TLanes>.Load(dst));
            if (TVectors.Value > 1) v1 = Lanes<TLanes>.Add(v1, Lanes<TLanes>.Load(dst + lanes));
            if (TVectors.Value > 2) v2 = Lanes<TLanes>.Add(v2, Lanes<TLanes>.Load(dst + 2 * lanes));
            if (TVectors.Value > 3) v3 = Lanes<TLanes>.Add(v3, Lanes<TLanes>.Load(dst + 3 * lanes));
        }
        Lanes<TLanes>.Store(v0, dst);
        if (TVectors.Value > 1) Lanes<TLanes>.Store(v1, dst + lanes);
        if (TVectors.Value > 2) Lanes<TLanes>.Store(v2, dst + 2 * lanes);
        if (TVectors.Value > 3) Lanes<TLanes>.Store(v3, dst + 3 * lanes);
    }

    /// <summary>Runs the micro-kernel specialised for <paramref name="rows"/> (1..MR) and a panel of <paramref name="vectors"/> registers.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Tile<TLanes>(
        int rows, int vectors, int kc, double* a, nint aRow, nint aCol, double* b, double* c, nint ldc, int cols, bool accumulate)
        where TLanes : struct
    {
        switch (rows)
        {
            case 6: Tile<TLanes, N6>(vectors, kc, a, aRow, aCol, b, c, ldc, cols, accumulate); break;
            case 5: Tile<TLanes, N5>(vectors, kc, a, aRow, aCol, b, c, ldc, cols, accumulate); break;
            case 4: Tile<TLanes, N4>(vectors, kc, a, aRow, aCol, b, c, ldc, cols, accumulate); break;
            case 3: Tile<TLanes, N3>(vectors, kc, a, aRow, aCol, b, c, ldc, cols, accumulate); break;
            case 2: Tile<TLanes, N2>(vectors, kc, a, aRow, aCol, b, c, ldc, cols, accumulate); break;
            default: Tile<TLanes, N1>(vectors, kc, a, aRow, aCol, b, c, ldc, cols, accumulate); break;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Tile<TLanes, TRows>(
        int vectors, int kc, double* a, nint aRow, nint aCol, double* b, double* c, nint ldc, int cols, bool accumulate)
        where TLanes : struct
        where TRows : struct, IConstant
    {
        switch (vectors)
        {
            case 4: MicroKernel<TLanes, TRows, N4>(kc, a, aRow, aCol, b, c, ldc, cols, accumulate); break;
            case 3: MicroKernel<TLanes, TRows, N3>(kc, a, aRow, aCol, b, c, ldc, cols, accumulate); break;
            case 2: MicroKernel<TLanes, TRows, N2>(kc, a, aRow, aCol, b, c, ldc, cols, accumulate); break;
            default: MicroKernel<TLanes, TRows, N1>(kc, a, aRow, aCol, b, c, ldc, cols, accumulate); break;
        }
    }
}
