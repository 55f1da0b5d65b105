using System.Globalization;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace DeepLearningKata.Checks;

/// <summary>The two languages of the instructions: English and Simplified Chinese.</summary>
public enum Lang
{
    /// <summary>English (<c>--lang en</c>).</summary>
    En,

    /// <summary>Simplified Chinese (<c>--lang zh</c>).</summary>
    Zh,
}

/// <summary>Reads a language from an option, <c>KATA_LANG</c> or the system culture.</summary>
public static class Langs
{
    /// <summary>The environment variable that chooses the language: <c>KATA_LANG</c>.</summary>
    public const string Variable = "KATA_LANG";

    /// <summary><c>en</c>, <c>zh</c>, or a culture name such as <c>zh-CN</c>, <c>zh-Hans</c>, <c>en-US</c>; null for anything else.</summary>
    public static Lang? Parse(string? text)
    {
        var t = text?.Trim().ToLowerInvariant();
        if (string.IsNullOrEmpty(t)) return null;
        if (t is "en" or "english" || t.StartsWith("en-", StringComparison.Ordinal) || t.StartsWith("en_", StringComparison.Ordinal)) return Lang.En;
        if (t is "zh" or "chinese" or "中文" || t.StartsWith("zh-", StringComparison.Ordinal) || t.StartsWith("zh_", StringComparison.Ordinal)) return Lang.Zh;
        return null;
    }

    /// <summary>
    /// The default language: <c>KATA_LANG</c> when it names one, else the UI culture (zh* → Chinese,
    /// anything else → English). The kata runs with invariant globalization, where the UI culture is
    /// always the invariant one; then the system's own setting stands in for it: <c>LC_ALL</c>,
    /// <c>LC_MESSAGES</c> or <c>LANG</c> on Linux and macOS, the user's UI language on Windows.
    /// </summary>
    public static Lang Default() =>
        Default(Environment.GetEnvironmentVariable(Variable), CultureInfo.CurrentUICulture, SystemLanguage());

    /// <summary><see cref="Default()"/> with its inputs given (for tests); <paramref name="system"/> is used when the culture is the invariant one.</summary>
    public static Lang Default(string? kataLang, CultureInfo culture, string? system = null)
    {
        ArgumentNullException.ThrowIfNull(culture);
        if (Parse(kataLang) is { } chosen) return chosen;
        var name = culture.Name.Length > 0 ? culture.Name : system ?? "";
        return name.StartsWith("zh", StringComparison.OrdinalIgnoreCase) ? Lang.Zh : Lang.En;
    }

    /// <summary>The system's language setting as a name such as <c>zh_CN.UTF-8</c> or <c>zh</c>, or null.</summary>
    private static string? SystemLanguage()
    {
        if (OperatingSystem.IsWindows())
        {
            try
            {
                // The primary language of the user's UI language id; 0x04 is Chinese.
                return (GetUserDefaultUILanguage() & 0x3FF) == 0x04 ? "zh" : "en";
            }
            catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
            {
                return null;
            }
        }
        return new[] { "LC_ALL", "LC_MESSAGES", "LANG" }
            .Select(Environment.GetEnvironmentVariable)
            .FirstOrDefault(v => !string.IsNullOrEmpty(v));
    }

    [System.Runtime.InteropServices.DllImport("kernel32.dll")]
    private static extern ushort GetUserDefaultUILanguage();

    /// <summary><c>en</c> or <c>zh</c>.</summary>
    public static string Code(this Lang lang) => lang == Lang.Zh ? "zh" : "en";

    /// <summary>True if <paramref name="text"/> holds a CJK character (ideographs, CJK or full-width punctuation).</summary>
    public static bool HasCjk(string text) => text.Any(IsCjk);

    /// <summary>True if <paramref name="text"/> holds a Chinese ideograph.</summary>
    public static bool HasIdeograph(string text) => text.Any(c => c is >= '\u4E00' and <= '\u9FFF' or >= '\u3400' and <= '\u4DBF');

