using System.Runtime.CompilerServices;

namespace DeepLearningKata;

/// <summary>
/// Recycles the large buffers of tensors that nothing references any more, as C's malloc recycles freed blocks
/// for NumPy: a training step allocates the same few sizes over and over (a batch of activations, im2col's
/// matrix), and on these virtual machines the first touch of every fresh 4 KB page costs about 10 µs — a
/// 14 MB activation is 3,400 page faults. A recycled buffer's pages are already mapped.
/// </summary>
/// <remarks>
/// A buffer returns to the pool only when the garbage collector has found the buffer itself unreachable: each
/// rented buffer is the key of a <see cref="ConditionalWeakTable{TKey, TValue}"/> entry whose value has a
/// finalizer; the value lives exactly as long as the buffer does (any tensor, view or span of it keeps it alive),
/// and its finalizer hands the buffer back. So no buffer still in use is ever handed out twice.
/// Only buffers of at least <see cref="MinLength"/> elements are recycled, and the pool keeps at most
/// <see cref="MaxPooledBytes"/>; beyond that a returned buffer is left to the collector.
/// </remarks>
public static class Recycler
{
    /// <summary>512 KB: smaller buffers come from the collector's young generation, which reuses memory anyway.</summary>
    public const int MinLength = 1 << 16;

    /// <summary>The most the pool keeps, in bytes.</summary>
    public const long MaxPooledBytes = 512L << 20;

    private static readonly Lock Gate = new();
    private static readonly Dictionary<int, Stack<double[]>> Free = [];
    private static readonly ConditionalWeakTable<double[], Lease> Leases = [];
    private static long pooledBytes;
    public static long Hits, Misses;
    private static readonly bool Off = Environment.GetEnvironmentVariable("DLK_RECYCLE") == "0";

    /// <summary>A buffer of <paramref name="length"/> elements with arbitrary contents (recycled when one is free).</summary>
    public static double[] Rent(int length)
    {
        if (length < MinLength || Off) return GC.AllocateUninitializedArray<double>(length);
        double[]? buffer = null;
        lock (Gate)
        {
            if (Free.TryGetValue(length, out var stack) && stack.TryPop(out buffer)) pooledBytes -= length * 8L;
        }
        if (buffer is null) { Misses++; buffer = GC.AllocateUninitializedArray<double>(length); } else Hits++;
        Leases.AddOrUpdate(buffer, new Lease(buffer));
        return buffer;
    }

    private static void Return(double[] buffer)
    {
        lock (Gate)
        {
            if (pooledBytes + buffer.Length * 8L > MaxPooledBytes) return;
            if (!Free.TryGetValue(buffer.Length, out var stack)) Free[buffer.Length] = stack = new Stack<double[]>();
            stack.Push(buffer);
            pooledBytes += buffer.Length * 8L;
        }
    }

    /// <summary>Lives as long as its buffer; when both are unreachable, its finalizer returns the buffer.</summary>
    private sealed class Lease(double[] buffer)
    {
        ~Lease() => Return(buffer);
    }
}
