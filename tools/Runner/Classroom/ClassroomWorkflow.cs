using System.Globalization;
using System.Text;
using DeepLearningKata.Checks;

namespace DeepLearningKata.Runner.Classroom;

/// <summary>
/// <c>.github/workflows/classroom.yml</c>, GitHub Classroom's autograding for the kata, made from the points table
/// (<see cref="PointsTable"/>): a step that builds the runner once, then one
/// <c>classroom-resources/autograding-command-grader@v1</c> step per exercise of the catalog, whose command is the
/// runner grading that one exercise (exit code 0 only when it passes) and whose <c>max-score</c> is its points, then
/// <c>classroom-resources/autograding-grading-reporter@v1</c>, which adds them up and sends the grade to GitHub
/// Classroom. <c>run-checks --classroom-workflow</c> writes it; the self-test fails when it is out of date.
/// </summary>
public static class ClassroomWorkflow
{
    /// <summary>Where the workflow is kept, relative to the kata's root.</summary>
    public const string RelativePath = ".github/workflows/classroom.yml";

    /// <summary>The runner as the build step leaves it, relative to the kata's root (as <c>run-checks.sh</c> runs it).</summary>
    public const string RunnerDll = "tools/Runner/bin/Release/net10.0/DeepLearningKata.Runner.dll";

    /// <summary>The build step's command: the runner only, once (it compiles the learner's exercises itself).</summary>
    public const string BuildCommand = "dotnet build tools/Runner/DeepLearningKata.Runner.csproj -c Release --nologo";

    /// <summary>The workflow of this copy of the kata.</summary>
    public static string DefaultPath => Path.Combine(Repo.Root, ".github", "workflows", "classroom.yml");

    /// <summary>The step id of an exercise's grading step: <c>exercise-1-3</c> (GitHub's step ids allow no dots).</summary>
    public static string StepId(Exercise exercise)
    {
        ArgumentNullException.ThrowIfNull(exercise);
        return "exercise-" + exercise.Id.Replace('.', '-');
    }

    /// <summary>The command of an exercise's step: the kata's own grading of that exercise, without building.</summary>
    public static string Command(Exercise exercise)
    {
        ArgumentNullException.ThrowIfNull(exercise);
        return $"dotnet {RunnerDll} --exercise {exercise.Id}";
    }

    /// <summary>
    /// The step's <c>timeout</c> in minutes (GitHub's unit): the exercise's time budget rounded up to whole minutes,
    /// plus 2 for compiling the exercises and starting the worker. The runner's own watchdog ends the exercise first.
    /// </summary>
    public static int TimeoutMinutes(Exercise exercise)
    {
        ArgumentNullException.ThrowIfNull(exercise);
        return (int)Math.Ceiling(exercise.Timeout.TotalMinutes) + 2;
    }

    /// <summary>The workflow for <paramref name="exercises"/> (every exercise of the catalog) worth <paramref name="points"/>.</summary>
    public static string Render(IReadOnlyList<Exercise> exercises, PointsTable points)
    {
        ArgumentNullException.ThrowIfNull(exercises);
        ArgumentNullException.ThrowIfNull(points);
        var y = new StringBuilder();
        void Line(string text) => y.Append(text).Append('\n');
        Line("# GitHub Classroom autograding: one step per exercise, worth its points in " + PointsTable.RelativePath + ".");
        Line("# Made from that table by `./run-checks.sh --classroom-workflow`; edit the table, not this file.");
        Line("# Each step grades one exercise with the kata's runner (built once, first): exit code 0 gives its points.");
        Line("name: Autograding Tests");
        Line("'on':");
        Line("- push");
        Line("- repository_dispatch");
        Line("- workflow_dispatch");
        Line("permissions:");
        Line("  checks: write");
        Line("  actions: read");
        Line("  contents: read");
        Line("jobs:");
        Line("  run-autograding-tests:");
        Line("    runs-on: ubuntu-latest");
        Line("    # Not on the commit GitHub Classroom makes when it creates the learner's repository.");
        Line("    if: github.actor != 'github-classroom[bot]'");
        Line("    steps:");
        Line("    - name: Checkout code");
        Line("      uses: actions/checkout@v4");
        Line("    - name: Set up .NET");
        Line("      uses: actions/setup-dotnet@v4");
        Line("      with:");
        Line("        global-json-file: global.json");
        Line("    - name: Build the grader");
        Line("      run: " + BuildCommand);
        foreach (var e in exercises)
        {
            Line("    - name: " + Quote(e.Name));
            Line("      id: " + StepId(e));
            Line("      uses: classroom-resources/autograding-command-grader@v1");
            Line("      with:");
            Line("        test-name: " + Quote(e.Name));
            Line("        setup-command: ''");
            Line("        command: " + Quote(Command(e)));
            Line("        timeout: " + N(TimeoutMinutes(e)));
            Line("        max-score: " + N(points[e.Id]));
        }
        Line("    - name: Autograding Reporter");
        Line("      uses: classroom-resources/autograding-grading-reporter@v1");
        Line("      env:");
        foreach (var e in exercises)
        {
            var id = StepId(e);
            Line($"        {id.ToUpperInvariant()}_RESULTS: \"${{{{steps.{id}.outputs.result}}}}\"");
        }
        Line("      with:");
        Line("        runners: " + string.Join(",", exercises.Select(StepId)));
        return y.ToString();
    }

    /// <summary><c>--classroom-workflow</c>: writes the workflow of this copy from its points table.</summary>
    public static int Write(TextWriter stdout, TextWriter stderr)
    {
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);
        if (PointsTable.LoadOrSay(stderr) is not { } points) return Cli.Usage;
        var path = DefaultPath;
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, Render(Catalog.Exercises, points), new UTF8Encoding(false));
        stdout.WriteLine($"Wrote {RelativePath}: {Catalog.Exercises.Count} exercises, {points.Total(Catalog.Exercises)} points (from {PointsTable.RelativePath}).");
        return Cli.Passed;
    }

    private static string N(int n) => n.ToString(CultureInfo.InvariantCulture);

    /// <summary>A YAML single-quoted scalar.</summary>
    private static string Quote(string text) => "'" + text.Replace("'", "''", StringComparison.Ordinal) + "'";
}