    private static bool IsCjk(char c) =>
        c is >= '\u4E00' and <= '\u9FFF' or >= '\u3400' and <= '\u4DBF' or >= '\u3000' and <= '\u303F' or >= '\uFF00' and <= '\uFFEF';
}

/// <summary>A text in English and in Simplified Chinese; either may be empty when a learner removed it.</summary>
public sealed record Bilingual(string En, string Zh)
{
    /// <summary>The text in <paramref name="lang"/>, or in the other language when that one is missing.</summary>
    public string In(Lang lang) => lang == Lang.Zh
        ? (Zh.Length > 0 ? Zh : En)
        : (En.Length > 0 ? En : Zh);
}

/// <summary>
/// The instructions of one member of a stub (most stubs have one; 1.9, 2.1, 3.2, … have several), as
/// written in its doc comment: the summary twice (<c>Exercise 1.3 — …</c> / <c>练习 1.3 — …</c>), then
/// in <c>&lt;code&gt;</c> the language-neutral <c>Formula:</c>, <c>Shapes:</c> and <c>Example:</c>, the
/// hint twice (<c>Hint:</c> / <c>提示:</c>) and <c>Grade it:</c>. A field that spans lines keeps its
/// line breaks; continuation lines keep the indentation beyond the label column.
/// </summary>
public sealed partial record Instructions(
    string Member,
    Bilingual Summary,
    string Formula,
    string Shapes,
    string Example,
    Bilingual Hint,
    string GradeIt)
{
    /// <summary>The labels of the <c>&lt;code&gt;</c> block, in their order.</summary>
    public static readonly IReadOnlyList<string> Labels = ["Formula", "Shapes", "Example", "Hint", "提示", "Grade it"];

    /// <summary>The column at which a field's text starts (the labels are padded to it).</summary>
    public const int LabelWidth = 10;

    /// <summary>What does not follow the format (a label twice, a line without a label, prose in the wrong language); empty when well-formed.</summary>
    public IReadOnlyList<string> Problems { get; init; } = [];

    /// <summary>The instructions in one language: the summary, the neutral lines, the hint, the grade line.</summary>
    public string Render(Lang lang)
    {
        var text = new StringBuilder();
        var summary = Summary.In(lang);
        if (summary.Length > 0) text.Append(summary).Append('\n');
        Field(text, "Formula:", Formula);
        Field(text, "Shapes:", Shapes);
        Field(text, "Example:", Example);
        Field(text, lang == Lang.Zh && Hint.Zh.Length > 0 ? "提示:" : "Hint:", Hint.In(lang));
        Field(text, "Grade it:", GradeIt);
        return text.ToString();
    }

    private static void Field(StringBuilder text, string label, string value)
    {
        if (value.Length == 0) return;
        var lines = value.Split('\n');
        // CJK characters take two columns in a terminal: "提示:" is as wide as "Hint: ".
        var width = label.Sum(c => Langs.HasCjk(c.ToString()) ? 2 : 1);
        text.Append(label).Append(' ', Math.Max(1, LabelWidth - width)).Append(lines[0]).Append('\n');
        foreach (var line in lines.Skip(1))
        {
            if (line.Length > 0) text.Append(' ', LabelWidth).Append(line);
            text.Append('\n');
        }
    }

    /// <summary>
    /// The instruction sections of a C# source text: every doc comment holding a <c>&lt;code&gt;</c> block.
    /// Lenient (a learner may have edited the comment): what cannot be read is left empty and named in
    /// <see cref="Problems"/>; <paramref name="id"/> is the exercise the summary must name.
    /// </summary>
    public static IReadOnlyList<Instructions> Parse(string source, string id)
    {
        ArgumentNullException.ThrowIfNull(source);
        var lines = source.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        var sections = new List<Instructions>();
        for (var i = 0; i < lines.Length; i++)
        {
            if (!IsDoc(lines[i])) continue;
            var block = new List<string>();
            for (; i < lines.Length && IsDoc(lines[i]); i++)
            {
                var content = lines[i].TrimStart()[3..];
                block.Add(content.StartsWith(' ') ? content[1..] : content);
            }
            var member = i < lines.Length ? MemberName(lines.Skip(i).FirstOrDefault(l => l.Trim().Length > 0 && !l.Trim().StartsWith('[')) ?? "") : "";
            if (block.Any(l => l.Trim() == "<code>")) sections.Add(ParseBlock(block, member, id));
        }
        return sections;
    }

    private static bool IsDoc(string line) => line.TrimStart().StartsWith("///", StringComparison.Ordinal);

    private static Instructions ParseBlock(List<string> block, string member, string id)
    {
        var problems = new List<string>();

        // The summary: from "Exercise {id}" up to "练习 {id}", then the Chinese to the end.
        var summaryLines = Between(block, "<summary>", "</summary>").Select(l => Plain(l).Trim()).Where(l => l.Length > 0).ToList();
        var zhStart = summaryLines.FindIndex(l => l.StartsWith("练习", StringComparison.Ordinal));
        var en = JoinProse(zhStart < 0 ? summaryLines : summaryLines.Take(zhStart));
        var zh = zhStart < 0 ? "" : JoinProse(summaryLines.Skip(zhStart));
        if (!en.StartsWith($"Exercise {id}", StringComparison.Ordinal)) problems.Add($"the summary must start with \"Exercise {id} — \" (in English)");
        if (!zh.StartsWith($"练习 {id}", StringComparison.Ordinal)) problems.Add($"the summary needs a second sentence starting with \"练习 {id} — \" (in Chinese)");

        // The code block: a label at the start of a line, continuation lines indented.
        var fields = new Dictionary<string, List<string>>();
        string? current = null;
        foreach (var raw in Between(block, "<code>", "</code>"))
        {
            var line = WebUtility.HtmlDecode(raw).TrimEnd();
            var label = LabelLine().Match(line);
            if (label.Success)
            {
                current = label.Groups[1].Value;
                if (fields.ContainsKey(current)) problems.Add($"'{current}:' appears twice");
                fields[current] = [label.Groups[2].Value.Trim()];
            }
            else if (line.Length == 0 || char.IsWhiteSpace(line[0]))
            {
                if (current is not null) fields[current].Add(Unindent(line)); // a blank line inside a field separates two examples
            }
            else
            {
                problems.Add($"a line without a known label ({string.Join(", ", Labels.Select(l => l + ":"))}): \"{line}\"");
                if (current is not null) fields[current].Add(line);
            }
        }
        string Field(string name) => fields.TryGetValue(name, out var v) ? string.Join("\n", v).TrimEnd('\n') : "";
        foreach (var name in Labels.Where(l => l != "Grade it" && !fields.ContainsKey(l))) problems.Add($"'{name}:' is missing");

        var result = new Instructions(member, new Bilingual(en, zh), Field("Formula"), Field("Shapes"), Field("Example"),
            new Bilingual(Field("Hint"), Field("提示")), Field("Grade it"));

        // One language per line: English prose has no CJK, Chinese prose has ideographs, neutral lines neither.
        if (Langs.HasCjk(result.Summary.En)) problems.Add("the English summary contains Chinese characters");
        if (zh.Length > 0 && !Langs.HasIdeograph(zh)) problems.Add("the Chinese summary contains no Chinese characters");
        if (Langs.HasCjk(result.Hint.En)) problems.Add("the English hint ('Hint:') contains Chinese characters");
        if (fields.ContainsKey("提示") && !Langs.HasIdeograph(result.Hint.Zh)) problems.Add("the Chinese hint ('提示:') contains no Chinese characters");
        foreach (var (name, value) in new[] { ("Formula", result.Formula), ("Shapes", result.Shapes), ("Example", result.Example), ("Grade it", result.GradeIt) })
        {
            if (Langs.HasCjk(value)) problems.Add($"'{name}:' must be language-neutral, but contains Chinese characters");
            if (Prose(value) is { } prose) problems.Add($"'{name}:' must be language-neutral (notation, numbers, identifiers), but reads as English prose: \"{prose}\" (move it into the hint)");
        }
        return result with { Problems = problems };
    }

    /// <summary>
    /// A phrase of English prose in a neutral line, or null: three words in a row of which two are common
    /// English function words ("of the same", "is left unchanged"). Notation such as "y = 1 if x > 0" or
    /// "for i in 0 … N − 1" passes.
    /// </summary>
    public static string? Prose(string value)
    {
        foreach (var line in value.Split('\n'))
        {
            var words = Words().Matches(line).ToList();
            for (var i = 0; i + 2 < words.Count; i++)
            {
                var run = words.Skip(i).Take(3).ToList();
                if (run.Zip(run.Skip(1)).Any(p => !OnlySpace(line, p.First, p.Second))) continue;
                if (run.Count(w => FunctionWords.Contains(w.Value)) >= 2) return string.Join(" ", run.Select(w => w.Value));
            }
        }
        return null;
    }

    private static bool OnlySpace(string line, Match a, Match b)
    {
        var gap = line[(a.Index + a.Length)..b.Index];
        return gap.Length > 0 && gap.All(c => c is ' ' or ',');
    }

    private static readonly HashSet<string> FunctionWords = new(StringComparer.Ordinal)
    {
        "the", "of", "is", "are", "and", "with", "every", "each", "to", "not", "by", "from", "its", "into", "that",
        "this", "which", "than", "was", "be", "becomes", "gives", "same", "only", "one", "all", "a", "an", "it",
        "must", "should", "would", "your", "you", "there", "their", "has", "have", "after", "before",
    };

    private static IEnumerable<string> Between(List<string> block, string open, string close)
    {
        var inside = false;
        foreach (var line in block)
        {
            var text = line;
            if (!inside)
            {
                var at = text.IndexOf(open, StringComparison.Ordinal);
                if (at < 0) continue;
                inside = true;
                text = text[(at + open.Length)..];
                if (text.Trim().Length == 0 && !text.Contains(close, StringComparison.Ordinal)) continue;
            }
            var end = text.IndexOf(close, StringComparison.Ordinal);
            if (end >= 0)
            {
                if (text[..end].Trim().Length > 0) yield return text[..end];
                yield break;
            }
            yield return text;
        }
    }

    private static string Unindent(string line)
    {
        var spaces = line.TakeWhile(c => c == ' ').Count();
        return line[Math.Min(spaces, LabelWidth)..];
    }

    /// <summary>Doc-comment XML as plain text: <c>&lt;paramref name="x"/&gt;</c> → x, <c>&lt;c&gt;a&lt;/c&gt;</c> → a, entities decoded.</summary>
    private static string Plain(string xml) =>
        WebUtility.HtmlDecode(Tag().Replace(NamedRef().Replace(xml, m => m.Groups[1].Value), ""));

    /// <summary>Lines of one paragraph joined: a space between English words, none between Chinese characters.</summary>
    private static string JoinProse(IEnumerable<string> lines)
    {
        var text = new StringBuilder();
        foreach (var line in lines)
        {
            if (text.Length > 0 && !(Langs.HasCjk(text[^1].ToString()) && Langs.HasCjk(line[0].ToString()))) text.Append(' ');
            text.Append(line);
        }
        return text.ToString();
    }

    private static string MemberName(string declaration)
    {
        var type = TypeName().Match(declaration);
        if (type.Success) return type.Groups[1].Value;
        var method = MethodName().Match(declaration);
        return method.Success ? method.Groups[1].Value : declaration.Trim();
    }

    [GeneratedRegex(@"^(Formula|Shapes|Example|Hint|提示|Grade it):(.*)$")]
    private static partial Regex LabelLine();

    [GeneratedRegex(@"<(?:paramref|typeparamref|see)\s+(?:name|cref)=""([^""]*)""\s*/>")]
    private static partial Regex NamedRef();

    [GeneratedRegex(@"</?[a-zA-Z][^>]*>")]
    private static partial Regex Tag();

    [GeneratedRegex(@"\b[A-Za-z]+\b")]
    private static partial Regex Words();

    [GeneratedRegex(@"\b(?:class|record|struct|interface)\s+(\w+)")]
    private static partial Regex TypeName();

    [GeneratedRegex(@"(\w+)\s*(?:<[^>]*>)?\s*\(")]
    private static partial Regex MethodName();
}

