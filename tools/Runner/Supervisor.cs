using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using DeepLearningKata.Checks;
using static DeepLearningKata.Checks.L10n;

namespace DeepLearningKata.Runner;

/// <summary>How the runner starts and watches its workers.</summary>
public sealed record SupervisorSettings
{
    /// <summary>The subject the workers grade: <c>learner</c>, <c>reference</c>, <c>mutant:KEY</c>.</summary>
    public string Subject { get; init; } = "learner";

    /// <summary>
    /// The compiled exercises the workers load as the learner (<see cref="Pipeline"/> writes it); required for the
    /// <c>learner</c> subject, ignored for the others.
    /// </summary>
    public string? ExercisesDll { get; init; }

    /// <summary>A budget per exercise overriding <see cref="Exercise.Timeout"/>, or null.</summary>
    public TimeSpan? Timeout { get; init; }

    /// <summary>Added to an exercise's budget before the watchdog ends the worker (the grader's own budget comes first).</summary>
    public TimeSpan Margin { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>How long a worker may take to start, or to begin the exercise it was asked for, before it is ended.</summary>
    public TimeSpan StartupAllowance { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>The memory limit of one worker in MB (<see cref="MemoryLimit"/>): its managed heap, and its whole process with a margin.</summary>
    public int MemoryMb { get; init; } = MemoryLimit.DefaultMb;

    /// <summary>Extra environment variables for the workers (the self-test sets <c>KATA_FAULT</c> here).</summary>
    public IReadOnlyDictionary<string, string?> Environment { get; init; } = new Dictionary<string, string?>();

    /// <summary>The language of the checks' messages: the one in use where the settings are made (<see cref="L10n"/>); the workers get it as <c>KATA_LANG</c>.</summary>
    public Lang Lang { get; init; } = L10n.Current;

    /// <summary>The workers' working directory, or null for the runner's own.</summary>
    public string? WorkingDirectory { get; init; }

    /// <summary>
    /// Where a worker's events and standard-error files are made, or null for the temporary folder. In the
    /// <see cref="OsSandbox"/> it is the one folder (with the working directory) the worker may write to.
    /// </summary>
    public string? ScratchFolder { get; init; }

    /// <summary>The operating system's sandbox the workers run in (<c>--classroom</c> on Linux), or null for none.</summary>
    public OsSandbox? OsSandbox { get; init; }

    /// <summary>Folders a worker in the <see cref="OsSandbox"/> reads (the instructor's kata), besides the runner's own and the whole read-only file system.</summary>
    public IReadOnlyList<string> ReadableFolders { get; init; } = [];
}

/// <summary>One graded exercise: the grader's result and what the graded code printed meanwhile.</summary>
public sealed record GradedExercise(Exercise Exercise, ExerciseResult Result, string? Output);

/// <summary>The results of a supervised run, in the order graded; <see cref="Error"/> says when grading itself failed.</summary>
public sealed record SupervisedRun(IReadOnlyList<GradedExercise> Results, string? Error, int Workers);

/// <summary>
/// The parent side of grading. It grades nothing itself: a <see cref="WorkerSession"/> starts a worker process,
/// asks it for one exercise at a time, reads its events, and runs a watchdog. If an exercise overruns its budget
/// (plus a margin), the worker's process tree is ended and the exercise is <c>timed-out</c>; if the worker dies
/// while grading (a stack overflow, <c>Environment.Exit</c>) or grows past its memory limit, the exercise is
/// <c>crashed</c> with the reason. Either way a fresh worker grades the rest, so every exercise is settled in
/// bounded time and the run ends.
/// </summary>
public static class Supervisor
{
    public static SupervisedRun Grade(IReadOnlyList<Exercise> exercises, SupervisorSettings settings, Action<GradedExercise>? onGraded = null)
    {
        ArgumentNullException.ThrowIfNull(exercises);
        ArgumentNullException.ThrowIfNull(settings);
        var results = new List<GradedExercise>();
        using var session = new WorkerSession(settings);
        foreach (var exercise in exercises)
        {
            if (session.Error is { } error)
            {
                var failed = new GradedExercise(exercise, Synthetic(exercise, State.Crashed, error, TimeSpan.Zero), null);
                results.Add(failed);
                onGraded?.Invoke(failed);
                continue;
            }
            var graded = session.Grade(exercise);
            results.Add(graded);
            onGraded?.Invoke(graded);
        }
        return new SupervisedRun(results, session.Error, session.Started);
    }

    /// <summary>The time an exercise may take: the override, or the exercise's own budget.</summary>
    public static TimeSpan Budget(Exercise exercise, SupervisorSettings settings) =>
        settings.Timeout ?? exercise.Timeout;

    /// <summary>What a learner reads when the watchdog had to end the grading of <paramref name="exercise"/>.</summary>
    public static string WatchdogMessage(Exercise exercise, TimeSpan budget) =>
        Say($"did not finish within {budget.TotalSeconds:0.#} s, so the runner ended it. Is there an endless loop " +
            $"(a `while` whose condition never becomes false, a loop variable that never changes) in {exercise.Folder}?",
            $"没有在 {budget.TotalSeconds:0.#} 秒内完成，评分程序终止了它。{exercise.Folder} 里是否有死循环" +
            "（`while` 的条件永远不会变为 false，或循环变量从不改变）？");

    /// <summary>What a learner reads when the process died while grading <paramref name="exercise"/>.</summary>
    public static string CrashMessage(Exercise exercise, int? exitCode, string output, int memoryMb = MemoryLimit.DefaultMb)
    {
        ArgumentNullException.ThrowIfNull(exercise);
        output ??= "";
        if (output.Contains(nameof(OutOfMemoryException), StringComparison.Ordinal) || output.Contains("Out of memory", StringComparison.OrdinalIgnoreCase))
        {
            return MemoryLimit.Exceeded(exercise.Folder, memoryMb);
        }
        if (output.Contains("Stack overflow", StringComparison.OrdinalIgnoreCase) || exitCode is -1073741571) // 0xC00000FD on Windows
        {
            var where = output.Split('\n')
                .Select(l => l.Trim())
                .FirstOrDefault(l => l.StartsWith("at DeepLearningKata.Exercises.", StringComparison.Ordinal));
            var at = where is null ? "" : Say($" The repeating call: {ShortFrame(where)}.", $"反复出现的调用：{ShortFrame(where)}。");
            return Say($"the process ended while grading {exercise.Id}: a stack overflow. Is there a recursion without a base case " +
                       $"(a method that always calls itself) in {exercise.Folder}?{at}",
                       $"评分 {exercise.Id} 时进程结束了：栈溢出。{exercise.Folder} 里是否有没有终止条件的递归（一个总是调用自己的方法）？{at}");
        }
        var code = exitCode?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "unknown";
        if (exitCode is null or 134 or 139) // SIGABRT / SIGSEGV: the runtime gave up, most likely on a stack overflow
        {
            return Say($"the process ended (exit code {code}) while grading {exercise.Id}: a stack overflow (a recursion without a base case?) " +
                       $"or a call to Environment.Exit in {exercise.Folder}?",
                       $"评分 {exercise.Id} 时进程结束了（退出码 {code}）：{exercise.Folder} 里是栈溢出（没有终止条件的递归？），还是调用了 Environment.Exit？");
        }
        return Say($"the process ended (exit code {code}) while grading {exercise.Id}. Does the code in {exercise.Folder} call Environment.Exit? " +
                   "An exercise returns its answer; it never ends the program.",
                   $"评分 {exercise.Id} 时进程结束了（退出码 {code}）。{exercise.Folder} 里的代码调用了 Environment.Exit 吗？" +
                   "练习只返回答案，从不结束程序。");
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

    internal static string Tail(string? output)
    {
        if (string.IsNullOrWhiteSpace(output)) return "";
        var lines = output.TrimEnd().Split('\n');
        return "\n  " + string.Join("\n  ", lines.Skip(Math.Max(0, lines.Length - 15)));
    }

    internal static ExerciseResult Synthetic(Exercise exercise, State state, string message, TimeSpan elapsed) =>
        new(exercise.Id, exercise.Chapter, exercise.Title, state, message, elapsed.TotalSeconds,
            [new CheckResult("running the checks", state, message) { Text = IsZh ? "运行检查" : null }]);
}

/// <summary>
/// One supervised worker at a time, asked for one exercise at a time (its id on the worker's standard input). The
/// worker stays warm between exercises; after a time-out, a crash or a memory overrun it is ended with every process
/// it started, and the next exercise gets a fresh one. Results come back in an events file only the worker writes
/// (<c>--events</c>), never on the streams the graded code prints to: a line printed in the runner's format is output,
/// not a result.
/// </summary>
public sealed class WorkerSession(SupervisorSettings settings) : IDisposable
{
    private WorkerProcess? _worker;
    private string? _loaded;
    private bool _begun; // the current worker has begun an exercise: it did start

    /// <summary>
    /// The compiled exercises the worker grades as the learner (from the settings at first). It may be set after
    /// <see cref="Warm"/>: the worker starts while the exercises compile, and loads them with its first exercise.
    /// A different build later means a fresh worker (an assembly cannot be unloaded from it).
    /// </summary>
    public string? ExercisesDll { get; set; } = settings.ExercisesDll;

    /// <summary>Starts a worker now, so that its start-up overlaps whatever the caller does before the first exercise.</summary>
    public void Warm()
    {
        if (_worker is not null || Error is not null) return;
        _worker = WorkerProcess.Start(settings);
        Started++;
    }

    /// <summary>Set when no worker could start at all: the reason, for every exercise.</summary>
    public string? Error { get; private set; }

    /// <summary>How many workers were started.</summary>
    public int Started { get; private set; }

    /// <summary>Grades <paramref name="exercise"/> in the current worker, or a fresh one.</summary>
    public GradedExercise Grade(Exercise exercise)
    {
        ArgumentNullException.ThrowIfNull(exercise);
        if (Error is { } error) return new GradedExercise(exercise, Supervisor.Synthetic(exercise, State.Crashed, error, TimeSpan.Zero), null);
        if (_loaded is not null && _loaded != ExercisesDll) End();
        var fresh = !_begun;
        Warm();
        var worker = _worker!;
        if (settings.Subject == "learner" && ExercisesDll is { } dll && _loaded is null)
        {
            worker.Request(Worker.LoadRequest + dll);
            _loaded = dll;
        }
        worker.Request(exercise.Id);
        var clock = Stopwatch.StartNew();
        var started = false;
        while (true)
        {
            var deadline = started ? Supervisor.Budget(exercise, settings) + settings.Margin : settings.StartupAllowance;
            var next = worker.Next(deadline - clock.Elapsed, settings.MemoryMb);
            switch (next)
            {
                case WorkerProcess.Outcome.Event { Value: var ev } when ev.Kind == WorkerEvent.Start && ev.Id == exercise.Id && !started:
                    started = true;
                    _begun = true;
                    clock.Restart();
                    continue;
                case WorkerProcess.Outcome.Event { Value: var ev } when ev.Kind == WorkerEvent.Graded && ev.Id == exercise.Id && started && ev.Result is { } result
                    && result.Id == exercise.Id:
                    // A worker that timed out abandoned a looping thread, and one that crashed may be in any state: end it.
                    if (result.State is State.TimedOut or State.Crashed) End();
                    return new GradedExercise(exercise, result, ev.Output);
                case WorkerProcess.Outcome.Event or WorkerProcess.Outcome.Garbled:
                    End();
                    return Settle(State.Crashed, Say("suspicious: the grading process sent a result that does not belong to this exercise, so none of it " +
                        "was believed. Does the code write to the runner's own files or streams?",
                        "可疑：评分进程发来了不属于这个练习的结果，所以一概不予采信。代码是否写入了评分程序自己的文件或流？"), worker.OutputSinceRequest());
                case WorkerProcess.Outcome.TooBig:
                    End();
                    return Settle(State.Crashed, MemoryLimit.Exceeded(exercise.Folder, settings.MemoryMb), worker.OutputSinceRequest());
                case WorkerProcess.Outcome.Late:
                    End();
                    if (started) return Settle(State.TimedOut, Supervisor.WatchdogMessage(exercise, Supervisor.Budget(exercise, settings)), worker.OutputSinceRequest());
                    if (fresh) return Fail($"the grading process did not start within {settings.StartupAllowance.TotalSeconds:0} s.{Supervisor.Tail(worker.AllOutput())}");
                    return Settle(State.Crashed, Say($"the grading process stopped responding before {exercise.Id} began; it was ended.",
                                                     $"评分进程在 {exercise.Id} 开始之前就停止了响应，已被终止。"), null);
                case WorkerProcess.Outcome.Ended { ExitCode: var code }:
                    var printed = worker.OutputSinceRequest() ?? "";
                    End();
                    if (started || !fresh)
                    {
                        return Settle(State.Crashed, started ? Supervisor.CrashMessage(exercise, code, printed, settings.MemoryMb)
                            : Say($"the grading process ended (exit code {code}) before {exercise.Id} began.", $"评分进程在 {exercise.Id} 开始之前就结束了（退出码 {code}）。"),
                            Supervisor.WithoutRuntimeReport(printed));
                    }
                    return Fail($"the grading process ended (exit code {code}) before grading anything.{Supervisor.Tail(printed)}");
            }
        }

        GradedExercise Settle(State state, string message, string? output) =>
            new(exercise, Supervisor.Synthetic(exercise, state, message, clock.Elapsed), output);

        GradedExercise Fail(string message)
        {
            Error = message;
            return Settle(State.Crashed, message, null);
        }
    }

    private void End()
    {
        _worker?.Dispose();
        _worker = null;
        _loaded = null;
        _begun = false;
    }

    public void Dispose() => End();

    /// <summary>A worker process: its events file, its output, its memory.</summary>
    private sealed class WorkerProcess : IDisposable
    {
        private const int OutputLimit = 64 * 1024;
        private readonly Process _process;
        private readonly string _eventsFile;
        private readonly string? _stderrFile;
        private readonly StringBuilder _output = new();
        private readonly Lock _lock = new();
        private long _eventsRead;
        private readonly StringBuilder _partial = new();
        private readonly Queue<Outcome> _pending = new();
        private readonly bool _sandboxed; // the process is bwrap: the worker is below it
        private readonly Stopwatch _sinceMeasured = Stopwatch.StartNew();

        /// <summary>What waiting for the worker gave.</summary>
        public abstract record Outcome
        {
            public sealed record Event(WorkerEvent Value) : Outcome;
            public sealed record Garbled(string Line) : Outcome;
            public sealed record Late : Outcome;
            public sealed record TooBig : Outcome;
            public sealed record Ended(int? ExitCode) : Outcome;
        }

        private WorkerProcess(Process process, string eventsFile, string? stderrFile, bool sandboxed)
        {
            _sandboxed = sandboxed;
            _process = process;
            _eventsFile = eventsFile;
            _stderrFile = stderrFile;
        }

        public static WorkerProcess Start(SupervisorSettings settings)
        {
            var (host, dll) = WorkerCommand();
            var scratch = Path.Combine(settings.ScratchFolder ?? Path.GetTempPath(), $"kata-worker-{Guid.NewGuid():N}");
            var events = scratch + ".events";
            File.WriteAllBytes(events, []);
            string? stderrFile = StandardError.ToFile ? scratch + ".stderr" : null;

            // The command, first word first: [bwrap …] [/bin/sh -c 'exec "$0" "$@" 2>>file'] dotnet runner.dll --worker …
            var command = new List<string>();
            if (settings.OsSandbox is { } box)
            {
                var writable = new[] { settings.ScratchFolder ?? throw new InvalidOperationException("a sandboxed worker needs a ScratchFolder"), settings.WorkingDirectory };
                command.Add(box.Bwrap);
                var readable = settings.ReadableFolders.Append(Path.GetDirectoryName(dll)!);
                if (Path.IsPathRooted(host)) readable = readable.Append(Path.GetDirectoryName(host)!);
                command.AddRange(box.Arguments(writable.OfType<string>(), settings.WorkingDirectory, readable));
            }
            if (stderrFile is not null) command.AddRange(["/bin/sh", "-c", StandardError.ShellScript]); // $0 of the script is the host
            command.AddRange([host, dll, "--worker", "--subject", settings.Subject, "--events", events]);
            if (settings.Timeout is { } t) command.AddRange(["--timeout", t.TotalSeconds.ToString("R", CultureInfo.InvariantCulture)]);

            var info = new ProcessStartInfo(command[0])
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                RedirectStandardInput = true,
                UseShellExecute = false,
                CreateNoWindow = true,
                StandardOutputEncoding = Encoding.UTF8,
                StandardErrorEncoding = Encoding.UTF8,
            };
            foreach (var word in command.Skip(1)) info.ArgumentList.Add(word);
            foreach (var (key, value) in MemoryLimit.Environment(settings.MemoryMb)) info.Environment[key] = value;
            info.Environment[Langs.Variable] = settings.Lang.Code();
            foreach (var (key, value) in settings.Environment) info.Environment[key] = value;
            if (settings.WorkingDirectory is { } cwd) info.WorkingDirectory = cwd;
            if (stderrFile is not null) info.Environment[StandardError.Variable] = stderrFile;
            if (settings.OsSandbox is not null) info.Environment["TMPDIR"] = "/tmp"; // the sandbox's own, empty /tmp

            var process = new Process { StartInfo = info };
            var worker = new WorkerProcess(process, events, stderrFile, settings.OsSandbox is not null);
            process.OutputDataReceived += (_, e) =>
            {
                if (e.Data is not null) worker.Append(e.Data);
            };
            process.ErrorDataReceived += (_, e) =>
            {
                if (e.Data is not null) worker.Append(e.Data);
            };
            process.Start();
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            return worker;
        }

        /// <summary>How to start a worker: this program's dll under the dotnet host.</summary>
        private static (string Host, string Dll) WorkerCommand()
        {
            var dll = typeof(Worker).Assembly.Location;
            var self = System.Environment.ProcessPath;
            if (self is not null && Path.GetFileNameWithoutExtension(self).Equals("dotnet", StringComparison.OrdinalIgnoreCase))
            {
                return (self, dll);
            }
            if (System.Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host))
            {
                return (host, dll);
            }
            if (System.Environment.GetEnvironmentVariable("DOTNET_ROOT") is { Length: > 0 } root)
            {
                var candidate = Path.Combine(root, OperatingSystem.IsWindows() ? "dotnet.exe" : "dotnet");
                if (File.Exists(candidate)) return (candidate, dll);
            }
            return ("dotnet", dll);
        }

        /// <summary>Asks the worker for one exercise; what it printed before is forgotten (it belongs to exercises already settled).</summary>
        public void Request(string id)
        {
            lock (_lock) _output.Clear();
            _stderrSettled = FileLength(_stderrFile);
            try
            {
                _process.StandardInput.WriteLine(id);
                _process.StandardInput.Flush();
            }
            catch (IOException)
            {
                // the worker is gone; Next says so
            }
        }

        private long _stderrSettled;

        /// <summary>
        /// Waits up to <paramref name="wait"/> for the worker's next event; <see cref="Outcome.Late"/> when none came,
        /// <see cref="Outcome.TooBig"/> when the process grew past the limit, <see cref="Outcome.Ended"/> when it exited.
        /// </summary>
        public Outcome Next(TimeSpan wait, int memoryMb)
        {
            var clock = Stopwatch.StartNew();
            while (true)
            {
                if (_pending.Count > 0) return _pending.Dequeue();
                var exited = _process.HasExited;
                ReadEvents();
                if (_pending.Count > 0) return _pending.Dequeue();
                if (exited)
                {
                    _process.WaitForExit(2_000); // lets the output handlers catch up
                    AppendStandardErrorFile();
                    return new Outcome.Ended(ExitCode());
                }
                if (TooBig(memoryMb)) return new Outcome.TooBig();
                if (clock.Elapsed >= wait) return new Outcome.Late();
                Thread.Sleep(TimeSpan.FromMilliseconds(Math.Clamp((wait - clock.Elapsed).TotalMilliseconds, 1, 20)));
            }
        }

        /// <summary>
        /// True when the worker holds more than the limit plus the margin. In the OS sandbox the process tree under
        /// bwrap is summed (the worker and whatever it started), read from /proc at most four times a second.
        /// </summary>
        private bool TooBig(int memoryMb)
        {
            if (!_sandboxed) return MemoryLimit.ProcessTooBig(_process, memoryMb);
            if (_sinceMeasured.ElapsedMilliseconds < 250) return false;
            _sinceMeasured.Restart();
            try
            {
                return OsSandbox.TreeResidentBytes(_process.Id) > (memoryMb + (long)MemoryLimit.NativeMarginMb) * 1024 * 1024;
            }
            catch (Exception e) when (e is InvalidOperationException or IOException or UnauthorizedAccessException)
            {
                return false; // it has exited: the caller sees that next
            }
        }

        private int? ExitCode()
        {
            try
            {
                return _process.ExitCode;
            }
            catch (InvalidOperationException)
            {
                return null;
            }
        }

        /// <summary>Reads the complete lines added to the events file since the last read.</summary>
        private void ReadEvents()
        {
            try
            {
                using var stream = new FileStream(_eventsFile, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
                if (stream.Length <= _eventsRead) return;
                stream.Seek(_eventsRead, SeekOrigin.Begin);
                var buffer = new byte[stream.Length - _eventsRead];
                var read = stream.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false);
                _eventsRead += read;
                _partial.Append(Encoding.UTF8.GetString(buffer, 0, read));
            }
            catch (IOException)
            {
                return;
            }
            var text = _partial.ToString();
            var end = text.LastIndexOf('\n');
            if (end < 0) return;
            _partial.Clear().Append(text[(end + 1)..]);
            foreach (var line in text[..end].Split('\n'))
            {
                _pending.Enqueue(WorkerEvent.TryParse(line) is { } ev ? new Outcome.Event(ev) : new Outcome.Garbled(line));
            }
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

        private static long FileLength(string? path) => path is not null && File.Exists(path) ? new FileInfo(path).Length : 0;

        /// <summary>Adds the beginning of what the worker wrote to its standard-error file since the last request.</summary>
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
                _stderrSettled += read;
            }
            catch (IOException)
            {
                // Without it the crash message is less specific, not wrong.
            }
        }

        /// <summary>What the worker printed since the last request.</summary>
        public string? OutputSinceRequest()
        {
            lock (_lock) return _output.Length > 0 ? _output.ToString() : null;
        }

        public string AllOutput()
        {
            lock (_lock) return _output.ToString();
        }

        /// <summary>
        /// Ends the worker and every process it started, while it is still their parent (a process an exercise
        /// starts must not outlive the run, nor hold its pipes open), then removes its files.
        /// </summary>
        public void Dispose()
        {
            try
            {
                if (!_process.HasExited) _process.Kill(entireProcessTree: true);
            }
            catch (Exception e) when (e is InvalidOperationException or System.ComponentModel.Win32Exception)
            {
                // it ended by itself meanwhile
            }
            _process.WaitForExit(10_000);
            try
            {
                _process.CancelOutputRead();
                _process.CancelErrorRead();
            }
            catch (InvalidOperationException)
            {
                // never started reading
            }
            _process.Dispose();
            foreach (var file in new[] { _eventsFile, _stderrFile }.OfType<string>())
            {
                try { File.Delete(file); } catch (IOException) { } catch (UnauthorizedAccessException) { }
            }
        }
    }
}
