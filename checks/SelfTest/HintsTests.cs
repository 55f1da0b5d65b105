using System.Collections;
using System.Reflection;
using System.Text.RegularExpressions;
using DeepLearningKata.Checks;
using NUnit.Framework;

namespace DeepLearningKata.SelfTest;

/// <summary>
/// Hints in levels (issue 12): every exercise has levels 2 and 3 in its hints file, in both languages, and what a
/// learner sees without asking — the stub's hint (level 1), its TODO lines and the hints of the check failures —
/// holds no line of the model solution's code. The second test reads the reference's method bodies line by line,
/// so it follows the references as they change and is aimed at no exercise in particular.
/// </summary>
[TestFixture]
public sealed partial class HintsTests
{
    public static IEnumerable<TestCaseData> Exercises => CheckSuiteTests.Exercises;

    [TestCaseSource(nameof(Exercises))]
    public void Exercise_has_hint_levels_2_and_3_in_English_and_Chinese(string id)
    {
        var exercise = Catalog.Get(id);
        var text = Hints.Text(exercise);
        Assert.That(text, Is.Not.Null, $"no embedded checks/Chapter{exercise.Chapter:00}/{id}-{exercise.Title}.hints.md");
        var levels = Hints.Parse(text!, out var problems);
        Assert.Multiple(() =>
        {
            Assert.That(problems, Is.Empty, string.Join("\n", problems));
            Assert.That(levels, Has.Count.GreaterThanOrEqualTo(2), "levels 2 and 3 at least");
            foreach (var (level, number) in levels.Select((l, i) => (l, i + 2)))
            {
                Assert.That(Langs.HasCjk(level.En), Is.False, $"level {number}: the English text has no Chinese in it");
                Assert.That(Langs.HasIdeograph(level.Zh), Is.True, $"level {number}: the Chinese text is in Chinese");
            }
        });
        var all = Hints.Of(exercise, ExerciseInstructions.Read(id).Sections.Select(s => s.Hint).FirstOrDefault(h => h.En.Length > 0));
        Assert.That(all, Has.Count.EqualTo(levels.Count + 1), "level 1 is the stub's hint, then the file's levels");
    }

    [TestCaseSource(nameof(Exercises))]
    public void No_default_hint_holds_a_line_of_the_model_solution(string id)
    {
        var exercise = Catalog.Get(id);
        var lines = SolutionLines(exercise);
        Assume.That(lines, Is.Not.Empty, "the reference has no line long enough to compare");
        var shown = new List<(string Where, string Text)>();
        var instructions = ExerciseInstructions.Read(id);
        Assert.That(instructions.Problem, Is.Null, instructions.Problem);
        foreach (var s in instructions.Sections)
        {
            shown.Add(($"{instructions.File} ({s.Member}) Hint:", s.Hint.En));
            shown.Add(($"{instructions.File} ({s.Member}) 提示:", s.Hint.Zh));
        }
        foreach (var file in Directory.GetFiles(Path.Combine(Repo.Root, exercise.Folder), "*.cs"))
        {
            foreach (var (line, text) in StubTodoTests.Todos(File.ReadAllLines(file)))
                shown.Add(($"{Repo.Relative(file)}:{line + 1} TODO:", text));
        }
        shown.AddRange(CheckHints(exercise.ChecksType));

        var leaks = (from s in shown
                     let text = Normalize(s.Text)
                     from line in lines
                     where text.Contains(line.Normalized, StringComparison.Ordinal)
                     select $"{s.Where} shows the reference's line `{line.Original}`").Distinct().ToList();
        Assert.That(leaks, Is.Empty, string.Join("\n", leaks));
    }

    [Test]
    public void The_leak_test_finds_a_solution_line_and_passes_a_nudge()
    {
        var lines = CodeLines("""
                              public virtual Tensor F(Tensor x)
                              {
                                  var e = Np.Exp(x - x.Max(axis: 1, keepdims: true)); // stable
                                  return e / e.Sum(axis: 1, keepdims: true);
                              }
                              """).ToList();
        Assert.That(lines.Select(l => l.Normalized), Does.Contain("e/e.Sum(axis:1,keepdims:true)"));
        Assert.That(lines.Select(l => l.Normalized), Does.Contain("Np.Exp(x-x.Max(axis:1,keepdims:true))"));
        var leak = Normalize("Then return e / e.Sum(axis: 1, keepdims: true).");
        var nudge = Normalize("Divide by each row's sum: the same axis and keepdims as the max.");
        Assert.Multiple(() =>
        {
            Assert.That(lines.Any(l => leak.Contains(l.Normalized, StringComparison.Ordinal)), Is.True);
            Assert.That(lines.Any(l => nudge.Contains(l.Normalized, StringComparison.Ordinal)), Is.False);
        });
    }

