using System.Numerics.Tensors;
using System.Runtime.Intrinsics.X86;

namespace DeepLearningKata;

/// <summary>
/// The few hot loops of the engine, each a thin layer over the platform's SIMD
/// (<see cref="TensorPrimitives"/>). Everything above them is plain, readable C#.
/// </summary>
internal static partial class Kernels
{
    internal enum BinaryOp { Add, Subtract, Multiply, Divide, ReverseSubtract, ReverseDivide, Maximum }

    internal enum UnaryOp { Exp, Log, Sqrt, Abs, Tanh }

    internal static BinaryOp Reverse(BinaryOp op) => op switch
    {
        BinaryOp.Subtract => BinaryOp.ReverseSubtract,
        BinaryOp.Divide => BinaryOp.ReverseDivide,
        BinaryOp.ReverseSubtract => BinaryOp.Subtract,
        BinaryOp.ReverseDivide => BinaryOp.Divide,
        _ => op,
    };

    internal static double Apply(BinaryOp op, double a, double b) => op switch
    {
        BinaryOp.Add => a + b,
        BinaryOp.Subtract => a - b,
        BinaryOp.Multiply => a * b,
        BinaryOp.Divide => a / b,
        BinaryOp.ReverseSubtract => b - a,
        BinaryOp.ReverseDivide => b / a,
        BinaryOp.Maximum => Math.Max(a, b),
        _ => throw new ArgumentOutOfRangeException(nameof(op)),
    };

    /// <summary><c>result[i] = a[i] op b[i]</c>.</summary>
    internal static void Binary(BinaryOp op, ReadOnlySpan<double> a, ReadOnlySpan<double> b, Span<double> result)
    {
        switch (op)
        {
            case BinaryOp.Add: TensorPrimitives.Add(a, b, result); break;
            case BinaryOp.Subtract: TensorPrimitives.Subtract(a, b, result); break;
            case BinaryOp.Multiply: TensorPrimitives.Multiply(a, b, result); break;
            case BinaryOp.Divide: TensorPrimitives.Divide(a, b, result); break;
            case BinaryOp.ReverseSubtract: TensorPrimitives.Subtract(b, a, result); break;
            case BinaryOp.ReverseDivide: TensorPrimitives.Divide(b, a, result); break;
            case BinaryOp.Maximum: TensorPrimitives.Max(a, b, result); break;
            default: throw new ArgumentOutOfRangeException(nameof(op));
        }
    }

    /// <summary>
    /// <c>result[i] = a[i] op row[i mod row.Length]</c>: every row of <paramref name="a"/> combined with one row. Short
    /// rows (a convolution's bias, 30 values against 57,600 rows) are repeated into a strip of about a thousand values
    /// first, so each SIMD call covers many rows instead of one.
    /// </summary>
    internal static void BinaryRows(BinaryOp op, ReadOnlySpan<double> a, ReadOnlySpan<double> row, Span<double> result)
    {
        var n = row.Length;
        if (n == 0) return;
        var rowsPerStrip = StripLength / n;
        scoped ReadOnlySpan<double> strip = row;
        if (rowsPerStrip > 1)
        {
            Span<double> copies = stackalloc double[rowsPerStrip * n];
            for (var r = 0; r < rowsPerStrip; r++) row.CopyTo(copies.Slice(r * n, n));
            strip = copies;
        }
        var off = 0;
        for (; off + strip.Length <= a.Length; off += strip.Length)
        {
            Binary(op, a.Slice(off, strip.Length), strip, result.Slice(off, strip.Length));
        }
        var rest = a.Length - off; // whole rows, fewer than a strip
        Binary(op, a.Slice(off, rest), strip[..rest], result.Slice(off, rest));
    }

    // About this many values per SIMD call in BinaryRows and the column sums (8 KB: in L1 with its operands).
    internal const int StripLength = 1024;

