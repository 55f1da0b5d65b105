using DeepLearningKata.Checks;

namespace DeepLearningKata.Runner.Classroom;

/// <summary>How far grading one submission got.</summary>
public enum SubmissionStatus
{
    /// <summary>Its exercises were graded (some may not compile; see the exercises).</summary>
    Graded,

    /// <summary>No files, or an <c>exercises/</c> folder without code.</summary>
    Empty,

    /// <summary>Files, but no <c>exercises/</c> folder: not a copy of the kata.</summary>
    NotAKata,

    /// <summary>Its code does not compile, and no single exercise can be blamed (e.g. <c>exercises/Earlier.cs</c>).</summary>
    DoesNotCompile,

    /// <summary>A zip that cannot be read, is too large, or would write outside its folder.</summary>
    Unreadable,

    /// <summary>Grading itself failed (the worker process could not start).</summary>
    Error,
}

/// <summary>One exercise of one learner: a state word and what the learner reads.</summary>
/// <param name="State">
/// <c>passed</c>, <c>failed</c>, <c>not-started</c>, <c>crashed</c>, <c>timed-out</c> (the runner's words), or
/// <c>does-not-compile</c> (its files do not compile; the other exercises were graded without them).
/// </param>
/// <param name="Checks">The result of each check, when the exercise was graded; null when it was not (it does not compile, is missing).</param>
public sealed record ClassExercise(Exercise Exercise, string State, string? Message, IReadOnlyList<CheckResult>? Checks = null)
{
    /// <summary>
    /// The state of one of its checks: the check's own when it was graded, else the exercise's (a check of an exercise that
    /// crashed, timed out or does not compile shares that state).
    /// </summary>
    public string CheckState(CheckInfo check)
    {
        ArgumentNullException.ThrowIfNull(check);
        return Checks?.FirstOrDefault(c => c.Name == check.Description) is { } result ? ExerciseResult.Word(result.State) : State;
    }
}

/// <summary>Everything found out about one learner's submission.</summary>
/// <param name="Problem">Why it was not graded (or not fully), in a sentence; null when all went well.</param>
/// <param name="Tamper">The files changed outside <c>exercises/</c>; null when the submission was not a kata copy.</param>
/// <param name="CompileErrors">For <see cref="SubmissionStatus.DoesNotCompile"/>: the first errors, <c>file:line:col: error CSxxxx: …</c>.</param>
/// <param name="Exercises">The graded exercises in catalog order; empty when the submission could not be graded.</param>
public sealed record LearnerResult(
    string Name,
    string Source,
    SubmissionStatus Status,
    string? Problem,
    TamperReport? Tamper,
    IReadOnlyList<string> CompileErrors,
    IReadOnlyList<ClassExercise> Exercises)
{
    public const string DoesNotCompile = "does-not-compile";

    /// <summary>
    /// Uses of what an exercise never needs (reflection, files, processes, …), found by reading the code
    /// (<see cref="Compile.SuspiciousUse"/>): <c>file:line: API (why)</c>. Flagged, never held against the grade.
    /// </summary>
    public IReadOnlyList<string> Suspicious { get; init; } = [];

    /// <summary>The exercises the learner gave up (<c>--give-up</c>, recorded in their <c>exercises/.progress.json</c>).</summary>
    public IReadOnlyList<string> GaveUp { get; init; } = [];

    /// <summary>The status as the reports write it.</summary>
    public string StatusWord => Word(Status);

    public static string Word(SubmissionStatus status) => status switch
    {
        SubmissionStatus.Graded => "graded",
        SubmissionStatus.Empty => "empty",
        SubmissionStatus.NotAKata => "not-a-kata-repository",
        SubmissionStatus.DoesNotCompile => DoesNotCompile,
        SubmissionStatus.Unreadable => "unreadable",
        SubmissionStatus.Error => "error",
        _ => status.ToString(),
    };

    /// <summary>True when the exercises were graded.</summary>
    public bool WasGraded => Status == SubmissionStatus.Graded;

    public bool Tampered => Tamper?.Any == true;

    public int Passed => Exercises.Count(e => e.State == "passed");

    public int Total => Exercises.Count;

    /// <summary>Per chapter: counts of each state, in chapter order.</summary>
    public IReadOnlyList<ClassChapter> Chapters =>
        Exercises.GroupBy(e => e.Exercise.Chapter).OrderBy(g => g.Key).Select(g => new ClassChapter(
            g.Key,
            g.Count(e => e.State == "passed"),
            g.Count(),
            g.Count(e => e.State == "failed"),
            g.Count(e => e.State == "not-started"),
            g.Count(e => e.State == "crashed"),
            g.Count(e => e.State == "timed-out"),
            g.Count(e => e.State == DoesNotCompile))).ToList();

    /// <summary>A learner whose submission could not be graded at all.</summary>
    public static LearnerResult Broken(SubmissionSource source, SubmissionStatus status, string problem, TamperReport? tamper = null, IReadOnlyList<string>? errors = null) =>
        new(source.Name, source.Source, status, problem, tamper, errors ?? [], []);
}

