using System.Runtime.CompilerServices;

namespace DeepLearningKata;

// Where a large tensor's elements live. A training step of the book's SimpleConvNet makes about fifteen
// temporaries of 11–14 MB (a batch of convolution outputs, its ReLU mask, the windows of im2col …), each dead a
// moment later. Left to the garbage collector, each is fresh memory: the collector hands the pages of a dead
// large array back to the OS, and the next one faults them in again, about 10 ms for 14 MB on these machines.
//
// So the engine recycles them. An array of at least LargeArrays.MinLength doubles that the engine allocates for a
// result (an operation's result, Zeros, Empty, a copy) is rented from a pool. It goes back to the pool when nothing
// refers to it any more, found by the collector: no tensor, no span handed out by AsSpan, no kernel still reading
// it. Until then nobody else gets it, so a recycled array can never show up in two places at once. An array
// given to the public constructor stays the caller's and is never recycled.
public sealed partial class Tensor
{
    // A tensor of the given shape whose elements the caller writes before anyone reads them; large ones are rented.
    internal static Tensor Uninitialized(int[] shape) => Uninitialized(SizeOf(shape), shape);

    internal static Tensor Uninitialized(int size, int[] shape) => new(Fresh(size), shape);

    // A copy of `source` in a fresh (possibly rented) array, for copy-on-write.
    private static double[] CopyOf(double[] source)
    {
        var array = Fresh(source.Length);
        source.CopyTo(array, 0);
        return array;
    }

    // An array whose elements the caller sets, rented when large.
    private static double[] Fresh(int length) =>
        length < LargeArrays.MinLength ? GC.AllocateUninitializedArray<double>(length) : LargeArrays.Rent(length);

    // ---------------------------------------------------------------- results computed when first read
    //
    // Two results are computed only when something reads them. x.T of a matrix is taken all the time in the book's
    // layers, mostly to go straight into a product: np.dot(x.T, dout), np.dot(dout, W.T). So x.T costs nothing at
    // first: it remembers x's array, and Np.Dot reads that array through its strides (the product kernel reads a
    // transposed operand in place). And a matrix product is computed when its result is first read, so one that
    // nobody reads costs nothing: the first layer's Backward returns dx = dout·Wᵀ, which a training step throws
    // away (a framework with autograd does not compute it either).
    //
    // Either holds its operands' arrays (so the pool does not reuse them meanwhile). The
    // operands are marked shared, as by Reshape: a later write to one of them copies its array first, so the
    // pending result still reads the values it was taken of. Reshape of a pending result shares the pending
    // computation; it runs once, and both tensors then share its array (copy-on-write).

    private abstract class Pending
    {
        private double[]? _result;

        /// <summary>Writes the result into <paramref name="into"/>, every element.</summary>
        protected abstract void Compute(double[] into);

        public abstract int Length { get; }

        public double[] Result()
        {
            lock (this)
            {
                if (_result is null)
                {
                    var array = Fresh(Length);
                    Compute(array);
                    _result = array;
                }
                return _result;
            }
        }
    }

    private sealed class PendingTranspose(double[] source, int rows, int cols) : Pending
    {
        public readonly double[] Source = source;  // the matrix transposed, (rows, cols), row-major
        public override int Length => Source.Length;
        protected override void Compute(double[] into) => Kernels.Transpose2D(Source, into, rows, cols);
    }

    private sealed class PendingProduct(double[] a, bool aTransposed, double[] b, bool bTransposed, int m, int k, int n, double[]? bias = null) : Pending
    {
        public override int Length => m * n;
        public int Columns => n;
        public bool HasBias => bias is not null;
        protected override void Compute(double[] into) => Kernels.MatMul(a, aTransposed, b, bTransposed, into, m, k, n, bias);

        /// <summary>The same product with <paramref name="row"/> (n values) added to every row of its result.</summary>
        public PendingProduct PlusRow(double[] row) => new(a, aTransposed, b, bTransposed, m, k, n, row);
    }

