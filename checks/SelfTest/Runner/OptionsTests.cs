using DeepLearningKata.Runner;
using NUnit.Framework;

namespace DeepLearningKata.SelfTest.RunnerTests;

/// <summary>The runner's command line, read by hand.</summary>
[TestFixture]
public sealed class OptionsTests
{
    [Test]
    public void No_options_grade_everything_for_the_learner()
    {
        var o = Options.Parse([]);
        Assert.Multiple(() =>
        {
            Assert.That(o.Chapters, Is.Empty);
            Assert.That(o.Exercises, Is.Empty);
            Assert.That(o.Subject, Is.EqualTo("learner"));
            Assert.That(o.Json, Is.Null);
            Assert.That(o.Badges, Is.Null);
            Assert.That(o.Accept, Is.False);
            Assert.That(o.Timeout, Is.Null);
            Assert.That(o.Help, Is.False);
            Assert.That(o.Worker, Is.False);
        });
    }

    [Test]
    public void Chapters_repeat_or_come_as_a_list()
    {
        Assert.That(Options.Parse(["--chapter", "1", "--chapter", "3"]).Chapters, Is.EqualTo(new[] { 1, 3 }));
        Assert.That(Options.Parse(["--chapter", "1,3"]).Chapters, Is.EqualTo(new[] { 1, 3 }));
        Assert.That(Options.Parse(["--chapter=2", "--chapter", "2"]).Chapters, Is.EqualTo(new[] { 2 }));
    }

    [Test]
    public void Exercises_repeat_or_come_as_a_list()
    {
        Assert.That(Options.Parse(["--exercise", "1.3", "--exercise", "2.1"]).Exercises, Is.EqualTo(new[] { "1.3", "2.1" }));
        Assert.That(Options.Parse(["--exercise", "1.3,1.4"]).Exercises, Is.EqualTo(new[] { "1.3", "1.4" }));
        Assert.That(Options.Parse(["--exercises", "1.1,1.2"]).Exercises, Is.EqualTo(new[] { "1.1", "1.2" }));
    }

    [Test]
    public void Every_other_option_is_read()
    {
        var o = Options.Parse(["--subject", "Reference", "--json", "r.json", "--badges", "b", "--accept", "--timeout", "2.5"]);
        Assert.Multiple(() =>
        {
            Assert.That(o.Subject, Is.EqualTo("reference"));
            Assert.That(o.Json, Is.EqualTo("r.json"));
            Assert.That(o.Badges, Is.EqualTo("b"));
            Assert.That(o.Accept, Is.True);
            Assert.That(o.Timeout, Is.EqualTo(TimeSpan.FromSeconds(2.5)));
        });
        Assert.That(Options.Parse(["--subject", "mutant:1.3/SigmoidDerivativeOnePlus"]).Subject, Is.EqualTo("mutant:1.3/SigmoidDerivativeOnePlus"));
        Assert.That(Options.Parse(["--help"]).Help, Is.True);
        Assert.That(Options.Parse(["--worker", "--exercises", "1.3"]).Worker, Is.True);
    }

    [TestCase(new[] { "--frobnicate" }, "unknown option '--frobnicate'")]
    [TestCase(new[] { "--chapters", "1" }, "Did you mean --chapter?")]
    [TestCase(new[] { "1.3" }, "--exercise 1.3")]
    [TestCase(new[] { "--chapter" }, "--chapter needs a value")]
    [TestCase(new[] { "--chapter", "--json", "x" }, "--chapter needs a value")]
    [TestCase(new[] { "--chapter", "one" }, "got 'one'")]
    [TestCase(new[] { "--chapter", "0" }, "got '0'")]
    [TestCase(new[] { "--exercise", "13" }, "such as 1.3")]
    [TestCase(new[] { "--subject", "teacher" }, "learner, reference or mutant:KEY")]
    [TestCase(new[] { "--timeout", "-1" }, "greater than 0")]
    [TestCase(new[] { "--timeout", "soon" }, "got 'soon'")]
    [TestCase(new[] { "--accept=yes" }, "--accept takes no value")]
    public void A_mistake_is_explained(string[] args, string expected)
    {
        var e = Assert.Throws<UsageException>(() => Options.Parse(args));
        Assert.That(e!.Message, Does.Contain(expected));
    }

    [Test]
    public void Output_files_that_cannot_be_written_are_refused_before_any_grading()
    {
        var folder = RunnerHarness.TempFolder();
        var file = Path.Combine(folder, "a.txt");
        File.WriteAllText(file, "");
        string Refused(params string[] args) => Assert.Throws<UsageException>(() => Options.Parse(args))!.Message;
        Assert.That(Refused("--json", ""), Does.Contain("--json needs a file name"));
        Assert.That(Refused("--chapter", ""), Does.Contain("--chapter needs a value"));
        Assert.That(Refused("--json", Path.Combine(file, "r.json")), Does.Contain("is a file"));
        Assert.That(Refused("--json", Path.Combine(folder, "missing", "r.json")), Does.Contain("does not exist"));
        Assert.That(Refused("--report", folder), Does.Contain("is a folder"));
        Assert.That(Refused("--badges", Path.Combine(file, "badges")), Does.Contain("is a file"));
        Assert.That(Refused("--watch", "--classroom", folder), Does.Contain("do not go together"));
        Assert.That(Options.Parse(["--json", Path.Combine(folder, "r.json")]).Json, Is.EqualTo(Path.Combine(folder, "r.json")));
    }

    [Test]
    public void Watch_and_report_are_read()
    {
        var o = Options.Parse(["--watch", "--report", "report.html"]);
        Assert.That(o.Watch, Is.True);
        Assert.That(o.Report, Is.EqualTo("report.html"));
        Assert.That(Options.Parse([]).Watch, Is.False);
        Assert.That(Assert.Throws<UsageException>(() => Options.Parse(["--watch=yes"]))!.Message, Does.Contain("takes no value"));
        Assert.That(Assert.Throws<UsageException>(() => Options.Parse(["--report"]))!.Message, Does.Contain("--report report.html"));
    }

    [Test]
    public void The_help_names_every_option()
    {
        foreach (var option in new[] { "--chapter", "--exercise", "--subject", "--json", "--badges", "--report", "--watch", "--accept", "--timeout", "--explain", "--lang", "--help" })
        {
            Assert.That(Options.HelpText, Does.Contain(option));
        }
        Assert.That(Options.HelpText, Does.Not.Contain("--worker"), "worker mode is internal");
    }
}
