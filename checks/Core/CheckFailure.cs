using System.Text;

namespace DeepLearningKata.Checks;

/// <summary>A check found the subject wrong. The message is written for the learner.</summary>
public sealed class CheckFailure : Exception
{
    public CheckFailure(string message) : base(message) { }

    public CheckFailure(string message, Exception inner) : base(message, inner) { }

    /// <summary>Builds a failure from a one-line summary, aligned "label = value" lines, and an optional hint.</summary>
    public static CheckFailure Of(string summary, IEnumerable<(string Label, string Value)> lines, string? hint = null)
    {
        var list = lines.ToList();
        var width = list.Count == 0 ? 0 : list.Max(l => l.Label.Length);
        var sb = new StringBuilder(summary);
        foreach (var (label, value) in list)
        {
            var indented = value.Replace("\n", "\n" + new string(' ', width + 5), StringComparison.Ordinal);
            sb.Append("\n  ").Append(label.PadRight(width)).Append(" = ").Append(indented);
        }
        if (hint is not null) sb.Append("\n  hint: ").Append(hint);
        return new CheckFailure(sb.ToString());
    }
}
