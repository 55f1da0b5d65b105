using System.Globalization;
using System.Text.RegularExpressions;
using DeepLearningKata.Checks;
using NUnit.Framework;

namespace DeepLearningKata.SelfTest;

/// <summary>
/// Every stub's doc comment carries its instructions once, in English and in Simplified Chinese: the summary
/// and the hint twice, Formula / Shapes / Example once and language-neutral, so the two languages cannot
/// drift apart in formulas or examples. Covers every stub folder on disk (exercises/ChapterNN/{id}-{Title}/),
/// also those whose checks do not exist yet.
/// </summary>
[TestFixture]
public sealed partial class InstructionsTests
{
    /// <summary>Every exercise folder under exercises/, by id.</summary>
    public static IEnumerable<TestCaseData> Stubs =>
        StubFolders().Select(f => new TestCaseData(f.Id, f.Folder).SetName($"{f.Id} {Path.GetFileName(f.Folder)[(f.Id.Length + 1)..]}"));

    private static IEnumerable<(string Id, string Folder)> StubFolders() =>
        Directory.GetDirectories(Path.Combine(Repo.Root, "exercises"), "Chapter*")
            .SelectMany(Directory.GetDirectories)
            .Select(folder => (Match: StubFolder().Match(Path.GetFileName(folder)), Folder: folder))
            .Where(f => f.Match.Success)
            .Select(f => (f.Match.Groups[1].Value, f.Folder))
            .OrderBy(f => f.Value, Comparer<string>.Create(Contracts.Blocks.CompareIds));

    [Test]
    public void Every_exercise_of_the_catalog_has_a_stub_folder_found_here()
    {
        var ids = StubFolders().Select(f => f.Id).ToList();
        Assert.That(ids, Has.Count.GreaterThanOrEqualTo(32));
        Assert.That(Catalog.Exercises.Select(e => e.Id), Is.SubsetOf(ids));
    }

    [TestCaseSource(nameof(Stubs))]
    public void Stub_has_its_instructions_in_English_and_Chinese(string id, string folder) =>
        AssertBilingual(ExerciseInstructions.ReadFolder(folder, id));

    /// <summary>The rules, for one exercise: both summaries, both hints, the neutral lines once, one language per line.</summary>
    public static void AssertBilingual(ExerciseInstructions instructions)
    {
        ArgumentNullException.ThrowIfNull(instructions);
        Assert.That(instructions.Problem, Is.Null, instructions.Problem);
        Assert.That(instructions.Sections, Is.Not.Empty, $"{instructions.File}: no doc comment with a <code> block");
        // Summaries start "Exercise {id}" / "练习 {id}"; Formula, Shapes, Example, Hint and 提示 exactly once; no unknown
        // lines; no CJK in the English summary, hint and neutral lines; ideographs in the Chinese ones; no English prose
        // in the neutral lines.
        Assert.That(instructions.Problems, Is.Empty, string.Join("\n", instructions.Problems));
        foreach (var s in instructions.Sections)
        {
            var what = $"{instructions.File} ({s.Member})";
            Assert.Multiple(() =>
            {
                Assert.That(s.Summary.En, Does.StartWith($"Exercise {instructions.Id}"), what);
                Assert.That(s.Summary.Zh, Does.StartWith($"练习 {instructions.Id}"), what);
                Assert.That(Langs.HasIdeograph(s.Summary.Zh), Is.True, $"{what}: the Chinese summary is in Chinese");
                Assert.That(Langs.HasCjk(s.Summary.En), Is.False, $"{what}: the English summary has no Chinese");
                Assert.That(s.Hint.En, Is.Not.Empty, $"{what}: Hint:");
                Assert.That(s.Hint.Zh, Is.Not.Empty, $"{what}: 提示:");
                Assert.That(Langs.HasIdeograph(s.Hint.Zh), Is.True, $"{what}: the Chinese hint is in Chinese");
                Assert.That(Langs.HasCjk(s.Hint.En), Is.False, $"{what}: the English hint has no Chinese");
                foreach (var (name, value) in new[] { ("Formula", s.Formula), ("Shapes", s.Shapes), ("Example", s.Example) })
                {
                    Assert.That(value, Is.Not.Empty, $"{what}: {name}:");
                    Assert.That(Langs.HasCjk(value), Is.False, $"{what}: {name}: is language-neutral");
                }
            });
        }
        var gradeIt = GradeItProblems(instructions);
        Assert.That(gradeIt, Is.Empty, string.Join("\n", gradeIt));
    }

