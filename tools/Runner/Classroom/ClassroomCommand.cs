using System.Diagnostics;
using System.Globalization;
using DeepLearningKata.Checks;
using DeepLearningKata.Runner.Compile;

namespace DeepLearningKata.Runner.Classroom;

/// <summary>
/// <c>run-checks --classroom DIR [--csv FILE] [--json FILE] [--gradebook FILE] [--class-page FILE] [--chapter N] [--memory MB] [--parallel N]</c>: grades
/// every learner's submission in <c>DIR</c> (a copy of the kata per sub-folder, or a <c>.zip</c> of one) against
/// this copy's checks and golden files.
/// </summary>
/// <remarks>
/// Per submission, in isolation and several at once (<c>--parallel</c>, by default one per core):
/// <list type="number">
/// <item>open it (a zip is extracted safely into a temporary folder; nothing is written into the class folder);
/// an empty one, or one without <c>exercises/</c>, gets its own line and no grade;</item>
/// <item>the tamper check: files outside <c>exercises/</c> that differ from this copy's are named (<see cref="Tamper"/>);</item>
/// <item>its <c>exercises/**/*.cs</c> are compiled in this process (<see cref="ExerciseCompiler"/>); an exercise whose
/// files do not compile is reported as such and the others are still graded;</item>
/// <item>the runner's own worker and watchdog (<see cref="Supervisor"/>) grade the selected exercises in a
/// <see cref="Sandbox"/> holding the submission's compiled <c>DeepLearningKata.Exercises.dll</c>, which the workers load,
/// with each exercise's time budget and a memory limit per process (<c>DOTNET_GCHeapHardLimit</c>): an endless loop,
/// a stack overflow or a huge allocation ends only that learner's worker, and is reported against that exercise.
/// An exercise that ran out of time is graded once more, alone, and only a second time-out counts.</item>
/// </list>
/// The checks' random inputs come from fixed seeds, and the reports hold no times or temporary paths, so grading the
/// same folder twice writes the same CSV and JSON.
/// </remarks>
public static class ClassroomCommand
{
    /// <summary>Refuses options that do not go together with (or without) <c>--classroom</c>.</summary>
    public static void CheckOptions(RunOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Classroom is null)
        {
            foreach (var (set, name) in new[]
                     {
                         (options.Csv is not null, "--csv"), (options.Gradebook is not null, "--gradebook"),
                         (options.ClassPage is not null, "--class-page"), (options.Parallel is not null, "--parallel"),
                     })
            {
                if (set) throw new UsageException($"{name} goes with --classroom DIR (grading a class).");
            }
            return;
        }
        if (options.Subject != "learner") throw new UsageException("--subject does not go with --classroom: every submission is graded as a learner's code.");
        if (options.Badges is not null) throw new UsageException("--badges does not go with --classroom; use --csv or --json for the class's results.");
        if (options.Accept) throw new UsageException("--accept does not go with --classroom: a class is graded against the golden files as they are.");
        if (!Directory.Exists(options.Classroom)) throw new UsageException($"--classroom: there is no folder '{options.Classroom}'.");
    }

    /// <summary>Grades the class and writes the reports; the exit code of <see cref="ClassReport.ExitCode"/> (2 for nothing to grade or a report that cannot be written).</summary>
    public static int Run(RunOptions options, IReadOnlyList<Exercise> selection, TextWriter stdout, TextWriter stderr, SupervisorSettings? workers = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(selection);
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);
        var classFolder = Path.GetFullPath(options.Classroom ?? throw new ArgumentException("no --classroom", nameof(options)));
        if (PointsTable.LoadOrSay(stderr) is not { } points) return Cli.Usage;
        var submissions = Submissions.Find(classFolder, out var ignored);
        if (submissions.Count == 0)
        {
            stderr.WriteLine($"run-checks: {classFolder} holds no submissions: put each learner's copy of the kata in it, as a folder or a .zip.");
            return Cli.Usage;
        }
        var memory = options.Memory ?? MemoryLimit.CurrentMb;
        var parallel = Math.Min(options.Parallel ?? Math.Clamp(Environment.ProcessorCount, 1, 8), submissions.Count);
        var chapters = string.Join(", ", selection.Select(e => e.Chapter).Distinct());
        stdout.WriteLine($"Grading a class: {Count(submissions.Count, "submission")} in {classFolder}");
        stdout.WriteLine($"  {Count(selection.Count, "exercise")} in chapters {chapters}; {parallel} at a time, at most {memory} MB each.");
        var os = OsSandbox.Find(out var missing);
        stdout.WriteLine(os is not null
            ? "  OS sandbox: bubblewrap (file system read-only but the submission's scratch folder, no network, its own processes)."
            : $"  no OS sandbox: {missing}. Each submission still runs in its own processes and scratch folder, but its code can write wherever you can.");
        stdout.WriteLine();

        var clock = Stopwatch.StartNew();
        var instructor = Repo.Root;
        var tamper = Tamper.ForInstructor(instructor);
        // Several submissions compile at once already: one thread each.
        var compiler = new ExerciseCompiler(Catalog.Exercises, Path.Combine(instructor, "exercises"), concurrentBuild: false);
        var scratch = Path.Combine(Path.GetTempPath(), "kata-classroom-" + Guid.NewGuid().ToString("N")[..8]);
        var grader = new SubmissionGrader(selection, tamper, compiler, instructor, memory, options.Timeout, (workers ?? new SupervisorSettings()) with { OsSandbox = os });
        var results = new LearnerResult[submissions.Count];
        var done = 0;
        var gate = new Lock();
        try
        {
            Parallel.For(0, submissions.Count, new ParallelOptions { MaxDegreeOfParallelism = parallel }, i =>
            {
                var result = grader.Grade(submissions[i], Path.Combine(scratch, i.ToString("D4", CultureInfo.InvariantCulture)));
                results[i] = result;
                lock (gate)
                {
                    done++;
                    var score = result.WasGraded ? $"{result.Passed}/{result.Total} passed" : result.StatusWord;
                    stdout.WriteLine($"  [{done}/{submissions.Count}] {result.Name}: {score}{(result.Tampered ? ", tampered" : "")}");
                }
            });
        }
        finally
        {
            Remove(scratch);
        }

        var report = new ClassReport(selection, results, memory, ignored, points);
        stdout.WriteLine();
        ClassOutput.Console(stdout, report);
        stdout.WriteLine();
        try
        {
            if (options.Csv is { } csv)
            {
                ClassOutput.Write(csv, ClassOutput.Csv(report));
                stdout.WriteLine($"Wrote {csv}");
            }
            if (options.Json is { } json)
            {
                ClassOutput.Write(json, ClassOutput.Json(report));
                stdout.WriteLine($"Wrote {json}");
            }
            if (options.Gradebook is { } gradebook)
            {
                ClassOutput.Write(gradebook, ClassOutput.Gradebook(report));
                stdout.WriteLine($"Wrote {gradebook}");
            }
            if (options.ClassPage is { } page)
            {
                ClassOutput.Write(page, ClassPage.Html(report));
                stdout.WriteLine($"Wrote {page}");
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            stderr.WriteLine($"run-checks: could not write the report: {e.Message}");
            return Cli.Usage;
        }
        var elapsed = clock.Elapsed;
        stdout.WriteLine($"Graded {Count(submissions.Count, "submission")} in {(int)elapsed.TotalMinutes}m {elapsed.Seconds:00}s ({parallel} at a time).");
        return report.ExitCode;
    }

    private static string Count(int n, string noun) => n == 1 ? $"1 {noun}" : $"{n} {noun}s";

    /// <summary>Removes a temporary folder; links inside it are removed, never followed.</summary>
    internal static void Remove(string folder)
    {
        for (var attempt = 0; attempt < 3 && Directory.Exists(folder); attempt++)
        {
            try
            {
                Directory.Delete(folder, recursive: true);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                Thread.Sleep(200); // a worker that was just ended may still hold a file
            }
        }
    }
}

