using System.Diagnostics;
using System.Text.Json;

namespace DeepLearningKata.Benchmark;

/// <summary>
/// Runs tools/benchmark_numpy.py as PERFORMANCE.md says is fair: OpenBLAS free to choose its AVX-512
/// kernel (<c>OPENBLAS_CORETYPE</c> removed from the environment) and with a given number of threads.
/// </summary>
internal static class NumPySide
{
    /// <summary>The python to use: <paramref name="preferred"/>, else Debian's /usr/bin/python3 (not a pyenv shim without NumPy), if it imports numpy.</summary>
    public static string? FindPython(string? preferred)
    {
        foreach (var candidate in new[] { preferred, "/usr/bin/python3", "python3" })
        {
            if (string.IsNullOrEmpty(candidate)) continue;
            try
            {
                using var probe = Process.Start(new ProcessStartInfo(candidate, ["-c", "import numpy"])
                {
                    RedirectStandardError = true,
                    RedirectStandardOutput = true,
                });
                if (probe is null) continue;
                probe.WaitForExit();
                if (probe.ExitCode == 0) return candidate;
            }
            catch (System.ComponentModel.Win32Exception)
            {
                // Not installed: try the next one.
            }
        }
        return null;
    }

    public static (SideResult Result, JsonElement Info) Run(string python, string script, string dataFile, int warmup, int gemmRuns, int threads)
    {
        var start = new ProcessStartInfo(python, [script, "--data", dataFile, "--warmup", warmup.ToString(), "--gemm-runs", gemmRuns.ToString(), "--json"])
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
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{python} {script} failed (exit {process.ExitCode}):\n{stderr.Result}");
        }
        using var json = JsonDocument.Parse(stdout);
        var root = json.RootElement;
        var result = new SideResult();
        result.StepSeconds.AddRange(root.GetProperty("step_seconds").EnumerateArray().Select(e => e.GetDouble()));
        result.GemmSeconds.AddRange(root.GetProperty("gemm_seconds").EnumerateArray().Select(e => e.GetDouble()));
        result.Losses = [.. root.GetProperty("losses").EnumerateArray().Select(e => e.GetDouble())];
        var info = root.Clone();
        return (result, info);
    }
}
