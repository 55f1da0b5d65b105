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

    /// <summary>A result as a learner reads it: the verdict line, then each check that did not pass.</summary>
    public static string Describe(ExerciseResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var sb = new StringBuilder($"{Mark(result.State)} {result.Id} {result.Title} — {ExerciseResult.Word(result.State)}");
        if (result.State == State.NotStarted)
        {
            sb.Append("\n  ").Append(result.Message);
            return sb.ToString();
        }
        var passed = result.Checks.Count(c => c.State == State.Passed);
        sb.Append($" ({passed}/{result.Checks.Count} checks)");
        foreach (var c in result.Checks)
        {
            sb.Append("\n  ").Append(Mark(c.State)).Append(' ').Append(c.Name);
            if (c.State != State.Passed && c.Message is not null)
            {
                sb.Append(": ").Append(c.Message.Replace("\n", "\n    ", StringComparison.Ordinal));
            }
        }
        return sb.ToString();
    }
}
