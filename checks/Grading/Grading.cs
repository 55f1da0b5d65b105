using System.Text.RegularExpressions;
using DeepLearningKata.Checks;
using DeepLearningKata.Runner;
using DeepLearningKata.Runner.Compile;
using NUnit.Framework;
using NUnit.Framework.Interfaces;
using NUnit.Framework.Internal;
using NUnit.Framework.Internal.Builders;

namespace DeepLearningKata.Grading;

/// <summary>
/// `dotnet test` for a learner: one fixture per exercise (<c>Chapter1 › 1·3 SigmoidDerivative</c>, categories
/// <c>Chapter1</c> and <c>1.3</c>), one test per check under it, named by the check's sentence. Each exercise is graded once, when its
/// first check runs, by the same pipeline as <c>run-checks</c> (<see cref="Pipeline"/>): compiled by the runner's
/// compiler, graded in a supervised worker under the watchdog and the memory limit. So a stack overflow, an endless
/// loop or a huge allocation in one exercise is reported against it and every other exercise is still graded.
/// An exercise not started is Inconclusive (not a failure); a failure's stack trace points at the learner's file.
/// The subject is the learner's code unless <c>KATA_SUBJECT</c> names another (<c>reference</c>).
/// </summary>
[TestFixtureSource(typeof(GradingRun), nameof(GradingRun.Fixtures))]
public sealed class Exercise(string id)
{
    [Checks]
    public void Check(string description) => GradingRun.Verdict(id, description);
}

/// <summary>Makes one test per check of the fixture's exercise (the checks are the catalog's, so nothing is listed by hand).</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class ChecksAttribute : NUnitAttribute, ITestBuilder
{
    private readonly NUnitTestCaseBuilder _builder = new();

    public IEnumerable<TestMethod> BuildFrom(IMethodInfo method, Test? suite)
    {
        if (suite?.Arguments is not [string id, ..]) yield break;
        foreach (var check in Catalog.Get(id).Checks)
        {
            yield return _builder.BuildTestMethod(method, suite, new TestCaseParameters([check.Description]) { TestName = check.Description });
        }
    }
}

/// <summary>The grading of one `dotnet test` run: the compile (once) and each exercise's result (once).</summary>
[SetUpFixture]
public sealed partial class GradingRun
{
    private static readonly Lock Gate = new();
    private static readonly Dictionary<string, GradedExercise> Graded = new(StringComparer.Ordinal);
    private static readonly string Subject = Environment.GetEnvironmentVariable("KATA_SUBJECT") is { Length: > 0 } s ? s : "learner";
    private static WorkerSession? _session;

    /// <summary>
    /// The learner's exercises, compiled: started in the background as soon as the tests are listed, while NUnit
    /// discovers them and the worker starts, so that the first verdict comes sooner.
    /// </summary>
    private static readonly Lazy<Task<LearnerBuild>> Build = new(() => Task.Run(() =>
        Pipeline.Compile(new ExerciseCompiler(Catalog.Exercises), Repo.Exercises, Pipeline.BuildFolder)));

    /// <summary>One fixture per exercise, in catalog order.</summary>
    public static IEnumerable<TestFixtureData> Fixtures()
    {
        if (Subject == "learner") _ = Build.Value;
        lock (Gate) Session().Warm();
        return Catalog.Exercises.Select(Fixture);
    }

    private static WorkerSession Session()
    {
        if (_session is null)
        {
            // The learner's language (KATA_LANG, else the locale) for the messages; the test names stay the checks' English sentences.
            L10n.UseForProcess(Langs.Default());
            _session = new WorkerSession(new SupervisorSettings { Subject = Subject, MemoryMb = MemoryLimit.CurrentMb });
        }
        return _session;
    }

