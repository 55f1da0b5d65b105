using System.Numerics.Tensors;

namespace DeepLearningKata;

internal static partial class Kernels
{
    internal enum ReduceOp { Sum, Max, Min, Argmax }

    internal static double Sum(ReadOnlySpan<double> x) => TensorPrimitives.Sum(x);

    internal static double Max(ReadOnlySpan<double> x) => TensorPrimitives.Max(x);

    internal static double Min(ReadOnlySpan<double> x) => TensorPrimitives.Min(x);

    /// <summary>
    /// Reduces a tensor viewed as <c>(outer, n, inner)</c> along its middle axis into <c>(outer, inner)</c>.
    /// When <c>inner</c> is 1 (the last axis) each row is one contiguous SIMD reduction; otherwise
    /// whole rows of length <c>inner</c> are combined with SIMD.
    /// </summary>
    internal static void ReduceAxis(ReduceOp op, ReadOnlySpan<double> x, Span<double> result, int outer, int n, int inner)
    {
        if (inner == 1 && n <= ShortRow && op != ReduceOp.Sum)
        {
            ReduceShortRows(op, x, result, outer, n);
            return;
        }
        if (op == ReduceOp.Sum && inner > 1 && inner * 2 <= StripLength)
        {
            for (var o = 0; o < outer; o++) SumShortRows(x.Slice(o * n * inner, n * inner), result.Slice(o * inner, inner), n);
            return;
        }
        for (var o = 0; o < outer; o++)
        {
            var block = x.Slice(o * n * inner, n * inner);
            var dst = result.Slice(o * inner, inner);
            if (inner == 1)
            {
                dst[0] = op switch
                {
                    ReduceOp.Sum => TensorPrimitives.Sum(block),
                    ReduceOp.Max => TensorPrimitives.Max(block),
                    ReduceOp.Min => TensorPrimitives.Min(block),
                    _ => FirstIndexOfMax(block, 0, 1, n),
                };
                continue;
            }
            if (op == ReduceOp.Argmax)
            {
                for (var j = 0; j < inner; j++) dst[j] = FirstIndexOfMax(block, j, inner, n);
                continue;
            }
            if (op == ReduceOp.Sum) dst.Clear(); else block[..inner].CopyTo(dst);
            for (var i = op == ReduceOp.Sum ? 0 : 1; i < n; i++)
            {
                var row = block.Slice(i * inner, inner);
                switch (op)
                {
                    case ReduceOp.Sum: TensorPrimitives.Add(dst, row, dst); break;
                    case ReduceOp.Max: TensorPrimitives.Max(dst, row, dst); break;
                    default: TensorPrimitives.Min(dst, row, dst); break;
                }
            }
        }
    }

    // The sum of the n rows of `block` (each dst.Length long) into dst: the bias gradient db = Σ dout over a batch
    // (57,600 rows of 30 for a convolution). Rows are added a strip of several at a time into as many partial sums,
    // which are added together at the end, so each SIMD call covers many rows.
    private static void SumShortRows(ReadOnlySpan<double> block, Span<double> dst, int n)
    {
        var inner = dst.Length;
        var rowsPerStrip = Math.Clamp(StripLength / inner, 1, Math.Max(n, 1));
        Span<double> partial = stackalloc double[rowsPerStrip * inner];
        partial.Clear();
        var whole = n / rowsPerStrip * rowsPerStrip * inner;
        for (var off = 0; off < whole; off += partial.Length) TensorPrimitives.Add(partial, block.Slice(off, partial.Length), partial);
        var rest = block[whole..]; // fewer rows than a strip
        TensorPrimitives.Add(partial[..rest.Length], rest, partial[..rest.Length]);
        partial[..inner].CopyTo(dst);
        for (var r = 1; r < rowsPerStrip; r++) TensorPrimitives.Add(dst, partial.Slice(r * inner, inner), dst);
    }

    // Rows up to this long are reduced by a plain loop: a call into TensorPrimitives costs more than the few
    // comparisons (max pooling's rows of 2×2 windows: 432,000 rows of 4 per SimpleConvNet batch).
    private const int ShortRow = 16;

    // Max, Min or Argmax of each row of an (outer, n) matrix with short rows; NaN wins, as in NumPy.
    private static void ReduceShortRows(ReduceOp op, ReadOnlySpan<double> x, Span<double> result, int outer, int n)
    {
        for (int o = 0, off = 0; o < outer; o++, off += n)
        {
            var row = x.Slice(off, n);
            switch (op)
            {
                case ReduceOp.Argmax:
                {
                    // Without branches that depend on the data: which element of a window is largest is a coin toss,
                    // and a mispredicted branch costs more than the comparisons. The index moves to i when row[i] is
                    // larger than the maximum so far, or is the first NaN (NumPy's argmax); Math.Max keeps a NaN.
                    var best = 0;
                    var m = row[0];
                    for (var i = 1; i < row.Length; i++)
                    {
                        var v = row[i];
                        var take = (v > m ? 1 : 0) | (double.IsNaN(v) && !double.IsNaN(m) ? 1 : 0);
                        best += take * (i - best);
                        m = Math.Max(m, v);
                    }
                    result[o] = best;
                    break;
                }
                case ReduceOp.Max:
                {
                    var m = row[0];
                    for (var i = 1; i < row.Length; i++) m = Math.Max(m, row[i]);
                    result[o] = m;
                    break;
                }
                default:
                {
                    var m = row[0];
                    for (var i = 1; i < row.Length; i++) m = Math.Min(m, row[i]);
                    result[o] = m;
                    break;
                }
            }
        }
    }

    // NumPy's argmax: the first index of the maximum; NaN counts as the maximum.
    internal static int FirstIndexOfMax(ReadOnlySpan<double> block, int start, int stride, int n)
    {
        var best = 0;
        var bestValue = block[start];
        for (var i = 1; i < n && !double.IsNaN(bestValue); i++)
        {
            var v = block[start + i * stride];
            if (v > bestValue || double.IsNaN(v)) { best = i; bestValue = v; }
        }
        return best;
    }
}