/// <summary>Grades one submission from start to end; see <see cref="ClassroomCommand"/>.</summary>
internal sealed class SubmissionGrader(
    IReadOnlyList<Exercise> selection,
    Tamper tamper,
    ExerciseCompiler compiler,
    string instructor,
    int memoryMb,
    TimeSpan? timeout,
    SupervisorSettings workers)
{
    public LearnerResult Grade(SubmissionSource source, string scratch)
    {
        Directory.CreateDirectory(scratch);
        try
        {
            return GradeIn(source, scratch);
        }
        finally
        {
            ClassroomCommand.Remove(scratch);
        }
    }

    private LearnerResult GradeIn(SubmissionSource source, string scratch)
    {
        var opened = Submissions.Open(source, scratch);
        if (opened.Root is null) return LearnerResult.Broken(source, opened.Status, opened.Problem ?? opened.Status.ToString());

        var tampered = tamper.Compare(opened.Root);
        var box = Path.Combine(scratch, "box");
        var compiled = compiler.Compile(Path.Combine(opened.Root, "exercises"), Path.Combine(box, "root", "exercises"));
        if (compiled.Assembly is null)
        {
            return LearnerResult.Broken(source, SubmissionStatus.DoesNotCompile,
                "the code in exercises/ does not compile, so nothing could be graded. The first errors:", tampered, Shown(compiled.Errors));
        }

        var sandbox = Sandbox.Create(box, instructor, compiled.Assembly);
        var environment = new Dictionary<string, string?>(workers.Environment)
        {
            ["KATA_ROOT"] = sandbox.Root,
            ["KATA_GOLDEN"] = Repo.Golden,
        };
        var settings = workers with
        {
            Subject = "learner",
            Timeout = timeout,
            ExercisesDll = sandbox.ExercisesDll,
            MemoryMb = memoryMb,
            WorkingDirectory = sandbox.Root,
            ScratchFolder = sandbox.Folder,
            ReadableFolders = [instructor, Repo.Golden],
            Environment = environment,
        };
        var toGrade = selection.Where(e => !compiled.Broken.ContainsKey(e.Id) && !compiled.Missing.Contains(e.Id)).ToList();
        var run = toGrade.Count == 0 ? new SupervisedRun([], null, 0) : Supervisor.Grade(toGrade, settings);
        if (run.Error is not null)
        {
            return LearnerResult.Broken(source, SubmissionStatus.Error, "grading failed: " + Scrub(run.Error, sandbox, scratch), tampered);
        }
        var graded = run.Results.ToDictionary(r => r.Exercise.Id);
        // A time-out on a busy machine must not cost a learner the exercise, nor make two runs disagree:
        // an exercise that ran out of time is graded once more, alone in a fresh worker, and only a second time-out counts.
        var slow = run.Results.Where(r => r.Result.State == State.TimedOut).Select(r => r.Exercise).ToList();
        if (slow.Count > 0)
        {
            var again = Supervisor.Grade(slow, settings);
            foreach (var r in again.Results.Where(r => r.Result.State != State.TimedOut)) graded[r.Exercise.Id] = r;
        }
        var exercises = selection.Select(e =>
            compiled.Broken.TryGetValue(e.Id, out var errors)
                ? new ClassExercise(e, LearnerResult.DoesNotCompile, "its files do not compile (the other exercises were graded without them):\n" + string.Join("\n", Shown(errors)))
                : compiled.Missing.Contains(e.Id)
                    ? new ClassExercise(e, ExerciseResult.Word(State.NotStarted), $"{e.Folder}/ is missing from the submission.")
                    : graded.TryGetValue(e.Id, out var g)
                        ? Convert(g, sandbox, scratch)
                        : new ClassExercise(e, ExerciseResult.Word(State.Crashed), "was not graded.")).ToList();
        return new LearnerResult(source.Name, source.Source, SubmissionStatus.Graded, null, tampered, [], exercises)
        {
            Suspicious = compiled.Suspicious.Select(s => s.ToString()).ToList(),
            GaveUp = Progress.Load(opened.Root).GaveUp.Keys.ToList(),
        };
    }

    /// <summary>How many compile errors a learner reads per exercise (or for the whole submission): the first ones.</summary>
    public const int ErrorsShown = 5;

    private static List<string> Shown(IEnumerable<CompileError> errors) => errors.Select(e => e.ToString()).Take(ErrorsShown).ToList();

    /// <summary>The runner's result in the class's words: memory exhaustion said plainly, temporary paths removed.</summary>
    private ClassExercise Convert(GradedExercise graded, Sandbox sandbox, string scratch)
    {
        var result = graded.Result;
        var everything = string.Join("\n", new[] { result.Message, graded.Output }.Concat(result.Checks.Select(c => c.Message)).Where(s => s is not null));
        if (result.State is not State.Passed
            && (everything.Contains(nameof(OutOfMemoryException), StringComparison.Ordinal) || everything.Contains("Out of memory", StringComparison.OrdinalIgnoreCase)))
        {
            return new ClassExercise(graded.Exercise, ExerciseResult.Word(State.Crashed),
                $"used more than {memoryMb} MB of memory (the limit for one grading process), so it was stopped. " +
                $"Does something in {graded.Exercise.Folder} grow without end, or allocate a far too large array?");
        }
        var message = result.Message is null ? null : Scrub(result.Message, sandbox, scratch);
        var checks = result.Checks.Select(c => c with { Message = c.Message is null ? null : Scrub(c.Message, sandbox, scratch) }).ToList();
        return new ClassExercise(graded.Exercise, ExerciseResult.Word(result.State), message, checks);
    }

    private static string Scrub(string text, Sandbox sandbox, string scratch) =>
        text.Replace(sandbox.Root + Path.DirectorySeparatorChar, "", StringComparison.Ordinal)
            .Replace(sandbox.Root, ".", StringComparison.Ordinal)
            .Replace(scratch, "<sandbox>", StringComparison.Ordinal);
}