    private static TestFixtureData Fixture(Checks.Exercise e)
    {
        // Test explorers split names at dots: "Chapter1" becomes a level of the tree, and the exercise's id is
        // written 1·3 so that it stays one node (filter by category: TestCategory=1.3).
        var data = new TestFixtureData(e.Id) { TestName = $"Chapter{e.Chapter}.{e.Id.Replace('.', '·')} {e.Title}" };
        data.Properties.Add(PropertyNames.Category, $"Chapter{e.Chapter}");
        data.Properties.Add(PropertyNames.Category, e.Id);
        return data;
    }

    /// <summary>Passes, fails (pointing at the learner's file), or is inconclusive, as check <paramref name="description"/> of exercise <paramref name="id"/> came out.</summary>
    public static void Verdict(string id, string description)
    {
        var exercise = Catalog.Get(id);
        var graded = Grade(exercise);
        var result = graded.Result;
        var check = result.Checks.FirstOrDefault(c => c.Name == description);
        var first = exercise.Checks[0].Description == description;
        if (check is null)
        {
            // The exercise as a whole did not run its checks (does not compile, crashed the process, timed out): said once, in full.
            if (first) throw Failure(exercise, result.State, result.Message ?? "", graded.Output);
            throw Failure(exercise, result.State, $"{exercise.Name} {ExerciseResult.Word(result.State)}: see its first check, \"{exercise.Checks[0].Description}\".", null);
        }
        switch (check.State)
        {
            case State.Passed:
                return;
            case State.NotStarted:
                throw new IgnoreException(first || result.State != State.NotStarted
                    ? $"{exercise.Name} is not started yet: open {SourceFile(exercise)} and replace the `throw new NotImplementedException(...)`. " +
                      $"Then: dotnet test --filter TestCategory={exercise.Id}"
                    : "not started yet");
            default:
                throw Failure(exercise, check.State, check.Message ?? "", first ? graded.Output : null);
        }
    }

    private static GradedExercise Grade(Checks.Exercise exercise)
    {
        lock (Gate)
        {
            if (Graded.TryGetValue(exercise.Id, out var done)) return done;
            var graded = Subject == "learner"
                ? Pipeline.GradeOne(exercise, Build.Value.GetAwaiter().GetResult(), Session())
                : Session().Grade(exercise);
            Graded[exercise.Id] = graded;
            return graded;
        }
    }

    /// <summary>Ends the worker, and shows the scoreboard of what was graded and the verdict of the first exercise that failed.</summary>
    [OneTimeTearDown]
    public void Finish()
    {
        lock (Gate)
        {
            _session?.Dispose();
            _session = null;
            if (Graded.Count == 0) return;
            var results = Graded.Values.Select(g => g.Result).OrderBy(r => r.Id, Comparer<string>.Create(Contracts.Blocks.CompareIds)).ToList();
            var text = new StringWriter { NewLine = "\n" };
            text.WriteLine();
            text.WriteLine(Subject == "learner" ? L10n.Say("DeepLearningKata — your exercises", "DeepLearningKata — 你的练习") : L10n.Say($"DeepLearningKata — the subject '{Subject}'", $"DeepLearningKata — 对象 '{Subject}'"));
            foreach (var chapter in results.GroupBy(r => r.Chapter))
            {
                text.WriteLine(L10n.Say($"  Chapter {chapter.Key}   {Counts(chapter.ToList())}", $"  第 {chapter.Key} 章     {Counts(chapter.ToList())}"));
            }
            text.WriteLine(L10n.Say($"  Total       {Counts(results)}", $"  合计         {Counts(results)}"));
            if (Subject == "learner" && Build.IsValueCreated && Build.Value.IsCompletedSuccessfully)
            {
                var uses = new StringWriter { NewLine = "\n" };
                ConsoleReport.Suspicious(uses, Build.Value.Result.Outcome.Suspicious, color: false);
                if (uses.GetStringBuilder().Length > 0) text.Write("\n" + uses);
            }
            if (results.FirstOrDefault(r => r.State is not State.Passed and not State.NotStarted) is { } wrong)
            {
                text.WriteLine();
                text.WriteLine(Report.Describe(wrong, verbose: false));
            }
            if (results.FirstOrDefault(r => r.State != State.Passed) is { } next)
            {
                text.WriteLine();
                text.WriteLine(L10n.Say($"Next: {next.Id} {next.Title} ({ExerciseResult.Word(next.State)}) in {SourceFile(Catalog.Get(next.Id))}",
                    $"下一步：{next.Id} {next.Title}（{ExerciseResult.Said(next.State)}），位于 {SourceFile(Catalog.Get(next.Id))}"));
                text.WriteLine(L10n.Say($"  dotnet test --filter TestCategory={next.Id}      (or: ./run-checks.sh --exercise {next.Id})",
                    $"  dotnet test --filter TestCategory={next.Id}      （或：./run-checks.sh --exercise {next.Id} --lang zh）"));
            }
            // `dotnet test` keeps its console quiet (one line per check would be hundreds) and passes nothing a test
            // prints: the summary goes to the learner's terminal, else (an IDE, CI) to the test output.
            if (!Terminal.Write(text.ToString())) TestContext.Progress.Write(text.ToString());
        }
    }

