using System.Reflection;
using DeepLearningKata.Checks;
using NUnit.Framework;

namespace DeepLearningKata.SelfTest;

/// <summary>
/// The checks, tested: the reference passes every check (and so reproduces every golden file), every
/// mutant is rejected with a message naming its exercise, and every exercise has its five parts.
/// </summary>
[TestFixture]
public sealed class CheckSuiteTests
{
    public static IEnumerable<TestCaseData> Exercises =>
        Catalog.Exercises.Select(e => new TestCaseData(e.Id).SetName($"{e.Id} {e.Title}"));

    public static IEnumerable<TestCaseData> Mutants =>
        Subjects.Mutants.Select(m => new TestCaseData(m.Key).SetName($"{m.ExerciseId} mutant {m.Type.Name}"));

    [TestCaseSource(nameof(Exercises))]
    public void Reference_passes_every_check(string id)
    {
        var result = Grader.Grade(Catalog.Get(id), Subjects.Reference, TimeSpan.FromSeconds(120));
        Assert.That(result.State, Is.EqualTo(State.Passed), Report.Describe(result, verbose: true));
    }

    [TestCaseSource(nameof(Mutants))]
    public void Mutant_is_rejected_with_a_message_naming_the_exercise(string key)
    {
        var mutant = Subjects.Mutants.Single(m => m.Key == key);
        var exercise = Catalog.Get(mutant.ExerciseId);
        var result = Grader.Grade(exercise, mutant.Subject, TimeSpan.FromSeconds(120));
        var report = Report.Describe(result, verbose: true);
        TestContext.Out.WriteLine(report);
        Assert.Multiple(() =>
        {
            Assert.That(result.State, Is.EqualTo(State.Failed).Or.EqualTo(State.Crashed),
                $"mutant '{mutant.Mistake}' was not rejected:\n{report}");
            Assert.That(report, Does.StartWith($"{Report.Mark(result.State)} {exercise.Id} {exercise.Title}"));
            Assert.That(result.Message, Is.Not.Null.And.Not.Empty);
            Assert.That(MessageLanguageTests.ChineseLines(result), Is.Empty, "Chinese in an English verdict");
        });
        // A diagnosis ("looks like …") only when it is the one this mistake deserves, and pinned here.
        var diagnoses = report.Split('\n').Select(l => l.Trim()).Where(l => l.StartsWith("looks like", StringComparison.Ordinal)).Distinct().ToList();
        TestContext.Out.WriteLine($"DIAGNOSES {key}: {string.Join(" | ", diagnoses)}");
        var expected = mutant.Type.GetCustomAttribute<MutantAttribute>()!.Diagnosis;
        if (expected is null) Assert.That(diagnoses, Is.Empty, $"mutant '{mutant.Mistake}' got a diagnosis that nobody pinned as the one it deserves");
        else Assert.That(diagnoses, Is.Not.Empty.And.All.Contain(expected), $"mutant '{mutant.Mistake}' deserves the diagnosis \"{expected}\"");
    }

    public static IEnumerable<TestCaseData> Alternatives =>
        Subjects.Alternatives.Select(a => new TestCaseData(a.Key).SetName($"{a.ExerciseId} alternative {a.Type.Name}"));

    [TestCaseSource(nameof(Alternatives))]
    public void Alternative_correct_solution_passes_every_check(string key)
    {
        var alternative = Subjects.Alternatives.Single(a => a.Key == key);
        var result = Grader.Grade(Catalog.Get(alternative.ExerciseId), alternative.Subject, TimeSpan.FromSeconds(120));
        Assert.That(result.State, Is.EqualTo(State.Passed), $"a correct solution ({alternative.How}) was rejected:\n{Report.Describe(result, verbose: true)}");
    }

    [TestCaseSource(nameof(Exercises))]
    public void Exercise_has_an_alternative_correct_solution(string id) =>
        Assert.That(Subjects.Alternatives.Count(a => a.ExerciseId == id), Is.GreaterThanOrEqualTo(1),
            $"exercise {id} needs at least one alternative correct solution written differently from the reference");

