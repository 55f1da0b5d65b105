namespace DeepLearningKata;

// Element-wise arithmetic with NumPy broadcasting: shapes are aligned at their last axis, and a
// size-1 (or missing) axis stretches to match the other operand.
public sealed partial class Tensor
{
    /// <summary>Element-wise sum with broadcasting (<c>a + b</c>).</summary>
    public static Tensor operator +(Tensor a, Tensor b) => Broadcast(a, b, Kernels.BinaryOp.Add, "+");
    /// <summary>Element-wise difference with broadcasting (<c>a - b</c>).</summary>
    public static Tensor operator -(Tensor a, Tensor b) => Broadcast(a, b, Kernels.BinaryOp.Subtract, "-");
    /// <summary>Element-wise product with broadcasting (<c>a * b</c>, NumPy's <c>*</c>; for the matrix product use <see cref="Np.Dot"/>).</summary>
    public static Tensor operator *(Tensor a, Tensor b) => Broadcast(a, b, Kernels.BinaryOp.Multiply, "*");
    /// <summary>Element-wise quotient with broadcasting (<c>a / b</c>).</summary>
    public static Tensor operator /(Tensor a, Tensor b) => Broadcast(a, b, Kernels.BinaryOp.Divide, "/");

    /// <summary>Adds a number to every element.</summary>
    public static Tensor operator +(Tensor a, double b) => Map(a, b, Kernels.BinaryOp.Add);
    /// <summary>Adds a number to every element.</summary>
    public static Tensor operator +(double a, Tensor b) => Map(b, a, Kernels.BinaryOp.Add);
    /// <summary>Subtracts a number from every element.</summary>
    public static Tensor operator -(Tensor a, double b) => Map(a, -b, Kernels.BinaryOp.Add);
    /// <summary>A number minus every element (<c>1 - x</c>).</summary>
    public static Tensor operator -(double a, Tensor b) => Map(b, a, Kernels.BinaryOp.ReverseSubtract);
    /// <summary>Multiplies every element by a number.</summary>
    public static Tensor operator *(Tensor a, double b) => Map(a, b, Kernels.BinaryOp.Multiply);
    /// <summary>Multiplies every element by a number.</summary>
    public static Tensor operator *(double a, Tensor b) => Map(b, a, Kernels.BinaryOp.Multiply);
    /// <summary>Divides every element by a number.</summary>
    public static Tensor operator /(Tensor a, double b) => Map(a, b, Kernels.BinaryOp.Divide);
    /// <summary>A number divided by every element (<c>1 / x</c>).</summary>
    public static Tensor operator /(double a, Tensor b) => Map(b, a, Kernels.BinaryOp.ReverseDivide);
    /// <summary>Negates every element.</summary>
    public static Tensor operator -(Tensor a) => Map(a, -1.0, Kernels.BinaryOp.Multiply);

    /// <summary>1.0 where the element is greater than <paramref name="b"/>, else 0.0 (<c>x &gt; 0</c> as a float mask).</summary>
    public static Tensor operator >(Tensor a, double b) => Compare(a, b, Kernels.CompareOp.Greater);
    /// <summary>1.0 where the element is less than <paramref name="b"/>, else 0.0.</summary>
    public static Tensor operator <(Tensor a, double b) => Compare(a, b, Kernels.CompareOp.Less);
    /// <summary>1.0 where the element is at least <paramref name="b"/>, else 0.0.</summary>
    public static Tensor operator >=(Tensor a, double b) => Compare(a, b, Kernels.CompareOp.GreaterOrEqual);
    /// <summary>1.0 where the element is at most <paramref name="b"/>, else 0.0.</summary>
    public static Tensor operator <=(Tensor a, double b) => Compare(a, b, Kernels.CompareOp.LessOrEqual);

    /// <summary>Applies <paramref name="f"/> to every element and returns the results in the same shape.</summary>
    public Tensor Apply(Func<double, double> f)
    {
        ArgumentNullException.ThrowIfNull(f);
        var result = new double[_data.Length];
        for (var i = 0; i < result.Length; i++) result[i] = f(_data[i]);
        return new Tensor(result, _shape);
    }

    private static Tensor Compare(Tensor a, double b, Kernels.CompareOp op)
    {
        ArgumentNullException.ThrowIfNull(a);
        var result = Uninitialized(a._shape);
        Kernels.Compare(op, a._data, b, result._data);
        return result;
    }

    private static Tensor Map(Tensor a, double b, Kernels.BinaryOp op)
    {
        ArgumentNullException.ThrowIfNull(a);
        var result = Uninitialized(a._shape);
        Kernels.Scalar(op, a._data, b, result._data);
        return result;
    }

