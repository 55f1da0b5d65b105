using System.Text.RegularExpressions;
using DeepLearningKata.Checks;
using DeepLearningKata.Runner;
using DeepLearningKata.Runner.Html;
using NUnit.Framework;

namespace DeepLearningKata.SelfTest.RunnerTests;

/// <summary>
/// <c>--report FILE</c>: one self-contained page. Checked here for its structure (no network reference, messages
/// escaped, a section per chapter, the scoreboard, curves as inline SVG); <c>tools/check-report.sh</c> renders
/// it in a real headless browser.
/// </summary>
[TestFixture]
public sealed partial class HtmlReportTests
{
    private const string Nasty = "expected <b>0.19</b> & got \"NaN\" <script>alert('x')</script>";

    /// <summary>A report over the first exercise of every chapter: one failed with a nasty message, one crashed, the rest not started.</summary>
    private static RunReport Synthetic()
    {
        var exercises = Catalog.Exercises.GroupBy(e => e.Chapter).Select(g => g.First()).ToList();
        var graded = exercises.Select((e, i) =>
        {
            var state = i switch { 0 => State.Failed, 1 => State.Crashed, 2 => State.Passed, _ => State.NotStarted };
            var message = state switch
            {
                State.Failed => Nasty,
                State.Crashed => "the process ended while grading: a stack overflow",
                State.NotStarted => "not started yet",
                _ => null,
            };
            var checks = state == State.NotStarted ? [] : new[] { new CheckResult("gives the example", state, message) };
            return new GradedExercise(e, new ExerciseResult(e.Id, e.Chapter, e.Title, state, message, 0.1, checks), state == State.Failed ? "printed <this>" : null);
        }).ToList();
        return new RunReport("learner", graded, 1.5, null);
    }

    /// <summary>Every reference to something outside the page: src/href/action to a URL, CSS url() or @import, linked scripts and styles.</summary>
    public static IReadOnlyList<string> ExternalReferences(string html) =>
        External().Matches(html).Select(m => m.Value).ToList();

    [GeneratedRegex("""(?:src|href|action|xlink:href|srcset|poster|data)\s*=\s*["']?\s*(?:[a-z][a-z0-9+.-]*:)?//|url\(\s*["']?\s*(?:[a-z]+:)?//|@import|<link\b|<script\b|<iframe\b|<img\b[^>]*src\s*=\s*["']?(?!data:)""", RegexOptions.IgnoreCase)]
    private static partial Regex External();

    [Test]
    public void The_page_is_self_contained_and_escapes_every_message()
    {
        var report = Synthetic();
        var html = HtmlReport.Render(report, [], DateTime.UnixEpoch);
        Assert.Multiple(() =>
        {
            Assert.That(html, Does.StartWith("<!DOCTYPE html>"));
            Assert.That(ExternalReferences(html), Is.Empty, "nothing is fetched from the network");
            Assert.That(html, Does.Not.Contain("http://").And.Not.Contain("https://"));
            Assert.That(html, Does.Contain("<style>"), "the CSS is inline");
            Assert.That(html, Does.Not.Contain("<script"), "a message's markup is text, not markup");
            Assert.That(html, Does.Contain("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;"));
            Assert.That(html, Does.Contain("&lt;b&gt;0.19&lt;/b&gt; &amp; got &quot;NaN&quot;"));
            Assert.That(html, Does.Contain("printed &lt;this&gt;"), "what the code printed is escaped too");
        });
    }

    [Test]
    public void The_scoreboard_has_a_row_and_the_page_a_section_per_chapter()
    {
        var report = Synthetic();
        var html = HtmlReport.Render(report, [], DateTime.UnixEpoch);
        var chapters = report.Chapters.Select(c => c.Chapter).ToList();
        Assert.That(Regex.Matches(html, "id=\"scoreboard\"").Count, Is.EqualTo(1));
        var rows = Regex.Matches(html, "<tr data-chapter=\"(\\d+)\"").Select(m => int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        var sections = Regex.Matches(html, "<section class=\"chapter\" id=\"chapter-(\\d+)\"").Select(m => int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(rows, Is.EqualTo(chapters), "one scoreboard row per chapter, in order");
            Assert.That(sections, Is.EqualTo(chapters), "one section per chapter, in order");
            Assert.That(Regex.Matches(html, "<section").Count, Is.EqualTo(Regex.Matches(html, "</section>").Count));
            Assert.That(Regex.Matches(html, "<details class=\"problem\"").Count, Is.EqualTo(2), "the failed and the crashed exercise");
            Assert.That(html, Does.Contain($"{report.Passed}/{report.Total}"));
            Assert.That(html, Does.Contain("Next:</strong> fix"));
        });
    }

