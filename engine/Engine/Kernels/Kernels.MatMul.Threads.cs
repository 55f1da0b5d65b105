using System.Diagnostics;
using System.Globalization;

namespace DeepLearningKata;

// Whether a product runs on one thread or two.
//
// Two cores finish a large product in little more than half the time, when both are free. On a busy
// machine (other programs on both cores) the second thread may get the CPU late or be descheduled, and
// a product of a training step (about 50 µs) can end up slower on two threads than on one. So, by
// default, the engine measures: for each shape of product it keeps the time on one and on two threads,
// uses the faster, and now and then tries the other again, in case the machine has become busier or
// quieter. (A training step repeats the same few shapes thousands of times, so this learns quickly.)
//
// DLK_MATMUL_THREADS=1 (or 2) in the environment fixes the choice for a program; inside a program,
// AppContext.SetData("DeepLearningKata.MatMul.Threads", 1 or 2) does, and null returns to measuring.
internal static partial class Kernels
{
    // Below this many multiply-adds (about 20 µs of work on one core) a second thread costs more than it
    // saves: (100×50)·(50×10) always stays on one thread, (100×784)·(784×50) is a candidate for two.
    private const long ParallelThreshold = 1L << 20;

    private static readonly string? ThreadsFromEnvironment = Environment.GetEnvironmentVariable("DLK_MATMUL_THREADS");

    /// <summary>1 or 2 when fixed by the program or the environment, 0 to choose by measurement.</summary>
    private static int FixedThreads()
    {
        var setting = Convert.ToString(AppContext.GetData("DeepLearningKata.MatMul.Threads"), CultureInfo.InvariantCulture);
        return (string.IsNullOrEmpty(setting) ? ThreadsFromEnvironment : setting) switch
        {
            "1" => 1,
            "2" => Environment.ProcessorCount >= 2 ? 2 : 1,
            _ => Environment.ProcessorCount >= 2 ? 0 : 1,
        };
    }

    /// <summary>
    /// What one and two threads have cost lately, per shape of product. Shapes are kept in a small table
    /// by a hash of the product's dimensions and strides; two shapes sharing a slot only share a choice.
    /// The counters are updated without locks: a lost update among concurrent products costs nothing but
    /// a slightly older average.
    /// </summary>
    private static class ThreadChoice
    {
        private const int Slots = 64;

        // One product in this many is run the other way, to notice when the faster choice changes.
        private const int ExploreEvery = 64;

        // Two threads are used when a product takes less than this share of its time on one thread.
        private const double TwoThreadsMustSave = 0.85;

        // Seconds per multiply-add, an exponentially weighted average: [slot, threads − 1].
        private static readonly double[,] Cost = new double[Slots, 2];
        private static readonly int[,] Samples = new int[Slots, 2];
        private static readonly int[] Calls = new int[Slots];

        public static int Slot(in Product x) =>
            (int)((uint)HashCode.Combine(x.M, x.K, x.N, x.ARow, x.ACol, x.BRow, x.BCol) % Slots);

        public static int Choose(int slot)
        {
            // Each way is measured twice before the averages are trusted (the first run includes compiling).
            if (Samples[slot, 1] < 2) return 2;
            if (Samples[slot, 0] < 2) return 1;
            // Two threads must be clearly faster: their cost does not end with the product (the helper
            // keeps its core busy a little longer, looking for more work), and it varies more.
            var faster = Cost[slot, 1] < TwoThreadsMustSave * Cost[slot, 0] ? 2 : 1;
            return Interlocked.Increment(ref Calls[slot]) % ExploreEvery == 0 ? 3 - faster : faster;
        }

        public static void Record(int slot, long work, int threads, long elapsedTicks)
        {
            var seconds = (double)elapsedTicks / Stopwatch.Frequency / work;
            var samples = ++Samples[slot, threads - 1];
            ref var cost = ref Cost[slot, threads - 1];
            if (samples <= 2)
            {
                cost = seconds; // the first run (compilation) is overwritten by the second
                return;
            }
            // A run the OS interrupted for a whole time slice must not decide alone: it counts as at most twice the average.
            cost += 0.2 * (Math.Min(seconds, 2 * cost) - cost);
        }
    }
}
