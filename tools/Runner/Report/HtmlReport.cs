using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using DeepLearningKata.Checks;
using static DeepLearningKata.Checks.L10n;

namespace DeepLearningKata.Runner.Html;

/// <summary>
/// A figure with a golden (<c>sigmoid</c>) of an exercise: the chart the subject drew during this run, if it did, and
/// the reference's figure of each of its panels, from the golden's points.
/// </summary>
public sealed record ReportPlot(Exercise Exercise, string Name, Chart? Subject, IReadOnlyList<Figure?>? Reference);

/// <summary>
/// The visual report (<c>--report FILE</c>): one self-contained HTML page — CSS and SVG inline, nothing
/// fetched from the network — with the scoreboard per chapter, then one section per chapter with each
/// exercise's verdict, the message of each one that did not pass, and, beside it, the figures the exercise drew,
/// over the reference's.
/// </summary>
/// <remarks>
/// A figure is drawn as its golden PNG is, by <see cref="Plots.RenderSvg"/> (ScottPlot's SVG): the subject's chart is
/// the one its checks wrote during this run to <c>.kata/plots/{subject}/</c> (<see cref="Plots.SubjectPlotPath"/>; an
/// older file is ignored, so a report never shows a curve from an earlier run), and the reference's curves come from
/// the golden data (<c>golden/ChapterNN/{id}-{Title}.{name}.verified.json</c>; a figure is a golden that also has a
/// <c>.verified.png</c>). An exercise not started draws nothing, and shows no figure.
/// </remarks>
public static class HtmlReport
{
    /// <summary>Writes the report of <paramref name="report"/>; charts written since <paramref name="since"/> count as this run's.</summary>
    public static void Write(string path, RunReport report, DateTime since)
    {
        var full = Path.GetFullPath(path);
        if (Path.GetDirectoryName(full) is { } dir) Directory.CreateDirectory(dir);
        File.WriteAllText(full, Render(report, FindPlots(report, since), DateTime.UtcNow), new UTF8Encoding(false));
    }

    /// <summary>The figures of the report's exercises: every golden figure, with the subject's chart when this run drew one.</summary>
    public static IReadOnlyList<ReportPlot> FindPlots(RunReport report, DateTime since)
    {
        ArgumentNullException.ThrowIfNull(report);
        string subjectFolder;
        try
        {
            subjectFolder = Subjects.NameOf(report.Subject);
        }
        catch (ArgumentException)
        {
            subjectFolder = report.Subject;
        }
        var plots = new List<ReportPlot>();
        foreach (var exercise in report.Exercises.Select(e => e.Exercise))
        {
            var folder = Path.Combine(Repo.Golden, exercise.ChapterFolder);
            if (!Directory.Exists(folder)) continue;
            var prefix = exercise.Stem + ".";
            const string suffix = ".verified.png";
            foreach (var png in Directory.EnumerateFiles(folder, prefix + "*" + suffix).Order(StringComparer.Ordinal))
            {
                var name = Path.GetFileName(png)[prefix.Length..^suffix.Length];
                var path = Plots.SubjectPlotPath(subjectFolder, exercise, name, "json");
                // A little slack: some file systems keep coarse modification times.
                var chart = File.Exists(path) && File.GetLastWriteTimeUtc(path) >= since.AddSeconds(-2) ? Plots.ReadChart(path) : null;
                var reference = chart is null ? null : Plots.ReadGoldenOverlays(Path.Combine(folder, prefix + name + ".verified.json"), chart);
                plots.Add(new ReportPlot(exercise, name, chart, reference));
            }
        }
        return plots;
    }

