using System.Runtime.InteropServices;

namespace DeepLearningKata;

// Where a large tensor's elements live. A training step of the book's SimpleConvNet makes about fifteen
// temporaries of 11–14 MB (a batch of convolution outputs, its ReLU mask, pooling windows …), each dead a
// moment later. Left to the garbage collector, each lands on the large-object heap in fresh memory: a full
// collection or two per step, and thousands of page faults as the OS hands the pages back one by one.
//
// So the engine recycles them. An array of at least LargeArrays.MinLength doubles that the engine allocates
// for a result is rented from a pool, and the tensor holds it through a Lease. Once no tensor refers to the
// lease any more (the collector says so through a weak reference), the array is used for the next result of
// the same size; the memory stays the process's, warm, and is never collected.
//
// Ownership, so that an array is never in two live tensors' hands:
//   • only arrays the engine allocated are rented; an array given to the public constructor stays the caller's;
//   • a lease is shared only by tensors that share the array (Reshape), so it returns when the last one dies;
//   • AsSpan hands the array to the caller's code, which may hold the span after the tensor is gone: the lease
//     is dropped first, and the array is an ordinary one from then on;
//   • operations keep their operands alive until they have read them (GC.KeepAlive), so an array is not found
//     free while a kernel on another thread is still reading it.
public sealed partial class Tensor
{
    // The lease of _data when it came from the pool, else null. Invariant: _lease is null or _lease.Array == _data.
    private LargeArrays.Lease? _lease;

    // A tensor of the given shape whose elements the caller writes before anyone reads them; large ones are rented.
    internal static Tensor Uninitialized(int[] shape) => Uninitialized(SizeOf(shape), shape);

    internal static Tensor Uninitialized(int size, int[] shape)
    {
        if (size < LargeArrays.MinLength) return new Tensor(GC.AllocateUninitializedArray<double>(size), shape);
        var lease = LargeArrays.Rent(size);
        return new Tensor(lease.Array, shape) { _lease = lease };
    }

    // A copy of `source` in a fresh (possibly rented) array, for copy-on-write.
    private static (double[] Array, LargeArrays.Lease? Lease) CopyOf(double[] source)
    {
        var (array, lease) = Fresh(source.Length);
        source.CopyTo(array, 0);
        return (array, lease);
    }

    // An array whose elements the caller sets, rented when large.
    private static (double[] Array, LargeArrays.Lease? Lease) Fresh(int length)
    {
        if (length < LargeArrays.MinLength) return (GC.AllocateUninitializedArray<double>(length), null);
        var lease = LargeArrays.Rent(length);
        return (lease.Array, lease);
    }

    // ---------------------------------------------------------------- results computed when first read
    //
    // Two results are computed only when something reads them. x.T of a matrix is taken all the time in the book's
    // layers, mostly to go straight into a product: np.dot(x.T, dout), np.dot(dout, W.T). So x.T costs nothing at
    // first: it remembers x's array, and Np.Dot reads that array through its strides (the product kernel reads a
    // transposed operand in place). And a matrix product is computed when its result is first read, so one that
    // nobody reads costs nothing: the first layer's Backward returns dx = dout·Wᵀ, which a training step throws
    // away (a framework with autograd does not compute it either).
    //
    // Either holds its operands' arrays (and their leases, so the pool does not reuse them meanwhile). The
    // operands are marked shared, as by Reshape: a later write to one of them copies its array first, so the
    // pending result still reads the values it was taken of. Reshape of a pending result shares the pending
    // computation; it runs once, and both tensors then share its array (copy-on-write).

    private abstract class Pending
    {
        private double[]? _result;
        private LargeArrays.Lease? _lease;

        /// <summary>Writes the result into <paramref name="into"/>, every element.</summary>
        protected abstract void Compute(double[] into);

        public abstract int Length { get; }

        public (double[] Array, LargeArrays.Lease? Lease) Result()
        {
            lock (this)
            {
                if (_result is null)
                {
                    var (array, lease) = Fresh(Length);
                    Compute(array);
                    (_result, _lease) = (array, lease);
                }
                return (_result, _lease);
            }
        }
    }