    public static IEnumerable<TestCaseData> Chapters =>
        Catalog.Chapters.Select(c => new TestCaseData(c).SetName($"chapter {c}"));

    /// <summary>
    /// The mutation run (tools/mutation/run.sh) pushes the checks to reject ever more wrong references;
    /// these correct solutions written differently keep the sharpened checks from rejecting right ones.
    /// </summary>
    [TestCaseSource(nameof(Chapters))]
    public void Chapter_has_at_least_two_alternative_correct_solutions(int chapter) =>
        Assert.That(Subjects.Alternatives.Count(a => Catalog.Get(a.ExerciseId).Chapter == chapter), Is.GreaterThanOrEqualTo(2),
            $"chapter {chapter} needs at least two alternative correct solutions (loops instead of tensor operations, another equal formula)");

    [TestCaseSource(nameof(Exercises))]
    public void Exercise_has_at_least_two_mutants(string id) =>
        Assert.That(Subjects.Mutants.Count(m => m.ExerciseId == id), Is.GreaterThanOrEqualTo(2),
            $"exercise {id} needs at least two mutants (classic mistakes from CURRICULUM.md and our own)");

    [TestCaseSource(nameof(Exercises))]
    public void Exercise_has_checks_and_a_stub_with_instructions(string id)
    {
        var exercise = Catalog.Get(id);
        Assert.That(exercise.Checks, Is.Not.Empty);
        var folder = Path.Combine(Repo.Root, exercise.Folder);
        Assert.That(Directory.Exists(folder), $"missing exercise folder {exercise.Folder}");
        var stub = string.Join("\n", Directory.GetFiles(folder, "*.cs").Select(File.ReadAllText));
        foreach (var part in new[] { "Formula:", "Shapes:", "Example:", "Hint:", "提示:", $"Exercise {id}", $"练习 {id}" })
        {
            Assert.That(stub, Does.Contain(part), $"the stub of {id} must state its {part.TrimEnd(':')}");
        }
        Assert.That(stub, Does.Not.Contain("PLACEHOLDER"));

        // The instructions in both languages, read the way --explain reads them (InstructionsTests covers every stub on disk).
        var instructions = ExerciseInstructions.Read(id);
        Assert.That(instructions.Problem, Is.Null);
        Assert.That(instructions.File, Does.StartWith(exercise.Folder));
        InstructionsTests.AssertBilingual(instructions);
    }

    [TestCaseSource(nameof(Exercises))]
    public void Exercise_has_a_golden_file(string id)
    {
        var exercise = Catalog.Get(id);
        var folder = Path.Combine(Repo.Golden, $"Chapter{exercise.Chapter:00}");
        var prefix = $"{exercise.Id}-{exercise.Title}.";
        var goldens = Directory.Exists(folder)
            ? Directory.GetFiles(folder, prefix + "*.verified.*").Select(Path.GetFileName).ToList()
            : [];
        Assert.That(goldens, Is.Not.Empty, $"exercise {id} needs a golden file golden/Chapter{exercise.Chapter:00}/{prefix}NAME.verified.json");
    }

    [Test]
    public void Every_golden_file_belongs_to_an_exercise()
    {
        var prefixes = Catalog.Exercises.Select(e => $"{e.ChapterFolder}/{e.Stem}.").ToList();
        var orphans = Directory.GetFiles(Repo.Golden, "*.verified.*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(Repo.Golden, f).Replace('\\', '/'))
            .Where(f => !prefixes.Any(f.StartsWith))
            .ToList();
        Assert.That(orphans, Is.Empty, "golden files that no exercise claims");
    }

    [Test]
    public void Mutant_keys_name_existing_exercises() =>
        Assert.That(Subjects.Mutants.Select(m => m.ExerciseId).Distinct(),
            Is.SubsetOf(Catalog.Exercises.Select(e => e.Id)));

    [Test]
    public void The_exercises_cannot_call_the_reference()
    {
        var referenced = LearnerBuild.Exercises.GetReferencedAssemblies().Select(a => a.Name);
        Assert.That(referenced, Has.None.EqualTo("DeepLearningKata.Reference"));
        Assert.That(referenced, Has.None.EqualTo("DeepLearningKata.Checks"));
    }
}
