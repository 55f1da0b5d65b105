namespace DeepLearningKata;

// Where a large tensor's elements live. A training step of the book's SimpleConvNet makes about fifteen
// temporaries of 11–14 MB (a batch of convolution outputs, its ReLU mask, pooling windows …), each dead a
// moment later. Left to the garbage collector, each lands on the large-object heap in fresh memory: a full
// collection or two per step, and thousands of page faults as the OS hands the pages back one by one.
//
// So the engine recycles them. An array of at least LargeArrays.MinLength doubles that the engine allocates
// for a result is rented from a pool, and the tensor holds it through a Lease. When no tensor refers to the
// lease any more, the collector finalizes it and the array goes back to the pool for the next result of the
// same size; the memory stays the process's, warm, and is never collected.
//
// Ownership, so that an array is never in two live tensors' hands:
//   • only arrays the engine allocated are rented; an array given to the public constructor stays the caller's;
//   • a lease is shared only by tensors that share the array (Reshape), so it returns when the last one dies;
//   • AsSpan hands the array to the caller's code, which may hold the span after the tensor is gone: the lease
//     is dropped first, and the array is an ordinary one from then on;
//   • operations keep their operands alive until they have read them (GC.KeepAlive), so a finalizer cannot
//     return an array that a kernel on another thread is still reading.
public sealed partial class Tensor
{
    // The lease of _data when it came from the pool, else null. Invariant: _lease is null or _lease.Array == _data.
    private LargeArrays.Lease? _lease;

    // A tensor of the given shape whose elements the caller writes before anyone reads them; large ones are rented.
    internal static Tensor Uninitialized(int[] shape) => Uninitialized(SizeOf(shape), shape);

    internal static Tensor Uninitialized(int size, int[] shape)
    {
        if (size < LargeArrays.MinLength) return new Tensor(GC.AllocateUninitializedArray<double>(size), shape);
        var lease = new LargeArrays.Lease(LargeArrays.Rent(size));
        return new Tensor(lease.Array!, shape) { _lease = lease };
    }

    // A copy of `source` in a fresh (possibly rented) array, for copy-on-write.
    private static (double[] Array, LargeArrays.Lease? Lease) CopyOf(double[] source)
    {
        if (source.Length < LargeArrays.MinLength) return ((double[])source.Clone(), null);
        var lease = new LargeArrays.Lease(LargeArrays.Rent(source.Length));
        source.CopyTo(lease.Array!, 0);
        return (lease.Array!, lease);
    }

    // Before the array leaves the engine's hands (AsSpan): from now on it is an ordinary array, never recycled.
    private void Release()
    {
        _lease?.Release();
        _lease = null;
    }
}

/// <summary>The pool of large arrays behind <see cref="Tensor"/> (see Tensor.Storage.cs for the ownership rules).</summary>
internal static class LargeArrays
{
    /// <summary>
    /// Arrays of this many doubles (1 MB) and more are pooled: the large-object heap's (from 4 MB), and the few
    /// megabytes of a layer's outputs and an optimizer's moments, which would otherwise fill the young generation.
    /// </summary>
    internal const int MinLength = 1 << 17;

    // Free arrays are kept up to this many bytes; beyond it a returned array is left to the collector.
    private const long MaxFreeBytes = 1L << 29;

    private static readonly Dictionary<int, Stack<double[]>> Free = [];
    private static long _freeBytes;

    /// <summary>Counters for tests and the benchmark: arrays rented, of those found in the pool, and returned.</summary>
    internal static long Rented, Reused, Returned;

    internal static double[] Rent(int length)
    {
        Interlocked.Increment(ref Rented);
        lock (Free)
        {
            if (Free.TryGetValue(length, out var stack) && stack.Count > 0)
            {
                _freeBytes -= (long)length * sizeof(double);
                Reused++;
                return stack.Pop();
            }
        }
        return GC.AllocateUninitializedArray<double>(length);
    }

    internal static void Return(double[] array)
    {
        lock (Free)
        {
            var bytes = (long)array.Length * sizeof(double);
            if (_freeBytes + bytes > MaxFreeBytes) return;
            if (!Free.TryGetValue(array.Length, out var stack)) Free[array.Length] = stack = new Stack<double[]>();
            stack.Push(array);
            _freeBytes += bytes;
            Returned++;
        }
    }

    /// <summary>Holds one rented array for the tensors that share it; returns it to the pool when they are all gone.</summary>
    internal sealed class Lease(double[] array)
    {
        public double[]? Array { get; private set; } = array;

        /// <summary>The array stays with its holders for good and is never returned.</summary>
        public void Release()
        {
            Array = null;
            GC.SuppressFinalize(this);
        }

        ~Lease()
        {
            if (Array is { } array) Return(array);
        }
    }
}
