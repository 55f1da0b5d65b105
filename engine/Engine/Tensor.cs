using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using System.Globalization;
using System.Text;

namespace DeepLearningKata;

/// <summary>
/// An n-dimensional array of doubles with NumPy's semantics: a shape, row-major (C-order) storage,
/// broadcasting element-wise arithmetic, reductions with <c>axis</c> and <c>keepdims</c>.
/// </summary>
/// <remarks>
/// Read it next to NumPy: <c>x.Shape</c> is <c>x.shape</c>, <c>x.T</c> is <c>x.T</c>,
/// <c>x.Sum(axis: 1, keepdims: true)</c> is <c>np.sum(x, axis=1, keepdims=True)</c>, and
/// <c>Np.Dot(a, b)</c> is <c>np.dot(a, b)</c>. Operations return new tensors and leave their inputs
/// alone, except the indexer setter and <see cref="AsSpan"/>, which write in place.
/// </remarks>
public sealed partial class Tensor
{
    // The elements, or null while this tensor is a transpose not yet computed (see Tensor.Storage.cs); read them
    // through _data, which computes them on first use.
    private double[]? _store;
    private readonly int[] _shape;

    // True while _data is also another tensor's: Reshape hands its result the same array instead of a copy, and
    // both copy it on their first write (copy-on-write), so each still behaves as if it had its own.
    private bool _shared;

    // _data for writing: this tensor's own array, made so by a copy when it is shared.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private double[] Writable() => _store is { } own && !_shared ? own : Unshare();

    private double[] Unshare()
    {
        _ = _data; // a pending result is computed first, and may then be shared (Tensor.Storage.cs)
        if (_shared)
        {
            _store = CopyOf(_data);
            _shared = false;
        }
        return _data;
    }

