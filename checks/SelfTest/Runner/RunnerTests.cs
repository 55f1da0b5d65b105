using System.Text.Json;
using System.Xml.Linq;
using DeepLearningKata.Checks;
using DeepLearningKata.Runner;
using NUnit.Framework;

namespace DeepLearningKata.SelfTest.RunnerTests;

/// <summary>The runner end to end: real worker processes, the console, the JSON summary, badges, exit codes.</summary>
[TestFixture]
public sealed class RunnerTests
{
    private string _temp = "";

    [SetUp]
    public void MakeTemp() => _temp = RunnerHarness.TempFolder();

    [TearDown]
    public void RemoveTemp() => Directory.Delete(_temp, recursive: true);

    [Test]
    public void The_reference_passes_with_exit_code_0_and_the_json_has_the_documented_shape()
    {
        var json = Path.Combine(_temp, "out", "results.json");
        Directory.CreateDirectory(Path.GetDirectoryName(json)!);
        var run = RunnerHarness.Cli("--subject", "reference", "--exercise", "1.3", "--json", json);
        Assert.That(run.ExitCode, Is.EqualTo(Cli.Passed), run.ToString());
        Assert.That(run.Out, Does.Contain("✓ 1.3 SigmoidDerivative"));
        Assert.That(run.Out, Does.Contain("Every selected exercise passes (1/1)"));

        using var doc = JsonDocument.Parse(File.ReadAllText(json));
        var root = doc.RootElement;
        Assert.Multiple(() =>
        {
            Assert.That(root.GetProperty("version").GetInt32(), Is.EqualTo(Summary.Version));
            Assert.That(root.GetProperty("status").GetString(), Is.EqualTo("pass"));
            Assert.That(root.GetProperty("subject").GetString(), Is.EqualTo("reference"));
            Assert.That(root.GetProperty("passed").GetInt32(), Is.EqualTo(1));
            Assert.That(root.GetProperty("total").GetInt32(), Is.EqualTo(1));
            var chapter = root.GetProperty("chapters")[0];
            Assert.That(chapter.GetProperty("chapter").GetInt32(), Is.EqualTo(1));
            Assert.That(chapter.GetProperty("passed").GetInt32(), Is.EqualTo(1));
            Assert.That(chapter.GetProperty("total").GetInt32(), Is.EqualTo(1));
            var exercise = root.GetProperty("exercises")[0];
            Assert.That(exercise.GetProperty("id").GetString(), Is.EqualTo("1.3"));
            Assert.That(exercise.GetProperty("chapter").GetInt32(), Is.EqualTo(1));
            Assert.That(exercise.GetProperty("title").GetString(), Is.EqualTo("SigmoidDerivative"));
            Assert.That(exercise.GetProperty("state").GetString(), Is.EqualTo("passed"));
            Assert.That(exercise.GetProperty("status").GetString(), Is.EqualTo("pass"));
            Assert.That(exercise.GetProperty("message").ValueKind, Is.EqualTo(JsonValueKind.Null));
            Assert.That(exercise.GetProperty("checks").GetArrayLength(), Is.EqualTo(RunnerHarness.Exemplar.Checks.Count));
        });
    }

    [Test]
    public void A_mutant_fails_with_exit_code_1_and_its_message_is_shown()
    {
        var mutant = Subjects.Mutants.First(m => m.ExerciseId == "1.3");
        var json = Path.Combine(_temp, "results.json");
        var run = RunnerHarness.Cli("--subject", "mutant:" + mutant.Key, "--exercise", "1.3", "--json", json);
        Assert.That(run.ExitCode, Is.EqualTo(Cli.NotAllPassed), run.ToString());
        Assert.That(run.Out, Does.Contain("What went wrong"));
        Assert.That(run.Out, Does.Contain("1.3 SigmoidDerivative — failed"));
        Assert.That(run.Out, Does.Contain("First not passing: fix 1.3 SigmoidDerivative"));

        using var doc = JsonDocument.Parse(File.ReadAllText(json));
        var exercise = doc.RootElement.GetProperty("exercises")[0];
        Assert.That(doc.RootElement.GetProperty("status").GetString(), Is.EqualTo("fail"));
        Assert.That(exercise.GetProperty("state").GetString(), Is.EqualTo("failed").Or.EqualTo("crashed"));
        Assert.That(exercise.GetProperty("message").GetString(), Is.Not.Empty);
    }

