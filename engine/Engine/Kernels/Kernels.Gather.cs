using System.Runtime.Intrinsics.X86;

namespace DeepLearningKata;

// Gathering rows, as in a mini-batch x_train[batch_mask]: the rows are picked at random from a data set
// far larger than the caches, so each one comes from main memory.
internal static unsafe partial class Kernels
{
    // A gather of at least this many values (512 KB, a two-layer net's batch of 100 images) is shared with the
    // product helper: its time is the wait for memory, and two cores keep twice as many rows on the way.
    private const int ParallelGather = 1 << 16;

    // Rows requested ahead of the one being copied.
    private const int PrefetchRows = 2;

    /// <summary>
    /// Copies row <c>rows[r]</c> of <paramref name="source"/> (rows of <paramref name="n"/> values) to row
    /// <c>r</c> of <paramref name="destination"/>. The row numbers must have been checked.
    /// </summary>
    /// <remarks>
    /// While one row is copied, the rows after it are requested from memory (a prefetch of each of their cache
    /// lines), so the wait for memory overlaps with copying instead of following it. A large gather is cut into
    /// parts that the calling thread and the product helper take in turn (see RunParts): never slower than one thread.
    /// </remarks>
    internal static void GatherRows(double[] source, int[] rows, int n, double[] destination)
    {
        if ((long)rows.Length * n < ParallelGather || rows.Length < 8 || FixedThreads() == 1)
        {
            GatherRows(source, rows, n, destination, 0, rows.Length);
            return;
        }
        const int parts = 4; // 8 measured the same
        RunParts(parts, part => GatherRows(source, rows, n, destination, rows.Length * part / parts, rows.Length * (part + 1) / parts));
    }

    // Rows [from, to) of the gather.
    private static void GatherRows(double[] source, int[] rows, int n, double[] destination, int from, int to)
    {
        fixed (double* src = source)
        {
            if (Sse.IsSupported)
            {
                for (var r = from; r < Math.Min(to, from + PrefetchRows); r++) Prefetch(src + (long)rows[r] * n, n);
            }
            for (var r = from; r < to; r++)
            {
                if (Sse.IsSupported && r + PrefetchRows < to) Prefetch(src + (long)rows[r + PrefetchRows] * n, n);
                Array.Copy(source, (long)rows[r] * n, destination, (long)r * n, n);
            }
        }
    }

    private static void Prefetch(double* row, int n)
    {
        var bytes = (byte*)row;
        for (var line = 0L; line < n * sizeof(double); line += 64) Sse.Prefetch0(bytes + line);
    }
}
