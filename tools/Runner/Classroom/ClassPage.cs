using System.Globalization;
using System.Net;
using System.Text;

namespace DeepLearningKata.Runner.Classroom;

/// <summary>
/// The class page (<c>--class-page FILE</c>): one self-contained HTML page (inline CSS, nothing fetched) with a grid of
/// learners × exercises, each cell coloured by its state and linking to that learner's section below (what did not
/// pass, with the messages; files changed outside <c>exercises/</c>), and every check's pass rate over the class, the
/// most failed first. Like the CSV and JSON, it holds no times and no temporary paths.
/// </summary>
public static class ClassPage
{
    /// <summary>The page for <paramref name="report"/>.</summary>
    public static string Html(ClassReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var h = new StringBuilder();
        h.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
        h.Append("<title>Class results</title>\n<style>\n").Append(Css).Append("</style>\n</head>\n<body>\n<main>\n");
        var graded = report.Learners.Count(l => l.WasGraded);
        h.Append("<h1>Class results</h1>\n");
        h.Append(CultureInfo.InvariantCulture,
            $"<p class=\"meta\">{report.Learners.Count} submission(s), {graded} graded · {report.Selection.Count} exercise(s) worth {report.MaxPoints} points (<code>{E(PointsTable.RelativePath)}</code>) · made with <code>./run-checks.sh --classroom … --class-page</code></p>\n");
        Grid(h, report);
        Checks(h, report);
        Learners(h, report);
        h.Append("</main>\n</body>\n</html>\n");
        return h.ToString();
    }

    private static readonly (string State, string Mark, string Words)[] States =
    [
        ("passed", "✓", "passed (the cell shows the points)"),
        ("failed", "✗", "failed: a wrong answer"),
        ("not-started", "·", "not started"),
        ("crashed", "!", "crashed"),
        ("timed-out", "T", "timed out"),
        (LearnerResult.DoesNotCompile, "C", "does not compile"),
    ];

    private static void Grid(StringBuilder h, ClassReport report)
    {
        h.Append("<section>\n<h2>Learners × exercises</h2>\n<p class=\"legend\">");
        foreach (var (state, mark, words) in States) h.Append(CultureInfo.InvariantCulture, $"<span class=\"cell {state}\">{mark}</span> {E(words)} &nbsp; ");
        h.Append("Click a cell for the learner's messages.</p>\n<div class=\"scroll\"><table class=\"grid\" id=\"grid\">\n<thead>\n<tr><th rowspan=\"2\">Learner</th><th rowspan=\"2\">Points</th>");
        foreach (var chapter in report.Selection.GroupBy(e => e.Chapter))
        {
            h.Append(CultureInfo.InvariantCulture, $"<th class=\"chapter\" colspan=\"{chapter.Count()}\">Ch {chapter.Key}</th>");
        }
        h.Append("</tr>\n<tr>");
        foreach (var e in report.Selection) h.Append(CultureInfo.InvariantCulture, $"<th class=\"id\" title=\"{E(e.Name)} ({report.Table[e.Id]} pt)\">{E(e.Id)}</th>");
        h.Append("</tr>\n</thead>\n<tbody>\n");
        for (var i = 0; i < report.Learners.Count; i++)
        {
            var learner = report.Learners[i];
            h.Append(CultureInfo.InvariantCulture, $"<tr data-learner=\"{E(learner.Name)}\"><th class=\"name\"><a href=\"#{Anchor(i)}\">{E(learner.Name)}</a>");
            if (learner.Tampered) h.Append("<span class=\"flag\" title=\"files outside exercises/ differ from yours\">tampered</span>");
            if (learner.Suspicious.Count > 0) h.Append("<span class=\"flag\" title=\"uses reflection, files, processes or the like\">suspicious</span>");
            h.Append(CultureInfo.InvariantCulture, $"</th><td class=\"points\">{report.Points(learner)}/{report.MaxPoints}</td>");
            if (!learner.WasGraded)
            {
                h.Append(CultureInfo.InvariantCulture, $"<td class=\"ungraded\" colspan=\"{report.Selection.Count}\">{E(learner.StatusWord.Replace('-', ' '))}: {E(learner.Problem)}</td></tr>\n");
                continue;
            }
            var byId = learner.Exercises.ToDictionary(e => e.Exercise.Id);
            foreach (var exercise in report.Selection)
            {
                var e = byId[exercise.Id];
                var mark = e.State == "passed" ? report.Points(e).ToString(CultureInfo.InvariantCulture) : States.FirstOrDefault(s => s.State == e.State).Mark ?? "?";
                var title = $"{learner.Name}, {exercise.Name}: {e.State.Replace('-', ' ')}";
                var link = Detailed(e) ? $"#{Anchor(i, exercise.Id)}" : $"#{Anchor(i)}";
                h.Append(CultureInfo.InvariantCulture, $"<td class=\"cell {e.State}\" title=\"{E(title)}\"><a href=\"{link}\">{E(mark)}</a></td>");
            }
            h.Append("</tr>\n");
        }
        h.Append("</tbody>\n</table></div>\n</section>\n");
    }

