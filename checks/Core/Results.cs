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

/// <summary>
/// The outcome of one check. <see cref="Name"/> is the check's English sentence, its key in every language (NUnit, the
/// JSON's <c>name</c>, the classroom); <see cref="Text"/> is the sentence as the learner read it, when that differs.
/// </summary>
public sealed record CheckResult(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("state")] State State,
    [property: JsonPropertyName("message")] string? Message)
{
    /// <summary>The sentence in the learner's language when it is not <see cref="Name"/> (<c>--lang zh</c>); else null.</summary>
    [JsonPropertyName("text")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Text { get; init; }

    /// <summary>The sentence to show: <see cref="Text"/>, else <see cref="Name"/>.</summary>
    [JsonIgnore]
    public string Shown => Text ?? Name;
}

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
    /// <summary>The words a report uses for a state: the JSON's, the same in every language (the documented names).</summary>
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

    /// <summary>A state as a learner reads it in the current language (<see cref="L10n"/>): <see cref="Word"/> in English.</summary>
    public static string Said(State state) => state switch
    {
        State.Passed => Say("passed", "通过"),
        State.Failed => Say("failed", "未通过"),
        State.NotStarted => Say("not-started", "未开始"),
        State.Crashed => Say("crashed", "崩溃"),
        State.TimedOut => Say("timed-out", "超时"),
        State.DoesNotCompile => Say("does-not-compile", "无法编译"),
        _ => state.ToString(),
    };
}
