using System.Text.Json.Serialization;

namespace DeepLearningKata.Checks;

/// <summary>How an exercise (or one check) came out. Written in JSON as <c>passed</c>, <c>not-started</c>, ….</summary>
[JsonConverter(typeof(JsonStringEnumConverter<State>))]
public enum State
{
    [JsonStringEnumMemberName("passed")] Passed,
    [JsonStringEnumMemberName("failed")] Failed,
    [JsonStringEnumMemberName("not-started")] NotStarted,
    [JsonStringEnumMemberName("crashed")] Crashed,
    [JsonStringEnumMemberName("timed-out")] TimedOut,
    [JsonStringEnumMemberName("does-not-compile")] DoesNotCompile,
}

/// <summary>The outcome of one check.</summary>
public sealed record CheckResult(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("state")] State State,
    [property: JsonPropertyName("message")] string? Message);

/// <summary>The outcome of one exercise: its state and every check's outcome.</summary>
public sealed record ExerciseResult(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("chapter")] int Chapter,
    [property: JsonPropertyName("title")] string Title,
    [property: JsonPropertyName("state")] State State,
    [property: JsonPropertyName("message")] string? Message,
    [property: JsonPropertyName("seconds")] double Seconds,
    [property: JsonPropertyName("checks")] IReadOnlyList<CheckResult> Checks)
{
    /// <summary>The words a report uses for a state.</summary>
    public static string Word(State state) => state switch
    {
        State.Passed => "passed",
        State.Failed => "failed",
        State.NotStarted => "not-started",
        State.Crashed => "crashed",
        State.TimedOut => "timed-out",
        State.DoesNotCompile => "does-not-compile",
        _ => state.ToString(),
    };
}