    /// <summary>The lines of the reference's method bodies worth comparing: code, not declarations or input validation.</summary>
    private static List<(string Original, string Normalized)> SolutionLines(Exercise exercise)
    {
        var file = exercise.Under(Path.Combine(Repo.Root, "engine", "Reference")) + ".cs";
        Assert.That(File.Exists(file), Is.True, $"no reference file {Repo.Relative(file)}");
        return CodeLines(File.ReadAllText(file)).ToList();
    }

    /// <summary>
    /// Each statement of a C# text's bodies, normalized (no spaces, no var/return, no trailing ;), and for an
    /// assignment its right-hand side too; only those longer than <see cref="MinLength"/> characters, which are
    /// code a learner could copy, not a name or a number.
    /// </summary>
    private static IEnumerable<(string Original, string Normalized)> CodeLines(string source)
    {
        foreach (var raw in source.Replace("\r", "", StringComparison.Ordinal).Split('\n'))
        {
            var line = raw.Trim();
            if (line.StartsWith("//", StringComparison.Ordinal) || Attribute().IsMatch(line) || line.StartsWith("using ", StringComparison.Ordinal)) continue;
            var comment = line.IndexOf("//", StringComparison.Ordinal);
            if (comment >= 0) line = line[..comment].Trim();
            var arrow = line.IndexOf("=>", StringComparison.Ordinal);
            if (Declaration().IsMatch(line))
            {
                if (arrow < 0) continue;
                line = line[(arrow + 2)..].Trim(); // an expression-bodied member: its body
            }
            if (line.Contains("throw", StringComparison.Ordinal) || line.Contains("ArgumentNullException", StringComparison.Ordinal)) continue;
            foreach (var statement in line.Split(';'))
            {
                var code = Normalize(Prefix().Replace(statement.Trim().TrimEnd('{', '}', ',').Trim(), ""));
                if (code.Length > MinLength) yield return (statement.Trim(), code);
                var assignment = Assignment().Match(code);
                if (assignment.Success && assignment.Groups[1].Length > MinLength) yield return (statement.Trim(), assignment.Groups[1].Value);
            }
        }
    }

    private const int MinLength = 12;

    /// <summary>Spaces removed, typographic operators as C# writes them, 1.0 as 1.</summary>
    private static string Normalize(string text)
    {
        var t = text.Replace('−', '-').Replace('·', '*').Replace('×', '*');
        t = Regex.Replace(t, @"\s+", "");
        return WholeNumber().Replace(t, "$1");
    }

    /// <summary>Every hint text a check failure can show: string fields named *Hint*, and gradient hints.</summary>
    private static IEnumerable<(string Where, string Text)> CheckHints(Type checks)
    {
        foreach (var type in new[] { checks }.Concat(checks.GetNestedTypes(BindingFlags.Public | BindingFlags.NonPublic)))
        {
            foreach (var field in type.GetFields(BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic))
            {
                if (field.IsLiteral && !field.IsInitOnly && field.FieldType != typeof(string)) continue;
                var value = field.IsLiteral ? field.GetRawConstantValue() : field.GetValue(null);
                var where = $"{type.Name}.{field.Name}";
                switch (value)
                {
                    case string s when field.Name.Contains("hint", StringComparison.OrdinalIgnoreCase):
                        yield return (where, s);
                        break;
                    case GradientHints g:
                        yield return (where + ".General", g.General);
                        yield return (where + ".InPlace", g.InPlace);
                        foreach (var (name, hint) in g.Gradients) yield return ($"{where}.Gradients[{name}]", hint);
                        break;
                    case IDictionary d when field.Name.Contains("hint", StringComparison.OrdinalIgnoreCase):
                        foreach (DictionaryEntry e in d)
                        {
                            if (e.Value is string h) yield return ($"{where}[{e.Key}]", h);
                        }
                        break;
                }
            }
        }
    }

    [GeneratedRegex(@"^(?:(?:public|protected|private|internal|static|virtual|override|sealed|abstract|readonly|partial|const)\s+)+|^(?:namespace|class|record|struct|interface)\b|^\w[\w<>\[\],?.\s]*\s+\w+\s*\([^=]*\)\s*(?:=>.*)?$")]
    private static partial Regex Declaration();

    [GeneratedRegex(@"^\[[A-Z]\w*(?:\(.*\))?\]$")]
    private static partial Regex Attribute();

    [GeneratedRegex(@"^(?:var\s+|return\s+|else\s+|(?:const\s+)?(?:double|int|Tensor)\s+(?=\w+\s*=))")]
    private static partial Regex Prefix();

    [GeneratedRegex(@"^[\w.\[\]""@]+(?:\+|-|\*|/)?=(?!=)(.+)$")]
    private static partial Regex Assignment();

    [GeneratedRegex(@"(?<![\w.])(\d+)\.0(?![\d])")]
    private static partial Regex WholeNumber();
}
