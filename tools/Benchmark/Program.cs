using System.Globalization;
using System.Runtime.Intrinsics;
using System.Text.Json;
using DeepLearningKata.Benchmark;

// The engine against NumPy on the same work, side by side; tools/benchmark.sh builds and runs this.
//   dotnet run -c Release --project tools/Benchmark -- [--steps 1000] [--warmup 200] [--rounds 3]
//     [--samples 10000] [--python /usr/bin/python3] [--no-numpy] [--profile]
//     [--only twolayer|convnet] [--convnet-steps 40] [--convnet-warmup 5]
CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
var options = Options.Parse(args);
if (options.Only == "convnet")
{
    Console.WriteLine($"Machine: {Options.CpuModel()}, {Environment.ProcessorCount} cores; Vector512 {(Vector512.IsHardwareAccelerated ? "yes" : "no")}");
    Console.WriteLine($"Load average (1, 5, 15 min): {Options.LoadAverage()} — other work on the machine slows both sides.");
    ConvNet.Run(options.ConvNetSteps, options.ConvNetWarmup, options.Rounds,
        options.NoNumPy ? null : NumPySide.FindPython(options.Python), Options.FindRepoRoot());
    Console.WriteLine($"Load average at the end: {Options.LoadAverage()}");
    if (options.Profile) ConvNetProfile.Print(options.ConvNetSteps, options.ConvNetWarmup);
    return;
}
var layers = LayerSet.Reference;

Console.WriteLine($"Load average (1, 5, 15 min): {Options.LoadAverage()} — other work on the machine slows both sides.");
Console.WriteLine($"Machine: {Options.CpuModel()}, {Environment.ProcessorCount} cores; SIMD: " +
    $"{(Vector512.IsHardwareAccelerated ? "512-bit (Vector512, 8 doubles)" : Vector256.IsHardwareAccelerated ? "256-bit (Vector256, 4 doubles)" : "128-bit or none")}");
Console.WriteLine($"Runtime settings: the project's own only (no DOTNET_* variables set by the script); garbage collector " +
    $"{(System.Runtime.GCSettings.IsServerGC ? "server" : "workstation")}, {(System.Runtime.GCSettings.LatencyMode == System.Runtime.GCLatencyMode.Batch ? "non-concurrent" : "concurrent")}; " +
    $"DOTNET_GCgen0size={Environment.GetEnvironmentVariable("DOTNET_GCgen0size") ?? "(unset)"}, DOTNET_gcConcurrent={Environment.GetEnvironmentVariable("DOTNET_gcConcurrent") ?? "(unset)"}");
Console.WriteLine($".NET {Environment.Version}; the engine's two-layer net is built from {layers.Name}");

var data = SyntheticData.Create(options.Samples, options.Warmup + options.Steps, seed: 2024);
Console.WriteLine($"Data: {options.Samples} synthetic samples (784 inputs in [0, 1), teacher labels), " +
    $"{options.Warmup} warm-up + {options.Steps} timed steps of batch {SyntheticData.Batch}, {options.Rounds} round(s)");

var repoRoot = Options.FindRepoRoot();
var script = Path.Combine(repoRoot, "tools", "benchmark_numpy.py");
var python = options.NoNumPy ? null : NumPySide.FindPython(options.Python);
string? dataFile = null;
if (python is not null)
{
    dataFile = Path.Combine(Path.GetTempPath(), $"dlk-benchmark-{Environment.ProcessId}.bin");
    data.Write(dataFile);
}
else if (!options.NoNumPy)
{
    Console.WriteLine("NumPy side skipped: no python3 with numpy (tools/benchmark.sh installs python3-numpy and libopenblas0-pthread when run as root).");
}

// The engine chooses 1 or 2 threads per product by measuring (its default); it is also measured with
// the choice fixed at 2 and at 1, as NumPy is measured with OPENBLAS_NUM_THREADS=1 and =2.
var engineSettings = Environment.ProcessorCount >= 2 ? new[] { EngineSide.Default, 2, 1 } : new[] { 1 };
var engine = engineSettings.ToDictionary(t => t, _ => new SideResult());
var numpy = new Dictionary<int, SideResult> { [1] = new(), [2] = new() };
JsonElement? numpyInfo = null;
try
{
    // First everything once, untimed: the JIT optimises, the thread pool and the heap settle.
    Console.Write("Warm-up:");
    foreach (var threads in engineSettings)
    {
        Console.Write($" engine {EngineSide.Name(threads)},");
        EngineSide.UseThreads(threads);
        EngineSide.Gemm(1, out _);
        EngineSide.Train(data, layers, options.Warmup);
    }
    Console.WriteLine(" done");

    // Rounds alternate the sides (and the order of the engine's settings), so a burst of load on this
    // shared machine hits all of them alike.
    for (var round = 1; round <= options.Rounds; round++)
    {
        Console.Write($"Round {round}:");
        foreach (var threads in round % 2 == 1 ? engineSettings : engineSettings.Reverse())
        {
            Console.Write($" engine {EngineSide.Name(threads)},");
            EngineSide.UseThreads(threads);
            var side = engine[threads];
            side.GemmSeconds.AddRange(EngineSide.Gemm(options.GemmRuns, out var gemmFaults));
            side.GemmPageFaults += gemmFaults;
            var gcBefore = (GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2), GC.GetTotalPauseDuration());
            var faultsBefore = Options.PageFaults();
            var (steps, losses) = EngineSide.Train(data, layers, options.Warmup);
            side.StepSeconds.AddRange(steps);
            side.Losses = losses;
            side.Note = $"garbage collections during the last round's {data.Steps} steps ({EngineSide.Name(threads)}): " +
                $"gen0 {GC.CollectionCount(0) - gcBefore.Item1}, gen1 {GC.CollectionCount(1) - gcBefore.Item2}, gen2 {GC.CollectionCount(2) - gcBefore.Item3}, " +
                $"paused {(GC.GetTotalPauseDuration() - gcBefore.Item4).TotalMilliseconds:F1} ms; " +
                $"page faults {(double)(Options.PageFaults() - faultsBefore) / data.Steps:F1} per step";
        }
        EngineSide.UseThreads(EngineSide.Default);
        if (python is not null)
        {
            foreach (var threads in numpy.Keys)
            {
                Console.Write($" NumPy {threads}T,");
                var (result, info) = NumPySide.Run(python, script, dataFile!, options.Warmup, options.GemmRuns, threads);
                numpy[threads].StepSeconds.AddRange(result.StepSeconds);
                numpy[threads].GemmSeconds.AddRange(result.GemmSeconds);
                numpy[threads].Losses = result.Losses;
                numpyInfo = info;
            }
        }
        Console.WriteLine($" done (load average {Options.LoadAverage()})");
    }
}
finally
{
    if (dataFile is not null) File.Delete(dataFile);
}

