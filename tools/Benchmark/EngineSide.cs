namespace DeepLearningKata.Benchmark;

/// <summary>What one side (engine or NumPy with one thread setting) measured in one round.</summary>
internal sealed class SideResult
{
    public List<double> StepSeconds { get; } = [];
    public List<double> GemmSeconds { get; } = [];
    public long GemmPageFaults { get; set; }
    public List<double> Losses { get; set; } = [];
    public string Note { get; set; } = "";
}

/// <summary>The engine's half of the benchmark, run in this process.</summary>
internal static class EngineSide
{
    public const int GemmSize = 512;

    /// <summary>The engine's own choice of threads per product (it measures which is faster).</summary>
    public const int Default = 0;

    public static string Name(int threads) => threads switch
    {
        Default => "default (1 or 2 threads, measured)",
        1 => "1 thread",
        _ => $"{threads} threads",
    };

    /// <summary>Fixes the engine's matrix products to <paramref name="threads"/> threads, or returns them to the default.</summary>
    public static void UseThreads(int threads) =>
        AppContext.SetData("DeepLearningKata.MatMul.Threads", threads == Default ? null : threads);

    /// <summary>
    /// Times <c>Np.Dot</c> of two 512×512 matrices: 10 warm-up runs (the JIT optimises, the heap settles), then
    /// <paramref name="runs"/> timed ones.
    /// </summary>
    /// <param name="runs">How many runs are timed.</param>
    /// <param name="pageFaults">The page faults of the timed runs (fresh memory for results costs about 10 µs a page).</param>
    public static List<double> Gemm(int runs, out long pageFaults)
    {
        var random = new Random(42);
        var a = Tensor.RandomNormal(random, GemmSize, GemmSize);
        var b = Tensor.RandomNormal(random, GemmSize, GemmSize);
        // The engine computes a product when its result is first read: reading one element makes it compute it all.
        Action product = () => _ = Np.Dot(a, b)[0, 0];
        for (var i = 0; i < 10; i++) product();
        var before = Options.PageFaults();
        var times = Measure.Times(product, 0, runs);
        pageFaults = Options.PageFaults() - before;
        return times;
    }

    /// <summary>
    /// Trains a fresh net from the data's starting weights for every step the data has batches for. The first
    /// <paramref name="warmup"/> steps are not timed (the JIT is still optimising); every step's loss is kept.
    /// </summary>
    public static (List<double> StepSeconds, List<double> Losses) Train(SyntheticData data, LayerSet layers, int warmup)
    {
        var net = new TwoLayerNet(layers, data.W1.Copy(), data.W2.Copy());
        var losses = new List<double>(data.Steps);
        var times = new List<double>(data.Steps);
        for (var step = 0; step < data.Steps; step++)
        {
            var start = System.Diagnostics.Stopwatch.GetTimestamp();
            losses.Add(net.Step(data.X, data.T, data.BatchOf(step), SyntheticData.LearningRate));
            var seconds = System.Diagnostics.Stopwatch.GetElapsedTime(start).TotalSeconds;
            if (step >= warmup) times.Add(seconds);
        }
        return (times, losses);
    }
}
