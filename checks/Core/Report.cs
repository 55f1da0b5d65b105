using System.Text;

namespace DeepLearningKata.Checks;

/// <summary>Words for results, shared by dotnet test, the runner's console and its reports.</summary>
public static class Report
{
    /// <summary>The mark in front of a result: ✓ passed, ✗ failed, · not started, ! crashed, ⏱ timed out, ✎ does not compile.</summary>
    public static string Mark(State state) => state switch
    {
        State.Passed => "✓",
        State.Failed => "✗",
        State.NotStarted => "·",
        State.Crashed => "!",
        State.TimedOut => "⏱",
        State.DoesNotCompile => "✎",
        _ => "?",
    };

    /// <summary>How many lines of the first failing check's message a concise verdict shows.</summary>
    public const int FirstMessageLines = 30;

    /// <summary>
    /// A result as a learner reads it. Concise (the default everywhere a learner reads it first): the verdict line,
    /// the first check that did not pass in full, and every other one as one line. Verbose (<c>--verbose</c>, the
    /// HTML report): every check, each with its whole message.
    /// </summary>
    public static string Describe(ExerciseResult result, bool verbose)
    {
        ArgumentNullException.ThrowIfNull(result);
        var sb = new StringBuilder($"{Mark(result.State)} {result.Id} {result.Title} — {ExerciseResult.Said(result.State)}");
        if (result.State == State.NotStarted)
        {
            sb.Append("\n  ").Append(result.Message);
            return sb.ToString();
        }
        var passed = result.Checks.Count(c => c.State == State.Passed);
        sb.Append(Say($" ({passed}/{result.Checks.Count} checks)", $"（{passed}/{result.Checks.Count} 项检查通过）"));
        var first = true;
        foreach (var c in result.Checks)
        {
            if (!verbose && c.State == State.Passed) continue;
            sb.Append("\n  ").Append(Mark(c.State)).Append(' ').Append(c.Shown);
            if (c.State == State.Passed || c.Message is null || (!verbose && !first)) continue;
            var lines = c.Message.Split('\n');
            var shown = verbose ? lines : lines.Take(FirstMessageLines).ToArray();
            sb.Append(Say(": ", "：")).Append(string.Join("\n    ", shown));
            if (shown.Length < lines.Length) sb.Append(Say($"\n    … ({lines.Length - shown.Length} more lines with --verbose)", $"\n    …（还有 {lines.Length - shown.Length} 行，用 --verbose 查看）"));
            first = false;
        }
        var others = result.Checks.Count(c => c.State != State.Passed) - 1;
        if (!verbose && others > 0)
        {
            sb.Append(Say($"\n  (--verbose shows the message of {(others == 1 ? "the other check" : $"all {others + 1} checks")})",
                          $"\n  （--verbose 显示{(others == 1 ? "另一项检查" : $"全部 {others + 1} 项检查")}的信息）"));
        }
        return sb.ToString();
    }
}