    /// <summary>The shape two shapes broadcast to, or a <see cref="ShapeException"/> naming both.</summary>
    public static int[] BroadcastShape(ReadOnlySpan<int> a, ReadOnlySpan<int> b, string operation = "combine")
    {
        var n = Math.Max(a.Length, b.Length);
        var shape = new int[n];
        for (var i = 0; i < n; i++)
        {
            var da = i < n - a.Length ? 1 : a[i - (n - a.Length)];
            var db = i < n - b.Length ? 1 : b[i - (n - b.Length)];
            if (da != db && da != 1 && db != 1)
            {
                throw new ShapeException(
                    $"Cannot {operation} shapes {ShapeException.Format(a)} and {ShapeException.Format(b)}: " +
                    $"axis {i} has sizes {da} and {db}, and broadcasting needs them equal or one of them 1.");
            }
            shape[i] = da == 1 ? db : da; // not Math.Max: (0,) and (1,) broadcast to (0,)
        }
        return shape;
    }

    // Combines two tensors element by element after broadcasting them to one shape; `symbol` names the
    // operation in a shape error. Np.Maximum uses it too.
    internal static Tensor Broadcast(Tensor a, Tensor b, Kernels.BinaryOp op, string symbol)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        var shape = BroadcastShape(a._shape, b._shape, $"apply '{symbol}' to");
        if (op == Kernels.BinaryOp.Add && (ProductPlusRow(a, b) ?? ProductPlusRow(b, a)) is { } fused) return fused;
        var output = Uninitialized(shape);
        BroadcastInto(a, b, op, shape, output._data);
        return output;
    }

    private static void BroadcastInto(Tensor a, Tensor b, Kernels.BinaryOp op, int[] shape, double[] result)
    {
        if (a._shape.AsSpan().SequenceEqual(b._shape))
        {
            Kernels.Binary(op, a._data, b._data, result);
            return;
        }
        if (b.Size == 1) { Kernels.Scalar(op, a._data, b._data[0], result); return; }
        if (a.Size == 1) { Kernels.Scalar(Kernels.Reverse(op), b._data, a._data[0], result); return; }

        // A common case gets a fast path: every row of a matrix combined with one row vector (x·W + b).
        if (a.Size == result.Length && IsTrailingBlock(b._shape, shape))
        {
            Kernels.BinaryRows(op, a._data, b._data, result);
            return;
        }
        if (b.Size == result.Length && IsTrailingBlock(a._shape, shape))
        {
            Kernels.BinaryRows(Kernels.Reverse(op), b._data, a._data, result);
            return;
        }

        // And another: every row combined with one number of a column, (m, n) with (m, 1), as in softmax's
        // x - np.max(x, axis=1, keepdims=True).
        if (a.Size == result.Length && IsColumn(b._shape, shape))
        {
            var n = shape[^1];
            for (int row = 0, off = 0; off < result.Length; row++, off += n)
            {
                Kernels.Scalar(op, a._data.AsSpan(off, n), b._data[row], result.AsSpan(off, n));
            }
            return;
        }
        if (b.Size == result.Length && IsColumn(a._shape, shape))
        {
            var n = shape[^1];
            for (int row = 0, off = 0; off < result.Length; row++, off += n)
            {
                Kernels.Scalar(Kernels.Reverse(op), b._data.AsSpan(off, n), a._data[row], result.AsSpan(off, n));
            }
            return;
        }

        // General case: walk the output with one odometer; a broadcast axis has stride 0.
        var sa = BroadcastStrides(a._shape, shape);
        var sb = BroadcastStrides(b._shape, shape);
        var index = new int[shape.Length];
        int ia = 0, ib = 0;
        for (var k = 0; k < result.Length; k++)
        {
            result[k] = Kernels.Apply(op, a._data[ia], b._data[ib]);
            for (var d = shape.Length - 1; d >= 0; d--)
            {
                index[d]++;
                ia += sa[d];
                ib += sb[d];
                if (index[d] < shape[d]) break;
                ia -= sa[d] * shape[d];
                ib -= sb[d] * shape[d];
                index[d] = 0;
            }
        }
    }

    // True when `small` equals the trailing axes of `full` (ignoring leading 1s), e.g. (3,) or (1, 3) in (4, 3).
    private static bool IsTrailingBlock(int[] small, int[] full)
    {
        var s = small.AsSpan();
        while (s.Length > 0 && s[0] == 1) s = s[1..];
        return s.Length <= full.Length && s.SequenceEqual(full.AsSpan(full.Length - s.Length));
    }

    // True when `small` is `full` with its last axis shrunk to 1, e.g. (4, 1) in (4, 3).
    private static bool IsColumn(int[] small, int[] full) =>
        small.Length == full.Length && full.Length > 0 && small[^1] == 1 && small.AsSpan(0, small.Length - 1).SequenceEqual(full.AsSpan(0, full.Length - 1));

    private static int[] BroadcastStrides(int[] shape, int[] target)
    {
        var strides = new int[target.Length];
        var own = Strides(shape);
        var offset = target.Length - shape.Length;
        for (var d = 0; d < shape.Length; d++) strides[d + offset] = shape[d] == 1 ? 0 : own[d];
        return strides;
    }
}