    [Test]
    public void A_figure_draws_the_subject_over_the_golden_and_survives_NaN()
    {
        var exercise = Catalog.Exercises.First();
        var reference = new Figure("σ", "x", "y", [new Series("sigmoid", [-1, 0, 1], [0.27, 0.5, 0.73])], -0.1, 1.1);
        var mine = reference with { Series = [new Series("sigmoid", [-1, 0, 0.5, 1], [0.2, double.NaN, 0.6, 9e300])] };
        var svg = SvgChart.Render(mine, reference, "yours");
        Assert.Multiple(() =>
        {
            Assert.That(svg, Does.StartWith("<svg").And.EndWith("</svg>"));
            Assert.That(Regex.Matches(svg, "class=\"reference\"").Count, Is.EqualTo(1));
            Assert.That(Regex.Matches(svg, "class=\"subject\"").Count, Is.EqualTo(2), "NaN splits the curve in two");
            Assert.That(svg, Does.Contain("sigmoid (yours)").And.Contain(">reference (golden)<"));
            Assert.That(svg, Does.Not.Contain("NaN").And.Not.Contain("Infinity").And.Not.Contain("E+"));
        });
        var html = HtmlReport.Render(Synthetic(), [new ReportPlot(exercise, "sigmoid", mine, reference)], DateTime.UnixEpoch);
        Assert.That(html, Does.Contain("<figure class=\"plot\""));
        Assert.That(ExternalReferences(html), Is.Empty);
        Assert.That(SvgChart.Ticks(0, 1), Is.EqualTo(new[] { 0, 0.2, 0.4, 0.6, 0.8, 1.0 }).Within(1e-12));
    }

    [Test]
    public void Figures_are_found_from_the_golden_pictures_and_the_run_draws_its_own_curve()
    {
        // Any exercise with a plotted golden (a .verified.png beside its .verified.json) will do.
        var plotted = Catalog.Exercises.FirstOrDefault(e =>
            Directory.Exists(Path.Combine(Repo.Golden, $"Chapter{e.Chapter:00}")) &&
            Directory.EnumerateFiles(Path.Combine(Repo.Golden, $"Chapter{e.Chapter:00}"), $"{e.Id}-{e.Title}.*.verified.png").Any() &&
            e.Timeout <= TimeSpan.FromSeconds(60) && e.Chapter < 4);
        Assume.That(plotted, Is.Not.Null, "no exercise with a plotted golden");
        var temp = RunnerHarness.TempFolder();
        try
        {
            var file = Path.Combine(temp, "report.html");
            var run = RunnerHarness.Cli("--subject", "reference", "--exercise", plotted!.Id, "--report", file);
            Assert.That(run.ExitCode, Is.EqualTo(Cli.Passed), run.ToString());
            Assert.That(run.Out, Does.Contain("Wrote " + file));
            var html = File.ReadAllText(file);
            Assert.Multiple(() =>
            {
                Assert.That(ExternalReferences(html), Is.Empty);
                Assert.That(html, Does.Contain($"data-exercise=\"{plotted.Id}\""));
                Assert.That(html, Does.Contain("class=\"reference\""), "the golden's curve");
                Assert.That(html, Does.Contain("class=\"subject\""), "the curve this run drew");
                Assert.That(html, Does.Contain($"<section class=\"chapter\" id=\"chapter-{plotted.Chapter}\""));
            });
        }
        finally
        {
            Directory.Delete(temp, recursive: true);
        }
    }
}
