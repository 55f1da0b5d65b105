using System.Diagnostics;
using DeepLearningKata.Checks;
using DeepLearningKata.Runner.Compile;

namespace DeepLearningKata.Runner;

/// <summary>The runner's command line: parse, select, accept, grade under the watchdog, report.</summary>
public static class Cli
{
    /// <summary>The exit code when every selected exercise passed.</summary>
    public const int Passed = 0;

    /// <summary>The exit code when some selected exercise did not pass.</summary>
    public const int NotAllPassed = 1;

    /// <summary>The exit code for a mistake on the command line (or a refused request such as --accept on CI).</summary>
    public const int Usage = 2;

    /// <summary>
    /// Runs the command line <paramref name="args"/> and returns the exit code. <paramref name="workers"/>
    /// sets how workers are started and watched (tests use it to inject faults); the command line's
    /// subject and timeout replace its own.
    /// </summary>
    public static int Run(IReadOnlyList<string> args, TextWriter stdout, TextWriter stderr, bool color = false, SupervisorSettings? workers = null)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);
        // Everything the run says, here and in its workers (SupervisorSettings.Lang), in the learner's language.
        using var language = L10n.Use(LangOf(args));
        if (workers is not null) workers = workers with { Lang = L10n.Current };
        RunOptions options;
        IReadOnlyList<Exercise> selection;
        try
        {
            options = Options.Parse(args);
            if (options.Help)
            {
                stdout.Write(Options.HelpText);
                return Passed;
            }
            if (options.Worker) throw new UsageException("--worker is for the runner's own worker processes.");
            if (options.Explain is { } id) return Explain(id, options.Lang ?? Langs.Default(), stdout, stderr);
            if (options.ClassroomWorkflow) return Classroom.ClassroomWorkflow.Write(stdout, stderr);
            if (options.Hint is { } hint) return Help.Hint(Known(hint), options.Lang ?? Langs.Default(), stdout);
            if (options.GiveUp is { } giveUp) return Help.GiveUp(Known(giveUp), stdout);
            if (options.Solution is { } solution)
            {
                var exercise = Known(solution);
                return Help.Solution(exercise, () => Pipeline.Grade([exercise], LearnerBuildOf, Settings(options, workers)).Results[0].Result.State == State.Passed, stdout, stderr);
            }
            Classroom.ClassroomCommand.CheckOptions(options);
            selection = Select(options);
            CheckSubject(options.Subject);
        }
        catch (UsageException e)
        {
            stderr.WriteLine($"run-checks: {e.Message}");
            stderr.WriteLine("Try --help for the options.");
            return Usage;
        }

        if (options.Classroom is not null) return Classroom.ClassroomCommand.Run(options, selection, stdout, stderr, workers);

        if (options.Accept)
        {
            try
            {
                var accepted = Golden.Accept(Repo.Golden, options.Chapters.Count + options.Exercises.Count == 0 ? null : selection.ToList());
                stdout.WriteLine(accepted.Count == 0
                    ? "No received golden files to accept."
                    : $"Accepted {accepted.Count} golden file(s) in {Repo.Relative(Repo.Golden)}/:\n  " + string.Join("\n  ", accepted));
                stdout.WriteLine();
            }
            catch (InvalidOperationException e)
            {
                stderr.WriteLine($"run-checks: {e.Message}");
                return Usage;
            }
        }

        if (options.Watch) return Watch.WatchMode.FromConsole(selection, options, stdout, color, workers ?? new SupervisorSettings());

        var console = new ConsoleReport(stdout, color, selection) { Lang = options.Lang ?? Langs.Default(), Verbose = options.Verbose };
        console.Header(options.Subject);
        var settings = Settings(options, workers);
        var clock = Stopwatch.StartNew();
        var started = DateTime.UtcNow;
        LearnerBuild CompileAndWarn()
        {
            var build = LearnerBuildOf();
            ConsoleReport.Suspicious(stdout, build.Outcome.Suspicious, color);
            return build;
        }
        var run = options.Subject == "learner"
            ? Pipeline.Grade(selection, CompileAndWarn, settings, console.Graded)
            : Supervisor.Grade(selection, settings, console.Graded);
        var report = new RunReport(options.Subject, run.Results, clock.Elapsed.TotalSeconds, run.Error);

        var written = new List<string>();
        try
        {
            if (options.Json is { } json)
            {
                Summary.Write(json, report);
                written.Add(json);
            }
            if (options.Report is { } html)
            {
                Html.HtmlReport.Write(html, report, started);
                written.Add(html);
            }
            if (options.Badges is { } badges)
            {
                var files = Badges.Write(badges, report);
                written.Add($"{Path.Combine(badges, "")} ({string.Join(", ", files.Select(Path.GetFileName))})");
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            console.Summary(report, written);
            stderr.WriteLine($"run-checks: could not write the report: {e.Message}");
            return Usage;
        }
        console.Summary(report, written);
        return report.ExitCode;
    }

    private static Exercise Known(string id) =>
        Catalog.Exercises.FirstOrDefault(e => e.Id == id)
        ?? throw new UsageException($"there is no exercise {id}. Exercises: {string.Join(", ", Catalog.Exercises.Select(e => e.Id))}.");

    /// <summary>The learner's <c>exercises/</c>, compiled.</summary>
    private static LearnerBuild LearnerBuildOf() => Pipeline.Compile(new ExerciseCompiler(Catalog.Exercises), Repo.Exercises, Pipeline.BuildFolder);

    /// <summary>The language <paramref name="args"/> choose (<c>--lang</c>), else <c>KATA_LANG</c> or the locale; usage errors are reported later.</summary>
    private static Lang LangOf(IReadOnlyList<string> args)
    {
        try
        {
            return Options.Parse(args).Lang ?? Langs.Default();
        }
        catch (UsageException)
        {
            return Langs.Default();
        }
    }

    /// <summary>How workers are started for <paramref name="options"/>: its subject, time budget and memory limit over <paramref name="workers"/>.</summary>
    public static SupervisorSettings Settings(RunOptions options, SupervisorSettings? workers)
    {
        ArgumentNullException.ThrowIfNull(options);
        return (workers ?? new SupervisorSettings()) with
        {
            Subject = options.Subject,
            Timeout = options.Timeout,
            MemoryMb = options.Memory ?? MemoryLimit.CurrentMb,
        };
    }

    /// <summary>The exercises the options select, in catalog order; a usage error for a chapter or exercise that does not exist.</summary>
    public static IReadOnlyList<Exercise> Select(RunOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var all = Catalog.Exercises;
        if (all.Count == 0) throw new UsageException("the kata has no exercises yet.");
        foreach (var chapter in options.Chapters.Where(c => all.All(e => e.Chapter != c)))
        {
            throw new UsageException($"there is no chapter {chapter}. Chapters: {string.Join(", ", Catalog.Chapters)}.");
        }
        foreach (var id in options.Exercises.Where(id => all.All(e => e.Id != id)))
        {
            throw new UsageException($"there is no exercise {id}. Exercises: {string.Join(", ", all.Select(e => e.Id))}.");
        }
        if (options.Chapters.Count == 0 && options.Exercises.Count == 0) return all;
        return all.Where(e => options.Chapters.Contains(e.Chapter) || options.Exercises.Contains(e.Id)).ToList();
    }

    /// <summary><c>--explain ID</c>: the exercise's instructions, read from its stub, in <paramref name="lang"/>.</summary>
    private static int Explain(string id, Lang lang, TextWriter stdout, TextWriter stderr)
    {
        var instructions = ExerciseInstructions.Read(id);
        var known = Catalog.Exercises.FirstOrDefault(e => e.Id == id);
        if (known is null && instructions.File.Length == 0)
        {
            throw new UsageException($"there is no exercise {id}. Exercises: {string.Join(", ", Catalog.Exercises.Select(e => e.Id))}.");
        }
        if (instructions.Problem is { } problem)
        {
            stderr.WriteLine($"run-checks: {problem}");
            return NotAllPassed;
        }
        stdout.WriteLine($"{(known is null ? id : known.Name)}   {instructions.File}");
        stdout.WriteLine();
        stdout.Write(instructions.Render(lang));
        return Passed;
    }

    private static void CheckSubject(string subject)
    {
        try
        {
            Subjects.Check(subject);
        }
        catch (ArgumentException e)
        {
            throw new UsageException(e.Message);
        }
    }
}
