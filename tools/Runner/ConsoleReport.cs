using System.Globalization;
using DeepLearningKata.Checks;

namespace DeepLearningKata.Runner;

/// <summary>
/// The console side of a run: a line per exercise as it is graded, then what went wrong, a per-chapter
/// scoreboard and the next exercise to do. Plain text; ANSI colours only when <c>color</c> is on (an
/// interactive terminal), so CI logs stay readable.
/// </summary>
public sealed class ConsoleReport(TextWriter output, bool color, IReadOnlyList<Exercise> selection)
{
    private readonly int _nameWidth = selection.Count == 0 ? 0 : selection.Max(e => e.Name.Length);
    private int? _chapter;

    /// <summary>The language of the hint under "Next:" (the stub's <c>Hint:</c> or <c>提示:</c>).</summary>
    public Lang Lang { get; init; }

    /// <summary>Every failing check's whole message (<c>--verbose</c>), not only the first one's.</summary>
    public bool Verbose { get; init; }

    /// <summary>The first line: whose code, how many exercises.</summary>
    public void Header(string subject)
    {
        var chapters = selection.Select(e => e.Chapter).Distinct().ToList();
        var whose = subject == "learner" ? "your exercises (learner)" : $"the subject '{subject}'";
        output.WriteLine($"Grading {whose}: {Count(selection.Count, "exercise")} in {(chapters.Count == 1 ? "chapter" : "chapters")} {string.Join(", ", chapters)}.");
    }

    /// <summary>One line as an exercise is settled, under its chapter's heading.</summary>
    public void Graded(GradedExercise graded)
    {
        ArgumentNullException.ThrowIfNull(graded);
        var (exercise, result) = (graded.Exercise, graded.Result);
        if (_chapter != exercise.Chapter)
        {
            _chapter = exercise.Chapter;
            output.WriteLine();
            output.WriteLine(Bold($"Chapter {exercise.Chapter}"));
        }
        var line = $"  {Paint(result.State, Report.Mark(result.State))} {exercise.Name.PadRight(_nameWidth)}  {Word(result.State),-12}";
        if (result.State != State.NotStarted) line += $"{Seconds(result.Seconds),8}";
        if (result.State == State.Failed && result.Checks.Count > 0)
        {
            line += $"   {result.Checks.Count(c => c.State == State.Passed)}/{result.Checks.Count} checks";
        }
        output.WriteLine(line.TrimEnd());
    }

    /// <summary>After the run: each problem in full, the scoreboard, and what to do next.</summary>
    public void Summary(RunReport report, IReadOnlyList<string> written)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(written);
        var problems = report.Exercises.Where(e => e.Result.State is State.Failed or State.Crashed or State.TimedOut or State.DoesNotCompile).ToList();
        if (problems.Count > 0)
        {
            output.WriteLine();
            output.WriteLine(Bold("What went wrong"));
            foreach (var p in problems)
            {
                output.WriteLine();
                output.WriteLine(Report.Describe(p.Result, Verbose));
                if (!string.IsNullOrWhiteSpace(p.Output))
                {
                    var lines = p.Output.TrimEnd().Split('\n');
                    output.WriteLine("  printed while grading:");
                    foreach (var l in lines.Take(20)) output.WriteLine("    | " + l.TrimEnd('\r'));
                    if (lines.Length > 20) output.WriteLine($"    | … ({lines.Length - 20} more lines)");
                }
            }
        }

        if (report.Error is not null)
        {
            output.WriteLine();
            output.WriteLine(Paint(State.Crashed, "The runner could not grade: ") + report.Error);
        }

        output.WriteLine();
        output.WriteLine(Bold($"Scoreboard ({report.Subject})"));
        var marksWidth = report.Chapters.Count == 0 ? 0 : report.Chapters.Max(c => c.Total);
        foreach (var chapter in report.Chapters)
        {
            var marks = string.Concat(report.Exercises.Where(e => e.Exercise.Chapter == chapter.Chapter)
                .Select(e => Paint(e.Result.State, Report.Mark(e.Result.State))));
            var pad = new string(' ', marksWidth - chapter.Total);
            output.WriteLine($"  Chapter {chapter.Chapter,-3} {marks}{pad}  {chapter.Score,5}");
        }
        output.WriteLine($"  {"Total",-11} {new string(' ', marksWidth)}  {report.Passed + "/" + report.Total,5}   graded in {Seconds(report.Seconds).Trim()}");
        if (report.Subject == "learner")
        {
            var gaveUp = Progress.Load(Repo.Root).GaveUp.Keys.Where(id => report.Exercises.Any(e => e.Exercise.Id == id)).ToList();
            if (gaveUp.Count > 0) output.WriteLine($"  Given up (model solution seen): {string.Join(", ", gaveUp)}");
            if (report.Exercises is [{ Result.State: State.Passed } only])
            {
                output.WriteLine($"  {only.Exercise.Name} passes: compare with the model solution, ./run-checks.sh --solution {only.Exercise.Id}");
            }
        }