    /// <summary>
    /// <c>product + row</c> for a matrix product not yet computed and a row of its width (x·W + b, in every Affine
    /// layer and convolution): one pending product that adds the row to each tile of its result as the tile is
    /// finished, instead of a second pass over the whole result. Null when the case is not that one.
    /// </summary>
    private static Tensor? ProductPlusRow(Tensor product, Tensor row)
    {
        if (product._store is not null || product._pending is not PendingProduct { HasBias: false } pending || product._shape.Length != 2) return null;
        if (row._shape.Length > 2) return null; // (1, 1, n) would make the sum 3-D
        var rowShape = row._shape.AsSpan();
        while (rowShape.Length > 1 && rowShape[0] == 1) rowShape = rowShape[1..];
        if (rowShape.Length != 1 || rowShape[0] != pending.Columns || pending.Columns != product._shape[1]) return null;
        row._shared = true; // the pending result reads the row's values as they are now
        return Deferred(pending.PlusRow(row._data), product._shape);
    }

    // Tensor.Arange's values, start + i·step, computed when first read: an index that Tensor[rows, columns] reads
    // straight from this description instead of from memory (dmax[Tensor.Arange(0, n), argMax] = d).
    private sealed class PendingArange(double start, double step, int count) : Pending
    {
        public readonly double Start = start, Step = step;
        public override int Length => count;
        protected override void Compute(double[] into)
        {
            for (var i = 0; i < into.Length; i++) into[i] = Start + i * Step;
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
        return Deferred(new PendingTranspose(_data, _shape[0], _shape[1]), [_shape[1], _shape[0]]);
    }

    /// <summary>
    /// <c>op(a)·op(b)</c>, computed when first read. <paramref name="a"/> and <paramref name="b"/> are 2-D (or 1-D as
    /// Np.Dot treats them), their sizes checked by the caller; a pending transpose among them is read in place.
    /// </summary>
    internal static Tensor DeferredProduct(Tensor a, Tensor b, int m, int k, int n, int[] shape)
    {
        var aData = a.ProductOperand(out var aTransposed);
        var bData = b.ProductOperand(out var bTransposed);
        a._shared = true;
        b._shared = true;
        return Deferred(new PendingProduct(aData, aTransposed, bData, bTransposed, m, k, n), shape);
    }

    // The elements, computed first if this tensor is pending.
    private double[] _data => _store ?? Materialize();