/// <summary>
/// All the instructions of one exercise, read from its stub file(s) in <c>exercises/ChapterNN/{id}-{Title}/</c>:
/// the stub's doc comment is their one source, in both languages. <see cref="Problem"/> is set (and nothing
/// throws) when the folder or the comment cannot be read, e.g. after a learner edited it away.
/// </summary>
public sealed record ExerciseInstructions(string Id, string File, IReadOnlyList<Instructions> Sections, string? Problem)
{
    /// <summary>The instructions of exercise <paramref name="id"/> (e.g. <c>1.3</c>), found by its folder's name.</summary>
    public static ExerciseInstructions Read(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        string chapterFolder;
        try
        {
            var chapter = int.Parse(id.Split('.')[0], NumberStyles.None, CultureInfo.InvariantCulture);
            chapterFolder = Path.Combine(Repo.Root, "exercises", $"Chapter{chapter:00}");
        }
        catch (Exception e) when (e is FormatException or OverflowException)
        {
            return new ExerciseInstructions(id, "", [], $"'{id}' is not an exercise id such as 1.3.");
        }
        var folder = Directory.Exists(chapterFolder) ? Directory.GetDirectories(chapterFolder, id + "-*").Order(StringComparer.Ordinal).FirstOrDefault() : null;
        if (folder is null)
        {
            return new ExerciseInstructions(id, "", [], $"there is no folder {Repo.Relative(chapterFolder)}/{id}-… for exercise {id}.");
        }
        return ReadFolder(folder, id);
    }

