using DeepLearningKata.Checks;
using DeepLearningKata.Runner;
using NUnit.Framework;

namespace DeepLearningKata.SelfTest.RunnerTests;

/// <summary>Help on request: hints one level at a time, and the model solution only once earned.</summary>
[TestFixture]
public sealed class HelpTests
{
    private string _root = "";

    [SetUp]
    public void SetUp() => _root = RunnerHarness.TempFolder();

    [Test]
    public void Each_hint_request_shows_the_next_level_and_remembers_it_and_the_last_one_says_so()
    {
        var exercise = Catalog.Get("1.3");
        var levels = Hints.Of(exercise, ExerciseInstructions.Read("1.3").Sections[0].Hint);
        Assert.That(levels, Is.Not.Empty, "1.3 has hints");
        for (var level = 1; level <= levels.Count + 1; level++)
        {
            var output = new StringWriter();
            Help.Hint(exercise, Lang.En, output, _root);
            var shown = Math.Min(level, levels.Count);
            Assert.That(output.ToString(), Does.Contain($"hint {shown} of {levels.Count}"));
            Assert.That(output.ToString(), Does.Contain(levels[shown - 1].En.Split('\n')[0]));
            Assert.That(output.ToString(), shown < levels.Count ? Does.Contain("again for the next one") : Does.Contain("last hint"));
            Assert.That(Progress.Load(_root).Hints["1.3"], Is.EqualTo(shown), "remembered outside the learner's code");
        }
        var zh = new StringWriter();
        Help.Hint(exercise, Lang.Zh, zh, _root);
        Assert.That(zh.ToString(), Does.Contain("提示"));
    }

    [Test]
    public void The_model_solution_is_refused_before_a_pass_shown_after_one_and_after_a_recorded_give_up()
    {
        var exercise = Catalog.Get("1.3");
        var (stdout, stderr) = (new StringWriter(), new StringWriter());
        Assert.That(Help.Solution(exercise, () => false, stdout, stderr, _root), Is.EqualTo(Cli.NotAllPassed));
        Assert.That(stdout.ToString(), Is.Empty, "no line of the solution before it is earned");
        Assert.That(stderr.ToString(), Does.Contain("--give-up 1.3").And.Contain("--hint 1.3"));

        stdout = new StringWriter();
        Assert.That(Help.Solution(exercise, () => true, stdout, new StringWriter(), _root), Is.EqualTo(Cli.Passed));
        Assert.That(stdout.ToString(), Does.Contain("model solution").And.Contain("SigmoidDerivative("));

        Help.GiveUp(exercise, new StringWriter(), _root);
        Assert.That(Progress.Load(_root).GaveUp.Keys, Is.EqualTo(new[] { "1.3" }), "recorded");
        stdout = new StringWriter();
        Assert.That(Help.Solution(exercise, () => throw new AssertionException("not graded after giving up"), stdout, new StringWriter(), _root), Is.EqualTo(Cli.Passed));
        Assert.That(stdout.ToString(), Does.Contain("after giving up"));
    }

    [Test]
    public void A_progress_file_a_learner_broke_is_read_as_empty_and_never_stops_grading()
    {
        Directory.CreateDirectory(Path.Combine(_root, "exercises"));
        File.WriteAllText(Progress.File(_root), "{ not json");
        Assert.That(Progress.Load(_root).Hints, Is.Empty);
    }
}
