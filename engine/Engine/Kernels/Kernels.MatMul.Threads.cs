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

        // While one thread is the faster, one product in this many tries two: cheap, as two threads are
        // never much slower than one, and it notices soon when the other core becomes free again. (A try keeps
        // the helper awake for up to a millisecond, yielding its core to any other program that wants it.)
        private const int TryTwoEvery = 32;

        // While two threads are the faster, one product in this many tries one: dear (one thread takes nearly
        // twice as long), so seldom; it notices when the other core has become busy.
        private const int TryOneEvery = 64;

        // Two threads are used when a product takes less than this share of its time on one thread.
        private const double TwoThreadsMustSave = 0.85;

        // Each way is timed this many times before the averages decide; the first time of each includes compiling.
        private const int FirstSamples = 4;

        // Seconds per multiply-add, an exponentially weighted average: [slot, threads − 1].
        private static readonly double[,] Cost = new double[Slots, 2];
        private static readonly int[,] Samples = new int[Slots, 2];
        private static readonly int[] Calls = new int[Slots];

        // A slot whose next product runs on two threads to be timed: the one before woke the helper (see Choose).
        private static readonly bool[] Warmed = new bool[Slots];

        public static int Slot(in Product x) =>
            (int)((uint)HashCode.Combine(x.M, x.K, x.N, x.ARow, x.ACol, x.BRow, x.BCol) % Slots);

        /// <summary>
        /// 1 or 2 threads for the next product of this slot, and whether its time is to be recorded. A product that
        /// tries two threads after a run of one-thread products is not timed: the helper has gone to sleep meanwhile,
        /// and waking it is a cost that two-thread products a few hundred microseconds apart do not pay (the helper
        /// stays awake between them). That product keeps the helper awake until the slot's next product, which then
        /// runs on two threads and is timed. Without this, one thread, once chosen, would win every try by the
        /// wake-up alone and never give way again.
        /// </summary>
        public static int Choose(int slot, out bool record)
        {
            record = true;
            if (Warmed[slot])
            {
                Warmed[slot] = false;
                return 2;
            }
            int threads;
            if (Samples[slot, 0] + Samples[slot, 1] < 2 * FirstSamples)
            {
                threads = Samples[slot, 1] <= Samples[slot, 0] ? 2 : 1; // turn about: 2, 1, 2, 1 …
            }
            else
            {
                // Two threads must be clearly faster: their cost does not end with the product (the helper
                // keeps its core busy a little longer, looking for more work), and it varies more.
                var faster = Cost[slot, 1] < TwoThreadsMustSave * Cost[slot, 0] ? 2 : 1;
                var calls = Interlocked.Increment(ref Calls[slot]);
                threads = calls % (faster == 1 ? TryTwoEvery : TryOneEvery) == 0 ? 3 - faster : faster;
            }
            if (threads == 2 && ProductHelper.Asleep)
            {
                record = false;
                Warmed[slot] = true;
                ProductHelper.KeepAwake();
            }
            return threads;
        }

        public static void Record(int slot, long work, int threads, long elapsedTicks)
        {
            var seconds = (double)elapsedTicks / Stopwatch.Frequency / work;
            var samples = ++Samples[slot, threads - 1];
            ref var cost = ref Cost[slot, threads - 1];
            if (samples <= 2)
            {
                cost = seconds; // the first includes compiling: overwritten by the second
            }
            else if (samples <= FirstSamples)
            {
                // Noise only ever makes a product slower (an interrupt, a busy core), so the first few are summed
                // up by their least.
                cost = Math.Min(cost, seconds);
            }
            else
            {
                // A run the OS interrupted for a whole time slice must not decide alone: it counts as at most twice
                // the average. A try of the way not taken weighs more, as tries are few.
                var weight = IsTry(slot, threads) ? 0.5 : 0.2;
                cost += weight * (Math.Min(seconds, 2 * cost) - cost);
            }
        }

        private static bool IsTry(int slot, int threads) =>
            (Cost[slot, 1] < TwoThreadsMustSave * Cost[slot, 0] ? 2 : 1) != threads;
    }
}
