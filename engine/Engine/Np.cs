namespace DeepLearningKata;

/// <summary>
/// NumPy's functions by their NumPy names, so a line of the book reads almost the same in C#:
/// <c>np.exp(-x)</c> is <c>Np.Exp(-x)</c>, <c>np.dot(x, W)</c> is <c>Np.Dot(x, W)</c>.
/// Every function returns a new tensor and leaves its arguments unchanged.
/// </summary>
public static class Np
{
    /// <summary>e to the power of each element (<c>np.exp</c>).</summary>
    public static Tensor Exp(Tensor x) => Unary(x, Kernels.UnaryOp.Exp);

    /// <summary>The natural logarithm of each element (<c>np.log</c>); <c>log(0) = -∞</c>.</summary>
    public static Tensor Log(Tensor x) => Unary(x, Kernels.UnaryOp.Log);

    /// <summary>The square root of each element (<c>np.sqrt</c>).</summary>
    public static Tensor Sqrt(Tensor x) => Unary(x, Kernels.UnaryOp.Sqrt);

    /// <summary>The absolute value of each element (<c>np.abs</c>).</summary>
    public static Tensor Abs(Tensor x) => Unary(x, Kernels.UnaryOp.Abs);

    /// <summary>Each element squared (<c>x ** 2</c>).</summary>
    public static Tensor Square(Tensor x) => x * x;

    /// <summary>Each element raised to <paramref name="p"/> (<c>x ** p</c>).</summary>
    public static Tensor Power(Tensor x, double p) => x.Apply(v => Math.Pow(v, p));

    /// <summary>The hyperbolic tangent of each element (<c>np.tanh</c>).</summary>
    public static Tensor Tanh(Tensor x) => Unary(x, Kernels.UnaryOp.Tanh);

    /// <summary>The larger of each element and <paramref name="a"/> (<c>np.maximum(0, x)</c> is ReLU); NaN stays NaN.</summary>
    public static Tensor Maximum(double a, Tensor x) => Maximum(Tensor.Scalar(a), x);

    /// <summary>The larger of each element and <paramref name="a"/>; NaN stays NaN.</summary>
    public static Tensor Maximum(Tensor x, double a) => Maximum(x, Tensor.Scalar(a));

    /// <summary>
    /// The element-wise larger of two tensors, with broadcasting (<c>np.maximum(a, b)</c>). Each result
    /// is exactly one of the two elements; NaN if either is NaN.
    /// </summary>
    /// <exception cref="ShapeException">The shapes do not broadcast; the message names both.</exception>
    public static Tensor Maximum(Tensor a, Tensor b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        return Tensor.Broadcast(a, b, Kernels.BinaryOp.Maximum, "maximum");
    }

    /// <summary>The sum of all elements (<c>np.sum(x)</c>).</summary>
    public static double Sum(Tensor x) => x.Sum();

    /// <summary>Sums along an axis (<c>np.sum(x, axis=…, keepdims=…)</c>).</summary>
    public static Tensor Sum(Tensor x, int axis, bool keepdims = false) => x.Sum(axis, keepdims);

    /// <summary>The mean of all elements (<c>np.mean(x)</c>).</summary>
    public static double Mean(Tensor x) => x.Mean();

    /// <summary>Means along an axis.</summary>
    public static Tensor Mean(Tensor x, int axis, bool keepdims = false) => x.Mean(axis, keepdims);

    /// <summary>The largest element (<c>np.max(x)</c>).</summary>
    public static double Max(Tensor x) => x.Max();

    /// <summary>Maxima along an axis.</summary>
    public static Tensor Max(Tensor x, int axis, bool keepdims = false) => x.Max(axis, keepdims);

    /// <summary>The smallest element (<c>np.min(x)</c>).</summary>
    public static double Min(Tensor x) => x.Min();

    /// <summary>Minima along an axis.</summary>
    public static Tensor Min(Tensor x, int axis, bool keepdims = false) => x.Min(axis, keepdims);

    /// <summary>Indices of the maxima along an axis, the first on ties (<c>np.argmax(x, axis=1)</c>).</summary>
    public static Tensor Argmax(Tensor x, int axis, bool keepdims = false) => x.Argmax(axis, keepdims);

    /// <summary>The flat index of the largest element (<c>np.argmax(x)</c>).</summary>
    public static int Argmax(Tensor x) => x.Argmax();

