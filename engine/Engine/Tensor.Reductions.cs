namespace DeepLearningKata;

// Reductions over all elements or along one axis, with NumPy's `keepdims`.
public sealed partial class Tensor
{
    /// <summary>The sum of all elements (<c>np.sum(x)</c>).</summary>
    public double Sum() => Kernels.Sum(_data);

    /// <summary>
    /// Sums along <paramref name="axis"/> (<c>np.sum(x, axis=axis, keepdims=keepdims)</c>): that axis
    /// disappears, or stays with size 1 when <paramref name="keepdims"/> is true, so that the result
    /// broadcasts back against <c>x</c>. Negative axes count from the end (<c>-1</c> is the last).
    /// </summary>
    public Tensor Sum(int axis, bool keepdims = false) => Reduce(axis, keepdims, Kernels.ReduceOp.Sum);

    /// <summary>The mean of all elements (<c>np.mean(x)</c>).</summary>
    public double Mean() => Size == 0 ? double.NaN : Sum() / Size;

    /// <summary>Means along <paramref name="axis"/> (<c>np.mean(x, axis=…, keepdims=…)</c>).</summary>
    public Tensor Mean(int axis, bool keepdims = false) => Sum(axis, keepdims) / Dim(axis);

    /// <summary>The largest element (<c>np.max(x)</c>); NaN if there is one.</summary>
    public double Max() => Size == 0
        ? throw new ShapeException("Max() of an empty tensor has no value.")
        : Kernels.Max(_data);

    /// <summary>Maxima along <paramref name="axis"/> (<c>np.max(x, axis=…, keepdims=…)</c>); NaN if the slice holds one.</summary>
    public Tensor Max(int axis, bool keepdims = false) => Reduce(axis, keepdims, Kernels.ReduceOp.Max);

    /// <summary>The smallest element (<c>np.min(x)</c>); NaN if there is one.</summary>
    public double Min() => Size == 0
        ? throw new ShapeException("Min() of an empty tensor has no value.")
        : Kernels.Min(_data);

    /// <summary>Minima along <paramref name="axis"/> (<c>np.min(x, axis=…, keepdims=…)</c>); NaN if the slice holds one.</summary>
    public Tensor Min(int axis, bool keepdims = false) => Reduce(axis, keepdims, Kernels.ReduceOp.Min);

    /// <summary>
    /// The flat index of the largest element (<c>np.argmax(x)</c>): the first one on ties, and the first
    /// NaN if there is one, as in NumPy.
    /// </summary>
    public int Argmax()
    {
        if (Size == 0) throw new ShapeException("Argmax() of an empty tensor has no value.");
        return Kernels.FirstIndexOfMax(_data, 0, 1, _data.Length);
    }

    /// <summary>
    /// Indices of the maxima along <paramref name="axis"/>, as doubles (<c>np.argmax(x, axis=1)</c>):
    /// the first one on ties, as in NumPy.
    /// </summary>
    public Tensor Argmax(int axis, bool keepdims = false) => Reduce(axis, keepdims, Kernels.ReduceOp.Argmax);

    private Tensor Reduce(int axis, bool keepdims, Kernels.ReduceOp op)
    {
        var a = NormalizeAxis(axis);
        var outer = SizeOf(_shape.AsSpan(0, a));
        var n = _shape[a];
        var inner = SizeOf(_shape.AsSpan(a + 1));
        if (n == 0 && op != Kernels.ReduceOp.Sum)
        {
            throw new ShapeException($"Cannot take {op} along axis {axis} of size 0 (shape {ShapeText}).");
        }
        int[] shape = keepdims
            ? [.. _shape[..a], 1, .. _shape[(a + 1)..]]
            : [.. _shape[..a], .. _shape[(a + 1)..]];
        var result = Uninitialized(shape);
        Kernels.ReduceAxis(op, _data, result._data, outer, n, inner);
        return result;
    }
}
