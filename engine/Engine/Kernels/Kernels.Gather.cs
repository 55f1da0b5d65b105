using System.Runtime.Intrinsics.X86;

namespace DeepLearningKata;

// Gathering rows, as in a mini-batch x_train[batch_mask]: the rows are picked at random from a data set
// far larger than the caches, so each one comes from main memory.
internal static unsafe partial class Kernels
{
    /// <summary>
    /// Copies row <c>rows[r]</c> of <paramref name="source"/> (rows of <paramref name="n"/> values) to row
    /// <c>r</c> of <paramref name="destination"/>. The row numbers must have been checked.
    /// </summary>
    /// <remarks>
    /// While one row is copied, the next one is requested from memory (a prefetch of each of its cache
    /// lines), so the wait for memory overlaps with copying instead of following it.
    /// </remarks>
    internal static void GatherRows(double[] source, ReadOnlySpan<int> rows, int n, double[] destination)
    {
        fixed (double* src = source)
        {
            for (var r = 0; r < rows.Length; r++)
            {
                if (Sse.IsSupported && r + 1 < rows.Length)
                {
                    var next = (byte*)(src + (long)rows[r + 1] * n);
                    for (var line = 0L; line < n * sizeof(double); line += 64) Sse.Prefetch0(next + line);
                }
                Array.Copy(source, (long)rows[r] * n, destination, (long)r * n, n);
            }
        }
    }
}
