using System.Reflection;
using System.Text.RegularExpressions;
using DeepLearningKata.Checks;
using NUnit.Framework;

namespace DeepLearningKata.SelfTest;

/// <summary>
/// The checks' messages in the learner's language (<see cref="L10n"/>): every mutant is graded in Chinese, and each line of
/// prose a learner reads — the check's sentence, its summary, the labels, the hint, the diagnosis — is Chinese; the same
/// mutants graded in English (<see cref="CheckSuiteTests"/>) show no Chinese at all. Notation (formulas, code, tensors, the
/// case) is the same in both.
/// </summary>
[TestFixture]
public sealed partial class MessageLanguageTests
{
    public static IEnumerable<TestCaseData> Mutants => CheckSuiteTests.Mutants;

    [TestCaseSource(nameof(Mutants))]
    public void Mutant_is_rejected_in_Chinese_with_no_English_prose_left(string key)
    {
        var mutant = Subjects.Mutants.Single(m => m.Key == key);
        var exercise = Catalog.Get(mutant.ExerciseId);
        ExerciseResult result;
        string report;
        using (L10n.Use(Lang.Zh))
        {
            result = Grader.Grade(exercise, mutant.Subject, TimeSpan.FromSeconds(120));
            report = Report.Describe(result, verbose: true);
        }
        TestContext.Out.WriteLine(report);
        Assert.That(result.State, Is.EqualTo(State.Failed).Or.EqualTo(State.Crashed), report);
        Assert.That(UntranslatedLines(result), Is.Empty, $"English prose in the Chinese verdict of mutant '{mutant.Mistake}':\n{report}");
        Assert.That(result.Checks.Select(c => c.Name), Is.EqualTo(exercise.Checks.Select(c => c.Description)), "the English sentence stays the check's key");
        // A diagnosis in Chinese exactly when the English verdict has the one pinned for this mistake (CheckSuiteTests).
        var diagnosed = report.Split('\n').Any(l => l.TrimStart().StartsWith("看起来像", StringComparison.Ordinal));
        var pinned = mutant.Type.GetCustomAttribute<MutantAttribute>()!.Diagnosis is not null;
        Assert.That(diagnosed, Is.EqualTo(pinned), $"mutant '{mutant.Mistake}': a Chinese diagnosis {(pinned ? "is missing" : "nobody pinned")}");
    }

    /// <summary>The lines of a Chinese verdict that hold English prose: a sentence, a label or a word left untranslated.</summary>
    public static IReadOnlyList<string> UntranslatedLines(ExerciseResult result)
    {
        var found = new List<string>();
        foreach (var check in result.Checks.Where(c => c.State != State.Passed))
        {
            if (!Langs.HasIdeograph(check.Shown)) found.Add("sentence: " + check.Shown);
            foreach (var line in (check.Message ?? "").Split('\n'))
            {
                if (Untranslated(line) is { } why) found.Add($"{why}: {line.Trim()}");
            }
        }
        return found;
    }

    /// <summary>Why a line of a Chinese message still reads as English, or null when it does not.</summary>
    public static string? Untranslated(string line)
    {
        var text = line.Trim();
        // What the learner's code threw is quoted as it was thrown (the engine's own words): only the words around it count.
        var thrown = Thrown().Match(text);
        if (thrown.Success) text = text[..thrown.Index];
        var (label, value) = SplitLabel(text);
        if (label is not null && !Langs.HasIdeograph(label) && EnglishLabel(label)) return "label";
        var prose = label is null ? text : value;
        if (!Langs.HasIdeograph(prose) && EnglishProse().IsMatch(prose)) return "prose";
        if (EnglishSentence().IsMatch(prose)) return "sentence in English";
        return null;
    }

    /// <summary>A line in English has no Chinese: the language is chosen per message, never mixed.</summary>
    public static IReadOnlyList<string> ChineseLines(ExerciseResult result) =>
        result.Checks.SelectMany(c => new[] { c.Shown }.Concat((c.Message ?? "").Split('\n')))
            .Where(Langs.HasIdeograph).ToList();

    /// <summary><c>label = value</c> (a label is short: no <c>=</c> of a formula further right), else (null, the line).</summary>
    private static (string? Label, string Value) SplitLabel(string text)
    {
        var at = text.IndexOf(" = ", StringComparison.Ordinal);
        if (at <= 0 || at > 40) return (null, text);
        return (text[..at].Trim(), text[(at + 3)..]);
    }

    /// <summary>
    /// An English label: two English words ("your answer"), or one lowercase word ("expected", "tolerance") that is not the name
    /// of a parameter of the chapters' interfaces (x, image, yhat, dout: notation, the same in both languages).
    /// </summary>
    private static bool EnglishLabel(string label)
    {
        var bare = label.TrimEnd(':');
        if (ParameterNames.Contains(bare)) return false;
        if (TwoWords().IsMatch(bare)) return true;
        return LowercaseWord().IsMatch(bare) && bare.Length > 2 && !ParameterNames.Contains(bare);
    }

    /// <summary>
    /// The parameter names of every method of the chapters' interfaces (<c>x</c>, <c>image</c>, <c>dout</c>, …), and the
    /// names of the golden files' entries (<c>row</c>): keys, the same in every language.
    /// </summary>
    private static readonly HashSet<string> ParameterNames = typeof(Contracts.IChapter1).Assembly.GetTypes()
        .Where(t => t.Namespace == typeof(Contracts.IChapter1).Namespace)
        .SelectMany(t => t.GetMethods())
        .SelectMany(m => m.GetParameters())
        .Select(p => p.Name!)
        .Concat(Directory.EnumerateFiles(Repo.Golden, "*.verified.json", SearchOption.AllDirectories)
            .SelectMany(f => System.Text.Json.JsonDocument.Parse(File.ReadAllText(f)).RootElement.EnumerateObject().Select(p => p.Name)))
        .Append("grad") // the notation of the update rule p − lr·grad
        .ToHashSet(StringComparer.Ordinal);

    [GeneratedRegex(@"\b[a-z]{2,} [a-z]{2,}\b")]
    private static partial Regex TwoWords();

    [GeneratedRegex(@"^[a-z]+$")]
    private static partial Regex LowercaseWord();

    // Prose: three English words in a row ("returned a wrong", "is not zero"): code has dots, brackets and operators between its words.
    [GeneratedRegex(@"\b[A-Za-z][a-z]+,? [a-z]{2,},? [a-z]{2,}\b")]
    private static partial Regex EnglishProse();

    // An English clause inside a Chinese line: six English words in a row.
    [GeneratedRegex(@"\b[A-Za-z][a-z]*,? ([a-z]+,? ){4}[a-z]+\b")]
    private static partial Regex EnglishSentence();

    [GeneratedRegex(@"抛出了 [\w.]+(Exception|Error)：")]
    private static partial Regex Thrown();
}
