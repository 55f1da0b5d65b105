using System.Text.RegularExpressions;
using DeepLearningKata.Checks;
using DeepLearningKata.Runner;
using DeepLearningKata.Runner.Html;
using NUnit.Framework;

namespace DeepLearningKata.SelfTest.RunnerTests;

/// <summary>
/// <c>--report FILE</c>: one self-contained page. Checked here for its structure (no network reference, messages
/// escaped, a section per chapter, the scoreboard, each exercise's figures as ScottPlot's inline SVG beside its verdict); <c>tools/check-report.sh</c> renders
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
    public void The_page_is_in_the_learners_language()
    {
        var report = Synthetic();
        string zh;
        using (L10n.Use(Lang.Zh)) zh = HtmlReport.Render(report, [], DateTime.UnixEpoch);
        var en = HtmlReport.Render(report, [], DateTime.UnixEpoch);
        Assert.Multiple(() =>
        {
            Assert.That(zh, Does.Contain("<html lang=\"zh\">").And.Contain("<h2>成绩表</h2>").And.Contain("第 1 章").And.Contain("哪里出了错").And.Contain("未开始"));
            Assert.That(zh, Does.Not.Contain("Scoreboard").And.Not.Contain("What went wrong").And.Not.Contain(">Chapter "));
            Assert.That(en, Does.Contain("<html lang=\"en\">").And.Contain("<h2>Scoreboard</h2>").And.Contain("What went wrong"));
            Assert.That(en, Does.Not.Contain("成绩表"));
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

    // ------------------------------------------------------------ figures

    private static Figure Sigmoid(params double[] y) =>
        new("σ", "input x", "σ(x)", [new Series("sigmoid", [.. Enumerable.Range(0, y.Length).Select(i => i - 1.0)], y)], -0.1, 1.1);

    /// <summary>The text of an exercise's item in the page: its verdict, its message, its figures.</summary>
    private static string ItemOf(string html, Exercise e)
    {
        var m = Regex.Match(html, $"<li class=\"exercise [^\"]*\" id=\"ex-{e.Id.Replace('.', '-')}\">(.*?)</li>", RegexOptions.Singleline);
        Assert.That(m.Success, $"no item for {e.Id}");
        return m.Groups[1].Value;
    }

    /// <summary>The texts of an SVG's text elements, trimmed.</summary>
    private static List<string> Texts(string svg) =>
        Regex.Matches(svg, "<text[^>]*>([^<]*)</text>").Select(m => System.Net.WebUtility.HtmlDecode(m.Groups[1].Value.Trim())).ToList();

    [Test]
    public void A_chart_is_ScottPlots_SVG_with_the_axis_labels_and_a_legend_naming_yours_and_the_reference()
    {
        var reference = Sigmoid(0.27, 0.5, 0.73);
        var mine = Sigmoid(0.2, double.NaN, 9e300);
        var svg = Plots.RenderSvg(Chart.Of(mine), [reference], Plots.Yours);
        var texts = Texts(svg);
        Assert.Multiple(() =>
        {
            Assert.That(svg, Does.StartWith("<svg class=\"chart\" viewBox=\"0 0 640 420\"").And.EndWith("</svg>"));
            Assert.That(svg, Does.Not.Contain("<?xml").And.Not.Contain("xmlns").And.Not.Contain("http:"), "inline in HTML, nothing to resolve");
            Assert.That(texts, Does.Contain("σ").And.Contain("input x").And.Contain("σ(x)"), "the figure's title and axis labels, not x and y");
            Assert.That(texts, Does.Contain("sigmoid (yours)").And.Contain("sigmoid (reference)"), "a legend entry for each curve");
            Assert.That(svg, Does.Not.Contain("NaN").And.Not.Contain("Infinity"));
        });
        // Without a reference to compare with, the legend has nothing to tell apart: no "(yours)".
        Assert.That(Texts(Plots.RenderSvg(Chart.Of(mine), null, Plots.Yours)), Does.Not.Contain("sigmoid (yours)"));
    }

    [Test]
    public void Charts_on_one_page_keep_their_ids_apart_and_panels_keep_their_place()
    {
        Figure Histogram(int layer, double shift) => new($"{layer}-layer", "output", layer == 1 ? "share" : "",
            [new Series("share", [0.25, 0.75], [0.5 + shift, 0.5 - shift]) { Style = SeriesStyle.Bars }], 0, 1) { XMin = 0, XMax = 1, HideLegend = true };
        var chart = new Chart([.. Enumerable.Range(1, 3).Select(l => Histogram(l, 0.1))], 3, 200, 180);
        var reference = Enumerable.Range(1, 3).Select(l => (Figure?)Histogram(l, 0)).ToList();
        var one = Plots.RenderSvg(chart, reference, Plots.Yours);
        var two = Plots.RenderSvg(chart, reference, Plots.Yours);
        var ids = Regex.Matches(one + two, "\\bid=\"([^\"]+)\"").Select(m => m.Groups[1].Value).ToList();
        var used = Regex.Matches(one + two, "url\\(#([^)]+)\\)").Select(m => m.Groups[1].Value).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(ids, Is.Not.Empty.And.Unique, "clip paths of different charts and panels have different ids (ScottPlot numbers them across the process)");
            Assert.That(used, Is.SubsetOf(ids), "every reference to an id finds it");
            Assert.That(one, Does.StartWith("<svg class=\"chart\" viewBox=\"0 0 600 180\""));
            Assert.That(Regex.Matches(one, "<svg x=\"(\\d+)\" y=\"0\"").Select(m => m.Groups[1].Value), Is.EqualTo(new[] { "0", "200", "400" }));
            Assert.That(Texts(one).Count(t => t == "share (yours)"), Is.EqualTo(1), "panels that hide their legend show it once, in the first");
            Assert.That(Texts(one), Does.Contain("share (reference)").And.Contain("3-layer"));
        });
    }

    [Test]
    public void Each_started_exercise_shows_its_figures_beside_its_verdict_and_one_not_started_shows_none()
    {
        var report = Synthetic();
        var failed = report.Exercises[0].Exercise;
        var crashed = report.Exercises[1].Exercise;
        var passed = report.Exercises[2].Exercise;
        var idle = report.Exercises[3].Exercise;
        Assert.That(report.Exercises[3].Result.State, Is.EqualTo(State.NotStarted));
        var chart = Chart.Of(Sigmoid(0.2, 0.6, 0.7));
        var html = HtmlReport.Render(report,
            [
                new ReportPlot(failed, "same", Chart.Of(Sigmoid(0.27, 0.5, 0.73)), [Sigmoid(0.27, 0.5, 0.73)]),
                new ReportPlot(failed, "sigmoid", chart, [Sigmoid(0.27, 0.5, 0.73)]),
                new ReportPlot(crashed, "curve", null, null),
                new ReportPlot(idle, "sigmoid", chart, [Sigmoid(0.27, 0.5, 0.73)]),
                new ReportPlot(passed, "layers", new Chart([.. Enumerable.Repeat(Sigmoid(0.2, 0.6, 0.7), 5)], 5, 300, 280), null),
            ], DateTime.UnixEpoch);
        var item = ItemOf(html, failed);
        Assert.Multiple(() =>
        {
            Assert.That(Regex.Matches(html, "<svg class=\"chart\"").Count, Is.EqualTo(3), "the failed exercise's two, the passed one's");
            Assert.That(Regex.Matches(item, "data-figure=\"([^\"]+)\"").Select(m => m.Groups[1].Value), Is.EqualTo(new[] { "sigmoid", "same" }),
                "the figure that leaves the reference's first, right under the failure");
            Assert.That(ItemOf(html, passed), Does.Contain("<svg class=\"chart\" viewBox=\"0 0 900 560\""), "five panels of 300 px wrap to rows of three, to fit the page");
            Assert.That(item, Does.Contain("<figure class=\"plot\" data-exercise=\"" + failed.Id + "\""), "in the failed exercise's item");
            Assert.That(item.IndexOf("<svg", StringComparison.Ordinal), Is.GreaterThan(item.IndexOf("What went wrong", StringComparison.Ordinal)), "after its failure");
            Assert.That(item, Does.Contain("sigmoid (yours)").And.Contain("sigmoid (reference)"));
            Assert.That(ItemOf(html, crashed), Does.Contain("class=\"no-plot\"").And.Not.Contain("<svg"), "a started exercise that drew nothing says so");
            Assert.That(ItemOf(html, idle), Does.Not.Contain("<svg").And.Not.Contain("no-plot"), "an exercise not started shows no figure");
            Assert.That(ExternalReferences(html), Is.Empty);
        });
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
            var item = ItemOf(html, plotted);
            Assert.Multiple(() =>
            {
                Assert.That(ExternalReferences(html), Is.Empty);
                Assert.That(item, Does.Contain($"data-exercise=\"{plotted.Id}\"").And.Contain("<svg class=\"chart\""));
                Assert.That(item, Does.Contain("(reference)"), "the golden's curve");
                Assert.That(item, Does.Contain("(this run)"), "the curve this run drew");
                Assert.That(html, Does.Contain($"<section class=\"chapter\" id=\"chapter-{plotted.Chapter}\""));
            });
        }
        finally
        {
            Directory.Delete(temp, recursive: true);
        }
    }
}
