using System.Globalization;
using DeepLearningKata.Checks;
using static DeepLearningKata.Checks.L10n;
using DeepLearningKata.Runner.Compile;

namespace DeepLearningKata.Runner.Watch;

/// <summary>
/// What watch mode shows after each save, as rustlings does: the screen cleared (or, without a terminal,
/// a separator line), the verdict of the exercise just graded with its messages, the next exercise to do,
/// and a one-line progress bar.
/// </summary>
public sealed class WatchScreen(TextWriter output, bool color, bool clear, string watchedAs)
{
    /// <summary>How many compile errors are shown; the first ones are the ones to fix first.</summary>
    public const int MaxErrors = 12;

    /// <summary>Starts a screen: clears the terminal, or draws a separator with the time.</summary>
    public void Begin()
    {
        if (clear) output.Write("\u001b[2J\u001b[3J\u001b[H");
        else output.WriteLine($"──── {DateTime.Now.ToString("HH:mm:ss", CultureInfo.InvariantCulture)} " + new string('─', 60));
    }

    /// <summary>Every failing check's whole message (<c>--verbose</c>); by default the verdict's headline and first failing check fit one screen.</summary>
    public bool Verbose { get; init; }

    /// <summary>The verdict of an exercise just graded, with what its code printed.</summary>
    public void Verdict(GradedExercise graded)
    {
        ArgumentNullException.ThrowIfNull(graded);
        var text = Report.Describe(graded.Result, Verbose);
        var lines = text.Split('\n');
        output.WriteLine(Paint(graded.Result.State, lines[0]));
        foreach (var line in lines.Skip(1)) output.WriteLine(line);
        if (graded.Result.State == State.Passed)
        {
            output.WriteLine(Say($"  compare with the model solution: ./run-checks.sh --solution {graded.Exercise.Id}", $"  和参考答案比较：./run-checks.sh --solution {graded.Exercise.Id}"));
        }
        if (!string.IsNullOrWhiteSpace(graded.Output) && graded.Result.State != State.Passed)
        {
            // Short by default, so that the headline and the first failing check stay on one screen of 45 lines.
            var printed = graded.Output.TrimEnd().Split('\n');
            var shown = Verbose ? 20 : 5;
            output.WriteLine(Say("  printed while grading:", "  评分时打印的内容："));
            foreach (var l in printed.Take(shown)) output.WriteLine("    | " + l.TrimEnd('\r'));
            if (printed.Length > shown)
            {
                output.WriteLine(Say($"    | … ({printed.Length - shown} more lines{(Verbose ? "" : "; --verbose shows 20")})",
                                     $"    | …（还有 {printed.Length - shown} 行{(Verbose ? "" : "；--verbose 显示 20 行")}）"));
            }
        }
    }

    /// <summary>The compiler's errors, in the compiler's <c>file:line:column</c> shape, with a word on the commonest ones.</summary>
    public void CompileErrors(IReadOnlyList<CompileError> errors, string? whatWaits)
    {
        ArgumentNullException.ThrowIfNull(errors);
        var waits = whatWaits is null ? Say("nothing could be graded", "什么都无法评分") : Say($"{whatWaits} could not be graded", $"{whatWaits} 无法评分");
        output.WriteLine(Paint(State.Failed, Say($"✗ Your code does not compile yet, so {waits}. Fix this first:", $"✗ 你的代码还不能编译，所以{waits}。先修正这里：")));
        foreach (var e in errors.Take(MaxErrors))
        {
            output.WriteLine("  " + e);
            if (e.Code is { } code && Explain(code) is { } hint) output.WriteLine("      " + Dim(hint));
        }
        if (errors.Count > MaxErrors) output.WriteLine(Say($"  … and {errors.Count - MaxErrors} more; the first ones often cause the rest.", $"  …… 还有 {errors.Count - MaxErrors} 个；后面的错误往往是前几个引起的。"));
    }

    /// <summary>
    /// Exercises that do not compile while another one was graded: their last version that compiled stood in for them.
    /// Each with its first errors.
    /// </summary>
    public void StandIns(IReadOnlyDictionary<string, IReadOnlyList<CompileError>> broken)
    {
        ArgumentNullException.ThrowIfNull(broken);
        foreach (var (id, errors) in broken)
        {
            var name = Catalog.Exercises.FirstOrDefault(e => e.Id == id)?.Name ?? id;
            output.WriteLine(ConsoleReport.Ansi("33", Say($"! {name} does not compile, so it is not graded until you fix it (the others still are):",
                                                          $"! {name} 不能编译，修好之前不给它评分（其他练习照常评分）："), color));
            foreach (var e in errors.Take(3)) output.WriteLine("  " + e);
            if (errors.Count > 3) output.WriteLine(Say($"  … and {errors.Count - 3} more.", $"  …… 还有 {errors.Count - 3} 个。"));
        }
    }

