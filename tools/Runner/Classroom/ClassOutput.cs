using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace DeepLearningKata.Runner.Classroom;

/// <summary>
/// The class's results: a table on the console (a line per learner, a column per chapter, the points, then what
/// the instructor should look at and the checks the class fails most), CSV (a row per learner per chapter), the
/// gradebook (a row per learner, a column per exercise), JSON (everything, per exercise) and the class page
/// (<see cref="ClassPage"/>).
/// CSV and JSON hold no times and no absolute paths, and are sorted by learner, so grading the same folder twice
/// writes the same bytes.
/// </summary>
public static class ClassOutput
{
    /// <summary>The version of the classroom JSON shape; raised when a field changes meaning or disappears.</summary>
    public const int Version = 1;

    /// <summary>How many changed files the console names per learner (the JSON names all).</summary>
    public const int FilesShown = 5;

    /// <summary>The table and the remarks.</summary>
    public static void Console(TextWriter output, ClassReport report)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(report);
        var chapters = report.ChapterNumbers;
        var nameWidth = Math.Max("Learner".Length, report.Learners.Select(l => l.Name.Length).DefaultIfEmpty(0).Max());
        var header = new StringBuilder($"  {"Learner".PadRight(nameWidth)}");
        foreach (var c in chapters) header.Append(CultureInfo.InvariantCulture, $"  {"Ch " + c,7}");
        var pointsWidth = Math.Max("Points".Length, $"{report.MaxPoints}/{report.MaxPoints}".Length);
        header.Append(CultureInfo.InvariantCulture, $"  {"Total",7}  {"Points".PadLeft(pointsWidth)}  Status");
        output.WriteLine(header.ToString());
        foreach (var learner in report.Learners)
        {
            var line = new StringBuilder($"  {learner.Name.PadRight(nameWidth)}");
            var byChapter = learner.Chapters.ToDictionary(c => c.Chapter);
            foreach (var c in chapters)
            {
                line.Append(CultureInfo.InvariantCulture, $"  {(byChapter.TryGetValue(c, out var t) ? t.Score : "—"),7}");
            }
            line.Append(CultureInfo.InvariantCulture, $"  {(learner.WasGraded ? $"{learner.Passed}/{learner.Total}" : "—"),7}");
            line.Append(CultureInfo.InvariantCulture, $"  {$"{report.Points(learner)}/{report.MaxPoints}".PadLeft(pointsWidth)}  {Status(learner)}");
            output.WriteLine(line.ToString().TrimEnd());
        }

