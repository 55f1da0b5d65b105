using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using DeepLearningKata.Checks;

namespace DeepLearningKata.Runner;

/// <summary>
/// The JSON summary (<c>--json FILE</c>), shaped like Exercism's <c>results.json</c>: <c>version</c>,
/// <c>status</c> (pass / fail / error), <c>message</c>, then our own fields: <c>subject</c>, totals,
/// <c>chapters[]</c> and <c>exercises[]</c>, each exercise with its <c>id</c>, <c>chapter</c>,
/// <c>title</c>, <c>state</c>, Exercism's <c>status</c>, <c>message</c>, <c>output</c> and its checks.
/// </summary>
public static class Summary
{
    /// <summary>The version of this JSON shape; raised when a field changes meaning or disappears.</summary>
    public const int Version = 1;

    public static string ToJson(RunReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions
               {
                   Indented = true,
                   NewLine = "\n",
                   Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, // keeps σ, ✓ and quotes readable
               }))
        {
            json.WriteStartObject();
            json.WriteNumber("version", Version);
            json.WriteString("status", report.Status);
            json.WriteString("message", report.Error);
            json.WriteString("subject", report.Subject);
            json.WriteNumber("passed", report.Passed);
            json.WriteNumber("total", report.Total);
            json.WriteNumber("seconds", Math.Round(report.Seconds, 3));

            json.WriteStartArray("chapters");
            foreach (var c in report.Chapters)
            {
                json.WriteStartObject();
                json.WriteNumber("chapter", c.Chapter);
                json.WriteNumber("passed", c.Passed);
                json.WriteNumber("total", c.Total);
                json.WriteNumber("failed", c.Failed);
                json.WriteNumber("notStarted", c.NotStarted);
                json.WriteNumber("crashed", c.Crashed);
                json.WriteNumber("timedOut", c.TimedOut);
                json.WriteEndObject();
            }
            json.WriteEndArray();

            json.WriteStartArray("exercises");
            foreach (var (exercise, result, output) in report.Exercises)
            {
                json.WriteStartObject();
                json.WriteString("id", exercise.Id);
                json.WriteNumber("chapter", exercise.Chapter);
                json.WriteString("title", exercise.Title);
                json.WriteString("folder", exercise.Folder);
                json.WriteString("state", ExerciseResult.Word(result.State));
                json.WriteString("status", ExercismStatus(result.State));
                json.WriteString("message", result.Message);
                json.WriteString("output", output);
                json.WriteNumber("seconds", Math.Round(result.Seconds, 3));
                json.WriteStartArray("checks");
                foreach (var check in result.Checks)
                {
                    json.WriteStartObject();
                    json.WriteString("name", check.Name);
                    if (check.Text is { } text) json.WriteString("text", text); // the sentence as the learner read it (--lang zh); name is the key
                    json.WriteString("state", ExerciseResult.Word(check.State));
                    json.WriteString("message", check.Message);
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

    /// <summary>Exercism's per-test status: pass, fail (a wrong or missing answer), error (the code crashed or hung).</summary>
    public static string ExercismStatus(State state) => state switch
    {
        State.Passed => "pass",
        State.Failed or State.NotStarted => "fail",
        _ => "error",
    };

    public static void Write(string path, RunReport report)
    {
        var full = Path.GetFullPath(path);
        if (Path.GetDirectoryName(full) is { } dir) Directory.CreateDirectory(dir);
        File.WriteAllText(full, ToJson(report), new UTF8Encoding(false));
    }
}
