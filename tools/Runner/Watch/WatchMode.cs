using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using DeepLearningKata.Checks;
using DeepLearningKata.Runner.Compile;

namespace DeepLearningKata.Runner.Watch;

/// <summary>Where watch mode looks and writes, and how it waits (tests point it at a copy of <c>exercises/</c>).</summary>
public sealed record WatchSettings
{
    /// <summary>The folder watched and compiled: the repository's <c>exercises/</c>.</summary>
    public string ExercisesFolder { get; init; } = Path.Combine(Repo.Root, "exercises");

    /// <summary>Where each compile of the exercises is written for the workers to load: <c>.kata/build/</c>.</summary>
    public string BuildFolder { get; init; } = Pipeline.BuildFolder;

    /// <summary>How long to wait after a change for more (an editor saves in several steps) before grading.</summary>
    public TimeSpan Debounce { get; init; } = TimeSpan.FromMilliseconds(150);

    /// <summary>Clear the screen before each verdict (on an interactive terminal); otherwise a separator line.</summary>
    public bool ClearScreen { get; init; }
}

/// <summary>
/// <c>--watch</c>: compiles and grades once, then keeps running. When a file under <c>exercises/</c> is saved,
/// it compiles the exercises again (in process, <see cref="ExerciseCompiler"/>), grades the exercise the file
/// belongs to in a fresh worker under the usual watchdog, and shows its verdict, the next exercise to do and
/// a progress bar. A change to a file outside an exercise's folder (<c>Earlier.cs</c>) grades the exercise
/// last graded again. A compile error is shown with its file and line, and the next save is awaited; while another
/// exercise does not compile, its last version that compiled stands in for it, so the saved one is still graded. Ctrl+C stops.
/// </summary>
public static class WatchMode
{
    /// <summary>Runs watch mode until Ctrl+C; the exit code is 0.</summary>
    public static int FromConsole(IReadOnlyList<Exercise> selection, RunOptions options, TextWriter stdout, bool color, SupervisorSettings workers)
    {
        using var stop = new CancellationTokenSource();
        void OnCancel(object? sender, ConsoleCancelEventArgs e)
        {
            e.Cancel = true; // end the loop below cleanly instead of killing the process
            stop.Cancel();
        }
        Console.CancelKeyPress += OnCancel;
        try
        {
            return Run(selection, options, stdout, color, workers, new WatchSettings { ClearScreen = color }, stop.Token);
        }
        finally
        {
            Console.CancelKeyPress -= OnCancel;
        }
    }

