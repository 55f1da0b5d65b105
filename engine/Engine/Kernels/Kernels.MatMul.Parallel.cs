using System.Diagnostics;

namespace DeepLearningKata;

// Running the parts of one product on two threads, in a way that cannot make it slower than one thread
// by more than a sliver. The calling thread does not hand work out and wait: it offers the product to the
// engine's helper thread and starts on the parts itself, taking them one by one from a shared counter; the
// helper, once it runs, takes parts from the same counter. On an idle machine the helper joins within
// microseconds and the two share the work. On a busy one (other programs on both cores) the helper may start
// late or never while the product lasts, and the caller simply does every part itself: it only ever waits for
// a part the helper has already begun.
//
// The helper is one background thread of the engine's own. After a product it stays awake for a short while
// (ProductHelper.StayAwake), yielding its core to anyone who wants it, because a training step runs its products
// a few dozen microseconds apart: waking a sleeping thread costs about as much as a small product's second half.
internal static partial class Kernels
{
    /// <summary>Runs <c>work(0)</c> … <c>work(parts − 1)</c>, each exactly once, on the calling thread and at most one helper.</summary>
    private static void RunParts(int parts, Action<int> work)
    {
        var shared = new SharedParts(parts, work);
        ProductHelper.Offer(shared);
        shared.Work();
        shared.WaitUntilDone();
    }

    private sealed class SharedParts(int parts, Action<int> work)
    {
        private int _next = -1;
        private int _done;
        private Exception? _error;

        /// <summary>Takes parts until none are left. The helper calls this too, possibly after the product has finished: then it takes nothing.</summary>
        public void Work()
        {
            int part;
            while ((part = Interlocked.Increment(ref _next)) < parts)
            {
                try
                {
                    work(part);
                }
                catch (Exception e)
                {
                    _error ??= e;
                }
                finally
                {
                    Interlocked.Increment(ref _done);
                }
            }
        }

        /// <summary>Waits for a part the helper is still computing; spins briefly, then yields the core so a descheduled helper can finish.</summary>
        /// <remarks>
        /// Never sleeps: SpinWait's default sleeps a whole millisecond (Thread.Sleep(1)) after a few rounds, which
        /// would make the caller of a 2 ms product oversleep the helper's last part by up to a millisecond.
        /// </remarks>
        public void WaitUntilDone()
        {
            var spin = new SpinWait();
            while (Volatile.Read(ref _done) < parts) spin.SpinOnce(sleep1Threshold: -1);
            if (_error is not null) throw new AggregateException(_error);
        }
    }

    /// <summary>The engine's helper thread: takes the parts of the last product offered, then stays awake a moment for the next.</summary>
    private static class ProductHelper
    {
        // How long the helper stays awake after its last product, spinning and yielding.
        private static readonly long StayAwake = Stopwatch.Frequency / 5000; // 200 µs

        // How long KeepAwake keeps it awake at most: a two-layer step's next product of the same shape comes sooner.
        private static readonly long KeepAwakeAtMost = Stopwatch.Frequency / 1000; // 1 ms

        private static SharedParts? _offered;
        private static int _asleep;
        private static long _awakeUntil;
        private static readonly SemaphoreSlim WakeUp = new(0);

        static ProductHelper()
        {
            new Thread(Run) { IsBackground = true, Name = "DeepLearningKata product helper" }.Start();
        }

        /// <summary>Offers a product's parts; a product offered before the helper took the last one replaces it (its caller does its parts).</summary>
        public static void Offer(SharedParts parts)
        {
            Volatile.Write(ref _offered, parts);
            // The helper announces that it sleeps before it looks for work a last time, so either it sees this offer
            // or this sees that it sleeps (both sides use full fences).
            if (Interlocked.CompareExchange(ref _asleep, 0, 1) == 1) WakeUp.Release();
        }

        /// <summary>True while the helper waits to be woken (it has had no product for a while).</summary>
        public static bool Asleep => Volatile.Read(ref _asleep) == 1;

        /// <summary>Wakes the helper if it sleeps and keeps it awake for the next few products (at most KeepAwakeAtMost).</summary>
        public static void KeepAwake()
        {
            Volatile.Write(ref _awakeUntil, Stopwatch.GetTimestamp() + KeepAwakeAtMost);
            if (Interlocked.CompareExchange(ref _asleep, 0, 1) == 1) WakeUp.Release();
        }

        private static void Run()
        {
            var lastWork = Stopwatch.GetTimestamp();
            var spin = new SpinWait();
            while (true)
            {
                if (Interlocked.Exchange(ref _offered, null) is { } parts)
                {
                    parts.Work();
                    lastWork = Stopwatch.GetTimestamp();
                    spin.Reset();
                    continue;
                }
                var now = Stopwatch.GetTimestamp();
                if (now - lastWork < StayAwake || now < Volatile.Read(ref _awakeUntil))
                {
                    spin.SpinOnce(sleep1Threshold: -1);
                    continue;
                }
                Interlocked.Exchange(ref _asleep, 1);
                if (Volatile.Read(ref _offered) is null) WakeUp.Wait();
                Interlocked.Exchange(ref _asleep, 0);
                lastWork = Stopwatch.GetTimestamp();
            }
        }
    }
}
