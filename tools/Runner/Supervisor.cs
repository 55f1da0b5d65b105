using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text;
using DeepLearningKata.Checks;

namespace DeepLearningKata.Runner;

/// <summary>How the runner starts and watches its workers.</summary>
public sealed record SupervisorSettings
{
    /// <summary>The subject the workers grade: <c>learner</c>, <c>reference</c>, <c>mutant:KEY</c>.</summary>
    public string Subject { get; init; } = "learner";

    /// <summary>A budget per exercise overriding <see cref="Exercise.Timeout"/>, or null.</summary>
    public TimeSpan? Timeout { get; init; }

    /// <summary>Added to an exercise's budget before the watchdog ends the worker (the grader's own budget comes first).</summary>
    public TimeSpan Margin { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>How long a worker may take to start, or to move on to its next exercise, before it is ended.</summary>
    public TimeSpan StartupAllowance { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Extra environment variables for the workers (the self-test sets <c>KATA_FAULT</c> here).</summary>
    public IReadOnlyDictionary<string, string?> Environment { get; init; } = new Dictionary<string, string?>();

    /// <summary>The worker program to start instead of this runner's own dll (classroom grading starts a sandbox's copy; watch mode a copy beside freshly compiled exercises), or null.</summary>
    public string? WorkerDll { get; init; }

    /// <summary>The workers' working directory, or null for the runner's own.</summary>
    public string? WorkingDirectory { get; init; }
}

/// <summary>One graded exercise: the grader's result and what the graded code printed meanwhile.</summary>
public sealed record GradedExercise(Exercise Exercise, ExerciseResult Result, string? Output);

/// <summary>The results of a supervised run, in the order graded; <see cref="Error"/> says when grading itself failed.</summary>
public sealed record SupervisedRun(IReadOnlyList<GradedExercise> Results, string? Error, int Workers);

/// <summary>
/// The parent side of grading. It grades nothing itself: it starts a worker process for the exercises,
/// reads its events, and runs a watchdog. If an exercise overruns its budget (plus a margin), the worker's
/// process tree is ended, the exercise is <c>timed-out</c>, and a fresh worker grades the rest; if the
/// worker dies while grading (a stack overflow, <c>Environment.Exit</c>), the exercise is <c>crashed</c>
/// and a fresh worker grades the rest. Every exercise is settled in bounded time, so the run ends.
/// </summary>
public static class Supervisor
{
    public static SupervisedRun Grade(IReadOnlyList<Exercise> exercises, SupervisorSettings settings, Action<GradedExercise>? onGraded = null)
    {
        ArgumentNullException.ThrowIfNull(exercises);
        ArgumentNullException.ThrowIfNull(settings);
        var results = new List<GradedExercise>();
        string? error = null;
        var workers = 0;

        void Settle(GradedExercise graded)
        {
            results.Add(graded);
            onGraded?.Invoke(graded);
        }

        while (results.Count < exercises.Count)
        {
            var pending = exercises.Skip(results.Count).ToList();
            workers++;
            using var worker = WorkerProcess.Start(pending.Select(e => e.Id), settings);
            Exercise? current = null;
            var clock = Stopwatch.StartNew();
            var deadline = settings.StartupAllowance;
            var started = 0;
            var restart = false;
            while (!restart)
            {
                if (!worker.TryNext(deadline - clock.Elapsed, out var next))
                {
                    // The watchdog: the worker is past its deadline.
                    worker.Kill();
                    if (current is not null)
                    {
                        var budget = Budget(current, settings);
                        var message = WatchdogMessage(current, budget);
                        Settle(new GradedExercise(current, Synthetic(current, State.TimedOut, message, clock.Elapsed), worker.OutputSinceSettled()));
                    }
                    else if (started == 0)
                    {
                        error = $"the grading process did not start within {settings.StartupAllowance.TotalSeconds:0} s.{Tail(worker.AllOutput())}";
                        SettleAll(error);
                    }
                    else
                    {
                        var stuck = exercises[results.Count];
                        Settle(new GradedExercise(stuck, Synthetic(stuck, State.Crashed,
                            $"the grading process stopped responding before {stuck.Id} began; it was ended.", TimeSpan.Zero), null));
                    }
                    break;
                }

                if (next is null)
                {
                    // The worker's output ended: it finished, or it died.
                    var exitCode = worker.WaitForExit();
                    if (current is not null)
                    {
                        var printed = worker.OutputSinceSettled() ?? "";
                        var message = CrashMessage(current, exitCode, printed);
                        Settle(new GradedExercise(current, Synthetic(current, State.Crashed, message, clock.Elapsed), WithoutRuntimeReport(printed)));
                    }
                    else if (started == 0)
                    {
                        error = $"the grading process ended (exit code {exitCode}) before grading anything.{Tail(worker.AllOutput())}";
                        SettleAll(error);
                    }
                    else if (results.Count < exercises.Count)
                    {
                        var skipped = exercises[results.Count];
                        Settle(new GradedExercise(skipped, Synthetic(skipped, State.Crashed,
                            $"the grading process ended (exit code {exitCode}) before {skipped.Id} began.", TimeSpan.Zero), null));
                    }
                    break;
                }

                switch (next.Kind)
                {
                    case WorkerEvent.Start:
                        current = exercises[results.Count];
                        if (current.Id != next.Id)
                        {
                            throw new InvalidOperationException($"The worker started {next.Id} where {current.Id} was expected.");
                        }
                        started++;
                        clock.Restart();
                        deadline = Budget(current, settings) + settings.Margin;
                        break;
                    case WorkerEvent.Graded when current is not null && next.Result is not null:
                        Settle(new GradedExercise(current, next.Result, next.Output));
                        worker.MarkSettled();
                        var timedOut = next.Result.State == State.TimedOut;
                        current = null;
                        clock.Restart();
                        deadline = settings.StartupAllowance;
                        if (timedOut)
                        {
                            // The grader abandoned a looping thread; it would eat a core for the rest of the run.
                            worker.Kill();
                            restart = true;
                        }
                        break;
                }
            }
        }
        return new SupervisedRun(results, error, workers);

        void SettleAll(string message)
        {
            foreach (var e in exercises.Skip(results.Count).ToList())
            {
                Settle(new GradedExercise(e, Synthetic(e, State.Crashed, message, TimeSpan.Zero), null));
            }
        }
    }

    /// <summary>The time an exercise may take: the override, or the exercise's own budget.</summary>
    public static TimeSpan Budget(Exercise exercise, SupervisorSettings settings) =>
        settings.Timeout ?? exercise.Timeout;

    /// <summary>What a learner reads when the watchdog had to end the grading of <paramref name="exercise"/>.</summary>
    public static string WatchdogMessage(Exercise exercise, TimeSpan budget) =>
        $"did not finish within {budget.TotalSeconds:0.#} s, so the runner ended it. Is there an endless loop " +
        $"(a `while` whose condition never becomes false, a loop variable that never changes) in {exercise.Folder}?";

    /// <summary>What a learner reads when the process died while grading <paramref name="exercise"/>.</summary>
    public static string CrashMessage(Exercise exercise, int? exitCode, string output)
    {
        ArgumentNullException.ThrowIfNull(exercise);
        output ??= "";
        if (output.Contains("Stack overflow", StringComparison.OrdinalIgnoreCase) || exitCode is -1073741571) // 0xC00000FD on Windows
        {
            var where = output.Split('\n')
                .Select(l => l.Trim())
                .FirstOrDefault(l => l.StartsWith("at DeepLearningKata.Exercises.", StringComparison.Ordinal));
            var at = where is null ? "" : $" The repeating call: {ShortFrame(where)}.";
            return $"the process ended while grading {exercise.Id}: a stack overflow. Is there a recursion without a base case " +
                   $"(a method that always calls itself) in {exercise.Folder}?{at}";
        }
        var code = exitCode?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "unknown";
        if (exitCode is null or 134 or 139) // SIGABRT / SIGSEGV: the runtime gave up, most likely on a stack overflow
        {
            return $"the process ended (exit code {code}) while grading {exercise.Id}: a stack overflow (a recursion without a base case?) " +
                   $"or a call to Environment.Exit in {exercise.Folder}?";
        }
        return $"the process ended (exit code {code}) while grading {exercise.Id}. Does the code in {exercise.Folder} call Environment.Exit? " +
               "An exercise returns its answer; it never ends the program.";
    }

    /// <summary>What the graded code printed, without the runtime's own stack-overflow report (the message says it better).</summary>
    public static string? WithoutRuntimeReport(string? printed)
    {
        if (printed is null) return null;
        var at = printed.IndexOf("Stack overflow.", StringComparison.Ordinal);
        var kept = (at >= 0 ? printed[..at] : printed).TrimEnd();
        return kept.Length == 0 ? null : kept;
    }

    private static string ShortFrame(string frame) =>
        frame["at DeepLearningKata.Exercises.".Length..].Split('(')[0];

    private static string Tail(string? output)
    {
        if (string.IsNullOrWhiteSpace(output)) return "";
        var lines = output.TrimEnd().Split('\n');
        return "\n  " + string.Join("\n  ", lines.Skip(Math.Max(0, lines.Length - 15)));
    }

    private static ExerciseResult Synthetic(Exercise exercise, State state, string message, TimeSpan elapsed) =>
        new(exercise.Id, exercise.Chapter, exercise.Title, state, message, elapsed.TotalSeconds,
            [new CheckResult("running the checks", state, message)]);

    /// <summary>A worker process, its events and its standard error.</summary>
    private sealed class WorkerProcess : IDisposable
    {
        private const int OutputLimit = 64 * 1024;
        private readonly Process _process;
        private readonly BlockingCollection<WorkerEvent?> _events = new();
        private readonly StringBuilder _output = new();
        private readonly Lock _lock = new();
        private int _settledMark;

        private WorkerProcess(Process process) => _process = process;

        public static WorkerProcess Start(IEnumerable<string> ids, SupervisorSettings settings)
        {
            var (host, dll) = WorkerCommand(settings.WorkerDll);
            var info = new ProcessStartInfo(StandardError.ToFile ? "/bin/sh" : host)
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                RedirectStandardInput = true,
                UseShellExecute = false,
                CreateNoWindow = true,
                StandardOutputEncoding = Encoding.UTF8,
                StandardErrorEncoding = Encoding.UTF8,
            };
            if (StandardError.ToFile)
            {
                info.ArgumentList.Add("-c");
                info.ArgumentList.Add(StandardError.ShellScript);
                info.ArgumentList.Add(host); // $0 of the script
            }
            if (dll is not null) info.ArgumentList.Add(dll);
            info.ArgumentList.Add("--worker");
            info.ArgumentList.Add("--subject");
            info.ArgumentList.Add(settings.Subject);
            info.ArgumentList.Add("--exercises");
            info.ArgumentList.Add(string.Join(',', ids));
            if (settings.Timeout is { } t)
            {
                info.ArgumentList.Add("--timeout");
                info.ArgumentList.Add(t.TotalSeconds.ToString("R", System.Globalization.CultureInfo.InvariantCulture));
            }
            foreach (var (key, value) in settings.Environment) info.Environment[key] = value;
            if (settings.WorkingDirectory is { } cwd) info.WorkingDirectory = cwd;
            string? stderrFile = null;
            if (StandardError.ToFile)
            {
                stderrFile = Path.Combine(Path.GetTempPath(), $"kata-worker-{Guid.NewGuid():N}.stderr");
                info.Environment[StandardError.Variable] = stderrFile;
            }

            var process = new Process { StartInfo = info };
            var worker = new WorkerProcess(process) { _stderrFile = stderrFile };
            process.OutputDataReceived += (_, e) =>
            {
                if (e.Data is null)
                {
                    worker.AppendStandardErrorFile(); // before the end is announced: a crash message reads it
                    worker._events.Add(null);
                    return;
                }
                if (WorkerEvent.TryParse(e.Data) is { } ev) worker._events.Add(ev);
                else worker.Append(e.Data);
            };
            process.ErrorDataReceived += (_, e) =>
            {
                if (e.Data is not null) worker.Append(e.Data);
            };
            process.Start();
            process.StandardInput.Close();
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            return worker;
        }

        /// <summary>How to start a worker: this program's dll under the dotnet host.</summary>
        private static (string Host, string? Dll) WorkerCommand(string? assembly)
        {
            var dll = assembly ?? typeof(Worker).Assembly.Location;
            var self = Environment.ProcessPath;
            if (self is not null && Path.GetFileNameWithoutExtension(self).Equals("dotnet", StringComparison.OrdinalIgnoreCase))
            {
                return (self, dll);
            }
            if (Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host))
            {
                return (host, dll);
            }
            if (Environment.GetEnvironmentVariable("DOTNET_ROOT") is { Length: > 0 } root)
            {
                var candidate = Path.Combine(root, OperatingSystem.IsWindows() ? "dotnet.exe" : "dotnet");
                if (File.Exists(candidate)) return (candidate, dll);
            }
            return ("dotnet", dll);
        }

        private void Append(string line)
        {
            lock (_lock)
            {
                // Keep the beginning: that is where "Stack overflow." and an exception's message are. Dropping
                // the rest (rather than trimming the front) keeps a 20 MB stack trace cheap to swallow.
                if (_output.Length > OutputLimit) return;
                _output.Append(line).Append('\n');
            }
        }

        /// <summary>The next event within <paramref name="wait"/> (false when none came); null once the output has ended.</summary>
        public bool TryNext(TimeSpan wait, out WorkerEvent? next)
        {
            if (wait < TimeSpan.Zero) wait = TimeSpan.Zero;
            return _events.TryTake(out next, wait);
        }

        /// <summary>
        /// Forgets the output so far: an exercise was settled. (Marking when the next one starts would race:
        /// standard error and the events arrive on different threads, and a stack overflow comes fast.)
        /// </summary>
        public void MarkSettled()
        {
            lock (_lock)
            {
                _output.Clear(); // what came before belongs to exercises already reported
                _settledMark = 0;
                _stderrSettled = FileLength(_stderrFile);
            }
        }

        private string? _stderrFile;
        private long _stderrSettled;

        private static long FileLength(string? path) => path is not null && File.Exists(path) ? new FileInfo(path).Length : 0;

        /// <summary>Adds the beginning of what the worker wrote to its standard-error file since the last settled exercise, then removes the file.</summary>
        private void AppendStandardErrorFile()
        {
            if (_stderrFile is null || !File.Exists(_stderrFile)) return;
            try
            {
                using var stream = new FileStream(_stderrFile, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
                stream.Seek(_stderrSettled, SeekOrigin.Begin);
                var buffer = new byte[OutputLimit];
                var read = stream.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false);
                foreach (var line in Encoding.UTF8.GetString(buffer, 0, read).Split('\n')) Append(line);
            }
            catch (IOException)
            {
                // Without it the crash message is less specific, not wrong.
            }
            finally
            {
                try { File.Delete(_stderrFile); } catch (IOException) { }
            }
        }

        /// <summary>What the worker printed since the last settled exercise.</summary>
        public string? OutputSinceSettled()
        {
            lock (_lock)
            {
                return _output.Length > _settledMark ? _output.ToString(_settledMark, _output.Length - _settledMark) : null;
            }
        }

        public string AllOutput()
        {
            lock (_lock) return _output.ToString();
        }

        public void Kill()
        {
            try
            {
                if (!_process.HasExited) _process.Kill(entireProcessTree: true);
            }
            catch (InvalidOperationException)
            {
                // it ended by itself meanwhile
            }
            _process.WaitForExit(10_000);
        }

        /// <summary>Waits for the process (and its output) to end; its exit code.</summary>
        public int? WaitForExit()
        {
            if (!_process.WaitForExit(30_000))
            {
                Kill();
                return null;
            }
            _process.WaitForExit(); // lets the output handlers finish
            return _process.ExitCode;
        }

        public void Dispose()
        {
            Kill();
            _process.WaitForExit(); // the output handlers are done after this
            _process.Dispose();
        }
    }
}
