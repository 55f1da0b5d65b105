using DeepLearningKata.Checks;
using DeepLearningKata.Runner;
using NUnit.Framework;

namespace DeepLearningKata.SelfTest.RunnerTests;

/// <summary>--explain and --lang: the instructions and hints from the stubs, in English or Simplified Chinese.</summary>
[TestFixture]
[NonParallelizable] // one test sets KATA_LANG, a process-wide environment variable
public sealed class LanguageTests
{
    public static IEnumerable<TestCaseData> Stubs => InstructionsTests.Stubs;

    [Test]
    public void Explain_prints_the_instructions_in_the_chosen_language()
    {
        var en = RunnerHarness.Cli("--explain", "1.6", "--lang", "en");
        var zh = RunnerHarness.Cli("--explain", "1.6", "--lang", "zh");
        Assert.Multiple(() =>
        {
            Assert.That(en.ExitCode, Is.EqualTo(Cli.Passed), en.ToString());
            Assert.That(zh.ExitCode, Is.EqualTo(Cli.Passed), zh.ToString());
            Assert.That(en.Out, Does.StartWith("1.6 Softmax   exercises/Chapter01/1.6-Softmax/Softmax.cs"));
            Assert.That(en.Out, Does.Contain("Exercise 1.6 — ").And.Contain("\nHint:     ").And.Not.Contain("练习").And.Not.Contain("提示"));
            Assert.That(zh.Out, Does.Contain("练习 1.6 — ").And.Contain("\n提示:     ").And.Not.Contain("Exercise 1.6").And.Not.Contain("Hint:"));
            foreach (var label in new[] { "Formula:", "Shapes:", "Example:", "Grade it:" })
            {
                Assert.That(Line(zh.Out, label), Is.EqualTo(Line(en.Out, label)).And.Not.Null, label);
            }
            Assert.That(en.Err + zh.Err, Is.Empty);
        });
    }

    private static string? Line(string text, string label) => text.Split('\n').FirstOrDefault(l => l.StartsWith(label, StringComparison.Ordinal));

    [TestCaseSource(nameof(Stubs))]
    public void Explain_works_for_every_stub_in_both_languages(string id, string folder)
    {
        foreach (var lang in new[] { "en", "zh" })
        {
            var run = RunnerHarness.Cli("--explain", id, "--lang", lang);
            Assert.That(run.ExitCode, Is.EqualTo(Cli.Passed), run.ToString());
            Assert.That(run.Out, Does.Contain(lang == "zh" ? $"练习 {id}" : $"Exercise {id}"));
        }
    }

    [Test]
    public void The_default_language_is_KATA_LANG()
    {
        using (RunnerHarness.Environment("KATA_LANG", "zh"))
        {
            Assert.That(RunnerHarness.Cli("--explain", "1.3").Out, Does.Contain("练习 1.3"));
            Assert.That(RunnerHarness.Cli("--explain", "1.3", "--lang", "en").Out, Does.Contain("Exercise 1.3"), "the option wins");
        }
        using (RunnerHarness.Environment("KATA_LANG", "en"))
        {
            Assert.That(RunnerHarness.Cli("--explain", "1.3").Out, Does.Contain("Exercise 1.3").And.Not.Contain("练习"));
        }
    }

    [Test]
    public void The_next_step_shows_the_stubs_hint_in_the_chosen_language()
    {
        var result = Grader.Grade(RunnerHarness.Exemplar, Subjects.Learner);
        Assume.That(result.State, Is.Not.EqualTo(State.Passed), "exercise 1.3 has been solved in this copy");
        var zh = RunnerHarness.Cli("--exercise", "1.3", "--lang", "zh");
        var en = RunnerHarness.Cli("--exercise", "1.3", "--lang", "en");
        var instructions = ExerciseInstructions.Read("1.3");
        Assert.Multiple(() =>
        {
            Assert.That(zh.Out, Does.Contain("  提示: " + instructions.Hint(Lang.Zh)!.Split('\n')[0]), zh.ToString());
            Assert.That(zh.Out, Does.Contain("./run-checks.sh --explain 1.3 --lang zh"));
            Assert.That(en.Out, Does.Contain("  hint: " + instructions.Hint(Lang.En)!.Split('\n')[0]), en.ToString());
            Assert.That(en.Out, Does.Contain("./run-checks.sh --explain 1.3").And.Not.Contain("提示"));
        });
    }

