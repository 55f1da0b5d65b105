using System.Reflection;
using System.Text;
using System.Text.RegularExpressions;

namespace DeepLearningKata.Checks;

/// <summary>
/// An exercise's hints in levels, from a nudge to a near-solution. Level 1 is the stub's own <c>Hint:</c> /
/// <c>提示:</c> (the idea, no code: what failures and "Next:" show). Levels 2 and up are written once, in both
/// languages, in <c>checks/ChapterNN/{id}-{Title}.hints.md</c> (embedded in the checks assembly), and a learner sees
/// them only by asking (<c>--hint ID</c>, one more level each time):
/// <code>
/// ## 2
/// en: The derivative is written with σ itself …
/// zh: 导数可以用 σ 本身写出 …
/// </code>
/// A line that starts with neither <c>en:</c> nor <c>zh:</c> continues the one above it.
/// </summary>
public static partial class Hints
{
    /// <summary>Every level of <paramref name="exercise"/>'s hints, level 1 first (the stub's hint, when it has one).</summary>
    public static IReadOnlyList<Bilingual> Of(Exercise exercise, Bilingual? stubHint)
    {
        ArgumentNullException.ThrowIfNull(exercise);
        var levels = new List<Bilingual>();
        if (stubHint is { } first && (first.En.Length > 0 || first.Zh.Length > 0)) levels.Add(first);
        if (Text(exercise) is { } text) levels.AddRange(Parse(text, out _));
        return levels;
    }

    /// <summary>The embedded hints file of <paramref name="exercise"/>, or null when it has none.</summary>
    public static string? Text(Exercise exercise)
    {
        ArgumentNullException.ThrowIfNull(exercise);
        var name = typeof(Hints).Assembly.GetManifestResourceNames().FirstOrDefault(n => n.EndsWith($"{exercise.Stem}.hints.md", StringComparison.Ordinal));
        if (name is null) return null;
        using var stream = typeof(Hints).Assembly.GetManifestResourceStream(name)!;
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd();
    }

    /// <summary>The levels of a hints file in order; <paramref name="problems"/> says what does not follow the format.</summary>
    public static IReadOnlyList<Bilingual> Parse(string text, out IReadOnlyList<string> problems)
    {
        ArgumentNullException.ThrowIfNull(text);
        var found = new List<string>();
        var levels = new List<(int Level, StringBuilder En, StringBuilder Zh)>();
        StringBuilder? current = null;
        foreach (var raw in text.Replace("\r", "", StringComparison.Ordinal).Split('\n'))
        {
            var line = raw.TrimEnd();
            if (Level().Match(line) is { Success: true } m)
            {
                levels.Add((int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture), new StringBuilder(), new StringBuilder()));
                current = null;
            }
            else if (levels.Count > 0 && line.StartsWith("en:", StringComparison.Ordinal)) current = levels[^1].En.Append(line[3..].Trim());
            else if (levels.Count > 0 && line.StartsWith("zh:", StringComparison.Ordinal)) current = levels[^1].Zh.Append(line[3..].Trim());
            else if (current is not null && line.Trim().Length > 0) current.Append('\n').Append(line.Trim());
        }
        for (var i = 0; i < levels.Count; i++)
        {
            if (levels[i].Level != i + 2) found.Add($"level {levels[i].Level} is out of order: the file's levels are 2, 3, … (level 1 is the stub's hint)");
            if (levels[i].En.Length == 0) found.Add($"level {levels[i].Level} has no English text (en:)");
            if (levels[i].Zh.Length == 0) found.Add($"level {levels[i].Level} has no Chinese text (zh:)");
        }
        problems = found;
        return levels.Select(l => new Bilingual(l.En.ToString(), l.Zh.ToString())).ToList();
    }

    [GeneratedRegex(@"^##\s+(\d+)\s*$")]
    private static partial Regex Level();
}
