using System.Text.Json;
using System.Text.Json.Serialization;
using DeepLearningKata.Checks;

namespace DeepLearningKata.Runner;

/// <summary>
/// One line a worker appends to its events file for the runner: <c>@kata {"event":"start","id":"1.3"}</c> before
/// grading an exercise, <c>@kata {"event":"result",...}</c> after it. The file is the worker's alone; the streams the
/// graded code prints to carry no events at all.
/// </summary>
public sealed record WorkerEvent(
    [property: JsonPropertyName("event")] string Kind,
    [property: JsonPropertyName("id")] string? Id = null,
    [property: JsonPropertyName("result")] ExerciseResult? Result = null,
    [property: JsonPropertyName("output")] string? Output = null)
{
    public const string Prefix = "@kata ";
    public const string Start = "start";
    public const string Graded = "result";

    private static readonly JsonSerializerOptions Json = new()
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    /// <summary>The event as one line (JSON never contains a raw line break).</summary>
    public string ToLine() => Prefix + JsonSerializer.Serialize(this, Json);

    /// <summary>The event on <paramref name="line"/>, or null when the line is not an event.</summary>
    public static WorkerEvent? TryParse(string? line)
    {
        if (line is null || !line.StartsWith(Prefix, StringComparison.Ordinal)) return null;
        try
        {
            return JsonSerializer.Deserialize<WorkerEvent>(line.AsSpan(Prefix.Length), Json);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
