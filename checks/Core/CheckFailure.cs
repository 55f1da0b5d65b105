using System.Text;

namespace DeepLearningKata.Checks;

/// <summary>
/// A check found the subject wrong. The message is written for the learner. When the subject's code threw on a
/// valid input, <see cref="Thrown"/> holds its exception, and the check is reported as <c>crashed</c>, not
/// <c>failed</c>: a wrong answer and a crash are different news.
/// </summary>
public sealed class CheckFailure : Exception
{
    public CheckFailure(string message) : base(message) { }

    public CheckFailure(string message, Exception inner) : base(message, inner) { }

    /// <summary>The exception the subject's code threw, when that is what the check found; null for a wrong answer.</summary>
    public Exception? Thrown { get; private init; }

    /// <summary>A failure that is the subject's own exception, described by <paramref name="message"/>.</summary>
    public static CheckFailure Threw(string message, Exception thrown) => new(message, thrown) { Thrown = thrown };

    /// <summary>The label of a hint line: <c>hint:</c> or <c>提示:</c>.</summary>
    public static string HintLabel => Say("hint:", "提示:");

    /// <summary>Builds a failure from a one-line summary, aligned "label = value" lines, and an optional hint.</summary>
    public static CheckFailure Of(string summary, IEnumerable<(string Label, string Value)> lines, string? hint = null, Exception? thrown = null)
    {
        var list = lines.ToList();
        // Aligned as a terminal shows them: a Chinese character takes two columns.
        var width = list.Count == 0 ? 0 : list.Max(l => Columns(l.Label));
        var sb = new StringBuilder(summary);
        foreach (var (label, value) in list)
        {
            var indented = value.Replace("\n", "\n" + new string(' ', width + 5), StringComparison.Ordinal);
            sb.Append("\n  ").Append(label).Append(' ', width - Columns(label)).Append(" = ").Append(indented);
        }
        if (hint is not null) sb.Append("\n  ").Append(HintLabel).Append(' ').Append(hint);
        return thrown is null ? new CheckFailure(sb.ToString()) : Threw(sb.ToString(), thrown);
    }

    /// <summary>The columns <paramref name="text"/> takes in a terminal (CJK characters take two).</summary>
    public static int Columns(string text) => text.Sum(c => Langs.HasCjk(c.ToString()) ? 2 : 1);
}
