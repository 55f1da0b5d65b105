using System.Diagnostics;
using System.Reflection;
using DeepLearningKata.Contracts;
using DeepLearningKata.Data;

namespace DeepLearningKata.Checks;

/// <summary>What the check running on this thread is grading; golden files and plots ask it.</summary>
public sealed record CheckContext(Subject Subject, Exercise Exercise, bool IsReference)
{
    private static readonly AsyncLocal<CheckContext?> Ambient = new();

    /// <summary>The context of the running check (a default reference context outside the grader, for tools).</summary>
    public static CheckContext? Current => Ambient.Value;

    internal static IDisposable Enter(CheckContext context)
    {
        var previous = Ambient.Value;
        Ambient.Value = context;
        return new Scope(() => Ambient.Value = previous);
    }

    private sealed class Scope(Action undo) : IDisposable
    {
        public void Dispose() => undo();
    }
}

/// <summary>
/// Runs an exercise's checks against a subject and says how it came out. A learner's mistake never
/// escapes: exceptions become <c>crashed</c>, a check past the exercise's time budget becomes
/// <c>timed-out</c> (its thread is abandoned; the runner's watchdog also ends the whole process),
/// and the stub's <see cref="NotImplementedException"/> becomes <c>not-started</c>.
/// </summary>
public static class Grader
{
    /// <summary>Grades every check of <paramref name="exercise"/> against <paramref name="subject"/>.</summary>
    public static ExerciseResult Grade(Exercise exercise, Subject subject, TimeSpan? timeout = null)
    {
        ArgumentNullException.ThrowIfNull(exercise);
        ArgumentNullException.ThrowIfNull(subject);
        var budget = timeout ?? exercise.Timeout;
        var clock = Stopwatch.StartNew();
        var results = new List<CheckResult>();
        var context = new CheckContext(subject, exercise, ReferenceEquals(subject, Subjects.Reference));
        foreach (var check in exercise.Checks)
        {
            var remaining = budget - clock.Elapsed;
            var (result, stop) = remaining <= TimeSpan.Zero
                ? (new CheckResult(check.Description, State.TimedOut, TimedOutMessage(exercise, budget)) { Text = TextOf(check) }, true)
                : RunOne(exercise, check, subject, context, remaining, budget);
            results.Add(result);
            if (stop) break; // a looping thread still busy, the memory limit, the data: every later check would meet it again
        }
        var state = Combine(results);
        var first = results.FirstOrDefault(r => r.State != State.Passed);
        var message = state switch
        {
            State.Passed => null,
            State.NotStarted => NotStartedMessage(exercise),
            _ => $"{first!.Shown}: {first.Message}",
        };
        return new ExerciseResult(exercise.Id, exercise.Chapter, exercise.Title, state, message, clock.Elapsed.TotalSeconds, results);
    }

    /// <summary>The check's sentence in the learner's language, when it is not the English key.</summary>
    private static string? TextOf(CheckInfo check) => check.Text == check.Description ? null : check.Text;

    /// <summary>What a learner reads for an untouched stub.</summary>
    public static string NotStartedMessage(Exercise exercise) => Say(
        $"not started yet: open {exercise.Folder}/ and replace the `throw new NotImplementedException(...)`.",
        $"还没有开始：打开 {exercise.Folder}/，把 `throw new NotImplementedException(...)` 换成你的代码。");

    private static string TimedOutMessage(Exercise exercise, TimeSpan budget) => Say(
        $"did not finish within {budget.TotalSeconds:0} s. Is there an endless loop (a `while` whose condition never " +
        $"becomes false, a loop variable that never changes) or a recursion without a base case in {exercise.Folder}?",
        $"没有在 {budget.TotalSeconds:0} 秒内完成。{exercise.Folder} 里是否有死循环（`while` 的条件永远不会变为 false，" +
        "或循环变量从不改变），或者没有终止条件的递归？");

    private static State Combine(IReadOnlyList<CheckResult> results)
    {
        if (results.Count == 0) return State.Crashed;
        if (results.All(r => r.State == State.Passed)) return State.Passed;
        if (results.All(r => r.State == State.NotStarted)) return State.NotStarted;
        if (results.Any(r => r.State == State.TimedOut)) return State.TimedOut;
        if (results.Any(r => r.State is State.Failed or State.NotStarted)) return State.Failed;
        return State.Crashed;
    }