    /// <summary>
    /// The 'Grade it:' line of exercise <paramref name="id"/>, the same in every stub: run-checks for the exercise,
    /// and the NUnit category that selects it (checks/Grading tags each exercise's fixture with its id; a name filter
    /// such as Name~1.3 selects nothing, the fixture being named "Chapter1.1·3 SigmoidDerivative").
    /// </summary>
    public static string GradeLine(string id) => $"./run-checks.sh --exercise {id}     (or: dotnet test --filter TestCategory={id})";

    /// <summary>What is wrong with the 'Grade it:' lines of one exercise: at least one, and each exactly <see cref="GradeLine"/> of its own id.</summary>
    public static IReadOnlyList<string> GradeItProblems(ExerciseInstructions instructions)
    {
        ArgumentNullException.ThrowIfNull(instructions);
        var expected = GradeLine(instructions.Id);
        var problems = instructions.Sections
            .Where(s => s.GradeIt.Length > 0 && s.GradeIt != expected)
            .Select(s => $"{instructions.File} ({s.Member}): 'Grade it:' reads \"{s.GradeIt}\" but must read \"{expected}\"")
            .ToList();
        if (!instructions.Sections.Any(s => s.GradeIt.Length > 0)) problems.Add($"{instructions.File}: no 'Grade it:' line (\"{expected}\")");
        return problems;
    }

    [TestCase("./run-checks.sh --exercise 1.3     (or: dotnet test --filter TestCategory=1.3)", true)]
    [TestCase("./run-checks.sh --exercise 1.3     (or: dotnet test --filter Name~1.3)", false)]
    [TestCase("./run-checks.sh --exercise 1.3     (or: dotnet test --filter TestCategory=1.4)", false)]
    [TestCase("./run-checks.sh --exercise 1.4     (or: dotnet test --filter TestCategory=1.3)", false)]
    [TestCase("./run-checks.sh --exercise 1.3     (or: dotnet test --filter TestCategory=Chapter1)", false)]
    [TestCase("./run-checks.sh --exercise 1.3", false)]
    [TestCase(null, false)]
    public void The_Grade_it_line_names_the_stubs_own_id_for_run_checks_and_dotnet_test(string? line, bool right)
    {
        var gradeIt = line is null ? "" : $"/// Grade it: {line}\n";
        var source = $"/// <summary>\n/// Exercise 1.3 — a.\n/// 练习 1.3 — 一。\n/// </summary>\n/// <remarks>\n/// <code>\n/// Formula:  y = 1\n{gradeIt}/// </code>\n/// </remarks>\nvoid F() {{}}\n";
        var instructions = new ExerciseInstructions("1.3", "F.cs", Instructions.Parse(source, "1.3"), null);
        var other = new ExerciseInstructions("1.3", "F.cs", Instructions.Parse(source.Replace("Grade it:", "Hint:", StringComparison.Ordinal), "1.3").Concat(instructions.Sections).ToList(), null);
        Assert.Multiple(() =>
        {
            Assert.That(GradeItProblems(instructions), right ? Is.Empty : Is.Not.Empty);
            Assert.That(GradeItProblems(other), right ? Is.Empty : Is.Not.Empty, "a section without the line does not hide one with a wrong line");
        });
    }

    [TestCaseSource(nameof(Stubs))]
    public void English_and_Chinese_show_the_same_formula_shapes_and_example(string id, string folder)
    {
        var instructions = ExerciseInstructions.ReadFolder(folder, id);
        Assume.That(instructions.Problem, Is.Null);
        var en = instructions.Render(Lang.En);
        var zh = instructions.Render(Lang.Zh);
        Assert.Multiple(() =>
        {
            Assert.That(Neutral(zh), Is.EqualTo(Neutral(en)));
            Assert.That(Neutral(en), Is.Not.Empty);
            Assert.That(Langs.HasCjk(en), Is.False, "the English text has no Chinese in it");
            Assert.That(en, Does.Contain("Hint:").And.Not.Contain("提示:"));
            Assert.That(zh, Does.Contain("提示:").And.Not.Contain("Hint:"));
            Assert.That(zh, Does.StartWith($"练习 {id}"));
            Assert.That(en, Does.StartWith($"Exercise {id}"));
        });
    }