    private double[] Materialize()
    {
        var pending = _pending!;
        var array = pending.Result();
        lock (pending)
        {
            if (_store is null)
            {
                // Other tensors may share the pending result (Reshape): then the array is theirs too, copy-on-write.
                _shared = _shared || _sharesPending;
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
    /// array of the matrix it transposes (<paramref name="transposed"/> is then true).
    /// </summary>
    internal double[] ProductOperand(out bool transposed)
    {
        if (_store is null && _pending is PendingTranspose view)
        {
            transposed = true;
            return view.Source;
        }
        transposed = false;
        return _data;
    }
}

/// <summary>The pool of large arrays behind <see cref="Tensor"/>.</summary>
/// <remarks>
/// Each rented array is paired with a small <c>Lease</c> through a <see cref="ConditionalWeakTable{TKey, TValue}"/>:
/// the lease lives exactly as long as something refers to its array. When the collector finds the array
/// unreachable, the lease's finalizer puts the array back on the free list, which keeps it: its memory stays the
/// process's, warm, instead of going back to the OS. A rent that finds no free array of its size runs a collection
/// (and the finalizers) first when much has been rented since the last one: a full collection on a training
/// program's small heap takes a few hundred microseconds, far less than the page faults of fresh memory.
/// </remarks>
internal static class LargeArrays
{
    /// <summary>
    /// Arrays of this many doubles (256 KB) and more are pooled: the large-object heap's (from 4 MB), the few
    /// megabytes of a layer's outputs and an optimizer's moments, and the few hundred kilobytes of a two-layer
    /// net's batch and weight gradient (100×784, 784×50). Fresh, each of these costs page faults (a 784×50
    /// gradient took longer to allocate than to compute); smaller ones live and die cheaply in the young generation.
    /// </summary>
    internal const int MinLength = 1 << 15;

    // The memory this process may use: the machine's, or the heap's hard limit when one is set (the grader sets one
    // for every learner's process). The pool keeps its share of it small, so that free arrays it holds never make
    // a program run out of memory that would fit without the pool.
    private static readonly long Available = GC.GetGCMemoryInfo().TotalAvailableMemoryBytes is > 0 and var bytes ? bytes : long.MaxValue;

    // Free arrays are kept up to this many bytes (512 MB, at most an eighth of the memory available); beyond it a
    // freed array is left to the collector.
    private static readonly long MaxFreeBytes = Math.Min(1L << 29, Available / 8);

    // A rent that finds nothing free runs a collection first when one of these holds since the last collection:
    //  - this many bytes (128 MB, at most a sixteenth of the memory available) were rented: about one collection per
    //    SimpleConvNet step (0.7 ms), where 32 MB ran three (2.1 ms of a 52 ms step);
    //  - this many bytes (16 MB, at most a 64th of the memory available) had to be allocated fresh: a program that has
    //    just started, or changed what it computes, reaches a pool that serves it after a few collections, not after
    //    128 MB of page faults (a loop of 512×512 products: 500 faults a product, a quarter of its time);
    //  - the arrays the last collection found (4 MB or more: it was worth its time) have all been rented again: a loop
    //    that drops its results finds them again at each collection, and allocates nothing fresh at all.
    private static readonly long CollectAfterBytes = Math.Min(1L << 27, Available / 16);
    private static readonly long CollectAfterFreshBytes = Math.Min(1L << 24, Available / 64);

    private static readonly ConditionalWeakTable<double[], Lease> Owners = new();
    private static readonly Dictionary<int, Stack<double[]>> Free = [];
    private static long _freeBytes;
    private static long _rentedSinceCollection;
    private static long _freshSinceCollection;
    private static long _foundByLastCollection;
    private static int _collections = -1;

    /// <summary>Counters for tests and the benchmark: arrays rented, of those found free, and collections the pool ran.</summary>
    internal static long Rented, Reused, Collections;

    /// <summary>An array of <paramref name="length"/> doubles, its elements not set, recycled once nothing refers to it.</summary>
    internal static double[] Rent(int length)
    {
        Interlocked.Increment(ref Rented);
        var array = TakeFree(length, out var collect);
        if (array is null && collect)
        {
            // Outside the lock: the finalizers that give arrays back take it.
            var freeBefore = Interlocked.Read(ref _freeBytes);
            GC.Collect();
            GC.WaitForPendingFinalizers();
            Interlocked.Increment(ref Collections);
            Interlocked.Exchange(ref _foundByLastCollection, Interlocked.Read(ref _freeBytes) - freeBefore);
            array = TakeFree(length, out _);
        }
        if (array is not null) Interlocked.Increment(ref Reused);
        else
        {
            Interlocked.Add(ref _freshSinceCollection, (long)length * sizeof(double));
            array = GC.AllocateUninitializedArray<double>(length);
        }
        Owners.AddOrUpdate(array, new Lease(array));
        return array;
    }

    // A free array of this length, or null; `collect` says whether a collection is due before allocating a new one.
    private static double[]? TakeFree(int length, out bool collect)
    {
        lock (Free)
        {
            if (_collections != GC.CollectionCount(2))
            {
                _collections = GC.CollectionCount(2);
                _rentedSinceCollection = 0;
                _freshSinceCollection = 0;
            }
            _rentedSinceCollection += (long)length * sizeof(double);
            collect = _rentedSinceCollection > CollectAfterBytes
                      || _freshSinceCollection >= CollectAfterFreshBytes
                      || (_foundByLastCollection >= CollectAfterFreshBytes / 4 && _rentedSinceCollection > _foundByLastCollection);
            if (!Free.TryGetValue(length, out var stack) || stack.Count == 0) return null;
            var array = stack.Pop();
            _freeBytes -= (long)array.Length * sizeof(double);
            return array;
        }
    }

    // From a lease's finalizer: nothing refers to the array any more.
    private static void GiveBack(double[] array)
    {
        lock (Free)
        {
            var bytes = (long)array.Length * sizeof(double);
            if (bytes > MaxFreeBytes) return; // left to the collector
            // Over the limit, free arrays of other sizes make room: what a program rents now matters, not what it once did.
            foreach (var (length, other) in Free)
            {
                while (_freeBytes + bytes > MaxFreeBytes && length != array.Length && other.Count > 0)
                {
                    other.Pop();
                    _freeBytes -= (long)length * sizeof(double);
                }
            }
            if (_freeBytes + bytes > MaxFreeBytes) return; // all free arrays are of this size: enough of them
            if (!Free.TryGetValue(array.Length, out var stack)) Free[array.Length] = stack = new Stack<double[]>();
            stack.Push(array);
            _freeBytes += bytes;
        }
    }

    /// <summary>Lives as long as its array is referred to (the table above); its finalizer returns the array.</summary>
    private sealed class Lease(double[] array)
    {
        ~Lease() => GiveBack(array);
    }
}