/// <summary>One learner's totals in one chapter.</summary>
public sealed record ClassChapter(int Chapter, int Passed, int Total, int Failed, int NotStarted, int Crashed, int TimedOut, int DoesNotCompile)
{
    /// <summary><c>7/9</c>.</summary>
    public string Score => $"{Passed}/{Total}";
}

/// <summary>A whole class's results, sorted by learner name.</summary>
/// <param name="Selection">The exercises graded (the same for every learner).</param>
/// <param name="MemoryLimitMb">The memory limit each worker ran with.</param>
/// <param name="Ignored">Files in the class folder that are neither a folder nor a zip.</param>
/// <param name="Table">The points of each exercise (<c>tools/classroom/points.tsv</c>).</param>
public sealed record ClassReport(IReadOnlyList<Exercise> Selection, IReadOnlyList<LearnerResult> Learners, int MemoryLimitMb, IReadOnlyList<string> Ignored, PointsTable Table)
{
    /// <summary>The points of the selected exercises, added up: what a learner who passes them all gets.</summary>
    public int MaxPoints => Table.Total(Selection);

    /// <summary>The points an exercise earned: its points when it passed, else 0 (as GitHub Classroom's steps award them).</summary>
    public int Points(ClassExercise exercise)
    {
        ArgumentNullException.ThrowIfNull(exercise);
        return exercise.State == "passed" ? Table[exercise.Exercise.Id] : 0;
    }

    /// <summary>A learner's points over the selection (0 when the submission could not be graded).</summary>
    public int Points(LearnerResult learner)
    {
        ArgumentNullException.ThrowIfNull(learner);
        return learner.Exercises.Sum(Points);
    }

    public IReadOnlyList<int> ChapterNumbers => Selection.Select(e => e.Chapter).Distinct().Order().ToList();

    /// <summary>
    /// Over the graded submissions, how every check of the selection fared, from the most failed (the most learners
    /// with a wrong answer) to the least; ties in catalog order.
    /// </summary>
    public IReadOnlyList<CheckRate> CheckRates
    {
        get
        {
            var graded = Learners.Where(l => l.WasGraded).ToList();
            var rates = new List<CheckRate>();
            foreach (var exercise in Selection)
            {
                var mine = graded.Select(l => l.Exercises.FirstOrDefault(e => e.Exercise.Id == exercise.Id)).OfType<ClassExercise>().ToList();
                foreach (var check in exercise.Checks)
                {
                    var states = mine.Select(e => e.CheckState(check)).ToList();
                    rates.Add(new CheckRate(exercise, check.Description,
                        states.Count(s => s == "passed"), states.Count(s => s == "failed"), states.Count(s => s == "not-started"), states.Count));
                }
            }
            return rates.Select((r, i) => (r, i)).OrderByDescending(p => p.r.Failed).ThenBy(p => p.r.Rate).ThenBy(p => p.i).Select(p => p.r).ToList();
        }
    }

    /// <summary>0 when every submission was graded and none was tampered with; 1 when the instructor should look at some.</summary>
    public int ExitCode => Learners.All(l => l.WasGraded && !l.Tampered) ? Cli.Passed : Cli.NotAllPassed;
}

/// <summary>How one check fared over the graded submissions of a class.</summary>
/// <param name="Learners">The graded submissions; those that neither passed, failed nor did not start it crashed, timed out or did not compile.</param>
public sealed record CheckRate(Exercise Exercise, string Check, int Passed, int Failed, int NotStarted, int Learners)
{
    /// <summary>Crashed, timed out or did not compile.</summary>
    public int Other => Learners - Passed - Failed - NotStarted;

    /// <summary>The share of learners who passed it, 0 to 1 (1 for an empty class).</summary>
    public double Rate => Learners == 0 ? 1 : (double)Passed / Learners;

    /// <summary><c>67 %</c>.</summary>
    public string Percent => Learners == 0 ? "—" : ((int)Math.Round(100 * Rate)).ToString(System.Globalization.CultureInfo.InvariantCulture) + " %";
}