    [Test]
    public void The_untouched_stub_is_not_started_and_the_next_step_points_at_its_file()
    {
        // The repository's learner code is the untouched stubs; the learner's own copy may differ, so grade the stub subject directly.
        var exercise = RunnerHarness.Exemplar;
        var result = Grader.Grade(exercise, Subjects.Learner);
        Assume.That(result.State, Is.EqualTo(State.NotStarted), "exercise 1.3 has been solved in this copy");
        var run = RunnerHarness.Cli("--exercise", "1.3");
        Assert.That(run.ExitCode, Is.EqualTo(Cli.NotAllPassed), run.ToString());
        Assert.That(run.Out, Does.Contain("· 1.3 SigmoidDerivative  not started"));
        Assert.That(run.Out, Does.Contain("Next: start 1.3 SigmoidDerivative in exercises/Chapter01/1.3-SigmoidDerivative/SigmoidDerivative.cs"));
        Assert.That(run.Out, Does.Not.Contain("What went wrong"), "not started is not a problem to explain");
    }

    [TestCase("--chapter", "99", "there is no chapter 99")]
    [TestCase("--exercise", "9.9", "there is no exercise 9.9")]
    [TestCase("--subject", "mutant:1.3/NoSuchMutant", "There is no mutant '1.3/NoSuchMutant'")]
    [TestCase("--bogus", "x", "unknown option '--bogus'")]
    public void A_usage_error_exits_with_2_and_grades_nothing(string option, string value, string message)
    {
        var run = RunnerHarness.Cli(option, value);
        Assert.That(run.ExitCode, Is.EqualTo(Cli.Usage), run.ToString());
        Assert.That(run.Err, Does.Contain(message).And.Contain("--help"));
        Assert.That(run.Out, Is.Empty);
    }

    [Test]
    public void Help_exits_with_0()
    {
        var run = RunnerHarness.Cli("--help");
        Assert.That(run.ExitCode, Is.EqualTo(Cli.Passed));
        Assert.That(run.Out, Does.Contain("--exercise ID"));
    }

