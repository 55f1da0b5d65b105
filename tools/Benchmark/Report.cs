using System.Text.Json;

namespace DeepLearningKata.Benchmark;

/// <summary>Prints the comparison: medians over all rounds, NumPy at its best thread setting, and the loss check.</summary>
internal static class Report
{
    public const double Goal = 0.8;

    public static void Print(SideResult engine, Dictionary<int, SideResult>? numpy, JsonElement? numpyInfo)
    {
        var flops = 2.0 * Math.Pow(EngineSide.GemmSize, 3);
        double Ms(SideResult s) => Measure.Median(s.StepSeconds) * 1e3;
        double MeanMs(SideResult s) => s.StepSeconds.Average() * 1e3;
        double Gflops(SideResult s) => flops / Measure.Median(s.GemmSeconds) / 1e9;

        Console.WriteLine();
        if (numpyInfo is { } info)
        {
            var blas = info.GetProperty("blas");
            var core = blas.TryGetProperty("core", out var c) ? c.GetString() : "?";
            var config = blas.TryGetProperty("config", out var cfg) ? cfg.GetString() : blas.GetProperty("library").GetString();
            Console.WriteLine($"NumPy {info.GetProperty("numpy").GetString()} with {config}; kernel {core}; OPENBLAS_CORETYPE {info.GetProperty("openblas_coretype").GetString()}");
        }

        Console.WriteLine($"Two-layer net training step (784-50-10, batch 100), ms/step, median of {engine.StepSeconds.Count} (mean in brackets):");
        Console.WriteLine($"  engine              {Ms(engine),8:F3}   ({MeanMs(engine):F3})");
        int? bestStep = null, bestGemm = null;
        if (numpy is not null)
        {
            foreach (var (threads, side) in numpy)
            {
                Console.WriteLine($"  NumPy {threads} thread{(threads > 1 ? "s" : " ")}      {Ms(side),8:F3}   ({MeanMs(side):F3})");
            }
            bestStep = numpy.MinBy(p => Ms(p.Value)).Key;
            bestGemm = numpy.MaxBy(p => Gflops(p.Value)).Key;
            var ratio = Ms(engine) / Ms(numpy[bestStep.Value]);
            Console.WriteLine($"  NumPy best          {Ms(numpy[bestStep.Value]),8:F3}   (OPENBLAS_NUM_THREADS={bestStep} won)");
            Console.WriteLine($"  ratio engine/NumPy  {ratio,8:F2}   (goal ≤ {Goal:F1}: {(ratio <= Goal ? "met" : "missed")})");
        }

        Console.WriteLine($"Matrix product 512×512×512, GFLOP/s, median of {engine.GemmSeconds.Count}:");
        Console.WriteLine($"  engine              {Gflops(engine),8:F1}");
        if (numpy is not null)
        {
            foreach (var (threads, side) in numpy)
            {
                Console.WriteLine($"  NumPy {threads} thread{(threads > 1 ? "s" : " ")}      {Gflops(side),8:F1}");
            }
            var best = numpy[bestGemm!.Value];
            Console.WriteLine($"  NumPy best          {Gflops(best),8:F1}   (OPENBLAS_NUM_THREADS={bestGemm} won)");
            Console.WriteLine($"  ratio engine/NumPy  {Gflops(engine) / Gflops(best),8:F2}   (throughput: higher is better for the engine)");
        }

        // Equal work: the same data, starting weights and batches on both sides, so the losses must agree.
        var losses = engine.Losses;
        Console.WriteLine("Loss of the batch (same data, starting weights and batches on both sides):");
        var steps = losses.Count;
        foreach (var at in new[] { 1, Math.Min(100, steps), steps }.Distinct())
        {
            var line = $"  step {at,5}: engine {losses[at - 1]:F6}";
            if (numpy is not null) line += $"   NumPy {numpy[bestStep!.Value].Losses[at - 1]:F6}";
            Console.WriteLine(line);
        }
        if (numpy is not null)
        {
            var other = numpy[bestStep!.Value].Losses;
            var maxDiff = losses.Zip(other, (a, b) => Math.Abs(a - b)).Max();
            Console.WriteLine($"  largest difference over all {steps} steps: {maxDiff:G3} ({(maxDiff < 1e-6 ? "the same computation" : "NOT the same computation")})");
        }
        var tail = Math.Min(100, steps / 2);
        Console.WriteLine($"  mean of the first {tail} steps {losses.Take(tail).Average():F4}, of the last {tail} {losses.TakeLast(tail).Average():F4}");
    }
}