    /// <summary>The page. <paramref name="now"/> is only printed.</summary>
    public static string Render(RunReport report, IReadOnlyList<ReportPlot> plots, DateTime now)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(plots);
        var h = new StringBuilder();
        var whose = report.Subject == "learner" ? Say("your exercises", "你的练习") : Say($"the subject ‘{report.Subject}’", $"对象 ‘{report.Subject}’");
        var percent = report.Total == 0 ? 0 : 100.0 * report.Passed / report.Total;
        h.Append(CultureInfo.InvariantCulture, $"<!DOCTYPE html>\n<html lang=\"{L10n.Current.Code()}\">\n<head>\n<meta charset=\"utf-8\">\n");
        h.Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
        h.Append($"<title>Deep Learning Kata — {E(report.Passed + "/" + report.Total)} ({E(report.Subject)})</title>\n");
        h.Append("<style>\n").Append(Css).Append("</style>\n</head>\n<body>\n<main>\n");

        h.Append("<header>\n<h1>Deep Learning Kata</h1>\n");
        h.Append(Say($"<p class=\"lead\">Report for {E(whose)}: <strong>{report.Passed} of {report.Total}</strong> exercises pass.</p>\n", $"<p class=\"lead\">{E(whose)}的报告：<strong>{report.Total} 个练习中 {report.Passed} 个通过</strong>。</p>\n"));
        h.Append(CultureInfo.InvariantCulture, $"<div class=\"bar big\" title=\"{percent:0}%\"><span style=\"width:{percent:0.#}%\"></span></div>\n");
        h.Append(Say($"<p class=\"meta\">Graded {E(now.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture))} UTC in {report.Seconds:0.0} s · status <code>{E(report.Status)}</code> · made with <code>./run-checks.sh --report</code></p>\n", $"<p class=\"meta\">评分于 {E(now.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture))} UTC，用时 {report.Seconds:0.0} 秒 · 状态 <code>{E(report.Status)}</code> · 由 <code>./run-checks.sh --report</code> 生成</p>\n"));
        if (report.Error is not null) h.Append(Say($"<p class=\"error\">The runner could not grade everything: {E(report.Error)}</p>\n", $"<p class=\"error\">评分程序没能给所有练习评分：{E(report.Error)}</p>\n"));
        h.Append("</header>\n");

        // The scoreboard.
        h.Append(Say("<section id=\"scoreboard\">\n<h2>Scoreboard</h2>\n<table class=\"scoreboard\">\n<thead><tr><th>Chapter</th><th>Exercises</th><th>Score</th><th class=\"wide\">Progress</th></tr></thead>\n<tbody>\n",
            "<section id=\"scoreboard\">\n<h2>成绩表</h2>\n<table class=\"scoreboard\">\n<thead><tr><th>章</th><th>练习</th><th>得分</th><th class=\"wide\">进度</th></tr></thead>\n<tbody>\n"));
        foreach (var c in report.Chapters)
        {
            var share = c.Total == 0 ? 0 : 100.0 * c.Passed / c.Total;
            h.Append(CultureInfo.InvariantCulture, $"<tr data-chapter=\"{c.Chapter}\"><th scope=\"row\"><a href=\"#chapter-{c.Chapter}\">{E(ConsoleReport.ChapterName(c.Chapter))}</a></th><td class=\"marks\">");
            foreach (var e in report.Exercises.Where(e => e.Exercise.Chapter == c.Chapter))
            {
                h.Append(CultureInfo.InvariantCulture, $"<a class=\"mark {Class(e.Result.State)}\" href=\"#ex-{Anchor(e.Exercise)}\" title=\"{E(e.Exercise.Name)}: {E(Word(e.Result.State))}\">{E(Mark(e.Result.State))}</a>");
            }
            h.Append(CultureInfo.InvariantCulture, $"</td><td class=\"score\">{E(c.Score)}</td><td class=\"wide\"><div class=\"bar\"><span style=\"width:{share:0.#}%\"></span></div></td></tr>\n");
        }
        h.Append(CultureInfo.InvariantCulture, $"</tbody>\n<tfoot><tr><th scope=\"row\">{Say("Total", "合计")}</th><td></td><td class=\"score\">{report.Passed}/{report.Total}</td><td class=\"wide\"><div class=\"bar\"><span style=\"width:{percent:0.#}%\"></span></div></td></tr></tfoot>\n</table>\n");
        h.Append("<p class=\"legend\">" + string.Join(" ", new[] { State.Passed, State.Failed, State.NotStarted, State.Crashed, State.TimedOut, State.DoesNotCompile }
            .Select(s => $"<span class=\"mark {Class(s)}\">{E(Mark(s))}</span> {E(Word(s))}")) + "</p>\n");
        if (report.Next is { } next)
        {
            var verb = next.Result.State == State.NotStarted ? Say("start", "开始") : Say("fix", "修正");
            h.Append(Say($"<p class=\"next\"><strong>Next:</strong> {verb} <a href=\"#ex-{Anchor(next.Exercise)}\">{E(next.Exercise.Name)}</a> in <code>{E(ConsoleReport.StubPath(next.Exercise))}</code></p>\n",
                $"<p class=\"next\"><strong>下一步：</strong>{verb} <a href=\"#ex-{Anchor(next.Exercise)}\">{E(next.Exercise.Name)}</a>，位于 <code>{E(ConsoleReport.StubPath(next.Exercise))}</code></p>\n"));
        }
        h.Append("</section>\n");