    /// <summary>1.0 where the two tensors are equal (after broadcasting), else 0.0 (<c>a == b</c> as a float mask).</summary>
    public static Tensor Equal(Tensor a, Tensor b)
    {
        var shape = Tensor.BroadcastShape(a.ShapeSpan, b.ShapeSpan, "compare");
        var za = Tensor.Zeros(shape) + a;
        var zb = Tensor.Zeros(shape) + b;
        var result = new double[za.Size];
        for (var i = 0; i < result.Length; i++) result[i] = za.Data[i] == zb.Data[i] ? 1.0 : 0.0;
        return new Tensor(result, shape);
    }

    /// <summary>
    /// The dot product, as <c>np.dot</c>: 1-D·1-D is the inner product (a 0-D tensor), 2-D·2-D the
    /// matrix product, 2-D·1-D and 1-D·2-D a matrix–vector product.
    /// </summary>
    /// <remarks>
    /// The result is computed when it is first read, so a product nobody reads costs nothing; it holds the values
    /// <paramref name="a"/> and <paramref name="b"/> had at the call, whatever is written to them later. A transpose
    /// <c>x.T</c> passed in is read in place: <c>Np.Dot(x.T, dout)</c> copies nothing.
    /// </remarks>
    /// <exception cref="ShapeException">The inner dimensions differ; the message names both shapes.</exception>
    public static Tensor Dot(Tensor a, Tensor b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        if (a.Ndim == 0 || b.Ndim == 0) return a * b;
        if (a.Ndim > 2 || b.Ndim > 2)
        {
            throw new ShapeException($"Dot supports 1-D and 2-D tensors; got shapes {a.ShapeText} and {b.ShapeText}. Reshape first.");
        }
        var m = a.Ndim == 2 ? a.Dim(0) : 1;
        var k = a.Dim(-1);
        var kb = b.Dim(0);
        var n = b.Ndim == 2 ? b.Dim(1) : 1;
        if (k != kb)
        {
            throw new ShapeException(
                $"Dot of shapes {a.ShapeText} and {b.ShapeText}: the last axis of the first ({k}) must equal " +
                $"the {(b.Ndim == 2 ? "first" : "only")} axis of the second ({kb}).");
        }
        int[] shape = (a.Ndim, b.Ndim) switch
        {
            (1, 1) => [],
            (1, 2) => [n],
            (2, 1) => [m],
            _ => [m, n],
        };
        // Computed when first read (a product nobody reads costs nothing); a transpose not yet computed (x.T) is read
        // in place, so np.dot(x.T, dout) copies nothing. See Tensor.Storage.cs.
        return Tensor.DeferredProduct(a, b, m, k, n, shape);
    }

    /// <summary>The matrix product (<c>a @ b</c>); the same as <see cref="Dot"/> for 1-D and 2-D tensors.</summary>
    public static Tensor Matmul(Tensor a, Tensor b) => Dot(a, b);

    /// <summary>
    /// The product of <paramref name="a"/> transposed with <paramref name="b"/>: <c>np.dot(a.T, b)</c>, computed
    /// without building <c>a.T</c>. For <c>a (k, m)</c> and <c>b (k, n)</c> the result is <c>(m, n)</c>.
    /// </summary>
    /// <remarks>
    /// A layer's weight gradient is this shape of product: <c>dW = Np.DotTransposeA(x, dout)</c> is the book's
    /// <c>np.dot(x.T, dout)</c>. It gives the same numbers as <c>Np.Dot(x.T, dout)</c> up to rounding, faster.
    /// </remarks>
    /// <exception cref="ShapeException">Either tensor is not 2-D, or their first axes differ; the message names both shapes.</exception>
    public static Tensor DotTransposeA(Tensor a, Tensor b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        if (a.Ndim != 2 || b.Ndim != 2)
        {
            throw new ShapeException($"DotTransposeA needs two 2-D tensors; got shapes {a.ShapeText} and {b.ShapeText}. Use Dot for 1-D.");
        }
        int k = a.Dim(0), m = a.Dim(1), n = b.Dim(1);
        if (b.Dim(0) != k)
        {
            throw new ShapeException(
                $"DotTransposeA (np.dot(a.T, b)) of shapes {a.ShapeText} and {b.ShapeText}: the first axis of a ({k}) " +
                $"must equal the first axis of b ({b.Dim(0)}).");
        }
        var c = Tensor.Uninitialized(m * n, [m, n]);
        Kernels.MatMulTransposeA(a.Data, b.Data, c.Data, m, k, n);
        return c;
    }