    private sealed class PendingTranspose(double[] source, LargeArrays.Lease? lease, int rows, int cols) : Pending
    {
        public readonly double[] Source = source;  // the matrix transposed, (rows, cols), row-major
        public readonly LargeArrays.Lease? SourceLease = lease;
        public override int Length => Source.Length;
        protected override void Compute(double[] into) => Kernels.Transpose2D(Source, into, rows, cols);
    }

    private sealed class PendingProduct(double[] a, bool aTransposed, LargeArrays.Lease? aLease,
        double[] b, bool bTransposed, LargeArrays.Lease? bLease, int m, int k, int n) : Pending
    {
        private readonly LargeArrays.Lease? _aLease = aLease, _bLease = bLease;
        public override int Length => m * n;
        protected override void Compute(double[] into)
        {
            Kernels.MatMul(a, aTransposed, b, bTransposed, into, m, k, n);
            GC.KeepAlive(_aLease);
            GC.KeepAlive(_bLease);
        }
    }

    private Pending? _pending;

    // A tensor of the given shape whose elements `pending` computes when first read.
    private static Tensor Deferred(Pending pending, int[] shape) => new(pending, shape);

    private Tensor(Pending pending, int[] shape)
    {
        _pending = pending;
        _shape = shape;
    }

    private Tensor TransposedView()
    {
        _shared = true; // a later write to this matrix copies it first: the view keeps reading these values
        return Deferred(new PendingTranspose(_data, _lease, _shape[0], _shape[1]), [_shape[1], _shape[0]]);
    }

    /// <summary>
    /// <c>op(a)·op(b)</c>, computed when first read. <paramref name="a"/> and <paramref name="b"/> are 2-D (or 1-D as
    /// Np.Dot treats them), their sizes checked by the caller; a pending transpose among them is read in place.
    /// </summary>
    internal static Tensor DeferredProduct(Tensor a, Tensor b, int m, int k, int n, int[] shape)
    {
        var aData = a.ProductOperand(out var aTransposed, out var aLease);
        var bData = b.ProductOperand(out var bTransposed, out var bLease);
        a._shared = true;
        b._shared = true;
        return Deferred(new PendingProduct(aData, aTransposed, aLease, bData, bTransposed, bLease, m, k, n), shape);
    }

    // The elements, computed first if this tensor is pending.
    private double[] _data => _store ?? Materialize();

    private double[] Materialize()
    {
        var pending = _pending!;
        var (array, lease) = pending.Result();
        lock (pending)
        {
            if (_store is null)
            {
                // Other tensors may share the pending result (Reshape): then the array is theirs too, copy-on-write.
                _shared = _shared || _sharesPending;
                _lease = lease;
                _store = array;
                _pending = null;
            }
        }
        return _store!;
    }

    // True when Reshape handed this tensor's pending computation to another tensor as well.
    private bool _sharesPending;

    /// <summary>
    /// For the product kernels: the array holding this tensor's elements, or, while it is a pending transpose, the
    /// array of the matrix it transposes (<paramref name="transposed"/> is then true); and the lease to hold meanwhile.
    /// </summary>
    internal double[] ProductOperand(out bool transposed, out LargeArrays.Lease? lease)
    {
        if (_store is null && _pending is PendingTranspose view)
        {
            transposed = true;
            lease = view.SourceLease;
            return view.Source;
        }
        transposed = false;
        var data = _data;
        lease = _lease;
        return data;
    }

    // Before the array leaves the engine's hands (AsSpan): from now on it is an ordinary array, never recycled.
    private void Release()
    {
        _lease?.Release();
        _lease = null;
    }
}