    /// <summary><c>result[i] = a[i] op b</c>.</summary>
    internal static void Scalar(BinaryOp op, ReadOnlySpan<double> a, double b, Span<double> result)
    {
        switch (op)
        {
            case BinaryOp.Add: TensorPrimitives.Add(a, b, result); break;
            case BinaryOp.Subtract: TensorPrimitives.Subtract(a, b, result); break;
            case BinaryOp.Multiply: TensorPrimitives.Multiply(a, b, result); break;
            case BinaryOp.Divide: TensorPrimitives.Divide(a, b, result); break;
            case BinaryOp.ReverseSubtract: TensorPrimitives.Subtract(b, a, result); break;
            case BinaryOp.ReverseDivide: TensorPrimitives.Divide(b, a, result); break;
            case BinaryOp.Maximum: TensorPrimitives.Max(a, b, result); break;
            default: throw new ArgumentOutOfRangeException(nameof(op));
        }
    }

    internal static void Unary(UnaryOp op, ReadOnlySpan<double> x, Span<double> result)
    {
        switch (op)
        {
            case UnaryOp.Exp: TensorPrimitives.Exp(x, result); break;
            case UnaryOp.Log: TensorPrimitives.Log(x, result); break;
            case UnaryOp.Sqrt: TensorPrimitives.Sqrt(x, result); break;
            case UnaryOp.Abs: TensorPrimitives.Abs(x, result); break;
            case UnaryOp.Tanh: TensorPrimitives.Tanh(x, result); break;
            default: throw new ArgumentOutOfRangeException(nameof(op));
        }
    }

    /// <summary>Transposes a row-major <c>rows×cols</c> matrix into <paramref name="dst"/>, in cache-sized tiles.</summary>
    /// <remarks>
    /// Within a tile, 4×4 blocks are transposed in registers (AVX: four rows loaded, shuffled, stored as four
    /// columns); the edges that are not whole blocks go element by element.
    /// </remarks>
    internal static unsafe void Transpose2D(ReadOnlySpan<double> src, Span<double> dst, int rows, int cols)
    {
        if (src.Length < (long)rows * cols || dst.Length < (long)rows * cols) throw new ArgumentException("Buffers too small for the transpose.");
        const int Tile = 32; // a 32×32 tile of each side (8 KB) stays in L1 while it is read across and written down
        fixed (double* s = src, d = dst)
        {
            for (var i0 = 0; i0 < rows; i0 += Tile)
            {
                var iEnd = Math.Min(i0 + Tile, rows);
                for (var j0 = 0; j0 < cols; j0 += Tile)
                {
                    var jEnd = Math.Min(j0 + Tile, cols);
                    var i = i0;
                    if (Avx.IsSupported)
                    {
                        for (; i + 4 <= iEnd; i += 4)
                        {
                            var j = j0;
                            for (; j + 4 <= jEnd; j += 4) Transpose4x4(s + (long)i * cols + j, cols, d + (long)j * rows + i, rows);
                            for (; j < jEnd; j++)
                            {
                                for (var r = i; r < i + 4; r++) d[(long)j * rows + r] = s[(long)r * cols + j];
                            }
                        }
                    }
                    for (; i < iEnd; i++)
                    {
                        for (var j = j0; j < jEnd; j++) d[(long)j * rows + i] = s[(long)i * cols + j];
                    }
                }
            }
        }
    }

    // d[c·ldd + r] = s[r·lds + c] for r, c in 0..3.
    private static unsafe void Transpose4x4(double* s, int lds, double* d, int ldd)
    {
        var r0 = Avx.LoadVector256(s);
        var r1 = Avx.LoadVector256(s + lds);
        var r2 = Avx.LoadVector256(s + 2L * lds);
        var r3 = Avx.LoadVector256(s + 3L * lds);
        var t0 = Avx.UnpackLow(r0, r1);  // r0[0] r1[0] r0[2] r1[2]
        var t1 = Avx.UnpackHigh(r0, r1); // r0[1] r1[1] r0[3] r1[3]
        var t2 = Avx.UnpackLow(r2, r3);
        var t3 = Avx.UnpackHigh(r2, r3);
        Avx.Store(d, Avx.Permute2x128(t0, t2, 0x20));            // column 0: r0[0] r1[0] r2[0] r3[0]
        Avx.Store(d + ldd, Avx.Permute2x128(t1, t3, 0x20));      // column 1
        Avx.Store(d + 2L * ldd, Avx.Permute2x128(t0, t2, 0x31)); // column 2
        Avx.Store(d + 3L * ldd, Avx.Permute2x128(t1, t3, 0x31)); // column 3
    }
}