        foreach (var path in written) output.WriteLine($"Wrote {path}");

        output.WriteLine();
        if (report.Next is { } next)
        {
            var (exercise, state) = (next.Exercise, next.Result.State);
            var where = StubPath(exercise);
            var verb = state == State.NotStarted ? "start" : "fix";
            var who = report.Subject == "learner" ? "Next" : "First not passing";
            output.WriteLine(Bold($"{who}: {verb} {exercise.Name}") + $" in {where}");
            output.WriteLine($"  then grade just that one: ./run-checks.sh --exercise {exercise.Id}   (or ./run-checks.ps1 -Exercise {exercise.Id})");
            NextHint(exercise);
        }
        else if (report.Total > 0)
        {
            output.WriteLine(Paint(State.Passed, $"Every selected exercise passes ({report.Passed}/{report.Total})."));
            // A run of one exercise or chapter that passes points on: to the exercise after the last one graded.
            var last = report.Exercises[^1].Exercise;
            if (report.Subject == "learner" && Catalog.Exercises.SkipWhile(e => e != last).Skip(1).FirstOrDefault() is { } following)
            {
                output.WriteLine(Bold($"Next: {following.Name}") + $" in {StubPath(following)}");
                output.WriteLine($"  then grade it: ./run-checks.sh --exercise {following.Id}   (or ./run-checks.ps1 -Exercise {following.Id})");
            }
        }
    }

    /// <summary>The stub's hint in <see cref="Lang"/>, and how to read the whole of its instructions.</summary>
    private void NextHint(Exercise exercise)
    {
        var hint = ExerciseInstructions.Read(exercise.Id).Hint(Lang);
        var lang = Lang == Lang.Zh ? " --lang zh" : "";
        if (hint is not null)
        {
            var lines = hint.Split('\n');
            output.WriteLine($"  {(Lang == Lang.Zh ? "提示:" : "hint:")} {lines[0]}");
            foreach (var line in lines.Skip(1)) output.WriteLine($"        {line}");
        }
        output.WriteLine($"  {(Lang == Lang.Zh ? "完整说明" : "instructions")}: ./run-checks.sh --explain {exercise.Id}{lang}" +
                         $"   {(Lang == Lang.Zh ? "更多提示" : "another hint")}: ./run-checks.sh --hint {exercise.Id}{lang}");
    }

    /// <summary>The stub's file when its folder holds exactly one, else the folder.</summary>
    public static string StubPath(Exercise exercise)
    {
        ArgumentNullException.ThrowIfNull(exercise);
        try
        {
            var folder = Path.Combine(Repo.Root, exercise.Folder);
            var files = Directory.Exists(folder) ? Directory.GetFiles(folder, "*.cs") : [];
            return files.Length == 1 ? Repo.Relative(files[0]) : exercise.Folder + "/";
        }
        catch (InvalidOperationException)
        {
            return exercise.Folder + "/";
        }
    }

    private static string Word(State state) => state switch
    {
        State.NotStarted => "not started",
        State.TimedOut => "timed out",
        State.DoesNotCompile => "does not compile",
        _ => ExerciseResult.Word(state),
    };

    private static string Seconds(double s) => s.ToString(s < 10 ? "0.0" : "0", CultureInfo.InvariantCulture) + " s";

    private static string Count(int n, string noun) => n == 1 ? $"1 {noun}" : $"{n} {noun}s";

    private string Bold(string text) => Ansi("1", text, color);

    private string Paint(State state, string text) => Paint(state, text, color);

    /// <summary><paramref name="text"/> in the colour of <paramref name="state"/> (green passed, red failed or crashed, yellow timed out, dim otherwise).</summary>
    internal static string Paint(State state, string text, bool color) =>
        Ansi(state switch
        {
            State.Passed => "32",
            State.Failed or State.Crashed or State.DoesNotCompile => "31",
            State.TimedOut => "33",
            _ => "2",
        }, text, color);

    /// <summary><paramref name="text"/> in the terminal's style <paramref name="code"/> (1 bold, 2 dim, 31 red, …), when <paramref name="color"/>.</summary>
    internal static string Ansi(string code, string text, bool color) => color ? $"\u001b[{code}m{text}\u001b[0m" : text;
}
