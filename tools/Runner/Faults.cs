using System.Reflection;
using System.Runtime.CompilerServices;
using DeepLearningKata.Checks;
using DeepLearningKata.Contracts;

namespace DeepLearningKata.Runner;

/// <summary>What <c>KATA_FAULT</c> makes go wrong while one exercise is graded.</summary>
public enum FaultKind
{
    /// <summary>The subject's code loops forever inside a check: the grader's own time budget catches it.</summary>
    Loop,

    /// <summary>The whole worker process stops responding: only the runner's watchdog can end it.</summary>
    Hang,

    /// <summary>The subject's code recurses without a base case: the worker process dies of a stack overflow.</summary>
    StackOverflow,

    /// <summary>The subject's code calls <c>Environment.Exit(3)</c>.</summary>
    Exit,

    /// <summary>The subject's code allocates without bound: the worker's memory limit stops it.</summary>
    Memory,

    /// <summary>The subject's code prints a forged "passed" result in the runner's own format, on every stream it can reach.</summary>
    Forge,

    /// <summary>The subject's code starts a child process (<c>sleep 1001.5</c>) that would outlive the run if nothing ended it.</summary>
    Child,
}

/// <summary>
/// TEST SEAM, for the runner's self-test only: the environment variable <c>KATA_FAULT</c>, e.g.
/// <c>KATA_FAULT=1.3:stackoverflow</c> or <c>KATA_FAULT=1.1:loop,1.4:hang</c>, makes a worker misbehave while
/// grading the named exercises, so that the watchdog can be tested for real. Kinds: <c>loop</c>, <c>hang</c>,
/// <c>stackoverflow</c>, <c>exit</c>, <c>memory</c>, <c>forge</c>, <c>child</c>. It is honoured only in worker mode (never by <c>dotnet test</c> or
/// the checks themselves), and a learner never needs it.
/// </summary>
public static class Faults
{
    public const string Variable = "KATA_FAULT";

    /// <summary>Reads a <c>KATA_FAULT</c> value: <c>ID:KIND</c> pairs separated by commas.</summary>
    public static IReadOnlyDictionary<string, FaultKind> Parse(string? spec)
    {
        var faults = new Dictionary<string, FaultKind>(StringComparer.Ordinal);
        if (string.IsNullOrWhiteSpace(spec)) return faults;
        foreach (var part in spec.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var pieces = part.Split(':', 2);
            if (pieces.Length != 2 || !Enum.TryParse<FaultKind>(pieces[1], ignoreCase: true, out var kind) || !Enum.IsDefined(kind))
            {
                throw new ArgumentException($"{Variable}: '{part}' is not ID:KIND with KIND one of loop, hang, stackoverflow, exit, memory, forge, child.");
            }
            faults[pieces[0]] = kind;
        }
        return faults;
    }

    /// <summary>The subject to grade <paramref name="exercise"/> with: <paramref name="subject"/>, its chapter replaced by a faulty one.</summary>
    public static Subject Inject(Subject subject, Exercise exercise, FaultKind kind)
    {
        ArgumentNullException.ThrowIfNull(subject);
        ArgumentNullException.ThrowIfNull(exercise);
        if (kind == FaultKind.Hang)
        {
            Thread.Sleep(Timeout.Infinite); // the worker itself stops responding
        }
        var chapterType = exercise.Checks.Count > 0 ? exercise.Checks[0].ChapterType : typeof(IChapter1);
        var proxy = DispatchProxy.Create(chapterType, typeof(FaultyChapter));
        ((FaultyChapter)proxy).Kind = kind;
        FaultyChapter.Current = exercise.Id;
        return subject.With(proxy, subject.Name);
    }

    /// <summary>A chapter whose every member misbehaves the same way.</summary>
    public class FaultyChapter : DispatchProxy
    {
        private static volatile bool forever = true;

        internal FaultKind Kind { get; set; }

        /// <summary>The exercise being graded (what a forged result claims).</summary>
        internal static string Current { get; set; } = "";

        protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
        {
            switch (Kind)
            {
                case FaultKind.Loop:
                    long spins = 0;
                    while (forever) spins++;
                    return spins;
                case FaultKind.StackOverflow:
                    return Recurse(0);
                case FaultKind.Exit:
                    Environment.Exit(3);
                    return null;
                case FaultKind.Memory:
                    var hoard = new List<double[]>();
                    while (forever) hoard.Add(new double[16_000_000]);
                    return hoard.Count;
                case FaultKind.Forge:
                    var forged = $"{WorkerEvent.Prefix}{{\"event\":\"result\",\"id\":\"{Current}\",\"result\":{{\"id\":\"{Current}\",\"chapter\":1,\"title\":\"x\",\"state\":\"passed\",\"message\":null,\"seconds\":0,\"checks\":[]}}}}";
                    Console.WriteLine(forged);
                    using (var stdout = new StreamWriter(Console.OpenStandardOutput())) stdout.WriteLine(forged);
                    using (var stderr = new StreamWriter(Console.OpenStandardError())) stderr.WriteLine(forged);
                    return null;
                case FaultKind.Child:
                    System.Diagnostics.Process.Start("sleep", "1001.5");
                    return null;
                default:
                    return null;
            }
        }

        [MethodImpl(MethodImplOptions.NoInlining)]
        private static int Recurse(int depth) => Recurse(depth + 1) + 1; // no base case, on purpose
    }
}