    private static void Checks(StringBuilder h, ClassReport report)
    {
        var rates = report.CheckRates;
        h.Append(CultureInfo.InvariantCulture,
            $"<section>\n<h2>Checks, the most failed first</h2>\n<p class=\"legend\">Over the {report.Learners.Count(l => l.WasGraded)} graded submission(s): who passed each check, who gave a wrong answer, who did not start it, and the rest (crashed, timed out, does not compile).</p>\n");
        h.Append("<table class=\"checks\" id=\"checks\">\n<thead><tr><th>Exercise</th><th>Check</th><th>Passed</th><th></th><th>Failed</th><th>Not started</th><th>Other</th></tr></thead>\n<tbody>\n");
        foreach (var r in rates)
        {
            var width = (int)Math.Round(100 * r.Rate);
            h.Append(CultureInfo.InvariantCulture,
                $"<tr{(r.Failed > 0 ? " class=\"wrong\"" : "")}><td>{E(r.Exercise.Name)}</td><td>{E(r.Check)}</td><td class=\"n\">{E(r.Percent)}</td>" +
                $"<td><span class=\"bar\"><span style=\"width:{width}%\"></span></span></td><td class=\"n\">{r.Failed}</td><td class=\"n\">{r.NotStarted}</td><td class=\"n\">{r.Other}</td></tr>\n");
        }
        h.Append("</tbody>\n</table>\n</section>\n");
    }

    private static void Learners(StringBuilder h, ClassReport report)
    {
        h.Append("<section>\n<h2>Each learner</h2>\n");
        for (var i = 0; i < report.Learners.Count; i++)
        {
            var learner = report.Learners[i];
            h.Append(CultureInfo.InvariantCulture, $"<div class=\"learner\" id=\"{Anchor(i)}\">\n<h3>{E(learner.Name)} <span class=\"score\">{E(learner.StatusWord.Replace('-', ' '))}");
            if (learner.WasGraded) h.Append(CultureInfo.InvariantCulture, $" · {learner.Passed}/{learner.Total} passed · {report.Points(learner)}/{report.MaxPoints} points");
            h.Append(CultureInfo.InvariantCulture, $" · from <code>{E(learner.Source)}</code></span></h3>\n");
            if (learner.Problem is not null) h.Append(CultureInfo.InvariantCulture, $"<p class=\"problem\">{E(learner.Problem)}</p>\n");
            if (learner.CompileErrors.Count > 0) h.Append(CultureInfo.InvariantCulture, $"<pre>{E(string.Join("\n", learner.CompileErrors))}</pre>\n");
            if (learner.Tamper is { Any: true } tamper)
            {
                h.Append("<p class=\"problem\">Tampered: these files outside <code>exercises/</code> differ from yours (it was graded with your checks all the same):</p>\n<ul class=\"files\">");
                foreach (var line in tamper.Lines) h.Append(CultureInfo.InvariantCulture, $"<li><code>{E(line)}</code></li>");
                h.Append("</ul>\n");
            }
            if (learner.GaveUp.Count > 0) h.Append(CultureInfo.InvariantCulture, $"<p class=\"problem\">Gave up (and saw the model solution): {E(string.Join(", ", learner.GaveUp))}</p>\n");
            if (learner.Suspicious.Count > 0)
            {
                h.Append("<p class=\"problem\">Suspicious: uses of what an exercise never needs (graded all the same):</p>\n<ul class=\"files\">");
                foreach (var line in learner.Suspicious) h.Append(CultureInfo.InvariantCulture, $"<li><code>{E(line)}</code></li>");
                h.Append("</ul>\n");
            }
            foreach (var e in learner.Exercises.Where(Detailed))
            {
                h.Append(CultureInfo.InvariantCulture,
                    $"<div class=\"exercise {e.State}\" id=\"{Anchor(i, e.Exercise.Id)}\"><span class=\"cell {e.State}\">{E(States.First(s => s.State == e.State).Mark)}</span> <b>{E(e.Exercise.Name)}</b> <span class=\"state\">{E(e.State.Replace('-', ' '))}</span>\n<pre>{E(e.Message)}</pre></div>\n");
            }
            if (learner.WasGraded && !learner.Exercises.Any(Detailed)) h.Append("<p class=\"legend\">Nothing went wrong: every exercise passed or is not started yet.</p>\n");
            h.Append("</div>\n");
        }
        h.Append("</section>\n");
    }

    /// <summary>An exercise with something to read: anything but passed and not started.</summary>
    private static bool Detailed(ClassExercise e) => e.State is not "passed" and not "not-started";

    private static string Anchor(int learner) => string.Create(CultureInfo.InvariantCulture, $"learner-{learner + 1}");

    private static string Anchor(int learner, string id) => string.Create(CultureInfo.InvariantCulture, $"learner-{learner + 1}-{id.Replace('.', '-')}");

    private static string E(string? text) => WebUtility.HtmlEncode(text ?? "");

    private const string Css = """
        :root { --passed:#2e8b3d; --failed:#c62828; --idle:#d5d8de; --crashed:#6a1b9a; --timed:#c77700; --compile:#455a64; --ink:#1d2330; --soft:#5b6475; --line:#e3e6ec; }
        * { box-sizing:border-box; }
        body { margin:0; background:#f6f7f9; color:var(--ink); font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"DejaVu Sans",sans-serif; }
        main { max-width:1400px; margin:0 auto; padding:24px 20px 48px; }
        h1 { margin:0; font-size:26px; }
        .meta, .legend { color:var(--soft); font-size:13px; }
        section { background:#fff; border:1px solid var(--line); border-radius:8px; padding:16px 20px; margin:20px 0; }
        h2 { margin:0 0 8px; font-size:19px; }
        h3 { margin:14px 0 6px; font-size:16px; }
        h3 .score { color:var(--soft); font-weight:500; font-size:13px; margin-left:6px; }
        .scroll { overflow-x:auto; }
        table { border-collapse:collapse; }
        .grid th, .grid td { border:1px solid #fff; padding:0; text-align:center; font-size:12px; }
        .grid thead th { color:var(--soft); font-weight:600; padding:2px 4px; }
        .grid th.chapter { border-bottom:2px solid var(--line); }
        .grid th.id { writing-mode:vertical-rl; transform:rotate(180deg); height:42px; font-weight:500; }
        .grid th.name { text-align:left; padding:2px 10px 2px 0; white-space:nowrap; font-size:13px; }
        .grid td.points { padding:2px 10px; font-variant-numeric:tabular-nums; white-space:nowrap; font-size:13px; }
        .grid td.ungraded { text-align:left; padding:2px 8px; color:var(--failed); background:#fbf3f3; font-size:13px; }
        .cell { display:inline-block; min-width:24px; height:24px; line-height:24px; border-radius:3px; color:#fff; font-weight:700; font-size:12px; text-align:center; }
        td.cell { display:table-cell; width:26px; }
        .cell a { display:block; color:inherit; text-decoration:none; }
        .cell.passed { background:var(--passed); } .cell.failed { background:var(--failed); } .cell.not-started { background:var(--idle); color:#666; }
        .cell.crashed { background:var(--crashed); } .cell.timed-out { background:var(--timed); } .cell.does-not-compile { background:var(--compile); }
        .flag { margin-left:6px; padding:0 5px; border-radius:3px; background:#fff3e0; color:var(--timed); font-size:11px; font-weight:700; }
        .checks th, .checks td { text-align:left; padding:4px 8px; border-bottom:1px solid var(--line); font-size:13px; }
        .checks thead th { color:var(--soft); }
        .checks td.n { text-align:right; font-variant-numeric:tabular-nums; }
        .checks tr.wrong td:nth-child(5) { color:var(--failed); font-weight:700; }
        .bar { display:inline-block; width:120px; height:10px; background:#f0d6d6; border-radius:5px; overflow:hidden; vertical-align:middle; }
        .bar span { display:block; height:100%; background:var(--passed); }
        .learner { border-top:1px solid var(--line); }
        .problem { color:var(--failed); margin:4px 0; }
        .exercise { margin:6px 0; }
        .exercise .state { color:var(--soft); font-size:13px; }
        .files { margin:4px 0; font-size:13px; }
        pre { background:#fbf3f3; border-left:3px solid var(--failed); padding:8px 12px; margin:4px 0 8px; white-space:pre-wrap; word-break:break-word; font:12px/1.45 ui-monospace,"DejaVu Sans Mono",Consolas,monospace; }
        :target { outline:2px solid #1565c0; outline-offset:2px; }

        """;
}
