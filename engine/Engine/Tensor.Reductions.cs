namespace DeepLearningKata;

// Reductions over all elements or along one axis, with NumPy's `keepdims`.
public sealed partial class Tensor
{
    /// <summary>The sum of all elements (<c>np.sum(x)</c>).</summary>
    public double Sum() => Kernels.Sum(_data);

    /// <summary>Sums along <paramref name="axis"/> (<c>np.sum(x, axis=axis, keepdims=keepdims)</c>).</summary>
    public Tensor Sum(int axis, bool keepdims = false) => Reduce(axis, keepdims, Kernels.ReduceOp.Sum);

    /// <summary>The mean of all elements (<c>np.mean(x)</c>).</summary>
    public double Mean() => Size == 0 ? double.NaN : Sum() / Size;

    /// <summary>Means along <paramref name="axis"/>.</summary>
    public Tensor Mean(int axis, bool keepdims = false) => Sum(axis, keepdims) / Dim(axis);

    /// <summary>The largest element (<c>np.max(x)</c>).</summary>
    public double Max() => Size == 0
        ? throw new ShapeException("Max() of an empty tensor has no value.")
        : Kernels.Max(_data);

    /// <summary>Maxima along <paramref name="axis"/>.</summary>
    public Tensor Max(int axis, bool keepdims = false) => Reduce(axis, keepdims, Kernels.ReduceOp.Max);

    /// <summary>The smallest element (<c>np.min(x)</c>).</summary>
    public double Min() => Size == 0
        ? throw new ShapeException("Min() of an empty tensor has no value.")
        : Kernels.Min(_data);

    /// <summary>Minima along <paramref name="axis"/>.</summary>
    public Tensor Min(int axis, bool keepdims = false) => Reduce(axis, keepdims, Kernels.ReduceOp.Min);

    /// <summary>The flat index of the largest element; the first one on ties (<c>np.argmax(x)</c>).</summary>
    public int Argmax()
    {
        if (Size == 0) throw new ShapeException("Argmax() of an empty tensor has no value.");
        var best = 0;
        for (var i = 1; i < _data.Length; i++) if (_data[i] > _data[best]) best = i;
        return best;
    }

    /// <summary>Indices of the maxima along <paramref name="axis"/>, as doubles (<c>np.argmax(x, axis=1)</c>).</summary>
    public Tensor Argmax(int axis) => Reduce(axis, false, Kernels.ReduceOp.Argmax);

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
        var result = Kernels.Uninitialized(outer * inner);
        Kernels.ReduceAxis(op, _data, result, outer, n, inner);
        int[] shape = keepdims
            ? [.. _shape[..a], 1, .. _shape[(a + 1)..]]
            : [.. _shape[..a], .. _shape[(a + 1)..]];
        return new Tensor(result, shape);
    }
}