    /// <summary>The rendered lines of Formula, Shapes, Example and Grade it (a label line and its continuation lines).</summary>
    private static List<string> Neutral(string rendered)
    {
        var lines = new List<string>();
        var inside = false;
        foreach (var line in rendered.Split('\n'))
        {
            if (line.Length > 0 && line[0] != ' ') inside = NeutralLabel().IsMatch(line);
            if (inside) lines.Add(line);
        }
        return lines;
    }

    [Test]
    public void A_stub_is_parsed_into_its_fields_and_rendered_in_each_language()
    {
        const string source = """
            public static class C
            {
                /// <summary>
                /// Exercise 9.1 — a <paramref name="x"/> test
                /// sentence.
                /// 练习 9.1 — 一个测试
                /// 句子。
                /// </summary>
                /// <remarks>
                /// <code>
                /// Formula:  y = x &gt; 0 ? 1 : 0
                ///           z = 2y
                /// Shapes:   x (n,)  →  y (n,)
                /// Example:  F([1, -1]) = [1, 0]
                /// Hint:     first line,
                ///             indented more.
                /// 提示:     第一行，
                ///           第二行。
                /// Grade it: ./run-checks.sh --exercise 9.1
                /// </code>
                /// </remarks>
                public static Tensor F(Tensor x) => x;
            }
            """;
        var s = Instructions.Parse(source, "9.1").Single();
        Assert.Multiple(() =>
        {
            Assert.That(s.Member, Is.EqualTo("F"));
            Assert.That(s.Problems, Is.Empty);
            Assert.That(s.Summary, Is.EqualTo(new Bilingual("Exercise 9.1 — a x test sentence.", "练习 9.1 — 一个测试句子。")));
            Assert.That(s.Formula, Is.EqualTo("y = x > 0 ? 1 : 0\nz = 2y"));
            Assert.That(s.Hint, Is.EqualTo(new Bilingual("first line,\n  indented more.", "第一行，\n第二行。")));
            Assert.That(s.Render(Lang.Zh), Is.EqualTo("""
                练习 9.1 — 一个测试句子。
                Formula:  y = x > 0 ? 1 : 0
                          z = 2y
                Shapes:   x (n,)  →  y (n,)
                Example:  F([1, -1]) = [1, 0]
                提示:     第一行，
                          第二行。
                Grade it: ./run-checks.sh --exercise 9.1

                """.Replace("\r\n", "\n", StringComparison.Ordinal)));
            Assert.That(s.Render(Lang.En), Does.StartWith("Exercise 9.1 — a x test sentence.\n").And.Contain("Hint:     first line,\n            indented more.\n"));
        });
    }

    [TestCase("Formula:  y = 1  if x &gt; 0\n/// Shapes:   x of any shape  →  a tensor of the same shape", "'Shapes:' must be language-neutral", "a tensor of")]
    [TestCase("Formula:  y = 1  if x &gt; 0\n/// Shapes:   x (n,)  →  (n,)\n/// Example:  F(1) = 1\n/// Hint:     a 中文 hint", "English hint", null)]
    [TestCase("Formula:  y = 1  if x &gt; 0\n/// Shapes:   x (n,)  →  (n,)\n/// Example:  F(1) = 1\n/// 提示:     no Chinese here", "Chinese hint", null)]
    [TestCase("Formula:  y = 1\n/// Formula:  y = 2", "'Formula:' appears twice", null)]
    [TestCase("Truth table:  F(0) = 1", "a line without a known label", null)]
    [TestCase("Formula:  y = 1  （全角）", "'Formula:' must be language-neutral", null)]
    public void A_stub_that_breaks_the_format_is_named(string code, string problem, string? phrase)
    {
        var source = $"/// <summary>\n/// Exercise 9.1 — a.\n/// 练习 9.1 — 一。\n/// </summary>\n/// <remarks>\n/// <code>\n/// {code}\n/// </code>\n/// </remarks>\nvoid F() {{}}\n";
        var problems = Instructions.Parse(source, "9.1").Single().Problems;
        Assert.That(problems, Has.Some.Contain(problem));
        if (phrase is not null) Assert.That(problems, Has.Some.Contain(phrase));
    }