    [Test]
    public void Badges_are_a_flat_svg_and_a_shields_endpoint_per_chapter()
    {
        var folder = Path.Combine(_temp, "badges");
        var run = RunnerHarness.Cli("--subject", "reference", "--exercise", "1.3", "--badges", folder);
        Assert.That(run.ExitCode, Is.EqualTo(Cli.Passed), run.ToString());

        using var endpoint = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "chapter-1.json")));
        var e = endpoint.RootElement;
        Assert.Multiple(() =>
        {
            Assert.That(e.GetProperty("schemaVersion").GetInt32(), Is.EqualTo(1));
            Assert.That(e.GetProperty("label").GetString(), Is.EqualTo("chapter 1"));
            Assert.That(e.GetProperty("message").GetString(), Is.EqualTo("1/1"));
            Assert.That(e.GetProperty("color").GetString(), Is.EqualTo("brightgreen"));
        });
        var svg = XDocument.Parse(File.ReadAllText(Path.Combine(folder, "chapter-1.svg")));
        XNamespace ns = "http://www.w3.org/2000/svg";
        Assert.That(svg.Root!.Name, Is.EqualTo(ns + "svg"));
        Assert.That(svg.Root.Attribute("aria-label")!.Value, Is.EqualTo("chapter 1: 1/1"));
        Assert.That(svg.Descendants(ns + "text").Select(t => t.Value), Is.SupersetOf(new[] { "chapter 1", "1/1" }));
        Assert.That(File.Exists(Path.Combine(folder, "total.svg")));
    }

    [Test]
    public void Badge_colours_follow_progress()
    {
        Assert.Multiple(() =>
        {
            Assert.That(Badges.ColourOf(new ChapterTotal(1, 9, 0, 0, 0, 0)), Is.EqualTo(Badges.BrightGreen));
            Assert.That(Badges.ColourOf(new ChapterTotal(1, 3, 1, 5, 0, 0)), Is.EqualTo(Badges.Yellow));
            Assert.That(Badges.ColourOf(new ChapterTotal(1, 0, 0, 9, 0, 0)), Is.EqualTo(Badges.LightGrey));
            Assert.That(Badges.ColourOf(new ChapterTotal(1, 0, 1, 7, 1, 0)), Is.EqualTo(Badges.Red));
        });
        var svg = Badges.Svg("chapter <2> & \"more\"", "7/9", "#dfb317");
        Assert.DoesNotThrow(() => XDocument.Parse(svg), "labels are escaped");
        Assert.That(Badges.TextWidth("chapter 10"), Is.GreaterThan(Badges.TextWidth("chapter 1")));
    }

    [Test]
    public void Accept_is_refused_on_CI_before_anything_is_graded()
    {
        using var ci = RunnerHarness.Environment("CI", "true");
        var run = RunnerHarness.Cli("--accept", "--subject", "reference", "--exercise", "1.3");
        Assert.That(run.ExitCode, Is.EqualTo(Cli.Usage), run.ToString());
        Assert.That(run.Err, Does.Contain("Refusing to accept golden files on CI"));
        Assert.That(run.Out, Does.Not.Contain("Grading"));
    }

    [Test]
    public void Accept_renames_the_selected_exercises_received_files_then_grades()
    {
        // A private copy of golden/ (KATA_GOLDEN), with received files of two exercises waiting to be accepted.
        var golden = Path.Combine(_temp, "golden");
        foreach (var file in Directory.EnumerateFiles(Repo.Golden, "*.verified.*", SearchOption.AllDirectories))
        {
            var copy = Path.Combine(golden, Path.GetRelativePath(Repo.Golden, file));
            Directory.CreateDirectory(Path.GetDirectoryName(copy)!);
            File.Copy(file, copy);
        }
        var received = Path.Combine(golden, "Chapter01", "1.3-SigmoidDerivative.extra.received.json");
        var other = Path.Combine(golden, "Chapter03", "3.1-StepFunction.extra.received.json");
        Directory.CreateDirectory(Path.GetDirectoryName(other)!);
        File.WriteAllText(received, "{\n  \"x\": 1\n}\n");
        File.WriteAllText(other, "{\n  \"x\": 1\n}\n");

        using var ci = RunnerHarness.Environment("CI", null);
        using var root = RunnerHarness.Environment("KATA_GOLDEN", golden);
        var run = RunnerHarness.Cli("--accept", "--subject", "reference", "--exercise", "1.3");
        Assert.That(run.ExitCode, Is.EqualTo(Cli.Passed), run.ToString());
        Assert.That(run.Out, Does.Contain("Accepted 1 golden file(s)").And.Contain("Chapter01/1.3-SigmoidDerivative.extra.verified.json"));
        Assert.That(File.Exists(received), Is.False);
        Assert.That(File.Exists(received.Replace(".received.", ".verified.", StringComparison.Ordinal)));
        Assert.That(File.Exists(other), Is.True, "--exercise 1.3 accepts the files of 1.3 only");
    }

    [Test]
    public void Exercism_statuses_map_states()
    {
        Assert.Multiple(() =>
        {
            Assert.That(Summary.ExercismStatus(State.Passed), Is.EqualTo("pass"));
            Assert.That(Summary.ExercismStatus(State.Failed), Is.EqualTo("fail"));
            Assert.That(Summary.ExercismStatus(State.NotStarted), Is.EqualTo("fail"));
            Assert.That(Summary.ExercismStatus(State.Crashed), Is.EqualTo("error"));
            Assert.That(Summary.ExercismStatus(State.TimedOut), Is.EqualTo("error"));
        });
    }
}
