using DeepLearningKata.Checks;

namespace DeepLearningKata.Runner;

/// <summary>The totals of one chapter in a run.</summary>
public sealed record ChapterTotal(int Chapter, int Passed, int Failed, int NotStarted, int Crashed, int TimedOut)
{
    public int Total => Passed + Failed + NotStarted + Crashed + TimedOut;

    /// <summary><c>7/9</c>.</summary>
    public string Score => $"{Passed}/{Total}";
}

/// <summary>Everything a run found out: what the scoreboard, the JSON summary and the badges are made from.</summary>
public sealed record RunReport(string Subject, IReadOnlyList<GradedExercise> Exercises, double Seconds, string? Error)
{
    public int Passed => Exercises.Count(e => e.Result.State == State.Passed);

    public int Total => Exercises.Count;

    /// <summary>True when every selected exercise passed (and there was at least one).</summary>
    public bool AllPassed => Error is null && Total > 0 && Passed == Total;

    /// <summary>Exercism's word for the whole run: <c>pass</c>, <c>fail</c>, or <c>error</c> when grading itself failed.</summary>
    public string Status => Error is not null ? "error" : AllPassed ? "pass" : "fail";

    /// <summary>The exit code: 0 only when every selected exercise passed.</summary>
    public int ExitCode => AllPassed ? 0 : 1;

    /// <summary>Per-chapter totals, in chapter order.</summary>
    public IReadOnlyList<ChapterTotal> Chapters =>
        Exercises.GroupBy(e => e.Exercise.Chapter)
            .OrderBy(g => g.Key)
            .Select(g => new ChapterTotal(g.Key,
                g.Count(e => e.Result.State == State.Passed),
                g.Count(e => e.Result.State == State.Failed),
                g.Count(e => e.Result.State == State.NotStarted),
                g.Count(e => e.Result.State == State.Crashed),
                g.Count(e => e.Result.State == State.TimedOut)))
            .ToList();

    /// <summary>The exercise to work on next: the first one, in order, that did not pass.</summary>
    public GradedExercise? Next => Exercises.FirstOrDefault(e => e.Result.State != State.Passed);
}