        // One section per chapter.
        foreach (var c in report.Chapters)
        {
            h.Append(CultureInfo.InvariantCulture, $"<section class=\"chapter\" id=\"chapter-{c.Chapter}\" data-chapter=\"{c.Chapter}\">\n<h2>{E(ConsoleReport.ChapterName(c.Chapter))} <span class=\"score\">{E(c.Score)}</span></h2>\n<ol class=\"exercises\">\n");
            foreach (var (exercise, result, output) in report.Exercises.Where(e => e.Exercise.Chapter == c.Chapter))
            {
                var state = Class(result.State);
                h.Append($"<li class=\"exercise {state}\" id=\"ex-{Anchor(exercise)}\"><span class=\"mark {state}\">{E(Mark(result.State))}</span> <span class=\"name\">{E(exercise.Name)}</span> <span class=\"state\">{E(Word(result.State))}</span>");
                if (result.State == State.Failed && result.Checks.Count > 0)
                {
                    h.Append(CultureInfo.InvariantCulture, $" <span class=\"checks\">{result.Checks.Count(k => k.State == State.Passed)}/{result.Checks.Count} {Say("checks", "项检查")}</span>");
                }
                if (result.State is State.Failed or State.Crashed or State.TimedOut or State.DoesNotCompile)
                {
                    h.Append($"\n<details class=\"problem\" open><summary>{Say("What went wrong", "哪里出了错")}</summary>\n<pre class=\"message\">{E(Report.Describe(result, verbose: true))}</pre>");
                    if (!string.IsNullOrWhiteSpace(output))
                    {
                        h.Append($"\n<p class=\"printed-label\">{Say("Printed while grading:", "评分时打印的内容：")}</p>\n<pre class=\"printed\">{E(output.TrimEnd())}</pre>");
                    }
                    h.Append("\n</details>");
                }
                h.Append(Figures(exercise, result.State, plots, report));
                h.Append("</li>\n");
            }
            h.Append("</ol>\n</section>\n");
        }
        h.Append("</main>\n</body>\n</html>\n");
        return h.ToString();
    }

    /// <summary>The width in pixels a chart of panels may take in the page before its panels wrap to another row.</summary>
    private const int PlotWidth = 960;

    /// <summary>The figures of one exercise, beside its verdict; none for an exercise not started.</summary>
    private static string Figures(Exercise exercise, State state, IReadOnlyList<ReportPlot> plots, RunReport report)
    {
        // A figure that leaves the reference's first: the one the failure is about, right under it.
        var mine = plots.Where(p => p.Exercise == exercise).OrderBy(p => LeavesReference(p) ? 0 : 1).ToList();
        if (mine.Count == 0 || state == State.NotStarted) return "";
        var label = report.Subject switch { "learner" => Plots.Yours, "reference" => "this run", var other => other };
        var h = new StringBuilder("\n<div class=\"plots\">");
        foreach (var p in mine)
        {
            if (p.Subject is null)
            {
                h.Append(Say($"\n<p class=\"no-plot\" data-figure=\"{E(p.Name)}\">No figure “{E(p.Name)}”: the checks did not get as far as drawing it.</p>",
                    $"\n<p class=\"no-plot\" data-figure=\"{E(p.Name)}\">没有图“{E(p.Name)}”：检查还没进行到画图那一步。</p>"));
                continue;
            }
            var whose = label == Plots.Yours ? Say("Your figure", "你的图") : Say($"The figure of {label}", $"{label} 的图");
            var caption = p.Reference is null
                ? Say($"{whose} (no golden to compare with).", $"{whose}（没有可比较的黄金文件）。")
                : Say($"{whose}, over the reference’s (“reference” in the legend).", $"{whose}，画在参考答案的图上（图例中的“reference”）。");
            var figure = p.Subject.Panels[0];
            // Panels in rows that fit the page at their own size, so their text stays readable (6.2's five histograms: three and two).
            var chart = p.Subject with { Columns = Math.Clamp(PlotWidth / p.Subject.PanelWidth, 1, p.Subject.Columns) };
            h.Append(CultureInfo.InvariantCulture, $"\n<figure class=\"plot\" data-exercise=\"{E(exercise.Id)}\" data-figure=\"{E(p.Name)}\" data-x-label=\"{E(figure.XLabel)}\" data-y-label=\"{E(figure.YLabel)}\">");
            h.Append(Plots.RenderSvg(chart, p.Reference, label));
            h.Append(CultureInfo.InvariantCulture, $"<figcaption><strong>{E(p.Name)}</strong> · {E(caption)}</figcaption></figure>");
        }
        return h.Append("\n</div>").ToString();
    }

    /// <summary>Whether a curve of the subject's chart is not the reference's (by more than rounding), or has no reference at all.</summary>
    private static bool LeavesReference(ReportPlot p)
    {
        if (p.Subject is null || p.Reference is null) return false;
        return p.Subject.Panels.Zip(p.Reference).Any(pair => pair.First.Series.Where(s => !s.Backdrop).Any(s =>
            pair.Second?.Series.FirstOrDefault(r => r.Label == s.Label) is not { } r || r.Y.Length != s.Y.Length ||
            r.Y.Zip(s.Y).Any(y => !(Math.Abs(y.First - y.Second) <= 1e-9 + 1e-6 * Math.Abs(y.First)))));
    }

    /// <summary>The console's marks, but ∞ for timed out: ⏱ is missing from many fonts without an emoji font.</summary>
    private static string Mark(State state) => state == State.TimedOut ? "∞" : Report.Mark(state);

    private static string Anchor(Exercise e) => e.Id.Replace('.', '-');

    private static string Class(State state) => ExerciseResult.Word(state);

    private static string Word(State state) => ExerciseResult.Said(state).Replace('-', ' ');

    private static string E(string? text) => WebUtility.HtmlEncode(text ?? "");

    private const string Css = """
        :root { --passed:#2e8b3d; --failed:#c62828; --idle:#9e9e9e; --crashed:#b71c1c; --timed:#c77700; --ink:#1d2330; --soft:#5b6475; --line:#e3e6ec; }
        * { box-sizing: border-box; }
        body { margin:0; background:#f6f7f9; color:var(--ink); font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"DejaVu Sans",sans-serif; }
        main { max-width:1100px; margin:0 auto; padding:24px 28px 48px; }
        header h1 { margin:0 0 4px; font-size:28px; }
        .lead { margin:0 0 10px; font-size:17px; }
        .meta { color:var(--soft); font-size:13px; margin:8px 0 0; }
        .error { color:var(--failed); font-weight:600; }
        section { background:#fff; border:1px solid var(--line); border-radius:8px; padding:16px 20px; margin:20px 0; }
        h2 { margin:0 0 12px; font-size:20px; }
        h2 .score { color:var(--soft); font-weight:500; font-size:16px; margin-left:8px; }
        h3 { font-size:16px; margin:18px 0 8px; }
        table.scoreboard { border-collapse:collapse; width:100%; }
        .scoreboard th, .scoreboard td { text-align:left; padding:6px 10px; border-bottom:1px solid var(--line); }
        .scoreboard thead th { color:var(--soft); font-weight:600; font-size:13px; }
        .scoreboard tfoot th, .scoreboard tfoot td { border-bottom:none; font-weight:700; }
        .scoreboard .score { font-variant-numeric:tabular-nums; white-space:nowrap; }
        .scoreboard .wide { width:35%; }
        .scoreboard a { color:inherit; }
        .marks { white-space:nowrap; }
        .mark { display:inline-block; width:20px; height:20px; line-height:20px; text-align:center; border-radius:4px; margin:1px; color:#fff; font-size:13px; text-decoration:none; font-weight:700; }
        .mark.passed { background:var(--passed); } .mark.failed { background:var(--failed); } .mark.not-started { background:#d5d8de; color:#555; }
        .mark.crashed { background:var(--crashed); } .mark.timed-out { background:var(--timed); } .mark.does-not-compile { background:var(--crashed); }
        .legend { color:var(--soft); font-size:13px; }
        .legend .mark { width:18px; height:18px; line-height:18px; font-size:12px; margin-left:10px; }
        .bar { height:10px; background:#e8eaef; border-radius:5px; overflow:hidden; min-width:80px; }
        .bar span { display:block; height:100%; background:var(--passed); }
        .bar.big { height:14px; border-radius:7px; max-width:520px; }
        .next { margin:12px 0 0; }
        ol.exercises { list-style:none; padding:0; margin:0; }
        .exercise { padding:6px 0; border-bottom:1px solid var(--line); }
        .exercise:last-child { border-bottom:none; }
        .exercise .name { font-weight:600; }
        .exercise .state, .exercise .checks { color:var(--soft); font-size:13px; margin-left:6px; }
        .exercise.failed .state, .exercise.crashed .state { color:var(--failed); font-weight:600; }
        .exercise.timed-out .state { color:var(--timed); font-weight:600; }
        .exercise.does-not-compile .state { color:var(--crashed); font-weight:600; }
        .exercise.passed .state { color:var(--passed); }
        .hint { color:var(--soft); font-size:13px; margin:2px 0 0 30px; }
        details.problem { margin:6px 0 4px 30px; }
        details.problem summary { cursor:pointer; color:var(--soft); font-size:13px; }
        pre { background:#fbf3f3; border-left:3px solid var(--failed); padding:10px 12px; margin:6px 0; overflow-x:auto; white-space:pre-wrap; word-break:break-word; font:13px/1.45 ui-monospace,"DejaVu Sans Mono",Consolas,monospace; }
        pre.printed { background:#f3f5f8; border-left-color:var(--idle); }
        .printed-label { font-size:13px; color:var(--soft); margin:8px 0 0; }
        .plots { margin:8px 0 4px 30px; }
        figure.plot { margin:0 0 10px; padding:8px; border:1px solid var(--line); border-radius:6px; background:#fff; max-width:100%; width:max-content; }
        figure.plot figcaption { font-size:13px; color:var(--soft); margin-top:4px; }
        svg.chart { display:block; max-width:100%; height:auto; }
        .no-plot { color:var(--soft); font-size:13px; margin:4px 0; }
        code { font:13px ui-monospace,"DejaVu Sans Mono",Consolas,monospace; background:#f0f2f5; padding:1px 4px; border-radius:3px; }

        """;
}