Report.Print(engine, python is null ? null : numpy, numpyInfo);
foreach (var side in engine.Values) Console.WriteLine($"Engine {side.Note}.");
if (options.Only is null) ConvNet.Run(options.ConvNetSteps, options.ConvNetWarmup, options.Rounds, python, repoRoot);
Console.WriteLine($"Load average at the end: {Options.LoadAverage()}");
if (options.Profile)
{
    foreach (var threads in engineSettings)
    {
        EngineSide.UseThreads(threads);
        Profile.Print(data, EngineSide.Name(threads));
    }
}

/// <summary>Command-line options.</summary>
internal sealed record Options(int Steps, int Warmup, int Rounds, int Samples, int GemmRuns, string? Python, bool NoNumPy, bool Profile,
    string? Only = null, int ConvNetSteps = 40, int ConvNetWarmup = 5)
{
    public static Options Parse(string[] args)
    {
        var o = new Options(Steps: 1000, Warmup: 200, Rounds: 3, Samples: 10000, GemmRuns: 15, Python: null, NoNumPy: false, Profile: false);
        for (var i = 0; i < args.Length; i++)
        {
            string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value.");
            o = args[i] switch
            {
                "--steps" => o with { Steps = int.Parse(Next()) },
                "--warmup" => o with { Warmup = int.Parse(Next()) },
                "--rounds" => o with { Rounds = int.Parse(Next()) },
                "--samples" => o with { Samples = int.Parse(Next()) },
                "--gemm-runs" => o with { GemmRuns = int.Parse(Next()) },
                "--python" => o with { Python = Next() },
                "--no-numpy" => o with { NoNumPy = true },
                "--profile" => o with { Profile = true },
                "--only" => Next() switch
                {
                    var m and ("twolayer" or "convnet") => o with { Only = m },
                    var other => throw new ArgumentException($"--only is twolayer or convnet, not {other}."),
                },
                "--convnet-steps" => o with { ConvNetSteps = int.Parse(Next()) },
                "--convnet-warmup" => o with { ConvNetWarmup = int.Parse(Next()) },
                _ => throw new ArgumentException($"Unknown option {args[i]}. Options: --steps N --warmup N --rounds N --samples N --gemm-runs N --python PATH --no-numpy --profile --only twolayer|convnet --convnet-steps N --convnet-warmup N"),
            };
        }
        return o;
    }

    /// <summary>The CPU's model name from /proc/cpuinfo, or the architecture where there is none.</summary>
    public static string CpuModel()
    {
        try
        {
            var lines = File.ReadLines("/proc/cpuinfo").TakeWhile(l => l.Length > 0).ToList();
            string Field(string name) => lines.FirstOrDefault(l => l.StartsWith(name + "\t", StringComparison.Ordinal) || l.StartsWith(name + " ", StringComparison.Ordinal)) is { } l
                ? l[(l.IndexOf(':') + 1)..].Trim() : "?";
            // Our VMs all say "AMD EPYC"; family and model tell the kinds apart (family 25, model 17 is Zen 4).
            return $"{Field("model name")} (family {Field("cpu family")}, model {Field("model")}, L2 {Field("cache size")})";
        }
        catch (IOException)
        {
        }
        return System.Runtime.InteropServices.RuntimeInformation.ProcessArchitecture.ToString();
    }

    /// <summary>The first three fields of /proc/loadavg, or "unknown".</summary>
    public static string LoadAverage()
    {
        try
        {
            return string.Join(", ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3));
        }
        catch (IOException)
        {
            return "unknown";
        }
        catch (UnauthorizedAccessException)
        {
            return "unknown";
        }
    }

    /// <summary>Minor page faults of this process so far (field 10 of /proc/self/stat), or 0 where there is no /proc.</summary>
    public static long PageFaults()
    {
        try
        {
            return long.Parse(File.ReadAllText("/proc/self/stat").Split(' ')[9], System.Globalization.CultureInfo.InvariantCulture);
        }
        catch (IOException)
        {
            return 0;
        }
        catch (UnauthorizedAccessException)
        {
            return 0;
        }
    }

    /// <summary>The folder holding DeepLearningKata.sln, found upwards from the working directory or this program.</summary>
    public static string FindRepoRoot()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "DeepLearningKata.sln"))) return dir.FullName;
            }
        }
        return Directory.GetCurrentDirectory();
    }
}
