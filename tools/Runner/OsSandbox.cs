using System.Diagnostics;

namespace DeepLearningKata.Runner;

/// <summary>
/// The operating system's sandbox for a worker, on Linux: bubblewrap (<c>bwrap</c>, Debian's <c>bubblewrap</c>). The
/// worker sees the whole file system read-only except the folders it is given (the submission's scratch folder), a
/// private empty <c>/tmp</c>, its own <c>/dev</c> and <c>/proc</c>, no network, its own process namespace (a process
/// the graded code starts dies with the worker) and its own session (it cannot reach the terminal).
/// </summary>
/// <remarks>
/// <c>--classroom</c> uses it wherever it works; a learner's own run does not (it is their code on their machine).
/// <see cref="Find"/> tries it (once per process when it works): where it cannot be had (not Linux, no <c>bwrap</c>, namespaces not
/// allowed), it says why, and the classroom run says so at its start. <c>KATA_SANDBOX=off</c> turns it off.
/// </remarks>
public sealed record OsSandbox(string Bwrap)
{
    /// <summary>The environment variable that turns the sandbox off (<c>off</c>).</summary>
    public const string Variable = "KATA_SANDBOX";

    private static readonly Lock Gate = new();
    private static OsSandbox? _found; // a sandbox that worked once is kept; a missing one is looked for again next time

    /// <summary>The sandbox, or null with the reason in <paramref name="missing"/>.</summary>
    public static OsSandbox? Find(out string? missing)
    {
        if (Environment.GetEnvironmentVariable(Variable) is { } v && v.Trim().Equals("off", StringComparison.OrdinalIgnoreCase))
        {
            missing = $"{Variable}=off";
            return null;
        }
        lock (Gate)
        {
            missing = null;
            if (_found is not null) return _found;
            (_found, missing) = Probe();
            return _found;
        }
    }

    /// <summary>
    /// The arguments of <c>bwrap</c> before the command: everything read-only, <c>/tmp</c> empty but for
    /// <paramref name="readable"/> folders that lie in it (the runner, the instructor's kata, when they are there), and
    /// <paramref name="writable"/> bound read-write.
    /// </summary>
    public IReadOnlyList<string> Arguments(IEnumerable<string> writable, string? workingDirectory, IEnumerable<string>? readable = null)
    {
        ArgumentNullException.ThrowIfNull(writable);
        var args = new List<string> { "--ro-bind", "/", "/", "--dev", "/dev", "--proc", "/proc", "--tmpfs", "/tmp" };
        foreach (var folder in (readable ?? []).Select(Path.GetFullPath).Select(f => f.TrimEnd('/')).Distinct(StringComparer.Ordinal)
                     .Where(f => f.StartsWith("/tmp/", StringComparison.Ordinal) && Directory.Exists(f)))
        {
            args.AddRange(["--ro-bind", folder, folder]);
        }
        foreach (var folder in writable.Select(Path.GetFullPath).Distinct(StringComparer.Ordinal))
        {
            args.AddRange(["--bind", folder, folder]);
        }
        args.AddRange(["--unshare-all", "--die-with-parent", "--new-session"]);
        if (workingDirectory is not null) args.AddRange(["--chdir", Path.GetFullPath(workingDirectory)]);
        return args;
    }

    private static (OsSandbox?, string?) Probe()
    {
        if (!OperatingSystem.IsLinux()) return (null, "it needs Linux (bubblewrap)");
        var bwrap = (Environment.GetEnvironmentVariable("PATH") ?? "/usr/bin:/bin").Split(':', StringSplitOptions.RemoveEmptyEntries)
            .Select(d => Path.Combine(d, "bwrap")).FirstOrDefault(File.Exists);
        if (bwrap is null) return (null, "bwrap is not installed (Debian: apt-get install bubblewrap; ./run-checks.sh --classroom installs it when it runs as root)");
        var sandbox = new OsSandbox(bwrap);
        var folder = Path.Combine(Path.GetTempPath(), "kata-sandbox-probe-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(folder);
        try
        {
            var info = new ProcessStartInfo(bwrap)
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            foreach (var a in sandbox.Arguments([folder], folder)) info.ArgumentList.Add(a);
            foreach (var a in new[] { "/bin/sh", "-c", "echo ok > probe" }) info.ArgumentList.Add(a);
            using var process = Process.Start(info)!;
            var error = process.StandardError.ReadToEndAsync();
            process.StandardOutput.ReadToEnd();
            if (!process.WaitForExit(15_000))
            {
                process.Kill(entireProcessTree: true);
                return (null, "bwrap did not answer within 15 s");
            }
            var why = error.Result.Trim().Split('\n')[0];
            if (process.ExitCode != 0 || !File.Exists(Path.Combine(folder, "probe")))
            {
                return (null, $"bwrap cannot make a sandbox here (exit code {process.ExitCode}{(why.Length > 0 ? ": " + why : "")})");
            }
            return (sandbox, null);
        }
        catch (Exception e) when (e is System.ComponentModel.Win32Exception or IOException or InvalidOperationException)
        {
            return (null, $"bwrap could not be started: {e.Message}");
        }
        finally
        {
            try { Directory.Delete(folder, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        }
    }

    /// <summary>
    /// The resident memory of <paramref name="pid"/> and every process below it, in bytes (Linux, from <c>/proc</c>):
    /// in the sandbox the process the runner started is <c>bwrap</c>, and the worker is its grandchild.
    /// </summary>
    public static long TreeResidentBytes(int pid)
    {
        var children = new Dictionary<int, List<int>>();
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), out var p)) continue;
            var parent = ParentOf(dir);
            if (parent is null) continue;
            if (!children.TryGetValue(parent.Value, out var list)) children[parent.Value] = list = [];
            list.Add(p);
        }
        long total = 0;
        var queue = new Queue<int>([pid]);
        while (queue.Count > 0)
        {
            var p = queue.Dequeue();
            total += Resident(p);
            if (children.TryGetValue(p, out var below)) foreach (var c in below) queue.Enqueue(c);
        }
        return total;
    }

    private static int? ParentOf(string procDir)
    {
        try
        {
            var stat = File.ReadAllText(Path.Combine(procDir, "stat"));
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' '); // state ppid …
            return int.TryParse(fields[1], out var ppid) ? ppid : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or IndexOutOfRangeException or ArgumentOutOfRangeException)
        {
            return null; // it ended meanwhile
        }
    }

    private static long Resident(int pid)
    {
        try
        {
            var statm = File.ReadAllText($"/proc/{pid}/statm").Split(' ');
            return long.Parse(statm[1], System.Globalization.CultureInfo.InvariantCulture) * Environment.SystemPageSize;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException or IndexOutOfRangeException)
        {
            return 0;
        }
    }
}
