using System.Globalization;
using DeepLearningKata.Checks;
using static DeepLearningKata.Checks.L10n;

namespace DeepLearningKata.Runner;

/// <summary>
/// The console side of a run: a line per exercise as it is graded, then what went wrong, a per-chapter
/// scoreboard and the next exercise to do. Plain text; ANSI colours only when <c>color</c> is on (an
/// interactive terminal), so CI logs stay readable.
/// </summary>
public sealed class ConsoleReport(TextWriter output, bool color, IReadOnlyList<Exercise> selection)
{
    /// <summary>A chapter as a heading names it: "Chapter 3", "第 3 章".</summary>
    public static string ChapterName(int chapter) => Say($"Chapter {chapter}", $"第 {chapter} 章");

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
        var whose = subject == "learner" ? Say("your exercises (learner)", "你的练习（learner）") : Say($"the subject '{subject}'", $"对象 '{subject}'");
        output.WriteLine(Say(
            $"Grading {whose}: {Count(selection.Count, "exercise")} in {(chapters.Count == 1 ? "chapter" : "chapters")} {string.Join(", ", chapters)}.",
            $"正在评分{whose}：第 {string.Join("、", chapters)} 章，共 {selection.Count} 个练习。"));
    }

    /// <summary>
    /// The uses of APIs that reach outside an exercise (files, processes, reflection, …): said plainly, once, before the
    /// verdicts. The code is still graded; an instructor's classroom run flags the same lines.
    /// </summary>
    public static void Suspicious(TextWriter output, IReadOnlyList<Compile.SuspiciousUse> uses, bool color)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(uses);
        if (uses.Count == 0) return;
        output.WriteLine(Ansi("33", Say("! Your exercises use what an exercise never needs (they compute with Tensor and Np); this is shown to your instructor too:",
                                        "! 你的练习用到了练习从来不需要的东西（练习只用 Tensor 和 Np 计算）；你的老师也会看到这一点："), color));
        foreach (var use in uses.Take(5)) output.WriteLine($"  {use}");
        if (uses.Count > 5) output.WriteLine(Say($"  … and {uses.Count - 5} more", $"  …… 还有 {uses.Count - 5} 处"));
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
            output.WriteLine(Bold(ChapterName(exercise.Chapter)));
        }
        var word = Word(result.State);
        var line = $"  {Paint(result.State, Report.Mark(result.State))} {exercise.Name.PadRight(_nameWidth)}  {word}{new string(' ', Math.Max(0, 12 - CheckFailure.Columns(word)))}";
        if (result.State != State.NotStarted) line += $"{Seconds(result.Seconds),8}";
        if (result.State == State.Failed && result.Checks.Count > 0)
        {
            var passed = result.Checks.Count(c => c.State == State.Passed);
            line += Say($"   {passed}/{result.Checks.Count} checks", $"   {passed}/{result.Checks.Count} 项检查通过");
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
            output.WriteLine(Bold(Say("What went wrong", "哪里出了问题")));
            foreach (var p in problems)
            {
                output.WriteLine();
                output.WriteLine(Report.Describe(p.Result, Verbose));
                if (!string.IsNullOrWhiteSpace(p.Output))
                {
                    var lines = p.Output.TrimEnd().Split('\n');
                    output.WriteLine(Say("  printed while grading:", "  评分时打印的内容："));
                    foreach (var l in lines.Take(20)) output.WriteLine("    | " + l.TrimEnd('\r'));
                    if (lines.Length > 20) output.WriteLine(Say($"    | … ({lines.Length - 20} more lines)", $"    | …（还有 {lines.Length - 20} 行）"));
                }
            }
        }

        if (report.Error is not null)
        {
            output.WriteLine();
            output.WriteLine(Paint(State.Crashed, Say("The runner could not grade: ", "评分程序无法评分：")) + report.Error);
        }

        output.WriteLine();
        output.WriteLine(Bold(Say($"Scoreboard ({report.Subject})", $"成绩表（{report.Subject}）")));
        var marksWidth = report.Chapters.Count == 0 ? 0 : report.Chapters.Max(c => c.Total);
        foreach (var chapter in report.Chapters)
        {
            var marks = string.Concat(report.Exercises.Where(e => e.Exercise.Chapter == chapter.Chapter)
                .Select(e => Paint(e.Result.State, Report.Mark(e.Result.State))));
            var pad = new string(' ', marksWidth - chapter.Total);
            // 14 columns in either language: a Chinese character takes two.
            output.WriteLine(Say($"  Chapter {chapter.Chapter,-3} ", $"  第 {chapter.Chapter,-2}章     ") + $"{marks}{pad}  {chapter.Score,5}");
        }
        output.WriteLine($"  {Say("Total      ", "合计       ")} {new string(' ', marksWidth)}  {report.Passed + "/" + report.Total,5}   " +
                         Say($"graded in {Seconds(report.Seconds).Trim()}", $"评分用时 {Seconds(report.Seconds).Trim()}"));
        if (report.Subject == "learner")
        {
            var gaveUp = Progress.Load(Repo.Root).GaveUp.Keys.Where(id => report.Exercises.Any(e => e.Exercise.Id == id)).ToList();
            if (gaveUp.Count > 0) output.WriteLine(Say($"  Given up (model solution seen): {string.Join(", ", gaveUp)}", $"  已放弃（看过参考答案）：{string.Join("、", gaveUp)}"));
            if (report.Exercises is [{ Result.State: State.Passed } only])
            {
                output.WriteLine(Say($"  {only.Exercise.Name} passes: compare with the model solution, ./run-checks.sh --solution {only.Exercise.Id}",
                                     $"  {only.Exercise.Name} 已通过：可以和参考答案比较一下，./run-checks.sh --solution {only.Exercise.Id}"));
            }
        }

        foreach (var path in written) output.WriteLine(Say($"Wrote {path}", $"已写入 {path}"));

        output.WriteLine();
        if (report.Next is { } next)
        {
            var (exercise, state) = (next.Exercise, next.Result.State);
            var where = StubPath(exercise);
            var verb = state == State.NotStarted ? Say("start", "开始") : Say("fix", "修正");
            var who = report.Subject == "learner" ? Say("Next", "下一步") : Say("First not passing", "第一个未通过的");
            output.WriteLine(Bold(Say($"{who}: {verb} {exercise.Name}", $"{who}：{verb} {exercise.Name}")) + Say($" in {where}", $"，位于 {where}"));
            output.WriteLine(Say($"  then grade just that one: ./run-checks.sh --exercise {exercise.Id}   (or ./run-checks.ps1 -Exercise {exercise.Id})",
                                 $"  然后只给它评分：./run-checks.sh --exercise {exercise.Id} --lang zh   （或 ./run-checks.ps1 -Exercise {exercise.Id} -Lang zh）"));
            NextHint(exercise);
        }
        else if (report.Total > 0)
        {
            output.WriteLine(Paint(State.Passed, Say($"Every selected exercise passes ({report.Passed}/{report.Total}).", $"所选的练习全部通过（{report.Passed}/{report.Total}）。")));
            // A run of one exercise or chapter that passes points on: to the exercise after the last one graded.
            var last = report.Exercises[^1].Exercise;
            if (report.Subject == "learner" && Catalog.Exercises.SkipWhile(e => e != last).Skip(1).FirstOrDefault() is { } following)
            {
                output.WriteLine(Bold(Say($"Next: {following.Name}", $"下一步：{following.Name}")) + Say($" in {StubPath(following)}", $"，位于 {StubPath(following)}"));
                output.WriteLine(Say($"  then grade it: ./run-checks.sh --exercise {following.Id}   (or ./run-checks.ps1 -Exercise {following.Id})",
                                     $"  然后给它评分：./run-checks.sh --exercise {following.Id} --lang zh   （或 ./run-checks.ps1 -Exercise {following.Id} -Lang zh）"));
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
        State.NotStarted => Say("not started", "未开始"),
        State.TimedOut => Say("timed out", "超时"),
        State.DoesNotCompile => Say("does not compile", "无法编译"),
        _ => ExerciseResult.Said(state),
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