    /// <summary>One check's result, and whether the later checks are pointless (they would meet the same wall).</summary>
    private static (CheckResult Result, bool Stop) RunOne(Exercise exercise, CheckInfo check, Subject subject, CheckContext context, TimeSpan remaining, TimeSpan budget)
    {
        var chapter = ChapterOf(subject, check.ChapterType);
        Exception? error = null;
        var thread = new Thread(() =>
        {
            try
            {
                using var blocks = Blocks.Grading(Subjects.Reference, exercise.Id);
                using var ambient = CheckContext.Enter(context);
                var instance = Activator.CreateInstance(exercise.ChecksType);
                check.Method.Invoke(instance, [chapter]);
            }
            catch (TargetInvocationException e) when (e.InnerException is not null)
            {
                error = e.InnerException;
            }
            catch (Exception e)
            {
                error = e;
            }
        })
        {
            IsBackground = true, // an endless loop must not keep the process alive
            Name = $"check {exercise.Id}: {check.Description}",
        };
        thread.Start();
        if (!thread.Join(remaining))
        {
            return (new CheckResult(check.Description, State.TimedOut, TimedOutMessage(exercise, budget)) { Text = TextOf(check) }, true);
        }
        CheckResult Result(State state, string? message) => new(check.Description, state, message) { Text = TextOf(check) };
        return error switch
        {
            null => (Result(State.Passed, null), false),
            DataFileException or CheckFailure { Thrown: DataFileException } => (Result(State.Crashed, DataProblem(error as DataFileException ?? (DataFileException)((CheckFailure)error).Thrown!)), true),
            OutOfMemoryException => (Result(State.Crashed, MemoryLimit.Exceeded(exercise.Folder, MemoryLimit.CurrentMb)), true),
            CheckFailure { Thrown: not null } f => (Result(State.Crashed, f.Message), false),
            CheckFailure f => (Result(State.Failed, f.Message), false),
            NotImplementedException => (Result(State.NotStarted, NotStartedMessage(exercise)), false),
            BlockNotAllowedException b => (Result(State.Failed, b.Message), false),
            _ => (Result(State.Crashed, CrashMessage(error)), false),
        };
    }

    /// <summary>What a learner reads when the kata's own data (MNIST under <c>data/</c>) is missing or corrupt: not their code.</summary>
    public static string DataProblem(DataFileException problem)
    {
        ArgumentNullException.ThrowIfNull(problem);
        var file = Path.IsPathRooted(problem.FilePath) ? Repo.Relative(problem.FilePath) : problem.FilePath;
        return Say(
            $"could not be graded: the kata's data file {file} is unusable ({problem.Problem}). This is not about your code. " +
            "Restore it with `git checkout -- data/` (or `git status data/` to see what changed), then grade again.",
            $"无法评分：kata 的数据文件 {file} 不可用（{problem.Problem}）。这与你的代码无关。" +
            "用 `git checkout -- data/` 恢复它（`git status data/` 可查看改动了什么），然后重新评分。");
    }

    /// <summary>Names the exception, its message, and the line of the learner's code it came from.</summary>
    public static string CrashMessage(Exception error)
    {
        ArgumentNullException.ThrowIfNull(error);
        var trace = new StackTrace(error, fNeedFileInfo: true);
        var where = trace.GetFrames()
            .Select(f => (file: f.GetFileName(), line: f.GetFileLineNumber(), method: f.GetMethod()?.Name))
            .FirstOrDefault(f => f.file is not null && f.file.Replace('\\', '/').Contains("/exercises/", StringComparison.Ordinal));
        var at = where.file is null ? "" : Say($"\n  at {Repo.Relative(where.file)}:{where.line} (in {where.method})", $"\n  位置 {Repo.Relative(where.file)}:{where.line}（在 {where.method} 中）");
        var hint = error switch
        {
            ShapeException => Say("print the shapes (x.ShapeText) of the tensors on that line; broadcasting needs trailing axes equal or 1.",
                                  "打印那一行各张量的形状（x.ShapeText）；广播要求末尾的各轴相等或为 1。"),
            IndexOutOfRangeException => Say("an index ran past the end of an axis; check your loop bounds against x.Shape.",
                                            "某个索引超出了轴的末尾；对照 x.Shape 检查你的循环边界。"),
            NullReferenceException => Say("something you used is null; did you forget to assign a field or return a value?",
                                          "你用到的某个东西是 null；是不是忘了给字段赋值，或者忘了返回值？"),
            _ => null,
        };
        var hintLine = hint is null ? "" : $"\n  {CheckFailure.HintLabel} {hint}";
        return Say($"your code threw {error.GetType().Name}: {error.Message}{at}{hintLine}", $"你的代码抛出了 {error.GetType().Name}：{error.Message}{at}{hintLine}");
    }

    private static object ChapterOf(Subject subject, Type chapterType)
    {
        var property = typeof(Subject).GetProperties().FirstOrDefault(p => p.PropertyType == chapterType)
            ?? throw new InvalidOperationException($"Subject has no chapter of type {chapterType.Name}.");
        return property.GetValue(subject)!;
    }
}