    /// <summary>The instructions in the stub files of <paramref name="folder"/> (an absolute path).</summary>
    public static ExerciseInstructions ReadFolder(string folder, string id)
    {
        ArgumentNullException.ThrowIfNull(folder);
        var files = Directory.Exists(folder) ? Directory.GetFiles(folder, "*.cs").Order(StringComparer.Ordinal).ToList() : [];
        var where = files.Count == 1 ? Repo.Relative(files[0]) : Repo.Relative(folder) + "/";
        if (files.Count == 0) return new ExerciseInstructions(id, where, [], $"instructions not found: no stub file in {where}.");
        var sections = new List<Instructions>();
        try
        {
            foreach (var file in files) sections.AddRange(Instructions.Parse(System.IO.File.ReadAllText(file), id));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return new ExerciseInstructions(id, where, [], $"instructions not readable in {where}: {e.Message}");
        }
        var usable = sections.Where(s => s.Summary.En.Length + s.Summary.Zh.Length + s.Hint.En.Length + s.Hint.Zh.Length + s.Formula.Length > 0).ToList();
        return usable.Count == 0
            ? new ExerciseInstructions(id, where, [], $"instructions not found in {where} (git checkout it to restore).")
            : new ExerciseInstructions(id, where, usable, null);
    }

    /// <summary>Every section in <paramref name="lang"/>, a blank line between them; or <see cref="Problem"/>.</summary>
    public string Render(Lang lang) =>
        Problem ?? string.Join("\n", Sections.Select(s => s.Render(lang)));

    /// <summary>The hint of the first section that has one, in <paramref name="lang"/>; null if none.</summary>
    public string? Hint(Lang lang) =>
        Sections.Select(s => s.Hint.In(lang)).FirstOrDefault(h => h.Length > 0);

    /// <summary>Every problem of every section, each prefixed with the member it belongs to.</summary>
    public IReadOnlyList<string> Problems =>
        Problem is not null ? [Problem] : Sections.SelectMany(s => s.Problems.Select(p => $"{File} ({s.Member}): {p}")).ToList();
}
