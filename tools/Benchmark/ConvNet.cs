using System.Diagnostics;
using System.Text;
using System.Text.Json;
using DeepLearningKata.Contracts;
using DeepLearningKata.Reference;

namespace DeepLearningKata.Benchmark;

/// <summary>
/// One training step of the book's SimpleConvNet (chapter 7), engine against NumPy: the reference
/// implementation (<see cref="Chapter7Reference.CreateSimpleConvNet"/> in its default, the book's, configuration:
/// 1×28×28 input, 30 filters 5×5, stride 1, pad 0, max-pool 2×2, hidden 100, 10 classes) trained with the reference
/// Adam (learning rate 0.001) on batches of 100; tools/benchmark_convnet.py is the same recipe in NumPy.
/// </summary>
/// <remarks>
/// Both sides read the same data, starting weights and batch indices (the engine writes them to a file, magic
/// <c>DLKC1</c>), so the losses they report must agree to rounding: equal work, not just equal shapes.
/// The data are synthetic (inputs uniform in [0, 1), labels uniform): a step's cost does not depend on them.
/// </remarks>
internal static class ConvNet
{
    public const int Batch = 100;
    public const int Seed = 2024;

    public sealed record Data(Tensor X, Tensor T, int[] Labels, IReadOnlyDictionary<string, Tensor> Start, int[] BatchIndices)
    {
        public int Steps => BatchIndices.Length / Batch;

        public ArraySegment<int> BatchOf(int step) => new(BatchIndices, step * Batch, Batch);
    }

    public static Data Create(int samples, int steps)
    {
        var settings = new ConvNetSettings();
        var random = new Random(Seed);
        var x = Tensor.RandomUniform(random, 0.0, 1.0, samples, settings.Channels, settings.Height, settings.Width);
        var labels = new int[samples];
        var t = Tensor.Zeros(samples, settings.OutputSize);
        for (var i = 0; i < samples; i++)
        {
            labels[i] = random.Next(settings.OutputSize);
            t[i, labels[i]] = 1.0;
        }
        var start = new Chapter7Reference().CreateSimpleConvNet(settings, random).Params
            .ToDictionary(p => p.Key, p => p.Value.Copy());
        var indices = new int[steps * Batch];
        for (var i = 0; i < indices.Length; i++) indices[i] = random.Next(samples);
        return new Data(x, t, labels, start, indices);
    }

    /// <summary>
    /// Writes the data for tools/benchmark_convnet.py: ASCII <c>DLKC1</c>, little-endian int32 samples, channels,
    /// height, width, classes, batch, steps, filters; then float64 X, int32 labels, float64 W1, W2, W3, int32 indices.
    /// </summary>
    public static void Write(Data data, string path)
    {
        var s = new ConvNetSettings();
        using var file = new BinaryWriter(File.Create(path), Encoding.ASCII);
        file.Write("DLKC1"u8);
        foreach (var v in new[] { data.X.Dim(0), s.Channels, s.Height, s.Width, s.OutputSize, Batch, data.Steps, s.FilterCount }) file.Write(v);
        foreach (var v in data.X.AsSpan()) file.Write(v);
        foreach (var label in data.Labels) file.Write(label);
        foreach (var name in new[] { "W1", "W2", "W3" })
        {
            foreach (var v in data.Start[name].AsSpan()) file.Write(v);
        }
        foreach (var i in data.BatchIndices) file.Write(i);
    }

    /// <summary>
    /// Trains a fresh net from the data's starting weights for every step the data has batches for; the first
    /// <paramref name="warmup"/> steps are not timed. The loss of the first and the last batch (before their update)
    /// is computed outside the timed part, to compare with NumPy's.
    /// </summary>
    public static (List<double> StepSeconds, double FirstLoss, double LastLoss) Train(Data data, int warmup)
    {
        var net = new Chapter7Reference().CreateSimpleConvNet(new ConvNetSettings(), new Random(Seed));
        foreach (var (name, p) in net.Params) p.Assign(data.Start[name]);
        var optimizer = new Chapter6Reference().CreateAdam(0.001);
        var times = new List<double>(data.Steps);
        double first = double.NaN, last = double.NaN;
        for (var step = 0; step < data.Steps; step++)
        {
            if (step == 0 || step == data.Steps - 1)
            {
                var loss = net.Loss(data.X.Rows(data.BatchOf(step)), data.T.Rows(data.BatchOf(step)));
                if (step == 0) first = loss; else last = loss;
            }
            var start = Stopwatch.GetTimestamp();
            var x = data.X.Rows(data.BatchOf(step));
            var t = data.T.Rows(data.BatchOf(step));
            optimizer.Update(net.Params, net.Gradient(x, t));
            var seconds = Stopwatch.GetElapsedTime(start).TotalSeconds;
            if (step >= warmup) times.Add(seconds);
        }
        return (times, first, last);
    }

