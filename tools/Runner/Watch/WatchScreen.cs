using System.Globalization;
using DeepLearningKata.Checks;
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
            output.WriteLine($"  compare with the model solution: ./run-checks.sh --solution {graded.Exercise.Id}");
        }
        if (!string.IsNullOrWhiteSpace(graded.Output) && graded.Result.State != State.Passed)
        {
            // Short by default, so that the headline and the first failing check stay on one screen of 45 lines.
            var printed = graded.Output.TrimEnd().Split('\n');
            var shown = Verbose ? 20 : 5;
            output.WriteLine("  printed while grading:");
            foreach (var l in printed.Take(shown)) output.WriteLine("    | " + l.TrimEnd('\r'));
            if (printed.Length > shown) output.WriteLine($"    | … ({printed.Length - shown} more lines{(Verbose ? "" : "; --verbose shows 20")})");
        }
    }

    /// <summary>The compiler's errors, in the compiler's <c>file:line:column</c> shape, with a word on the commonest ones.</summary>
    public void CompileErrors(IReadOnlyList<CompileError> errors, string? whatWaits)
    {
        ArgumentNullException.ThrowIfNull(errors);
        var waits = whatWaits is null ? "nothing could be graded" : $"{whatWaits} could not be graded";
        output.WriteLine(Paint(State.Failed, $"✗ Your code does not compile yet, so {waits}. Fix this first:"));
        foreach (var e in errors.Take(MaxErrors))
        {
            output.WriteLine("  " + e);
            if (e.Code is { } code && Explain(code) is { } hint) output.WriteLine("      " + Dim(hint));
        }
        if (errors.Count > MaxErrors) output.WriteLine($"  … and {errors.Count - MaxErrors} more; the first ones often cause the rest.");
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
            output.WriteLine(ConsoleReport.Ansi("33", $"! {name} does not compile, so it is not graded until you fix it (the others still are):", color));
            foreach (var e in errors.Take(3)) output.WriteLine("  " + e);
            if (errors.Count > 3) output.WriteLine($"  … and {errors.Count - 3} more.");
        }
    }

    /// <summary>The next step: the exercise to start or fix, and where its file is.</summary>
    public void Next(Exercise? next, State? state, int passed, int total)
    {
        output.WriteLine();
        if (next is null)
        {
            output.WriteLine(Paint(State.Passed, $"Every exercise here passes ({passed}/{total}). Well done!"));
            return;
        }
        var verb = state is State.NotStarted or null ? "start" : "fix";
        output.WriteLine(Bold($"Next: {verb} {next.Name}") + $" in {ConsoleReport.StubPath(next)}");
    }

    /// <summary><c>Progress: [#######>--------------] 7/37 exercises pass</c>, and how long the save took to grade.</summary>
    public void Progress(int passed, int total, string? timing)
    {
        output.WriteLine($"Progress: {Bar(passed, total)} {passed}/{total} exercises pass" + (timing is null ? "" : $"   ({timing})"));
        output.WriteLine(Dim($"Watching {watchedAs}/ — save a file to grade its exercise again. Ctrl+C stops."));
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
        "CS1002" => "a statement ends with ';' — look at the end of this line or the one before.",
        "CS1513" or "CS1514" => "a '{' has no matching '}' (or the other way round) — count the braces of the method.",
        "CS1026" => "a '(' has no matching ')'.",
        "CS0103" => "this name is not known here: a typo, or a variable declared in another block or not yet?",
        "CS0161" => "some path through the method ends without 'return': every path must return a value.",
        "CS0029" or "CS0266" => "the value has another type than the one expected; e.g. a double where a Tensor is wanted.",
        "CS0019" => "this operator does not work on these two types; the engine's Tensor supports + - * / with tensors and doubles.",
        "CS1061" or "CS0117" => "this type has no member of that name: check the spelling, and the engine's Tensor and Np for the right one.",
        "CS0128" => "a variable of this name is already declared in this method; pick another name, or assign without 'var'.",
        "CS0165" => "the variable is read before anything was assigned to it.",
        _ => null,
    };

    private string Bold(string text) => ConsoleReport.Ansi("1", text, color);

    private string Dim(string text) => ConsoleReport.Ansi("2", text, color);

    private string Paint(State state, string text) => ConsoleReport.Paint(state, text, color);
}