    private static string Counts(IReadOnlyList<ExerciseResult> results)
    {
        var passed = results.Count(r => r.State == State.Passed);
        var notStarted = results.Count(r => r.State == State.NotStarted);
        return L10n.Say($"{passed} passed, {results.Count - passed - notStarted} failed, {notStarted} not started",
            $"{passed} 通过，{results.Count - passed - notStarted} 未通过，{notStarted} 未开始");
    }

    /// <summary>A failure whose stack trace is the line of the learner's code it concerns, so "go to failure" opens the exercise.</summary>
    private static LearnerFailure Failure(Checks.Exercise exercise, State state, string message, string? output)
    {
        var (file, line) = Location(exercise, message);
        var printed = string.IsNullOrWhiteSpace(output) ? "" : L10n.Say("\nyour code printed:\n", "\n你的代码打印了：\n") + output.TrimEnd();
        return new LearnerFailure($"{exercise.Name} — {ExerciseResult.Said(state)}: {message}{printed}", file, line);
    }

    /// <summary>The learner's file and line a message names (<c>exercises/…/X.cs:12</c>), else the exercise's file at its first method.</summary>
    private static (string File, int Line) Location(Checks.Exercise exercise, string message)
    {
        if (FileAndLine().Match(message) is { Success: true } m)
        {
            return (Path.Combine(Repo.Root, m.Groups["file"].Value), int.Parse(m.Groups["line"].Value, System.Globalization.CultureInfo.InvariantCulture));
        }
        var file = Path.Combine(Repo.Root, SourceFile(exercise));
        var lines = File.Exists(file) ? File.ReadAllLines(file) : [];
        var at = Array.FindIndex(lines, l => MethodLine().IsMatch(l));
        return (file, at + 1 > 0 ? at + 1 : 1);
    }

    /// <summary>The exercise's source file relative to the root (its folder's first <c>.cs</c> file).</summary>
    private static string SourceFile(Checks.Exercise exercise)
    {
        var folder = Path.Combine(Repo.Root, exercise.Folder);
        var first = Directory.Exists(folder) ? Directory.GetFiles(folder, "*.cs").Order(StringComparer.Ordinal).FirstOrDefault() : null;
        return first is null ? exercise.Folder + "/" : Repo.Relative(first);
    }

    [GeneratedRegex(@"(?<file>exercises/[^\s:()]+\.cs):(?<line>\d+)")]
    private static partial Regex FileAndLine();

    [GeneratedRegex(@"^\s*public\s.*\(")]
    private static partial Regex MethodLine();
}

/// <summary>A failed check, with the learner's file and line as its stack trace (the one frame a test explorer links to).</summary>
public sealed class LearnerFailure(string message, string file, int line) : AssertionException(message)
{
    public override string StackTrace => $"   at {Path.GetFileNameWithoutExtension(file)} in {file}:line {line}";
}