    /// <summary>Runs watch mode until <paramref name="stop"/> is cancelled.</summary>
    public static int Run(IReadOnlyList<Exercise> selection, RunOptions options, TextWriter stdout, bool color,
        SupervisorSettings workers, WatchSettings watch, CancellationToken stop)
    {
        ArgumentNullException.ThrowIfNull(selection);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(workers);
        ArgumentNullException.ThrowIfNull(watch);
        var folder = Path.GetFullPath(watch.ExercisesFolder);
        var shownAs = ShownAs(folder);
        var screen = new WatchScreen(stdout, color, watch.ClearScreen, shownAs) { Verbose = options.Verbose };
        var compiler = new ExerciseCompiler(Catalog.Exercises, keepSources: true);
        workers = Cli.Settings(options, workers);
        var tracked = selection.ToList();
        var states = new Dictionary<string, State>(StringComparer.Ordinal);
        Exercise? current = null;

        using var changes = new BlockingCollection<string>();
        using var watcher = new FileSystemWatcher(folder)
        {
            IncludeSubdirectories = true,
            NotifyFilter = NotifyFilters.FileName | NotifyFilters.DirectoryName | NotifyFilters.LastWrite | NotifyFilters.Size,
        };
        void Changed(object sender, FileSystemEventArgs e)
        {
            if (ExerciseCompiler.IsSource(folder, e.FullPath) && !changes.IsAddingCompleted) changes.Add(e.FullPath);
        }
        watcher.Changed += Changed;
        watcher.Created += Changed;
        watcher.Deleted += Changed;
        watcher.Renamed += Changed;
        watcher.EnableRaisingEvents = true; // before the first compile: a save during it is not lost

        // First: compile, grade everything selected, point at the next exercise.
        stdout.WriteLine($"Watch mode: compiling {shownAs}/ …");
        var first = Pipeline.Compile(compiler, folder, watch.BuildFolder, shownAs);
        ConsoleReport.Suspicious(stdout, first.Outcome.Suspicious, color);
        {
            var console = new ConsoleReport(stdout, color, tracked) { Verbose = options.Verbose };
            console.Header(options.Subject);
            var run = Pipeline.Grade(tracked, first, workers, console.Graded);
            foreach (var g in run.Results) states[g.Exercise.Id] = g.Result.State;
            var next = NextAfter(null, tracked, states);
            if (next is not null && run.Results.FirstOrDefault(g => g.Exercise == next) is { Result.State: not State.NotStarted } shown)
            {
                screen.Line();
                screen.Verdict(shown);
            }
            screen.Next(next, next is null ? null : states.GetValueOrDefault(next.Id), Passed(tracked, states), tracked.Count);
            screen.Progress(Passed(tracked, states), tracked.Count, null);
        }

        while (!stop.IsCancellationRequested)
        {
            var changed = WaitForChanges(changes, watch.Debounce, stop);
            if (changed.Count == 0) continue;
            var clock = Stopwatch.StartNew();

            // Which exercise: the one whose folder holds the saved file; for any other file, the one graded last.
            var ids = changed.Select(p => ExerciseCompiler.ExerciseIdOf(folder, p)).OfType<string>().Distinct().ToList();
            var targets = Catalog.Exercises.Where(e => ids.Contains(e.Id)).ToList();
            if (targets.Count == 0)
            {
                var fallback = current ?? NextAfter(null, tracked, states);
                if (fallback is not null) targets.Add(fallback);
            }
            foreach (var t in targets.Where(t => !tracked.Contains(t))) tracked.Add(t);
            tracked = Catalog.Exercises.Where(tracked.Contains).ToList();

            var build = Pipeline.Compile(compiler, folder, watch.BuildFolder, shownAs);
            var compiled = build.Outcome;
            if (stop.IsCancellationRequested) break;
            screen.Begin();
            foreach (var id in compiled.Broken.Keys) states[id] = State.DoesNotCompile;
            // An exercise saved with an error is not graded: its errors are the verdict. Another one that does not
            // compile (a stub stands in for it) does not keep the saved one from being graded.
            if (build.Dll is null || targets.Any(t => compiled.Broken.ContainsKey(t.Id)))
            {
                screen.CompileErrors(compiled.AllErrors, targets.Count == 0 ? null : string.Join(", ", targets.Select(t => t.Name)));
                screen.Line();
                screen.Progress(Passed(tracked, states), tracked.Count, $"compiled in {Seconds(compiled.Elapsed)}; waiting for your next save");
                continue;
            }
            if (targets.Count == 0)
            {
                screen.StandIns(compiled.Broken);
                screen.Next(null, null, Passed(tracked, states), tracked.Count);
                screen.Progress(Passed(tracked, states), tracked.Count, null);
                continue;
            }

            var graded = Pipeline.Grade(targets, build, workers).Results;
            if (stop.IsCancellationRequested) break; // Ctrl+C also ends the worker; its "crash" is not news
            foreach (var g in graded)
            {
                states[g.Exercise.Id] = g.Result.State;
                screen.Verdict(g);
            }
            screen.StandIns(compiled.Broken);
            current = targets[^1];
            var next = NextAfter(current, tracked, states);
            screen.Next(next, next is null ? null : states.GetValueOrDefault(next.Id), Passed(tracked, states), tracked.Count);
            screen.Progress(Passed(tracked, states), tracked.Count,
                $"graded {Seconds(clock.Elapsed)} after the save: compile {Seconds(compiled.Elapsed)}, checks {Seconds(TimeSpan.FromSeconds(graded.Sum(g => g.Result.Seconds)))}");
        }

        watcher.EnableRaisingEvents = false;
        changes.CompleteAdding();
        stdout.WriteLine();
        stdout.WriteLine($"Stopped watching. {Passed(tracked, states)}/{tracked.Count} exercises pass.");
        stdout.Flush();
        return Cli.Passed;
    }

    /// <summary>
    /// The exercise to do next: the one just graded while it does not pass; once it passes, the first one after
    /// it (wrapping around) that does not. Null when every exercise passes.
    /// </summary>
    public static Exercise? NextAfter(Exercise? graded, IReadOnlyList<Exercise> exercises, IReadOnlyDictionary<string, State> states)
    {
        ArgumentNullException.ThrowIfNull(exercises);
        ArgumentNullException.ThrowIfNull(states);
        bool Open(Exercise e) => states.GetValueOrDefault(e.Id, State.NotStarted) != State.Passed;
        if (graded is not null && Open(graded)) return graded;
        var start = graded is null ? 0 : exercises.ToList().IndexOf(graded) + 1;
        for (var k = 0; k < exercises.Count; k++)
        {
            var e = exercises[(start + k) % exercises.Count];
            if (Open(e)) return e;
        }
        return null;
    }

    /// <summary>Blocks for a change, then gathers more until none came for <paramref name="debounce"/>; empty when stopped.</summary>
    private static List<string> WaitForChanges(BlockingCollection<string> changes, TimeSpan debounce, CancellationToken stop)
    {
        var paths = new List<string>();
        try
        {
            paths.Add(changes.Take(stop));
            while (changes.TryTake(out var more, debounce)) paths.Add(more);
        }
        catch (OperationCanceledException)
        {
            return [];
        }
        return paths.Distinct(StringComparer.Ordinal).ToList();
    }

    private static int Passed(IEnumerable<Exercise> exercises, IReadOnlyDictionary<string, State> states) =>
        exercises.Count(e => states.GetValueOrDefault(e.Id, State.NotStarted) == State.Passed);

    /// <summary><c>exercises</c> for the repository's own folder, else the path itself.</summary>
    private static string ShownAs(string folder)
    {
        try
        {
            var relative = Repo.Relative(folder);
            return relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(relative) ? folder : relative;
        }
        catch (InvalidOperationException)
        {
            return folder;
        }
    }

    private static string Seconds(TimeSpan t) => t.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture) + " s";
}