    [Test]
    public void Verdicts_are_in_the_chosen_language_and_the_json_keeps_the_english_key()
    {
        var folder = RunnerHarness.TempFolder();
        var (zhJson, enJson) = (Path.Combine(folder, "zh.json"), Path.Combine(folder, "en.json"));
        var args = new[] { "--subject", "mutant:1.3/SigmoidDerivativeOnePlus", "--exercise", "1.3", "--json" };
        var zh = RunnerHarness.Cli([.. args, zhJson, "--lang", "zh"]);
        var en = RunnerHarness.Cli([.. args, enJson, "--lang", "en"]);
        var check = Catalog.Get("1.3").Checks[0];
        using var zhDoc = System.Text.Json.JsonDocument.Parse(File.ReadAllText(zhJson));
        using var enDoc = System.Text.Json.JsonDocument.Parse(File.ReadAllText(enJson));
        var zhCheck = zhDoc.RootElement.GetProperty("exercises")[0].GetProperty("checks")[0];
        var enCheck = enDoc.RootElement.GetProperty("exercises")[0].GetProperty("checks")[0];
        Assert.Multiple(() =>
        {
            // The worker graded in the language the parent chose: the check's message, not only the runner's frame.
            Assert.That(zh.Out, Does.Contain("✗ " + check.Zh + "：").And.Contain("返回了错误的值。").And.Contain("期望值").And.Contain("成绩表"), zh.ToString());
            Assert.That(en.Out, Does.Contain("✗ " + check.Description + ": ").And.Contain("returned a wrong value.").And.Contain("Scoreboard"), en.ToString());
            Assert.That(Langs.HasIdeograph(en.Out), Is.False, en.ToString());
            Assert.That(zhCheck.GetProperty("name").GetString(), Is.EqualTo(check.Description), "the key stays English");
            Assert.That(zhCheck.GetProperty("text").GetString(), Is.EqualTo(check.Zh));
            Assert.That(zhCheck.GetProperty("state").GetString(), Is.EqualTo("failed"), "states are the documented words");
            Assert.That(zhCheck.GetProperty("message").GetString(), Does.Contain("返回了错误的值"));
            Assert.That(enCheck.TryGetProperty("text", out _), Is.False, "no text when it is the name");
        });
    }

    [TestCase("--explain", "9.9", "there is no exercise 9.9")]
    [TestCase("--explain", "one", "--explain expects an exercise id")]
    [TestCase("--lang", "fr", "--lang expects en (English) or zh")]
    public void A_wrong_value_is_a_usage_error(string option, string value, string message)
    {
        var run = RunnerHarness.Cli(option, value);
        Assert.That(run.ExitCode, Is.EqualTo(Cli.Usage), run.ToString());
        Assert.That(run.Err, Does.Contain(message));
    }

    [Test]
    public void The_options_are_read()
    {
        Assert.Multiple(() =>
        {
            Assert.That(Options.Parse(["--lang", "zh"]).Lang, Is.EqualTo(Lang.Zh));
            Assert.That(Options.Parse(["--lang=zh-CN"]).Lang, Is.EqualTo(Lang.Zh));
            Assert.That(Options.Parse(["--lang", "en"]).Lang, Is.EqualTo(Lang.En));
            Assert.That(Options.Parse([]).Lang, Is.Null, "no option: the default decides");
            Assert.That(Options.Parse(["--explain", "1.3"]).Explain, Is.EqualTo("1.3"));
            Assert.That(Options.HelpText, Does.Contain("--explain").And.Contain("--lang en|zh").And.Contain("KATA_LANG"));
        });
    }
}
