using System.Text.Json;

namespace DeepLearningKata.Benchmark;

/// <summary>Prints the comparison: medians over all rounds, each side at its best thread setting, and the loss check.</summary>
internal static class Report
{
    /// <summary>Issue 13's goals: the two-layer step at most 0.6 of NumPy's best, the SimpleConvNet step at most 0.5.</summary>
    public const double Goal = 0.6, ConvNetGoal = 0.5;

    public static void Print(Dictionary<int, SideResult> engine, Dictionary<int, SideResult>? numpy, JsonElement? numpyInfo)
    {
        var flops = 2.0 * Math.Pow(EngineSide.GemmSize, 3);
        double Ms(SideResult s) => Measure.Median(s.StepSeconds) * 1e3;
        double MeanMs(SideResult s) => s.StepSeconds.Average() * 1e3;
        double Gflops(SideResult s) => flops / Measure.Median(s.GemmSeconds) / 1e9;
        static string Threads(int t) => t == 1 ? "1 thread " : $"{t} threads";
        static string Engine(int t) => (t == EngineSide.Default ? "engine default (measures)" : $"engine {Threads(t)}").PadRight(27);
        var engineDefault = engine.ContainsKey(EngineSide.Default) ? EngineSide.Default : engine.Keys.First();

        Console.WriteLine();
        if (numpyInfo is { } info)
        {
            var blas = info.GetProperty("blas");
            var core = blas.TryGetProperty("core", out var c) ? c.GetString() : "?";
            var config = blas.TryGetProperty("config", out var cfg) ? cfg.GetString() : blas.GetProperty("library").GetString();
            Console.WriteLine($"NumPy {info.GetProperty("numpy").GetString()} with {config}; kernel {core}; " +
                $"OPENBLAS_CORETYPE {info.GetProperty("openblas_coretype").GetString()}");
        }

        var steps = engine[engineDefault].StepSeconds.Count;
        Console.WriteLine($"Two-layer net training step (784-50-10, batch 100, SGD 0.1), ms/step, median of {steps} (mean in brackets):");
        foreach (var (t, side) in engine) Console.WriteLine($"  {Engine(t)} {Ms(side),8:F3}   ({MeanMs(side):F3})");
        if (numpy is not null)
        {
            foreach (var (t, side) in numpy) Console.WriteLine($"  {"NumPy " + Threads(t),-27} {Ms(side),8:F3}   ({MeanMs(side):F3})");
            var bestNumPy = numpy.MinBy(p => Ms(p.Value)).Key;
            var bestEngine = engine.MinBy(p => Ms(p.Value)).Key;
            var ratio = Ms(engine[engineDefault]) / Ms(numpy[bestNumPy]);
            Console.WriteLine($"  NumPy best: OPENBLAS_NUM_THREADS={bestNumPy} won");
            Console.WriteLine($"  ratio engine (default) / NumPy best        {ratio,6:F2}   (goal ≤ {Goal:F1}: {(ratio <= Goal ? "met" : "missed")})");
            Console.WriteLine($"  ratio engine best ({Engine(bestEngine).Trim()}) / NumPy best  {Ms(engine[bestEngine]) / Ms(numpy[bestNumPy]),6:F2}");
        }

        Console.WriteLine($"Matrix product 512×512×512, GFLOP/s, median of {engine[engineDefault].GemmSeconds.Count}:");
        foreach (var (t, side) in engine)
        {
            Console.WriteLine($"  {Engine(t)} {Gflops(side),8:F1}   (page faults {(double)side.GemmPageFaults / Math.Max(1, side.GemmSeconds.Count):F0} per product)");
        }
        if (numpy is not null)
        {
            foreach (var (t, side) in numpy) Console.WriteLine($"  {"NumPy " + Threads(t),-27} {Gflops(side),8:F1}");
            var bestNumPy = numpy.MaxBy(p => Gflops(p.Value)).Key;
            Console.WriteLine($"  NumPy best: OPENBLAS_NUM_THREADS={bestNumPy} won");
            Console.WriteLine($"  engine (default) / NumPy best               {Gflops(engine[engineDefault]) / Gflops(numpy[bestNumPy]),6:F2}   (throughput: above 1 the engine is faster)");
            // The goal compares like with like: each thread count of the engine against OpenBLAS on as many threads.
            foreach (var t in new[] { 1, 2 })
            {
                if (!engine.TryGetValue(t, out var ours) || !numpy.TryGetValue(t, out var theirs)) continue;
                var ratio = Gflops(ours) / Gflops(theirs);
                Console.WriteLine($"  engine {Threads(t)} / NumPy {Threads(t)}          {ratio,6:F2}   (goal ≥ 1.0: {(ratio >= 1.0 ? "met" : "missed")})");
            }
        }

        // Equal work: the same data, starting weights and batches on both sides, so the losses must agree.
        var losses = engine[engineDefault].Losses;
        var numpyLosses = numpy?[1].Losses;
        Console.WriteLine("Loss of the batch (same data, starting weights and batches on both sides):");
        foreach (var at in new[] { 1, Math.Min(100, losses.Count), losses.Count }.Distinct())
        {
            var line = $"  step {at,5}: engine {losses[at - 1]:F6}";
            if (numpyLosses is not null) line += $"   NumPy {numpyLosses[at - 1]:F6}";
            Console.WriteLine(line);
        }
        if (numpyLosses is not null)
        {
            var maxDiff = losses.Zip(numpyLosses, (a, b) => Math.Abs(a - b)).Max();
            Console.WriteLine($"  largest difference over all {losses.Count} steps: {maxDiff:G3} " +
                $"({(maxDiff < 1e-6 ? "the same computation" : "NOT the same computation")})");
        }
        var tail = Math.Min(100, losses.Count / 2);
        Console.WriteLine($"  mean loss of the first {tail} steps {losses.Take(tail).Average():F4}, of the last {tail} {losses.TakeLast(tail).Average():F4}");
    }
}