    /// <summary>The next step: the exercise to start or fix, and where its file is.</summary>
    public void Next(Exercise? next, State? state, int passed, int total)
    {
        output.WriteLine();
        if (next is null)
        {
            output.WriteLine(Paint(State.Passed, Say($"Every exercise here passes ({passed}/{total}). Well done!", $"这里的练习全部通过（{passed}/{total}）。做得好！")));
            return;
        }
        var verb = state is State.NotStarted or null ? Say("start", "开始") : Say("fix", "修正");
        output.WriteLine(Bold(Say($"Next: {verb} {next.Name}", $"下一步：{verb} {next.Name}")) + Say($" in {ConsoleReport.StubPath(next)}", $"，位于 {ConsoleReport.StubPath(next)}"));
    }

    /// <summary><c>Progress: [#######>--------------] 7/37 exercises pass</c>, and how long the save took to grade.</summary>
    public void Progress(int passed, int total, string? timing)
    {
        output.WriteLine(Say($"Progress: {Bar(passed, total)} {passed}/{total} exercises pass", $"进度：{Bar(passed, total)} {passed}/{total} 个练习通过") + (timing is null ? "" : $"   ({timing})"));
        output.WriteLine(Dim(Say($"Watching {watchedAs}/ — save a file to grade its exercise again. Ctrl+C stops.", $"正在监视 {watchedAs}/ — 保存文件即重新给它所在的练习评分。按 Ctrl+C 停止。")));
        output.Flush();
    }

    /// <summary>A bar of 30 characters, rustlings style: <c>[#######&gt;----------]</c>.</summary>
    public static string Bar(int passed, int total, int width = 30)
    {
        if (total <= 0) return "[" + new string('-', width) + "]";
        var filled = (int)Math.Round((double)width * Math.Clamp(passed, 0, total) / total);
        if (filled >= width) return "[" + new string('#', width) + "]";
        return "[" + new string('#', filled) + ">" + new string('-', width - filled - 1) + "]";
    }

    public void Line(string text = "") => output.WriteLine(text);

    /// <summary>A learner's reading of the compile errors beginners meet most.</summary>
    public static string? Explain(string code) => code switch
    {
        "CS1002" => Say("a statement ends with ';' — look at the end of this line or the one before.", "语句要以 ';' 结尾 — 看看这一行或上一行的末尾。"),
        "CS1513" or "CS1514" => Say("a '{' has no matching '}' (or the other way round) — count the braces of the method.", "有 '{' 没有配对的 '}'（或者反过来）— 数一数方法里的花括号。"),
        "CS1026" => Say("a '(' has no matching ')'.", "有 '(' 没有配对的 ')'。"),
        "CS0103" => Say("this name is not known here: a typo, or a variable declared in another block or not yet?", "这里不认识这个名字：拼错了，还是变量声明在别的代码块里、或者还没声明？"),
        "CS0161" => Say("some path through the method ends without 'return': every path must return a value.", "方法中有一条路径没有 'return' 就结束了：每条路径都必须返回一个值。"),
        "CS0029" or "CS0266" => Say("the value has another type than the one expected; e.g. a double where a Tensor is wanted.", "值的类型与期望的不同；例如该用 Tensor 的地方给了 double。"),
        "CS0019" => Say("this operator does not work on these two types; the engine's Tensor supports + - * / with tensors and doubles.", "这个运算符不能用于这两种类型；引擎的 Tensor 支持张量与张量、张量与 double 之间的 + - * /。"),
        "CS1061" or "CS0117" => Say("this type has no member of that name: check the spelling, and the engine's Tensor and Np for the right one.", "这个类型没有叫这个名字的成员：检查拼写，并在引擎的 Tensor 和 Np 里找正确的那个。"),
        "CS0128" => Say("a variable of this name is already declared in this method; pick another name, or assign without 'var'.", "这个方法里已经声明过同名变量；换个名字，或者去掉 'var' 直接赋值。"),
        "CS0165" => Say("the variable is read before anything was assigned to it.", "变量在赋值之前就被读取了。"),
        _ => null,
    };

    private string Bold(string text) => ConsoleReport.Ansi("1", text, color);

    private string Dim(string text) => ConsoleReport.Ansi("2", text, color);

    private string Paint(State state, string text) => ConsoleReport.Paint(state, text, color);
}
