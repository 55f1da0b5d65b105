using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using DeepLearningKata.Checks;
using static DeepLearningKata.Checks.L10n;

namespace DeepLearningKata.Runner;

/// <summary>
/// What a learner asked for, kept in <c>exercises/.progress.json</c>: beside their code and committed with it (so an
/// instructor sees it), never compiled (dot-named), never graded. How many hint levels of each exercise were shown,
/// and which exercises were given up (after which <c>--solution</c> shows the model solution before a pass).
/// </summary>
public sealed record Progress
{
    [JsonPropertyName("hints")] public SortedDictionary<string, int> Hints { get; init; } = new(StringComparer.Ordinal);

    [JsonPropertyName("gaveUp")] public SortedDictionary<string, DateTime> GaveUp { get; init; } = new(StringComparer.Ordinal);

    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true };

    /// <summary>The learner's progress file.</summary>
    public static string File(string root) => Path.Combine(root, "exercises", ".progress.json");

    /// <summary>The progress in <paramref name="root"/>'s file; empty when there is none or it cannot be read (a learner's edit never stops grading).</summary>
    public static Progress Load(string root)
    {
        try
        {
            var path = File(root);
            return System.IO.File.Exists(path) ? JsonSerializer.Deserialize<Progress>(System.IO.File.ReadAllText(path), Json) ?? new Progress() : new Progress();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or JsonException)
        {
            return new Progress();
        }
    }

    public void Save(string root)
    {
        var path = File(root);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        System.IO.File.WriteAllText(path, JsonSerializer.Serialize(this, Json) + "\n", new UTF8Encoding(false));
    }
}

/// <summary><c>--hint ID</c>, <c>--give-up ID</c> and <c>--solution ID</c>: help a learner asks for, one step at a time.</summary>
public static class Help
{
    /// <summary>Shows the next level of <paramref name="exercise"/>'s hints (the last one again once all are shown) and remembers it.</summary>
    /// <param name="root">Whose progress file: the kata's root unless a test says otherwise.</param>
    public static int Hint(Exercise exercise, Lang lang, TextWriter stdout, string? root = null)
    {
        root ??= Repo.Root;
        ArgumentNullException.ThrowIfNull(exercise);
        ArgumentNullException.ThrowIfNull(stdout);
        var levels = Hints.Of(exercise, ExerciseInstructions.Read(exercise.Id).Sections.Select(s => s.Hint).FirstOrDefault(h => h.En.Length + h.Zh.Length > 0));
        if (levels.Count == 0)
        {
            stdout.WriteLine(Say($"{exercise.Name} has no hints yet. Its instructions: ./run-checks.sh --explain {exercise.Id}", $"{exercise.Name} 还没有提示。它的说明：./run-checks.sh --explain {exercise.Id} --lang zh"));
            return Cli.Passed;
        }
        var progress = Progress.Load(root);
        var level = Math.Min(progress.Hints.GetValueOrDefault(exercise.Id) + 1, levels.Count);
        progress.Hints[exercise.Id] = level;
        progress.Save(root);
        var zh = lang == Lang.Zh;
        stdout.WriteLine(zh ? $"{exercise.Name} — 提示 {level}/{levels.Count}" : $"{exercise.Name} — hint {level} of {levels.Count}");
        stdout.WriteLine();
        foreach (var line in levels[level - 1].In(lang).Split('\n')) stdout.WriteLine("  " + line);
        stdout.WriteLine();
        stdout.WriteLine(level < levels.Count
            ? (zh ? $"还需要？再运行一次 ./run-checks.sh --hint {exercise.Id} 看下一级提示。" : $"Still stuck? Run ./run-checks.sh --hint {exercise.Id} again for the next one.")
            : (zh ? $"这是最后一级提示。实在做不出来：./run-checks.sh --give-up {exercise.Id}（会被记录）之后可以看参考答案。"
                  : $"That was the last hint. If you still cannot solve it: ./run-checks.sh --give-up {exercise.Id} (recorded), then --solution shows the model solution."));
        return Cli.Passed;
    }