        var remarks = report.Learners.Where(l => Remarks(l).Any()).ToList();
        if (remarks.Count > 0)
        {
            output.WriteLine();
            output.WriteLine("To look at");
            foreach (var learner in remarks)
            {
                output.WriteLine($"  {learner.Name}");
                foreach (var remark in Remarks(learner)) output.WriteLine("    " + remark.Replace("\n", "\n      ", StringComparison.Ordinal));
            }
        }
        Checks(output, report);
        if (report.Ignored.Count > 0)
        {
            output.WriteLine();
            output.WriteLine($"Not a submission (neither a folder nor a .zip), ignored: {string.Join(", ", report.Ignored)}");
        }
    }

    /// <summary>The checks some learner failed, from the most failed: what to teach again. The class page lists them all.</summary>
    private static void Checks(TextWriter output, ClassReport report)
    {
        var rates = report.CheckRates;
        var failed = rates.Where(r => r.Failed > 0).ToList();
        output.WriteLine();
        if (failed.Count == 0)
        {
            output.WriteLine($"Checks: no learner gave a wrong answer to any of the {rates.Count} checks.");
            return;
        }
        output.WriteLine($"Checks with wrong answers, the most failed first ({failed.Count} of {rates.Count}; the others: no wrong answer)");
        output.WriteLine($"  {"passed",-14}{"failed",6}{"not started",13}{"other",7}   check");
        foreach (var r in failed)
        {
            var passed = $"{r.Percent} ({r.Passed}/{r.Learners})";
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  {passed,-14}{r.Failed,6}{r.NotStarted,13}{r.Other,7}   {r.Exercise.Name}: {Shorten(r.Check, 70)}"));
        }
    }

    private static string Shorten(string text, int length) => text.Length <= length ? text : text[..(length - 1)] + "…";

    /// <summary>The first line of a message (a failed check's diagnosis), for a one-line remark.</summary>
    private static string FirstLine(string? message) =>
        message is null ? "" : message.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault() ?? "";

    /// <summary>The status column: graded, or what is wrong, in a few words.</summary>
    private static string Status(LearnerResult learner)
    {
        var words = learner.Status switch
        {
            SubmissionStatus.Graded => "graded",
            SubmissionStatus.Empty => "empty",
            SubmissionStatus.NotAKata => "not a kata repository",
            SubmissionStatus.DoesNotCompile => "does not compile",
            SubmissionStatus.Unreadable => "unreadable zip",
            _ => "could not be graded",
        };
        var notCompiling = learner.Exercises.Count(e => e.State == LearnerResult.DoesNotCompile);
        if (notCompiling > 0) words += $", {notCompiling} not compiling";
        if (learner.Tampered) words += ", TAMPERED";
        return words;
    }

    /// <summary>What the instructor should know about one learner, beyond the scores.</summary>
    public static IEnumerable<string> Remarks(LearnerResult learner)
    {
        ArgumentNullException.ThrowIfNull(learner);
        if (learner.Problem is not null) yield return $"{learner.StatusWord}: {learner.Problem}";
        foreach (var error in learner.CompileErrors) yield return "  " + error;
        if (learner.Tamper is { Any: true } tamper)
        {
            var lines = tamper.Lines.ToList();
            yield return $"tampered: {lines.Count} file(s) outside exercises/ differ from yours (graded with your checks all the same)";
            foreach (var l in lines.Take(FilesShown)) yield return "  " + l;
            if (lines.Count > FilesShown) yield return $"  … and {lines.Count - FilesShown} more (all in the JSON report)";
        }
        if (learner.GaveUp.Count > 0) yield return $"gave up (and saw the model solution): {string.Join(", ", learner.GaveUp)}";
        if (learner.Suspicious.Count > 0)
        {
            yield return $"suspicious: {learner.Suspicious.Count} use(s) of what an exercise never needs (graded all the same):";
            foreach (var s in learner.Suspicious.Take(FilesShown)) yield return "  " + s;
            if (learner.Suspicious.Count > FilesShown) yield return $"  … and {learner.Suspicious.Count - FilesShown} more (all in the JSON report)";
        }
        foreach (var e in learner.Exercises.Where(e => e.State is "failed" or "crashed" or "timed-out" or LearnerResult.DoesNotCompile))
        {
            // A wrong answer in a line (its first check's diagnosis; the JSON has all); what stopped the grading in full.
            yield return e.State == "failed"
                ? $"{e.Exercise.Name} failed: {Shorten(FirstLine(e.Message), 160)}"
                : $"{e.Exercise.Name} {e.State.Replace('-', ' ')}: {e.Message}";
        }
    }

    /// <summary>
    /// CSV, a row per learner per chapter: <c>learner, source, status, chapter, passed, total, failed, not_started,
    /// crashed, timed_out, does_not_compile, tampered, tampered_files, remark</c>. A submission that could not be
    /// graded has one row with the chapter and the counts empty and the reason in <c>remark</c>. UTF-8, LF.
    /// </summary>
    public static string Csv(ClassReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var text = new StringBuilder();
        text.Append("learner,source,status,chapter,passed,total,points,max_points,failed,not_started,crashed,timed_out,does_not_compile,tampered,tampered_files,remark\n");
        foreach (var learner in report.Learners)
        {
            var tampered = learner.Tampered ? "yes" : "no";
            var files = learner.Tamper is { Any: true } t ? string.Join("; ", t.Lines) : "";
            if (!learner.WasGraded)
            {
                var remark = string.Join(" ", new[] { learner.Problem }.Concat(learner.CompileErrors).Where(s => s is not null));
                Row(text, learner.Name, learner.Source, learner.StatusWord, "", "", "", "0", N(report.MaxPoints), "", "", "", "", "", tampered, files, remark);
                continue;
            }
            foreach (var c in learner.Chapters)
            {
                var remark = string.Join("; ", learner.Exercises
                    .Where(e => e.Exercise.Chapter == c.Chapter && e.State is "failed" or "crashed" or "timed-out" or LearnerResult.DoesNotCompile)
                    .Select(e => $"{e.Exercise.Id} {e.State}"));
                var chapter = learner.Exercises.Where(e => e.Exercise.Chapter == c.Chapter).ToList();
                Row(text, learner.Name, learner.Source, learner.StatusWord, N(c.Chapter), N(c.Passed), N(c.Total),
                    N(chapter.Sum(report.Points)), N(report.Table.Total(chapter.Select(e => e.Exercise))), N(c.Failed), N(c.NotStarted),
                    N(c.Crashed), N(c.TimedOut), N(c.DoesNotCompile), tampered, files, remark);
            }
        }
        return text.ToString();
    }

    /// <summary>
    /// The gradebook (<c>--gradebook FILE</c>): CSV with a row per learner and a column per exercise, as gradebooks
    /// import it: <c>learner, status, 1.1 BasicSigmoid (1), …, total (69)</c>, each cell the points earned (the header
    /// gives the points possible). A submission that could not be graded earns 0 everywhere; its status says why.
    /// </summary>
    public static string Gradebook(ClassReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var text = new StringBuilder();
        Row(text, [.. new[] { "learner", "status" }, .. report.Selection.Select(e => $"{e.Name} ({report.Table[e.Id]})"), $"total ({report.MaxPoints})"]);
        foreach (var learner in report.Learners)
        {
            var earned = learner.Exercises.ToDictionary(e => e.Exercise.Id, report.Points);
            var status = learner.StatusWord + (learner.Tampered ? ", tampered" : "");
            Row(text, [.. new[] { learner.Name, status }, .. report.Selection.Select(e => N(earned.GetValueOrDefault(e.Id))), N(report.Points(learner))]);
        }
        return text.ToString();
    }

    private static string N(int n) => n.ToString(CultureInfo.InvariantCulture);

    private static void Row(StringBuilder text, params string[] cells)
    {
        text.AppendJoin(',', cells.Select(Cell));
        text.Append('\n');
    }

    /// <summary>RFC 4180 quoting; a cell that a spreadsheet would run as a formula gets a leading apostrophe.</summary>
    public static string Cell(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (value.Length > 0 && value[0] is '=' or '+' or '-' or '@') value = "'" + value;
        value = value.Replace("\r\n", "\n", StringComparison.Ordinal);
        return value.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
    }

    /// <summary>
    /// JSON: <c>version</c>, <c>memoryLimitMB</c>, <c>chapters</c>, <c>exercises[]</c> (id, chapter, title), and
    /// <c>learners[]</c> by name, each with <c>name</c>, <c>source</c>, <c>status</c>, <c>problem</c>,
    /// <c>compileErrors[]</c>, <c>tampered</c>, <c>tamperedFiles</c> (<c>modified</c>, <c>added</c>, <c>deleted</c>),
    /// <c>passed</c>, <c>total</c>, <c>chapters[]</c> (counts per state) and <c>exercises[]</c> (id, state, message).
    /// </summary>
    public static string Json(ClassReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions
               {
                   Indented = true,
                   NewLine = "\n",
                   Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
               }))
        {
            json.WriteStartObject();
            json.WriteNumber("version", Version);
            json.WriteString("kind", "classroom");
            json.WriteNumber("memoryLimitMB", report.MemoryLimitMb);
            json.WriteNumber("maxPoints", report.MaxPoints);
            json.WriteStartArray("chapters");
            foreach (var c in report.ChapterNumbers) json.WriteNumberValue(c);
            json.WriteEndArray();
            json.WriteStartArray("exercises");
            foreach (var e in report.Selection)
            {
                json.WriteStartObject();
                json.WriteString("id", e.Id);
                json.WriteNumber("chapter", e.Chapter);
                json.WriteString("title", e.Title);
                json.WriteNumber("points", report.Table[e.Id]);
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteStartArray("checks");
            foreach (var r in report.CheckRates)
            {
                json.WriteStartObject();
                json.WriteString("exercise", r.Exercise.Id);
                json.WriteString("check", r.Check);
                json.WriteNumber("passed", r.Passed);
                json.WriteNumber("failed", r.Failed);
                json.WriteNumber("notStarted", r.NotStarted);
                json.WriteNumber("other", r.Other);
                json.WriteNumber("learners", r.Learners);
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteStartArray("learners");
            foreach (var learner in report.Learners)
            {
                json.WriteStartObject();
                json.WriteString("name", learner.Name);
                json.WriteString("source", learner.Source);
                json.WriteString("status", learner.StatusWord);
                json.WriteString("problem", learner.Problem);
                Strings(json, "compileErrors", learner.CompileErrors);
                json.WriteBoolean("tampered", learner.Tampered);
                Strings(json, "suspicious", learner.Suspicious);
                Strings(json, "gaveUp", learner.GaveUp);
                json.WriteStartObject("tamperedFiles");
                Strings(json, "modified", learner.Tamper?.Modified ?? []);
                Strings(json, "added", learner.Tamper?.Added ?? []);
                Strings(json, "deleted", learner.Tamper?.Deleted ?? []);
                json.WriteEndObject();
                json.WriteNumber("passed", learner.Passed);
                json.WriteNumber("total", learner.Total);
                json.WriteNumber("points", report.Points(learner));
                json.WriteStartArray("chapters");
                foreach (var c in learner.Chapters)
                {
                    json.WriteStartObject();
                    json.WriteNumber("chapter", c.Chapter);
                    json.WriteNumber("passed", c.Passed);
                    json.WriteNumber("total", c.Total);
                    json.WriteNumber("failed", c.Failed);
                    json.WriteNumber("notStarted", c.NotStarted);
                    json.WriteNumber("crashed", c.Crashed);
                    json.WriteNumber("timedOut", c.TimedOut);
                    json.WriteNumber("doesNotCompile", c.DoesNotCompile);
                    json.WriteEndObject();
                }
                json.WriteEndArray();
                json.WriteStartArray("exercises");
                foreach (var e in learner.Exercises)
                {
                    json.WriteStartObject();
                    json.WriteString("id", e.Exercise.Id);
                    json.WriteString("state", e.State);
                    json.WriteNumber("points", report.Points(e));
                    json.WriteString("message", e.Message);
                    json.WriteEndObject();
                }
                json.WriteEndArray();
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteEndObject();
        }
        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }

    private static void Strings(Utf8JsonWriter json, string name, IEnumerable<string> values)
    {
        json.WriteStartArray(name);
        foreach (var v in values) json.WriteStringValue(v);
        json.WriteEndArray();
    }

    /// <summary>Writes <paramref name="text"/> to <paramref name="path"/> (UTF-8 without BOM), creating its folder.</summary>
    public static void Write(string path, string text)
    {
        var full = Path.GetFullPath(path);
        if (Path.GetDirectoryName(full) is { } dir) Directory.CreateDirectory(dir);
        File.WriteAllText(full, text, new UTF8Encoding(false));
    }
}