    /// <summary>
    /// The product of <paramref name="a"/> with <paramref name="b"/> transposed: <c>np.dot(a, b.T)</c>, computed
    /// without building <c>b.T</c>. For <c>a (m, k)</c> and <c>b (n, k)</c> the result is <c>(m, n)</c>.
    /// </summary>
    /// <remarks>
    /// A layer's input gradient is this shape of product: <c>dx = Np.DotTransposeB(dout, W)</c> is the book's
    /// <c>np.dot(dout, W.T)</c>. It gives the same numbers as <c>Np.Dot(dout, W.T)</c> up to rounding, faster.
    /// </remarks>
    /// <exception cref="ShapeException">Either tensor is not 2-D, or their last axes differ; the message names both shapes.</exception>
    public static Tensor DotTransposeB(Tensor a, Tensor b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        if (a.Ndim != 2 || b.Ndim != 2)
        {
            throw new ShapeException($"DotTransposeB needs two 2-D tensors; got shapes {a.ShapeText} and {b.ShapeText}. Use Dot for 1-D.");
        }
        int m = a.Dim(0), k = a.Dim(1), n = b.Dim(0);
        if (b.Dim(1) != k)
        {
            throw new ShapeException(
                $"DotTransposeB (np.dot(a, b.T)) of shapes {a.ShapeText} and {b.ShapeText}: the last axis of a ({k}) " +
                $"must equal the last axis of b ({b.Dim(1)}).");
        }
        var c = Tensor.Uninitialized(m * n, [m, n]);
        Kernels.MatMulTransposeB(a.Data, b.Data, c.Data, m, k, n);
        return c;
    }

    /// <summary>
    /// The matrix product on flat row-major buffers the caller owns, for layers that compute into buffers they
    /// keep (a convolution's product per image): <c>c = op(a)·op(b)</c> with <c>op(a)</c> <c>(m, k)</c>,
    /// <c>op(b)</c> <c>(k, n)</c> and <paramref name="c"/> <c>(m, n)</c>, which is overwritten.
    /// </summary>
    /// <param name="a">A as <c>(m, k)</c>, or as <c>(k, m)</c> when <paramref name="transposeA"/> (then <c>op(a) = aᵀ</c>, read in place).</param>
    /// <param name="transposeA">Whether <paramref name="a"/> is stored transposed.</param>
    /// <param name="b">B as <c>(k, n)</c>, or as <c>(n, k)</c> when <paramref name="transposeB"/> (then <c>op(b) = bᵀ</c>, read in place).</param>
    /// <param name="transposeB">Whether <paramref name="b"/> is stored transposed.</param>
    /// <param name="c">The result <c>(m, n)</c>; must not overlap <paramref name="a"/> or <paramref name="b"/>.</param>
    /// <param name="m">Rows of the result.</param>
    /// <param name="k">The shared dimension.</param>
    /// <param name="n">Columns of the result.</param>
    /// <remarks>The same kernel as <see cref="Dot"/>, <see cref="DotTransposeA"/> and <see cref="DotTransposeB"/>; tensors use those.</remarks>
    /// <exception cref="ArgumentException">A buffer is too small for the sizes.</exception>
    public static void Gemm(ReadOnlySpan<double> a, bool transposeA, ReadOnlySpan<double> b, bool transposeB, Span<double> c, int m, int k, int n) =>
        Kernels.MatMul(a, transposeA, b, transposeB, c, m, k, n);

    /// <summary>The outer product of the flattened inputs: <c>out[i, j] = a[i]·b[j]</c> (<c>np.outer</c>).</summary>
    public static Tensor Outer(Tensor a, Tensor b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        return Dot(a.Reshape(a.Size, 1), b.Reshape(1, b.Size));
    }

    /// <summary>The element-wise product with broadcasting (<c>np.multiply</c>, the same as <c>a * b</c>).</summary>
    public static Tensor Multiply(Tensor a, Tensor b) => a * b;

    /// <summary>The L2 norm of all elements, or along an axis (<c>np.linalg.norm</c>).</summary>
    public static double Norm(Tensor x) => Math.Sqrt((x * x).Sum());

    /// <summary>L2 norms along an axis (<c>np.linalg.norm(x, axis=…, keepdims=…)</c>).</summary>
    public static Tensor Norm(Tensor x, int axis, bool keepdims = false) => Sqrt((x * x).Sum(axis, keepdims));

    private static Tensor Unary(Tensor x, Kernels.UnaryOp op)
    {
        ArgumentNullException.ThrowIfNull(x);
        var result = Tensor.Uninitialized(x.ShapeSpan.ToArray());
        Kernels.Unary(op, x.Data, result.Data);
        return result;
    }
}