    [TestCase("x of any shape  →  a tensor of the same shape", "a tensor of")]
    [TestCase("one norm per row of the matrix", "row of the")]
    [TestCase("y = 1  if x > 0,   y = 0  if x ≤ 0", null)]
    [TestCase("for i = 0 … Iterations − 1:", null)]
    [TestCase("(N, C, H, W) with C·H·W = D;   W (D, M)", null)]
    [TestCase("p ← p − LearningRate · grads[name]   ∀ (name, p) ∈ net.Params, in place", null)]
    public void English_prose_in_a_neutral_line_is_told_from_notation(string line, string? prose)
    {
        Assert.That(Instructions.Prose(line), Is.EqualTo(prose));
    }

    [Test]
    public void A_mangled_comment_is_reported_with_the_file_and_how_to_restore_it_instead_of_throwing()
    {
        var folder = Path.Combine(Path.GetTempPath(), "kata-instructions-" + Guid.NewGuid().ToString("N")[..8], "9.1-Mangled");
        Directory.CreateDirectory(folder);
        try
        {
            File.WriteAllText(Path.Combine(folder, "Mangled.cs"), "// the learner deleted the doc comment\npublic static class C { }\n");
            var gone = ExerciseInstructions.ReadFolder(folder, "9.1");
            Assert.That(gone.Problem, Does.Contain("instructions not found in").And.Contain("Mangled.cs").And.Contain("git checkout"));
            Assert.That(gone.Render(Lang.Zh), Is.EqualTo(gone.Problem));
            Assert.That(gone.Hint(Lang.En), Is.Null);

            // Half a comment: the code block never closes, the Chinese is gone. Still read, with what is there.
            File.WriteAllText(Path.Combine(folder, "Mangled.cs"), "/// <summary>Exercise 9.1 — half.</summary>\n/// <code>\n/// Hint:     still here\nclass C { }\n");
            var half = ExerciseInstructions.ReadFolder(folder, "9.1");
            Assert.That(half.Problem, Is.Null);
            Assert.That(half.Hint(Lang.Zh), Is.EqualTo("still here"), "the other language stands in for a missing one");
            Assert.That(half.Problems, Is.Not.Empty);

            Assert.That(ExerciseInstructions.Read("99.1").Problem, Does.Contain("no folder"));
            Assert.That(ExerciseInstructions.ReadFolder(Path.Combine(folder, "nothing"), "9.2").Problem, Does.Contain("instructions not found"));
        }
        finally
        {
            Directory.Delete(Path.GetDirectoryName(folder)!, recursive: true);
        }
    }

    [Test]
    public void The_language_comes_from_the_option_then_KATA_LANG_then_the_system()
    {
        Assert.Multiple(() =>
        {
            Assert.That(Langs.Parse("zh"), Is.EqualTo(Lang.Zh));
            Assert.That(Langs.Parse("zh-CN"), Is.EqualTo(Lang.Zh));
            Assert.That(Langs.Parse("zh_TW.UTF-8"), Is.EqualTo(Lang.Zh));
            Assert.That(Langs.Parse("EN"), Is.EqualTo(Lang.En));
            Assert.That(Langs.Parse("fr"), Is.Null);
            Assert.That(Langs.Parse(""), Is.Null);

            var invariant = CultureInfo.InvariantCulture;
            Assert.That(Langs.Default("zh", invariant, "en_US.UTF-8"), Is.EqualTo(Lang.Zh), "KATA_LANG first");
            Assert.That(Langs.Default("en", new Named("zh-CN"), "zh_CN.UTF-8"), Is.EqualTo(Lang.En), "KATA_LANG first");
            Assert.That(Langs.Default(null, new Named("zh-Hans"), null), Is.EqualTo(Lang.Zh), "then the UI culture");
            Assert.That(Langs.Default("klingon", new Named("de-DE"), "zh_CN.UTF-8"), Is.EqualTo(Lang.En), "a culture that is not zh is English");
            Assert.That(Langs.Default(null, invariant, "zh_CN.UTF-8"), Is.EqualTo(Lang.Zh), "the invariant culture defers to LANG");
            Assert.That(Langs.Default(null, invariant, "C.UTF-8"), Is.EqualTo(Lang.En));
            Assert.That(Langs.Default(null, invariant, null), Is.EqualTo(Lang.En));
        });
    }

    /// <summary>A culture with a name, without the ICU data that invariant globalization leaves out.</summary>
    private sealed class Named(string name) : CultureInfo("")
    {
        public override string Name => name;
    }

    [GeneratedRegex(@"^(\d+\.\d+)-\w+$")]
    private static partial Regex StubFolder();

    [GeneratedRegex(@"^(Formula|Shapes|Example|Grade it):")]
    private static partial Regex NeutralLabel();
}
