using System.Runtime.Loader;
using System.Text;
using DeepLearningKata.Checks;

namespace DeepLearningKata.Runner;

/// <summary>
/// Worker mode (<c>dotnet DeepLearningKata.Runner.dll --worker --subject S --events FILE</c>): reads requests on standard
/// input — <c>load DLL</c> (the compiled exercises, as the learner), then exercise ids — and grades each exercise with
/// <see cref="Grader"/>, and appends its events to FILE. Whatever the graded code prints goes to standard error (it
/// can never be mistaken for an event, which only this class writes, to a file the learner's code is not told of)
/// and is also sent back with the exercise's result.
/// </summary>
public static class Worker
{
    /// <summary>The request that loads the compiled exercises (<c>load /path/DeepLearningKata.Exercises.x.dll</c>), sent before the first exercise.</summary>
    public const string LoadRequest = "load ";

    public static int Run(RunOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var requests = new StreamReader(Console.OpenStandardInput(), new UTF8Encoding(false));
        using var events = new StreamWriter(
            new FileStream(options.Events ?? throw new UsageException("a worker needs --events FILE."), FileMode.Append, FileAccess.Write, FileShare.ReadWrite),
            new UTF8Encoding(false)) { AutoFlush = true, NewLine = "\n" };
        var capture = new CaptureWriter(Console.Error);
        Console.SetOut(capture);
        Console.SetError(capture);
        Console.SetIn(TextReader.Null); // a Console.ReadLine() in an exercise must not wait for a keyboard

        // The parent sets KATA_LANG to the language it chose (--lang, KATA_LANG, the locale): the checks' messages use it.
        L10n.UseForProcess(Langs.Parse(Environment.GetEnvironmentVariable(Langs.Variable)) ?? Lang.En);
        if (Environment.GetEnvironmentVariable(WarmUpVariable) != "off") _ = Task.Run(WarmUp);
        Contracts.Subject? subject = null;
        var faults = Faults.Parse(Environment.GetEnvironmentVariable(Faults.Variable));
        while (requests.ReadLine() is { } line)
        {
            if (line.StartsWith(LoadRequest, StringComparison.Ordinal))
            {
                Subjects.UseLearner(AssemblyLoadContext.Default.LoadFromAssemblyPath(Path.GetFullPath(line[LoadRequest.Length..])));
                continue;
            }
            var id = line.Trim();
            if (id.Length == 0) continue;
            subject ??= Subjects.ByName(options.Subject);
            var exercise = Catalog.Get(id);
            events.WriteLine(new WorkerEvent(WorkerEvent.Start, id).ToLine());
            capture.Reset();
            var graded = faults.TryGetValue(id, out var fault) ? Faults.Inject(subject, exercise, fault) : subject;
            var result = Grader.Grade(exercise, graded, options.Timeout);
            events.WriteLine(new WorkerEvent(WorkerEvent.Graded, id, result, capture.Take()).ToLine());
        }
        return 0;
    }

    /// <summary><c>KATA_WORKER_WARMUP=off</c>: no warm-up (to measure what it saves: <c>tools/measure-edit.sh</c>).</summary>
    public const string WarmUpVariable = "KATA_WORKER_WARMUP";

    /// <summary>
    /// A worker starts while its parent still compiles the learner's code (about a second). Meanwhile it prepares
    /// what grading any exercise needs — the catalog, the result's event, a property run, tensor arithmetic — so the
    /// first verdict does not wait for the just-in-time compiler. It touches no file and no learner code.
    /// </summary>
    private static void WarmUp()
    {
        var exercise = Catalog.Exercises[0];
        var result = new ExerciseResult(exercise.Id, exercise.Chapter, exercise.Title, State.Passed, null, 0,
            [new CheckResult(exercise.Checks[0].Description, State.Passed, null)]);
        _ = WorkerEvent.TryParse(new WorkerEvent(WorkerEvent.Graded, exercise.Id, result, "").ToLine());
        Properties.ForAll("warm-up", Gens.Tensor(-3, 3, 3, 4), c => _ = (1 / (1 + Np.Exp(-c.Value))).Sum(axis: 0, keepdims: true), tests: 5);
    }

    /// <summary>Keeps what the graded code prints (up to a limit) and passes it on to standard error.</summary>
    private sealed class CaptureWriter(TextWriter inner) : TextWriter
    {
        private const int Limit = 16 * 1024;
        private readonly StringBuilder _kept = new();
        private readonly Lock _lock = new();
        private bool _truncated;

        public override Encoding Encoding => Encoding.UTF8;

        public override void Write(char value)
        {
            lock (_lock)
            {
                if (_kept.Length < Limit) _kept.Append(value);
                else _truncated = true;
                inner.Write(value);
            }
        }

        public override void Write(string? value)
        {
            if (value is null) return;
            lock (_lock)
            {
                var room = Limit - _kept.Length;
                if (value.Length <= room) _kept.Append(value);
                else
                {
                    _kept.Append(value.AsSpan(0, Math.Max(0, room)));
                    _truncated = true;
                }
                inner.Write(value);
            }
        }

        public override void Write(char[] buffer, int index, int count) => Write(new string(buffer, index, count));

        public override void Flush() => inner.Flush();

        public void Reset()
        {
            lock (_lock)
            {
                _kept.Clear();
                _truncated = false;
            }
        }

        /// <summary>What was printed since the last reset, or null when nothing was.</summary>
        public string? Take()
        {
            lock (_lock)
            {
                var text = _kept.Length == 0 ? null : _kept.ToString() + (_truncated ? "\n…" : "");
                _kept.Clear();
                _truncated = false;
                return text;
            }
        }
    }
}
