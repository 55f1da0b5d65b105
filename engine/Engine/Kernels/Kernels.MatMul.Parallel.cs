namespace DeepLearningKata;

// Running the parts of one product on two threads, in a way that cannot make it slower than one thread
// by more than a sliver. The calling thread does not hand work out and wait: it asks the thread pool for
// a helper and starts on the parts itself, taking them one by one from a shared counter; the helper, once
// it runs, takes parts from the same counter. On an idle machine the helper starts within microseconds
// and the two share the work. On a busy one (other programs on both cores) the helper may start late or
// never while the product lasts, and the caller simply does every part itself: it only ever waits for a
// part the helper has already begun. (Parallel.For waits for the helper it has scheduled, which on a
// loaded machine can take a whole time slice of the OS scheduler, milliseconds for a 50 µs product.)
internal static partial class Kernels
{
    /// <summary>Runs <c>work(0)</c> … <c>work(parts − 1)</c>, each exactly once, on the calling thread and at most one helper.</summary>
    private static void RunParts(int parts, Action<int> work)
    {
        var shared = new SharedParts(parts, work);
        ThreadPool.UnsafeQueueUserWorkItem(static s => s.Work(), shared, preferLocal: false);
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
        public void WaitUntilDone()
        {
            var spin = new SpinWait();
            while (Volatile.Read(ref _done) < parts) spin.SpinOnce();
            if (_error is not null) throw new AggregateException(_error);
        }
    }
}