    /// <summary>Records that the learner gave <paramref name="exercise"/> up.</summary>
    public static int GiveUp(Exercise exercise, TextWriter stdout, string? root = null)
    {
        ArgumentNullException.ThrowIfNull(exercise);
        ArgumentNullException.ThrowIfNull(stdout);
        root ??= Repo.Root;
        var progress = Progress.Load(root);
        progress.GaveUp.TryAdd(exercise.Id, DateTime.UtcNow);
        progress.Save(root);
        stdout.WriteLine(Say($"Recorded: you gave up {exercise.Name} (in exercises/{Path.GetFileName(Progress.File(root))}; your scoreboard and your instructor see it).",
                             $"已记录：你放弃了 {exercise.Name}（记在 exercises/{Path.GetFileName(Progress.File(root))} 中；你的成绩表和老师都能看到）。"));
        stdout.WriteLine(Say($"The model solution: ./run-checks.sh --solution {exercise.Id}. Then write it yourself, in your own words, and grade it.",
                             $"参考答案：./run-checks.sh --solution {exercise.Id}。看完后用你自己的写法重写一遍，再评分。"));
        return Cli.Passed;
    }

    /// <summary>
    /// Shows the model solution (the reference) of <paramref name="exercise"/> when it passes now (<paramref name="passes"/>
    /// grades it) or was given up; otherwise says how to earn it.
    /// </summary>
    public static int Solution(Exercise exercise, Func<bool> passes, TextWriter stdout, TextWriter stderr, string? root = null)
    {
        ArgumentNullException.ThrowIfNull(exercise);
        ArgumentNullException.ThrowIfNull(passes);
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);
        var gaveUp = Progress.Load(root ?? Repo.Root).GaveUp.ContainsKey(exercise.Id);
        if (!gaveUp && !passes())
        {
            stderr.WriteLine(Say($"run-checks: the model solution of {exercise.Name} is shown once your own passes (./run-checks.sh --exercise {exercise.Id}),",
                                 $"run-checks: {exercise.Name} 的参考答案要等你自己的解答通过后才显示（./run-checks.sh --exercise {exercise.Id}），"));
            stderr.WriteLine(Say($"  or after ./run-checks.sh --give-up {exercise.Id} (recorded). Stuck? ./run-checks.sh --hint {exercise.Id}",
                                 $"  或者在 ./run-checks.sh --give-up {exercise.Id}（会被记录）之后。卡住了？./run-checks.sh --hint {exercise.Id} --lang zh"));
            return Cli.NotAllPassed;
        }
        var file = ModelSolution(exercise);
        if (file is null)
        {
            stderr.WriteLine(Say($"run-checks: the model solution of {exercise.Name} is not in this copy of the kata (engine/Reference/).",
                                 $"run-checks: 这份 kata 里没有 {exercise.Name} 的参考答案（engine/Reference/）。"));
            return Cli.NotAllPassed;
        }
        stdout.WriteLine(Say($"{exercise.Name} — the model solution ({Repo.Relative(file)}){(gaveUp ? ", after giving up" : "")}:",
                             $"{exercise.Name} — 参考答案（{Repo.Relative(file)}）{(gaveUp ? "，已放弃" : "")}："));
        stdout.WriteLine();
        stdout.Write(File.ReadAllText(file));
        return Cli.Passed;
    }

    /// <summary><c>engine/Reference/ChapterNN/{id}-{Title}.cs</c>, or null.</summary>
    public static string? ModelSolution(Exercise exercise)
    {
        ArgumentNullException.ThrowIfNull(exercise);
        var file = exercise.Under(Path.Combine(Repo.Root, "engine", "Reference")) + ".cs";
        return File.Exists(file) ? file : null;
    }
}
