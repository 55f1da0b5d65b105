using System.Security.Cryptography;
using DeepLearningKata.Checks;
using static DeepLearningKata.Checks.L10n;
using DeepLearningKata.Runner.Compile;

namespace DeepLearningKata.Runner;

/// <summary>A compile of a learner's <c>exercises/</c>: what it gave, and where the assembly the workers load was written.</summary>
/// <param name="Outcome">The compiler's outcome: the broken exercises and their errors.</param>
/// <param name="Dll">The compiled exercises on disk, or null when nothing could be compiled.</param>
public sealed record LearnerBuild(CompileOutcome Outcome, string? Dll);

/// <summary>
/// The one grading pipeline behind every entry point (<c>run-checks</c>, <c>--watch</c>, <c>--classroom</c>, and
/// <c>dotnet test</c> through <c>checks/Grading</c>): the learner's <c>exercises/</c> is compiled by
/// <see cref="ExerciseCompiler"/> (an exercise that does not compile is replaced by a stub and reported as
/// <c>does-not-compile</c> with the compiler's <c>file:line:col</c>), and every other exercise is graded by supervised
/// worker processes (<see cref="WorkerSession"/>) that load the compiled assembly, under the watchdog and the memory
/// limit. Nothing in the kata is compiled against the learner's code, so no learner's mistake stops it from building.
/// </summary>
public static class Pipeline
{
    /// <summary>How many compiled builds <see cref="Compile"/> keeps in its folder (the newest).</summary>
    private const int BuildsKept = 8;

    /// <summary>Where a learner's compiled exercises go: <c>.kata/build/</c>.</summary>
    public static string BuildFolder => Path.Combine(Repo.Output, "build");

    /// <summary>
    /// Compiles <paramref name="exercisesFolder"/> and writes the assembly into <paramref name="buildFolder"/> under a
    /// name made from its content (two runs at once never overwrite each other's; an unchanged folder reuses its file).
    /// </summary>
    public static LearnerBuild Compile(ExerciseCompiler compiler, string exercisesFolder, string buildFolder, string shownAs = "exercises")
    {
        ArgumentNullException.ThrowIfNull(compiler);
        var outcome = compiler.Compile(exercisesFolder, shownAs: shownAs);
        if (outcome.Assembly is null) return new LearnerBuild(outcome, null);
        var hash = Convert.ToHexStringLower(SHA256.HashData(outcome.Assembly))[..16];
        var dll = Path.Combine(Path.GetFullPath(buildFolder), $"{ExerciseCompiler.AssemblyName}.{hash}.dll");
        if (!File.Exists(dll)) outcome.WriteTo(dll);
        else File.SetLastWriteTimeUtc(dll, DateTime.UtcNow);
        Prune(Path.GetDirectoryName(dll)!);
        return new LearnerBuild(outcome, dll);
    }

    /// <summary>The result of an exercise that was not graded because its code does not compile.</summary>
    public static ExerciseResult DoesNotCompile(Exercise exercise, IReadOnlyList<CompileError> errors)
    {
        ArgumentNullException.ThrowIfNull(exercise);
        ArgumentNullException.ThrowIfNull(errors);
        var shown = errors.Take(ErrorsShown).Select(e => "  " + e).ToList();
        if (errors.Count > ErrorsShown) shown.Add(Say($"  … and {errors.Count - ErrorsShown} more", $"  …… 还有 {errors.Count - ErrorsShown} 个"));
        var message = Say("its code does not compile, so it was not graded (the other exercises were). Fix this first:",
                          "它的代码不能编译，所以没有评分（其他练习照常评分）。先修正这里：") + $"\n{string.Join("\n", shown)}";
        return new ExerciseResult(exercise.Id, exercise.Chapter, exercise.Title, State.DoesNotCompile, message, 0,
            [new CheckResult("compiling the exercise", State.DoesNotCompile, message) { Text = IsZh ? "编译练习" : null }]);
    }

    /// <summary>How many compile errors a learner reads per exercise: the first ones, in file and line order.</summary>
    public const int ErrorsShown = 5;

    /// <summary>
    /// Grades <paramref name="selection"/> from <paramref name="build"/>: an exercise that does not compile is settled at
    /// once as <c>does-not-compile</c> (every one, when nothing compiled), the rest by workers in order.
    /// </summary>
    public static SupervisedRun Grade(IReadOnlyList<Exercise> selection, LearnerBuild build, SupervisorSettings settings, Action<GradedExercise>? onGraded = null)
    {
        ArgumentNullException.ThrowIfNull(build);
        return Grade(selection, () => build, settings, onGraded);
    }

    /// <summary>
    /// <see cref="Grade(IReadOnlyList{Exercise}, LearnerBuild, SupervisorSettings, Action{GradedExercise}?)"/> with the
    /// compile run by <paramref name="compile"/> while the first worker starts.
    /// </summary>
    public static SupervisedRun Grade(IReadOnlyList<Exercise> selection, Func<LearnerBuild> compile, SupervisorSettings settings, Action<GradedExercise>? onGraded = null)
    {
        ArgumentNullException.ThrowIfNull(selection);
        ArgumentNullException.ThrowIfNull(compile);
        ArgumentNullException.ThrowIfNull(settings);
        var results = new List<GradedExercise>();
        void Settle(GradedExercise graded)
        {
            results.Add(graded);
            onGraded?.Invoke(graded);
        }
        using var session = new WorkerSession(settings);
        if (selection.Count > 0) session.Warm();
        var build = compile();
        foreach (var exercise in selection) Settle(GradeOne(exercise, build, session));
        return new SupervisedRun(results, session.Error, session.Started);
    }

    /// <summary>
    /// One exercise from <paramref name="build"/>: <c>does-not-compile</c> at once when nothing compiled or its own
    /// files did not, else graded by <paramref name="session"/> (which is pointed at the build).
    /// </summary>
    public static GradedExercise GradeOne(Exercise exercise, LearnerBuild build, WorkerSession session)
    {
        ArgumentNullException.ThrowIfNull(exercise);
        ArgumentNullException.ThrowIfNull(build);
        ArgumentNullException.ThrowIfNull(session);
        if (build.Dll is null) return new GradedExercise(exercise, DoesNotCompile(exercise, build.Outcome.AllErrors), null);
        if (build.Outcome.Broken.TryGetValue(exercise.Id, out var errors)) return new GradedExercise(exercise, DoesNotCompile(exercise, errors), null);
        session.ExercisesDll = build.Dll;
        return session.Grade(exercise);
    }

    private static void Prune(string folder)
    {
        try
        {
            foreach (var old in new DirectoryInfo(folder).GetFiles(ExerciseCompiler.AssemblyName + ".*.dll")
                         .OrderByDescending(f => f.LastWriteTimeUtc).Skip(BuildsKept))
            {
                old.Delete();
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // a build still loaded by a worker on Windows: removed next time
        }
    }
}