    /// <summary>Wraps <paramref name="data"/> (not copied) as a tensor of the given shape.</summary>
    /// <exception cref="ShapeException">The shape's element count differs from <c>data.Length</c>.</exception>
    public Tensor(double[] data, params int[] shape)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(shape);
        if (SizeOf(shape) != data.Length)
        {
            throw new ShapeException(
                $"{data.Length} values do not fill shape {ShapeException.Format(shape)} ({SizeOf(shape)} values).");
        }
        _store = data;
        _shape = (int[])shape.Clone();
    }

    /// <summary>The size of each dimension, like NumPy's <c>x.shape</c>. A copy: changing it changes nothing.</summary>
    public int[] Shape => (int[])_shape.Clone();

    /// <summary>The number of dimensions (<c>x.ndim</c>).</summary>
    public int Ndim => _shape.Length;

    /// <summary>The number of elements (<c>x.size</c>).</summary>
    public int Size => _store?.Length ?? SizeOf(_shape);

    /// <summary>The shape as NumPy prints it, e.g. <c>(2, 3)</c>.</summary>
    public string ShapeText => ShapeException.Format(_shape);

    /// <summary>The size of dimension <paramref name="axis"/>; negative axes count from the end.</summary>
    public int Dim(int axis) => _shape[NormalizeAxis(axis)];

    /// <summary>The elements in row-major order, writable in place (a shared array is copied first, see <see cref="Reshape"/>).</summary>
    public Span<double> AsSpan() => Writable();

    /// <summary>The elements in row-major order, to read: no copy, even of an array shared with another tensor.</summary>
    public ReadOnlySpan<double> AsReadOnlySpan() => _data;

    /// <summary>A copy of the elements in row-major order.</summary>
    public double[] ToArray() => (double[])_data.Clone();

    /// <summary>
    /// Overwrites this tensor's elements with <paramref name="value"/>'s, in place: <c>W.Assign(W - lr * dW)</c>
    /// is NumPy's <c>W -= lr * dW</c>. Every holder of this tensor (a layer, a parameter dictionary) sees the change.
    /// </summary>
    /// <exception cref="ShapeException">The shapes differ.</exception>
    public void Assign(Tensor value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (!value.ShapeSpan.SequenceEqual(_shape))
        {
            throw new ShapeException($"Cannot assign a tensor of shape {value.ShapeText} to one of shape {ShapeText}.");
        }
        if (_shared)
        {
            // The array is also another tensor's: take a copy of the new values instead of copying the old ones first.
            _store = CopyOf(value._data);
            _shared = false;
        }
        else
        {
            value._data.CopyTo(Writable(), 0);
        }
    }

    /// <summary>
    /// In place, <c>this −= scale · other</c>: NumPy's <c>W -= lr * dW</c> without the temporary <c>lr * dW</c>,
    /// one fused multiply-add pass. Every holder of this tensor sees the change.
    /// </summary>
    /// <exception cref="ShapeException">The shapes differ.</exception>
    public void SubtractInPlace(Tensor other, double scale = 1.0)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (!other.ShapeSpan.SequenceEqual(_shape))
        {
            throw new ShapeException($"Cannot subtract a tensor of shape {other.ShapeText} from one of shape {ShapeText} in place.");
        }
        MultiplyAddInPlace(other, -scale);
    }

    /// <summary>
    /// In place, <c>this += scale · other</c>: NumPy's <c>m += (1 − β1) * (g − m)</c> as
    /// <c>m.AddInPlace(g - m, 1 - beta1)</c>, one fused multiply-add pass. Every holder of this tensor sees the change.
    /// </summary>
    /// <exception cref="ShapeException">The shapes differ.</exception>
    public void AddInPlace(Tensor other, double scale = 1.0)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (!other.ShapeSpan.SequenceEqual(_shape))
        {
            throw new ShapeException($"Cannot add a tensor of shape {other.ShapeText} to one of shape {ShapeText} in place.");
        }
        MultiplyAddInPlace(other, scale);
    }

    // this = this + factor · other, shapes checked.
    private void MultiplyAddInPlace(Tensor other, double factor)
    {
        if (_shared)
        {
            // The array is also another tensor's (a transpose still reads it): write the result to a new one, in one pass.
            var result = Fresh(_data.Length);
            System.Numerics.Tensors.TensorPrimitives.MultiplyAdd(other._data, factor, _data, result);
            (_store, _shared) = (result, false);
        }
        else
        {
            var data = Writable();
            System.Numerics.Tensors.TensorPrimitives.MultiplyAdd(other._data, factor, data, data);
        }
    }

    /// <summary>A deep copy (<c>x.copy()</c>).</summary>
    public Tensor Copy()
    {
        return new Tensor(CopyOf(_data), _shape);
    }

    /// <summary>The single value of a tensor with one element (<c>x.item()</c>).</summary>
    public double Item() => _data.Length == 1
        ? _data[0]
        : throw new ShapeException($"Item() needs exactly one element, but the shape is {ShapeText}.");

    /// <summary>Reads or writes one element; one index per dimension, negative indices count from the end.</summary>
    /// <remarks>The indices are passed on the stack (a <c>params</c> span): <c>col[n, c, y, x, i, j]</c> allocates nothing.</remarks>
    [System.Runtime.CompilerServices.IndexerName("Element")]
    public double this[params ReadOnlySpan<int> index]
    {
        get => _data[Offset(index)];
        set => Writable()[Offset(index)] = value;
    }

    /// <summary>Reads or writes one element of a 1-D tensor (<c>x[i]</c>); a negative index counts from the end.</summary>
    /// <remarks>The same as the general indexer, with its arithmetic unrolled: for loops over elements.</remarks>
    [System.Runtime.CompilerServices.IndexerName("Element")]
    public double this[int i]
    {
        get => _data[Offset(i)];
        set => Writable()[Offset(i)] = value;
    }

    /// <summary>Reads or writes one element of a 2-D tensor (<c>x[i, j]</c>); negative indices count from the end.</summary>
    /// <remarks>The same as the general indexer, with its arithmetic unrolled: for loops over elements.</remarks>
    [System.Runtime.CompilerServices.IndexerName("Element")]
    public double this[int i, int j]
    {
        get => _data[Offset(i, j)];
        set => Writable()[Offset(i, j)] = value;
    }

    /// <summary>Reads or writes one element of a 3-D tensor (<c>x[i, j, k]</c>); negative indices count from the end.</summary>
    /// <remarks>The same as the general indexer, with its arithmetic unrolled: for loops over elements.</remarks>
    [System.Runtime.CompilerServices.IndexerName("Element")]
    public double this[int i, int j, int k]
    {
        get => _data[Offset(i, j, k)];
        set => Writable()[Offset(i, j, k)] = value;
    }

    /// <summary>Reads or writes one element of a 4-D tensor (<c>x[n, c, h, w]</c>, an image batch); negative indices count from the end.</summary>
    /// <remarks>The same as the general indexer, with its arithmetic unrolled: for loops over pixels.</remarks>
    [System.Runtime.CompilerServices.IndexerName("Element")]
    public double this[int i, int j, int k, int l]
    {
        get => _data[Offset(i, j, k, l)];
        set => Writable()[Offset(i, j, k, l)] = value;
    }

    /// <summary>
    /// The elements at <c>(rows[i], columns[i])</c> of a 2-D tensor, paired one to one (NumPy's indexing by two integer
    /// arrays): <c>y[Tensor.Arange(0, n), t]</c> picks one element per row. Setting writes the value's elements to
    /// those places in order (a single value goes to every place): <c>dmax[Tensor.Arange(0, n), argMax] = d</c>.
    /// Indices are whole numbers; negative ones count from the end. The result has <paramref name="rows"/>' shape.
    /// </summary>
    [System.Runtime.CompilerServices.IndexerName("Element")]
    public Tensor this[Tensor rows, Tensor columns]
    {
        get
        {
            var offsets = PairOffsets(rows, columns);
            try
            {
                var picked = Fresh(rows.Size);
                var data = _data;
                for (var i = 0; i < picked.Length; i++) picked[i] = data[offsets[i]];
                return new Tensor(picked, rows.Shape);
            }
            finally
            {
                System.Buffers.ArrayPool<int>.Shared.Return(offsets);
            }
        }
        set
        {
            ArgumentNullException.ThrowIfNull(value);
            var values = value._data;
            var count = rows?.Size ?? 0;
            if (values.Length != count && values.Length != 1)
            {
                throw new ShapeException(
                    $"{values.Length} values (shape {value.ShapeText}) cannot fill {count} places: give one value per (row, column) pair, or a single value.");
            }
            var offsets = PairOffsets(rows!, columns);
            try
            {
                var data = Writable();
                for (var i = 0; i < count; i++) data[offsets[i]] = values[values.Length == 1 ? 0 : i];
            }
            finally
            {
                System.Buffers.ArrayPool<int>.Shared.Return(offsets);
            }
        }
    }

    // Where each (rows[i], columns[i]) pair lies in this 2-D tensor's elements, every index checked first; the first
    // rows.Size elements of an array rented from ArrayPool<int>.Shared, which the caller returns.
    private int[] PairOffsets(Tensor rows, Tensor columns)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(columns);
        if (_shape.Length != 2)
        {
            throw new ShapeException($"Indexing by (rows, columns) needs a 2-D tensor, but the shape is {ShapeText}.");
        }
        if (rows.Size != columns.Size)
        {
            throw new ShapeException(
                $"rows has {rows.Size} indices and columns {columns.Size}: they pair up one to one, so they need as many (shapes {rows.ShapeText} and {columns.ShapeText}).");
        }
        // Rows from Tensor.Arange not yet read are computed here, as Arange would, instead of read from memory.
        var arange = rows._store is null ? rows._pending as PendingArange : null;
        var r = arange is null ? rows._data : null;
        var c = columns._data;
        int height = _shape[0], width = _shape[1];
        var offsets = System.Buffers.ArrayPool<int>.Shared.Rent(c.Length);
        for (var i = 0; i < c.Length; i++)
        {
            var rowValue = r is null ? arange!.Start + i * arange.Step : r[i];
            int row = (int)rowValue, column = (int)c[i];
            if (row != rowValue || column != c[i] || (uint)row >= (uint)height || (uint)column >= (uint)width)
            {
                // Not a plain index: negative, out of range or not whole (NaN included).
                row = WholeIndex(rowValue, 0, "rows", i);
                column = WholeIndex(c[i], 1, "columns", i);
            }
            offsets[i] = row * width + column;
        }
        return offsets;
    }

    // A whole-number index along axis d, counting from the end when negative.
    private int WholeIndex(double value, int d, string name, int position)
    {
        var size = _shape[d];
        if (value != Math.Floor(value))
        {
            throw new ArgumentException($"{name}[{position}] is {value.ToString(CultureInfo.InvariantCulture)}, not a whole number: indices count elements.");
        }
        var i = value < 0 ? value + size : value;
        if (!(i >= 0 && i < size))
        {
            throw new IndexOutOfRangeException(
                $"{name}[{position}] is {value.ToString(CultureInfo.InvariantCulture)}, out of range for axis {d} of size {size} (shape {ShapeText}).");
        }
        return (int)i;
    }

    // The element indexers are small enough to be inlined into a learner's loop (the throw lives in a method of its
    // own): a loop over 432,000 pooling windows, dmax[r, argMax[r]] = d[r], costs a few nanoseconds an element.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int Offset(int i)
    {
        if (_shape.Length != 1) return Offset([i]); // the general path and its error message
        return Index(i, 0);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int Offset(int i, int j)
    {
        if (_shape.Length != 2) return Offset([i, j]);
        return Index(i, 0) * _shape[1] + Index(j, 1);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int Offset(int i, int j, int k)
    {
        if (_shape.Length != 3) return Offset([i, j, k]);
        return (Index(i, 0) * _shape[1] + Index(j, 1)) * _shape[2] + Index(k, 2);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int Offset(int i, int j, int k, int l)
    {
        if (_shape.Length != 4) return Offset([i, j, k, l]);
        return ((Index(i, 0) * _shape[1] + Index(j, 1)) * _shape[2] + Index(k, 2)) * _shape[3] + Index(l, 3);
    }

    // One index along axis d, counting from the end when negative, checked against the axis' size.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int Index(int index, int d)
    {
        var size = _shape[d];
        var i = index < 0 ? index + size : index;
        if ((uint)i >= (uint)size) ThrowIndexOutOfRange(index, d);
        return i;
    }

    [DoesNotReturn]
    private void ThrowIndexOutOfRange(int index, int d) =>
        throw new IndexOutOfRangeException($"Index {index} is out of range for axis {d} of size {_shape[d]} (shape {ShapeText}).");

    private int Offset(ReadOnlySpan<int> index)
    {
        if (index.Length != _shape.Length)
        {
            throw new ShapeException($"A tensor of shape {ShapeText} needs {_shape.Length} indices, got {index.Length}.");
        }
        var offset = 0;
        for (var d = 0; d < index.Length; d++)
        {
            var i = index[d] < 0 ? index[d] + _shape[d] : index[d];
            if ((uint)i >= (uint)_shape[d])
            {
                throw new IndexOutOfRangeException(
                    $"Index {index[d]} is out of range for axis {d} of size {_shape[d]} (shape {ShapeText}).");
            }
            offset = offset * _shape[d] + i;
        }
        return offset;
    }

    internal double[] Data => _data;
    /// <summary>The shape without a copy, for comparisons: <c>x.ShapeSpan.SequenceEqual(y.ShapeSpan)</c>.</summary>
    public ReadOnlySpan<int> ShapeSpan => _shape;

    /// <summary>The number of elements of a shape: the product of its sizes.</summary>
    /// <exception cref="ShapeException">A size is negative.</exception>
    public static int SizeOf(ReadOnlySpan<int> shape)
    {
        var n = 1;
        foreach (var d in shape)
        {
            if (d < 0) throw new ShapeException($"A shape cannot have a negative size: {ShapeException.Format(shape)}.");
            n = checked(n * d);
        }
        return n;
    }

    internal int NormalizeAxis(int axis)
    {
        var a = axis < 0 ? axis + _shape.Length : axis;
        if ((uint)a >= (uint)_shape.Length)
        {
            throw new ShapeException($"Axis {axis} does not exist for a tensor of shape {ShapeText} ({_shape.Length} dimensions).");
        }
        return a;
    }

    // ---------------------------------------------------------------- creation

    /// <summary>A 1-D tensor of the given values (<c>np.array([1, 2, 3])</c>).</summary>
    public static Tensor From(params double[] values)
    {
        ArgumentNullException.ThrowIfNull(values);
        return new((double[])values.Clone(), values.Length);
    }

    /// <summary>A 2-D tensor (<c>np.array([[1, 2], [3, 4]])</c>).</summary>
    public static Tensor From(double[,] values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var data = new double[values.Length];
        var k = 0;
        foreach (var v in values) data[k++] = v;
        return new Tensor(data, values.GetLength(0), values.GetLength(1));
    }

    /// <summary>A 3-D tensor.</summary>
    public static Tensor From(double[,,] values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var data = new double[values.Length];
        var k = 0;
        foreach (var v in values) data[k++] = v;
        return new Tensor(data, values.GetLength(0), values.GetLength(1), values.GetLength(2));
    }

    /// <summary>Converts a C# array to a 1-D tensor, so <c>Tensor x = new[] { 1.0, 2.0 };</c> works.</summary>
    public static implicit operator Tensor(double[] values) => From(values);

    /// <summary>Converts a C# 2-D array to a tensor.</summary>
    public static implicit operator Tensor(double[,] values) => From(values);

    /// <summary>A 0-D tensor holding one number.</summary>
    public static Tensor Scalar(double value) => new([value]);

    /// <summary>Zeros of the given shape (<c>np.zeros</c>).</summary>
    public static Tensor Zeros(params int[] shape)
    {
        var size = SizeOf(shape);
        if (size < LargeArrays.MinLength) return new(new double[size], shape);
        var zeros = Uninitialized(size, shape); // a recycled array, cleared: faster than fresh pages
        Array.Clear(zeros._data);
        return zeros;
    }

    /// <summary>
    /// A tensor of the given shape whose elements are not set (<c>np.empty</c>): whoever makes it writes every
    /// element before anyone reads one. For a layer's output buffers, which a training step fills anew each time.
    /// </summary>
    public static Tensor Empty(params int[] shape) => Uninitialized(shape);

    /// <summary>Ones of the given shape (<c>np.ones</c>).</summary>
    public static Tensor Ones(params int[] shape) => Full(1.0, shape);

    /// <summary>A tensor of the given shape filled with <paramref name="value"/>.</summary>
    public static Tensor Full(double value, params int[] shape)
    {
        var data = new double[SizeOf(shape)];
        Array.Fill(data, value);
        return new Tensor(data, shape);
    }

    /// <summary>Zeros of the same shape as <paramref name="like"/> (<c>np.zeros_like</c>).</summary>
    public static Tensor ZerosLike(Tensor like) => Zeros(like._shape);

    /// <summary>Evenly spaced values in <c>[start, stop)</c> (<c>np.arange</c>), computed as <c>start + i·step</c>.</summary>
    public static Tensor Arange(double start, double stop, double step = 1.0)
    {
        if (step == 0 || double.IsNaN(step)) throw new ArgumentException("Arange needs a non-zero step.", nameof(step));
        var n = Math.Max(0, (int)Math.Ceiling((stop - start) / step));
        return Deferred(new PendingArange(start, step, n), [n]);
    }

    /// <summary>Samples of the standard normal distribution N(0, 1) (<c>np.random.randn</c>), from a seeded generator.</summary>
    public static Tensor RandomNormal(Random random, params int[] shape)
    {
        ArgumentNullException.ThrowIfNull(random);
        var data = new double[SizeOf(shape)];
        for (var i = 0; i < data.Length; i += 2)
        {
            // Box–Muller: two uniform numbers give two independent normal ones.
            var u1 = 1.0 - random.NextDouble();
            var u2 = random.NextDouble();
            var r = Math.Sqrt(-2.0 * Math.Log(u1));
            data[i] = r * Math.Cos(2 * Math.PI * u2);
            if (i + 1 < data.Length) data[i + 1] = r * Math.Sin(2 * Math.PI * u2);
        }
        return new Tensor(data, shape);
    }

    /// <summary>Uniform samples in <c>[low, high)</c> (<c>np.random.uniform</c>), from a seeded generator.</summary>
    public static Tensor RandomUniform(Random random, double low, double high, params int[] shape)
    {
        ArgumentNullException.ThrowIfNull(random);
        var data = new double[SizeOf(shape)];
        for (var i = 0; i < data.Length; i++) data[i] = low + (high - low) * random.NextDouble();
        return new Tensor(data, shape);
    }

    // ---------------------------------------------------------------- shape

    /// <summary>
    /// The elements in a new shape (<c>x.reshape</c>), in the same row-major order; one size
    /// may be <c>-1</c>, and is then inferred from the others: <c>x.Reshape(-1, 1)</c> is a column.
    /// </summary>
    /// <remarks>
    /// It behaves as a copy: writing to either tensor later leaves the other unchanged. It costs nothing until then:
    /// both share one array, and the first to be written (indexer, <see cref="AsSpan"/>, <see cref="Assign"/>,
    /// <see cref="SubtractInPlace"/>) copies it first.
    /// </remarks>
    /// <exception cref="ShapeException">The element counts differ, or the shape has more than one <c>-1</c> or another negative size.</exception>
    public Tensor Reshape(params int[] shape)
    {
        ArgumentNullException.ThrowIfNull(shape);
        var target = (int[])shape.Clone();
        if (target.Count(d => d == -1) > 1 || target.Any(d => d < -1))
        {
            throw new ShapeException(
                $"Cannot reshape {ShapeText} to {ShapeException.Format(shape)}: only one size may be -1 (inferred), and no other size may be negative.");
        }
        var infer = Array.IndexOf(target, -1);
        if (infer >= 0)
        {
            var known = 1;
            for (var d = 0; d < target.Length; d++) if (d != infer) known *= target[d];
            if (known == 0 || Size % known != 0)
            {
                throw new ShapeException($"Cannot reshape {ShapeText} ({Size} elements) to {ShapeException.Format(shape)}.");
            }
            target[infer] = Size / known;
        }
        if (SizeOf(target) != Size)
        {
            throw new ShapeException(
                $"Cannot reshape {ShapeText} ({Size} elements) to {ShapeException.Format(shape)} ({SizeOf(target)} elements).");
        }
        // The same elements in the same order: the result shares this tensor's array until either of them is written.
        if (_store is null)
        {
            // Not computed yet: the result shares the computation, which runs once, for whichever is read first.
            _sharesPending = true;
            return new Tensor(_pending!, target) { _sharesPending = true };
        }
        _shared = true;
        return new Tensor(_data, target) { _shared = true };
    }

    /// <summary>A 1-D copy of all elements in row-major order (<c>x.flatten()</c>).</summary>
    public Tensor Flatten() => Reshape(Size);

    /// <summary>The transpose (<c>x.T</c>): the order of the axes reversed. A 1-D tensor is returned unchanged.</summary>
    /// <remarks>It behaves as a copy. Of a matrix it is computed only when read, and <see cref="Np.Dot"/> reads it in place.</remarks>
    public Tensor T
    {
        get
        {
            if (Ndim < 2) return Copy();
            if (Ndim == 2) return TransposedView();
            var axes = new int[Ndim];
            for (var i = 0; i < axes.Length; i++) axes[i] = Ndim - 1 - i;
            return Transpose(axes);
        }
    }

    /// <summary>
    /// The axes permuted (<c>x.transpose(axes)</c>): axis <c>i</c> of the result is axis <c>axes[i]</c> of
    /// this tensor, so <c>y[j, k, i] = x[i, j, k]</c> for <c>y = x.Transpose(1, 2, 0)</c>. Negative axes
    /// count from the end; no axes at all reverses them, like <see cref="T"/>.
    /// </summary>
    /// <exception cref="ShapeException">The axes are not a permutation of <c>0 … Ndim-1</c>.</exception>
    public Tensor Transpose(params int[] axes)
    {
        ArgumentNullException.ThrowIfNull(axes);
        if (axes.Length == 0 && Ndim > 0) return T;
        var given = axes;
        axes = axes.Select(a => a < 0 ? a + Ndim : a).ToArray();
        if (axes.Length != Ndim || axes.Distinct().Count() != Ndim || axes.Any(a => a < 0 || a >= Ndim))
        {
            throw new ShapeException($"Transpose of shape {ShapeText} needs a permutation of 0..{Ndim - 1}, got ({string.Join(", ", given)}).");
        }
        var outShape = new int[Ndim];
        for (var i = 0; i < Ndim; i++) outShape[i] = _shape[axes[i]];
        var transposed = Uninitialized(outShape);
        var result = transposed._data;
        if (BatchedTranspose(axes) is var (batch, rows, cols) && rows > 1 && cols > 1)
        {
            // A batch of matrix transposes: x.T, and the convolution's (0, 3, 1, 2) and (0, 2, 3, 1), tile by tile.
            var block = rows * cols;
            for (var i = 0; i < batch; i++)
            {
                Kernels.Transpose2D(_data.AsSpan(i * block, block), result.AsSpan(i * block, block), rows, cols);
            }
            return transposed;
        }
        var inStrides = Strides(_shape);
        var strides = new int[Ndim];
        for (var i = 0; i < Ndim; i++) strides[i] = inStrides[axes[i]];
        var index = new int[Ndim];
        var src = 0;
        for (var k = 0; k < result.Length; k++)
        {
            result[k] = _data[src];
            for (var d = Ndim - 1; d >= 0; d--)
            {
                index[d]++;
                src += strides[d];
                if (index[d] < outShape[d]) break;
                src -= strides[d] * outShape[d];
                index[d] = 0;
            }
        }
        return transposed;
    }

    // When the permutation keeps the leading axes 0..p-1 and rotates the rest, moving the block of axes p..p+s-1 behind
    // the axes p+s..n-1, each of the `batch` leading blocks is a (rows, cols) matrix transposed: rows = the sizes of
    // p..p+s-1 multiplied, cols = those of p+s..n-1. (0, 3, 1, 2) of (N, A, B, C) is N transposes of (A·B, C).
    private (int Batch, int Rows, int Cols)? BatchedTranspose(int[] axes)
    {
        var p = 0;
        while (p < axes.Length && axes[p] == p) p++;
        var rest = axes.Length - p;
        if (rest < 2) return null;
        var s = axes[p] - p; // axes[p] = p + s starts the moved-forward block
        for (var i = 0; i < rest; i++)
        {
            if (axes[p + i] != p + (s + i) % rest) return null;
        }
        return (SizeOf(_shape.AsSpan(0, p)), SizeOf(_shape.AsSpan(p, s)), SizeOf(_shape.AsSpan(p + s)));
    }

    internal static int[] Strides(ReadOnlySpan<int> shape)
    {
        var strides = new int[shape.Length];
        var s = 1;
        for (var d = shape.Length - 1; d >= 0; d--)
        {
            strides[d] = s;
            s *= shape[d];
        }
        return strides;
    }

    /// <summary>Row <paramref name="i"/> of a tensor, as a copy with one dimension fewer (<c>x[i]</c>).</summary>
    public Tensor Row(int i)
    {
        if (Ndim == 0) throw new ShapeException("A 0-D tensor has no rows.");
        var r = RowIndex(i);
        var rowShape = _shape[1..];
        var n = SizeOf(rowShape);
        return new Tensor(_data.AsSpan(r * n, n).ToArray(), rowShape);
    }

    /// <summary>The rows with the given indices, stacked (<c>x[indices]</c>, e.g. a mini-batch); negative indices count from the end.</summary>
    public Tensor Rows(IReadOnlyList<int> indices)
    {
        ArgumentNullException.ThrowIfNull(indices);
        if (Ndim == 0) throw new ShapeException("A 0-D tensor has no rows.");
        var rowShape = _shape[1..];
        var n = SizeOf(rowShape);
        // Every index is resolved and checked before anything is copied.
        var rows = new int[indices.Count];
        for (var r = 0; r < rows.Length; r++) rows[r] = RowIndex(indices[r]);
        var gathered = Uninitialized([indices.Count, .. rowShape]);
        Kernels.GatherRows(_data, rows, n, gathered._data);
        return gathered;
    }

    // Row i along axis 0, counting from the end when negative (x[-1] is the last row).
    private int RowIndex(int i)
    {
        var r = i < 0 ? i + _shape[0] : i;
        if ((uint)r >= (uint)_shape[0])
        {
            throw new IndexOutOfRangeException($"Row {i} is out of range for shape {ShapeText}.");
        }
        return r;
    }

    // ---------------------------------------------------------------- text

    /// <summary>NumPy-like text: nested brackets, up to 8 significant digits, and the shape when it is not 1-D.</summary>
    public override string ToString()
    {
        var sb = new StringBuilder();
        if (Ndim == 0)
        {
            sb.Append(FormatNumber(_data[0]));
            return sb.ToString();
        }
        var pos = 0;
        Append(sb, 0, ref pos, 0);
        if (Ndim != 1) sb.Append("  shape ").Append(ShapeText);
        return sb.ToString();
    }

    private const int MaxShown = 6;

    private void Append(StringBuilder sb, int dim, ref int pos, int indent)
    {
        var n = _shape[dim];
        var inner = SizeOf(_shape.AsSpan(dim + 1));
        sb.Append('[');
        for (var i = 0; i < n; i++)
        {
            if (n > MaxShown && i == MaxShown / 2)
            {
                sb.Append(dim == Ndim - 1 ? "..., " : "...\n" + new string(' ', indent + 1));
                pos += (n - MaxShown) * inner;
                i = n - MaxShown / 2 - 1;
                continue;
            }
            if (dim == Ndim - 1)
            {
                sb.Append(FormatNumber(_data[pos++]));
                if (i < n - 1) sb.Append(", ");
            }
            else
            {
                Append(sb, dim + 1, ref pos, indent + 1);
                if (i < n - 1) sb.Append(",\n").Append(' ', indent + 1);
            }
        }
        sb.Append(']');
    }

    /// <summary>
    /// Formats one number invariantly with up to 8 significant digits, as NumPy would (<c>0.23500371</c>, <c>-1e-07</c>);
    /// −0 is written <c>0</c> (it equals 0, and "-0" in a message only puzzles).
    /// </summary>
    public static string FormatNumber(double value) =>
        value == 0 ? "0" : value.ToString("G8", CultureInfo.InvariantCulture).Replace('E', 'e'); // .NET writes 1E-07, NumPy 1e-07
}