/// <summary>The pool of large arrays behind <see cref="Tensor"/> (see Tensor.Storage.cs for the ownership rules).</summary>
/// <remarks>
/// The pool holds every array it has handed out, with a weak reference to its lease. A lease the collector has
/// found unreachable means no tensor refers to the array any more: the array is free again. This is checked when a
/// rent finds no free array of its size; if none is found and much has been rented since the last collection, the
/// pool runs one (a few hundred microseconds on a training program's small heap): far cheaper than the page faults
/// of fresh memory, which cost about 10 µs per 4 KB page on these machines, 35 ms for one 14 MB array.
/// </remarks>
internal static class LargeArrays
{
    /// <summary>
    /// Arrays of this many doubles (1 MB) and more are pooled: the large-object heap's (from 4 MB), and the few
    /// megabytes of a layer's outputs and an optimizer's moments, which would otherwise fill the young generation.
    /// </summary>
    internal const int MinLength = 1 << 17;

    // Free arrays are kept up to this many bytes; beyond it a freed array is left to the collector.
    private const long MaxFreeBytes = 1L << 29;

    // A collection is run for a rent that finds nothing free only when this many bytes were rented since the last one.
    private const long CollectAfterBytes = 1L << 25;

    private static readonly Dictionary<int, Stack<double[]>> Free = [];
    private static readonly List<SlotInfo> Out = [];
    private static long _freeBytes;
    private static long _rentedSinceCollection;
    private static int _collections = -1;

    /// <summary>Counters for tests and the benchmark: arrays rented, of those found free, and collections the pool ran.</summary>
    internal static long Rented, Reused, Collections;

    /// <summary>A lease of an array of <paramref name="length"/> doubles, its elements not set.</summary>
    internal static Lease Rent(int length)
    {
        lock (Free)
        {
            Rented++;
            var bytes = (long)length * sizeof(double);
            if (_collections != GC.CollectionCount(2))
            {
                _collections = GC.CollectionCount(2);
                _rentedSinceCollection = 0;
            }
            _rentedSinceCollection += bytes;
            var array = TakeFree(length);
            if (array is null && _rentedSinceCollection > CollectAfterBytes)
            {
                GC.Collect();
                Collections++;
                array = TakeFree(length);
            }
            if (array is not null) Reused++;
            var lease = new Lease(array ?? GC.AllocateUninitializedArray<double>(length));
            lease.Slot.Handle = GCHandle.Alloc(lease, GCHandleType.Weak);
            Out.Add(lease.Slot);
            return lease;
        }
    }

    // A free array of this length: from the free lists, after moving there the arrays of leases found dead.
    private static double[]? TakeFree(int length)
    {
        if (Free.TryGetValue(length, out var stack) && stack.Count > 0) return Pop(stack);
        for (var i = Out.Count - 1; i >= 0; i--)
        {
            var slot = Out[i];
            if (slot.Handle.Target is not null) continue;
            slot.Handle.Free();
            Out[i] = Out[^1];
            Out.RemoveAt(Out.Count - 1);
            var array = slot.Array!;
            var bytes = (long)array.Length * sizeof(double);
            if (_freeBytes + bytes > MaxFreeBytes) continue;
            if (!Free.TryGetValue(array.Length, out var s)) Free[array.Length] = s = new Stack<double[]>();
            s.Push(array);
            _freeBytes += bytes;
        }
        return Free.TryGetValue(length, out stack) && stack.Count > 0 ? Pop(stack) : null;
    }

    private static double[] Pop(Stack<double[]> stack)
    {
        var array = stack.Pop();
        _freeBytes -= (long)array.Length * sizeof(double);
        return array;
    }

    /// <summary>The array stays with its holders for good: the pool forgets it.</summary>
    internal static void Release(Lease lease)
    {
        lock (Free)
        {
            var i = Out.IndexOf(lease.Slot);
            if (i < 0) return;
            lease.Slot.Handle.Free();
            Out[i] = Out[^1];
            Out.RemoveAt(Out.Count - 1);
        }
    }

    /// <summary>What the tensors sharing one rented array hold; the pool watches it through a weak reference.</summary>
    internal sealed class Lease
    {
        public Lease(double[] array) => Slot = new SlotInfo { Array = array };

        public double[] Array => Slot.Array!;

        // The pool's record of the lease, which outlives it: the array and the weak handle on the lease.
        internal SlotInfo Slot { get; }

        public void Release() => LargeArrays.Release(this);
    }

    internal sealed class SlotInfo
    {
        public double[]? Array;
        public GCHandle Handle;
    }
}