    /// <summary>Runs the NumPy script on the same data with <paramref name="threads"/> OpenBLAS threads (kernel free to choose).</summary>
    public static (List<double> StepSeconds, List<double> Losses) RunNumPy(string python, string script, string dataFile, int warmup, int threads)
    {
        var start = new ProcessStartInfo(python, [script, "--data", dataFile, "--warmup", warmup.ToString(), "--json"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment.Remove("OPENBLAS_CORETYPE");
        start.Environment["OPENBLAS_NUM_THREADS"] = threads.ToString();
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {python}.");
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0) throw new InvalidOperationException($"{python} {script} failed (exit {process.ExitCode}):\n{stderr.Result}");
        using var json = JsonDocument.Parse(stdout);
        var root = json.RootElement;
        return ([.. root.GetProperty("step_seconds").EnumerateArray().Select(e => e.GetDouble())],
                [.. root.GetProperty("losses").EnumerateArray().Select(e => e.GetDouble())]);
    }

    /// <summary>The whole comparison: warm-up, rounds alternating the sides, medians, the ratio and the loss check.</summary>
    public static void Run(int steps, int warmup, int rounds, string? python, string repoRoot)
    {
        var data = Create(samples: 1000, steps: warmup + steps);
        Console.WriteLine();
        Console.WriteLine($"SimpleConvNet (the book's: 1×28×28, 30 filters 5×5, pool 2×2, hidden 100, 10 classes; Adam 0.001), " +
            $"batch {Batch}: {warmup} warm-up + {steps} timed steps, {rounds} round(s)");
        string? dataFile = null;
        var script = Path.Combine(repoRoot, "tools", "benchmark_convnet.py");
        if (python is not null)
        {
            dataFile = Path.Combine(Path.GetTempPath(), $"dlk-convnet-{Environment.ProcessId}.bin");
            Write(data, dataFile);
        }
        var engine = new List<double>();
        var numpy = new Dictionary<int, List<double>> { [1] = [], [2] = [] };
        (double First, double Last) engineLoss = default;
        List<double>? numpyLosses = null;
        var engineNote = "";
        try
        {
            Console.Write("Warm-up: engine,");
            Train(data with { BatchIndices = data.BatchIndices[..(Math.Min(warmup, data.Steps) * Batch)] }, warmup);
            Console.WriteLine(" done");
            for (var round = 1; round <= rounds; round++)
            {
                Console.Write($"Round {round}:");
                void EngineRound()
                {
                    Console.Write(" engine,");
                    var before = (Options.PageFaults(), GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2));
                    var (times, first, last) = Train(data, warmup);
                    engineNote = $"page faults {(double)(Options.PageFaults() - before.Item1) / data.Steps:F0} per step; garbage collections " +
                        $"gen0 {GC.CollectionCount(0) - before.Item2}, gen1 {GC.CollectionCount(1) - before.Item3}, gen2 {GC.CollectionCount(2) - before.Item4} " +
                        $"in the last round's {data.Steps} steps";
                    engine.AddRange(times);
                    engineLoss = (first, last);
                }
                if (round % 2 == 1) EngineRound();
                if (python is not null)
                {
                    foreach (var threads in numpy.Keys)
                    {
                        Console.Write($" NumPy {threads}T,");
                        var (times, losses) = RunNumPy(python, script, dataFile!, warmup, threads);
                        numpy[threads].AddRange(times);
                        numpyLosses = losses;
                    }
                }
                if (round % 2 == 0) EngineRound();
                Console.WriteLine($" done (load average {Options.LoadAverage()})");
            }
        }
        finally
        {
            if (dataFile is not null) File.Delete(dataFile);
        }

        double Ms(List<double> s) => Measure.Median(s) * 1e3;
        Console.WriteLine($"SimpleConvNet training step, ms/step, median of {engine.Count}:");
        Console.WriteLine($"  {"engine",-27} {Ms(engine),8:F2}   ({engineNote})");
        if (python is null) return;
        foreach (var (t, side) in numpy) Console.WriteLine($"  {"NumPy " + (t == 1 ? "1 thread" : $"{t} threads"),-27} {Ms(side),8:F2}");
        var best = numpy.MinBy(p => Ms(p.Value)).Key;
        var ratio = Ms(engine) / Ms(numpy[best]);
        Console.WriteLine($"  NumPy best: OPENBLAS_NUM_THREADS={best} won");
        Console.WriteLine($"  ratio engine / NumPy best                   {ratio,6:F2}   (goal ≤ {Report.ConvNetGoal:F1}: {(ratio <= Report.ConvNetGoal ? "met" : "missed")})");
        var n = numpyLosses!;
        var diff = Math.Max(Math.Abs(engineLoss.First - n[0]), Math.Abs(engineLoss.Last - n[^1]));
        Console.WriteLine($"  loss of the first batch: engine {engineLoss.First:F6}  NumPy {n[0]:F6}; of the last ({n.Count}): " +
            $"engine {engineLoss.Last:F6}  NumPy {n[^1]:F6} ({(diff < 1e-6 ? "the same computation" : "NOT the same computation")})");
    }
}
