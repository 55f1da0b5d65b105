using System.Diagnostics;
using DeepLearningKata.Checks;
using DeepLearningKata.Runner;

namespace DeepLearningKata.SelfTest.RunnerTests;

/// <summary>What one run of the runner's command line did.</summary>
internal sealed record CliRun(int ExitCode, string Out, string Err, TimeSpan Elapsed)
{
    public override string ToString() => $"exit {ExitCode} after {Elapsed.TotalSeconds:0.0} s\n--- stdout\n{Out}\n--- stderr\n{Err}";
}

/// <summary>Runs the runner in this process; its workers are real child processes.</summary>
internal static class RunnerHarness
{
    /// <summary>A short watchdog margin, so the tests of the watchdog take seconds.</summary>
    public static SupervisorSettings Quick(string? fault = null) => new()
    {
        Margin = TimeSpan.FromSeconds(1),
        Environment = fault is null ? new Dictionary<string, string?>() : new Dictionary<string, string?> { [Faults.Variable] = fault },
    };

    public static CliRun Cli(params string[] args) => Cli(Quick(), args);

    public static CliRun Cli(SupervisorSettings settings, params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var clock = Stopwatch.StartNew();
        var code = DeepLearningKata.Runner.Cli.Run(args, stdout, stderr, color: false, workers: settings);
        return new CliRun(code, stdout.ToString(), stderr.ToString(), clock.Elapsed);
    }

    /// <summary>The exemplar exercise, always there.</summary>
    public static Exercise Exemplar => Catalog.Get("1.3");

    /// <summary>A fresh temporary folder.</summary>
    public static string TempFolder()
    {
        var path = Path.Combine(Path.GetTempPath(), "kata-runner-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(path);
        return path;
    }

    /// <summary>Sets an environment variable for the duration of a using block.</summary>
    public static IDisposable Environment(string name, string? value)
    {
        var before = System.Environment.GetEnvironmentVariable(name);
        System.Environment.SetEnvironmentVariable(name, value);
        return new Restore(() => System.Environment.SetEnvironmentVariable(name, before));
    }

    private sealed class Restore(Action undo) : IDisposable
    {
        public void Dispose() => undo();
    }
}
