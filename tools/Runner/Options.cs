using System.Globalization;
using System.Text.RegularExpressions;
using DeepLearningKata.Checks;

namespace DeepLearningKata.Runner;

/// <summary>A mistake on the command line: shown with a pointer to <c>--help</c>, exit code 2.</summary>
public sealed class UsageException(string message) : Exception(message);

/// <summary>What the command line asked for.</summary>
public sealed record RunOptions
{
    /// <summary>Chapters to grade (<c>--chapter 1,3</c>); with <see cref="Exercises"/> empty too, every chapter.</summary>
    public IReadOnlyList<int> Chapters { get; init; } = [];

    /// <summary>Exercises to grade (<c>--exercise 1.3</c>), in addition to the chapters.</summary>
    public IReadOnlyList<string> Exercises { get; init; } = [];

    /// <summary><c>learner</c> (the default), <c>reference</c> or <c>mutant:KEY</c>.</summary>
    public string Subject { get; init; } = "learner";

    /// <summary>Where to write the JSON summary, or null.</summary>
    public string? Json { get; init; }

    /// <summary>The folder for one badge per chapter, or null.</summary>
    public string? Badges { get; init; }

    /// <summary>Accept the received golden files before grading (never on CI).</summary>
    public bool Accept { get; init; }

    /// <summary>A time budget per exercise overriding the exercise's own, or null.</summary>
    public TimeSpan? Timeout { get; init; }

    /// <summary>Where to write the visual HTML report (<c>--report FILE</c>), or null.</summary>
    public string? Report { get; init; }

    /// <summary>Keep running: grade an exercise again whenever one of its files is saved (<c>--watch</c>).</summary>
    public bool Watch { get; init; }

    public bool Help { get; init; }

    /// <summary>Show every failing check's whole message (<c>--verbose</c>), not only the first one's.</summary>
    public bool Verbose { get; init; }

    /// <summary>The language of instructions and hints (<c>--lang en|zh</c>), or null for the default (<c>KATA_LANG</c>, then the system's UI culture).</summary>
    public Lang? Lang { get; init; }

    /// <summary>Print this exercise's instructions instead of grading (<c>--explain 1.3</c>), or null.</summary>
    public string? Explain { get; init; }

    /// <summary>Show the next level of this exercise's hints (<c>--hint 1.3</c>), or null.</summary>
    public string? Hint { get; init; }

    /// <summary>Record that the learner gives this exercise up (<c>--give-up 1.3</c>), or null.</summary>
    public string? GiveUp { get; init; }

    /// <summary>Show this exercise's model solution, once earned (<c>--solution 1.3</c>), or null.</summary>
    public string? Solution { get; init; }
    /// <summary>For instructors: the class folder to grade (<c>--classroom DIR</c>), or null; see <c>Classroom/ClassroomCommand.cs</c>.</summary>
    public string? Classroom { get; init; }

    /// <summary>With <see cref="Classroom"/>: where to write the CSV table, or null.</summary>
    public string? Csv { get; init; }

    /// <summary>With <see cref="Classroom"/>: where to write the gradebook CSV (a row per learner, a column per exercise), or null.</summary>
    public string? Gradebook { get; init; }

    /// <summary>With <see cref="Classroom"/>: where to write the class page (HTML), or null.</summary>
    public string? ClassPage { get; init; }

    /// <summary>For instructors: write <c>.github/workflows/classroom.yml</c> from the points table (<c>--classroom-workflow</c>).</summary>
    public bool ClassroomWorkflow { get; init; }

    /// <summary>The memory limit of each grading process in MB (<c>--memory</c>), or null for <c>KATA_MEMORY_MB</c> or the default.</summary>
    public int? Memory { get; init; }

    /// <summary>With <see cref="Classroom"/>: how many submissions are graded at once, or null for the default.</summary>
    public int? Parallel { get; init; }

    /// <summary>Internal: this process is a worker started by the runner; it grades and reports events.</summary>
    public bool Worker { get; init; }

    /// <summary>Internal, for a worker: the file its events go to.</summary>
    public string? Events { get; init; }

}

/// <summary>Reads the runner's command line by hand: a few long options, each with at most one value.</summary>
public static partial class Options
{
    /// <summary>The text of <c>--help</c>.</summary>
    public const string HelpText = """
        run-checks: grades the kata's exercises and tells you what to do next.

        Usage:  ./run-checks.sh [options]
                ./run-checks.ps1 [-Chapter 1,3] [-Exercise 1.3] [-Subject reference] [-Json FILE] ...
                ./run-checks.sh --explain 1.3 [--lang zh]

        Options:
          --chapter N        grade chapter N; repeat it or give a list: --chapter 1,3
          --exercise ID      grade one exercise, e.g. --exercise 1.3; repeat it or give a list
                             (with neither option, every exercise is graded)
          --subject S        whose code to grade: learner (the default: your exercises/ folder),
                             reference (the kata's solutions), or mutant:KEY (for maintainers:
                             a deliberately wrong solution, e.g. mutant:1.3/SigmoidDerivativeOnePlus)
          --json FILE        also write a JSON summary (shaped like Exercism's results.json)
          --badges DIR       also write one badge per chapter into DIR: chapter-N.svg and
                             chapter-N.json (a shields.io endpoint)
          --report FILE      also write a visual report: one HTML page (open it in any browser,
                             no network needed) with the scoreboard, every failure, and your
                             curves drawn over the reference's
          --watch            keep running: whenever you save an exercise's file, grade that
                             exercise again and show its verdict and the next step (Ctrl+C stops)
          --accept           for maintainers: accept the received golden files first
                             (golden/**/*.received.* become *.verified.*); refused when CI is set
          --verbose          show every failing check's whole message (by default: the first one's,
                             and the others as one line each)
          --timeout SECONDS  time budget per exercise, instead of each exercise's own
          --memory MB        memory limit of each grading process (default 2048, or KATA_MEMORY_MB);
                             code that needs more is stopped and told so
          --explain ID       print the instructions of exercise ID (formula, shapes, example, hint)
                             instead of grading, e.g. --explain 1.3
          --hint ID          one more hint for exercise ID: a nudge first, closer to a solution
                             each time you ask (remembered in exercises/.progress.json)
          --solution ID      the model solution of exercise ID, once yours passes (or after --give-up)
          --give-up ID       record that you give exercise ID up (your instructor sees it); then
                             --solution shows the model solution
          --lang en|zh       the language of instructions and hints: en (English) or zh (简体中文);
                             the default is KATA_LANG, else the system's language (zh* gives zh)
          --help             show this text

        For instructors (README, "Classroom"):
          --classroom DIR    grade every learner's copy in DIR (a folder or a .zip each) against
                             this copy's checks and golden files; a table per learner and chapter
          --csv FILE         with --classroom: also write the table as CSV (--json: as JSON)
          --gradebook FILE   with --classroom: also write the points as a gradebook CSV
                             (a row per learner, a column per exercise)
          --class-page FILE  with --classroom: also write the class page (HTML): learners ×
                             exercises coloured by state, and every check's pass rate
          --parallel N       with --classroom: submissions graded at once (default: the cores)
          --classroom-workflow
                             write .github/workflows/classroom.yml (GitHub Classroom's
                             autograding) from the points in tools/classroom/points.tsv

        Exit code: 0 when every selected exercise passes, 1 otherwise, 2 for a mistake on the command line.

        """;

    private static readonly string[] Known =
        ["--chapter", "--exercise", "--subject", "--json", "--badges", "--report", "--watch", "--verbose", "--accept", "--timeout", "--explain", "--hint", "--solution", "--give-up", "--lang", "--help", "--worker", "--exercises", "--events",
         "--classroom", "--csv", "--memory", "--parallel", "--classroom-workflow", "--gradebook", "--class-page"];

    /// <summary>Parses <paramref name="args"/>; throws <see cref="UsageException"/> with a learner-readable reason.</summary>
    public static RunOptions Parse(IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var options = new RunOptions();
        var chapters = new List<int>();
        var exercises = new List<string>();
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            string name = arg;
            string? inline = null;
            if (arg.StartsWith("--", StringComparison.Ordinal) && arg.IndexOf('=', StringComparison.Ordinal) is var eq and > 0)
            {
                name = arg[..eq];
                inline = arg[(eq + 1)..];
            }
            string Value()
            {
                if (inline is not null) return inline.Length > 0 ? inline : throw new UsageException($"{name} needs a value.");
                if (i + 1 >= args.Count || args[i + 1].StartsWith("--", StringComparison.Ordinal))
                {
                    throw new UsageException($"{name} needs a value{Example(name)}.");
                }
                return args[++i];
            }
            void NoValue()
            {
                if (inline is not null) throw new UsageException($"{name} takes no value.");
            }

            switch (name)
            {
                case "--chapter":
                    chapters.AddRange(NonEmpty(name, List(Value())).Select(ParseChapter));
                    break;
                case "--exercise" or "--exercises":
                    exercises.AddRange(NonEmpty(name, List(Value())).Select(e => ParseExercise(e)));
                    break;
                case "--subject":
                    options = options with { Subject = ParseSubject(Value()) };
                    break;
                case "--json":
                    options = options with { Json = OutputFile(name, Value()) };
                    break;
                case "--badges":
                    options = options with { Badges = OutputFolder(name, Value()) };
                    break;
                case "--report":
                    options = options with { Report = OutputFile(name, Value()) };
                    break;
                case "--watch":
                    NoValue();
                    options = options with { Watch = true };
                    break;
                case "--verbose":
                    NoValue();
                    options = options with { Verbose = true };
                    break;
                case "--accept":
                    NoValue();
                    options = options with { Accept = true };
                    break;
                case "--timeout":
                    options = options with { Timeout = ParseTimeout(Value()) };
                    break;
                case "--explain":
                    options = options with { Explain = ParseExercise(Value(), name) };
                    break;
                case "--hint":
                    options = options with { Hint = ParseExercise(Value(), name) };
                    break;
                case "--solution":
                    options = options with { Solution = ParseExercise(Value(), name) };
                    break;
                case "--give-up":
                    options = options with { GiveUp = ParseExercise(Value(), name) };
                    break;
                case "--lang":
                    options = options with { Lang = ParseLang(Value()) };
                    break;
                case "--help" or "-h" or "-?" or "/?":
                    NoValue();
                    options = options with { Help = true };
                    break;
                case "--classroom":
                    options = options with { Classroom = Value() };
                    break;
                case "--csv":
                    options = options with { Csv = Value() };
                    break;
                case "--gradebook":
                    options = options with { Gradebook = Value() };
                    break;
                case "--class-page":
                    options = options with { ClassPage = Value() };
                    break;
                case "--classroom-workflow":
                    NoValue();
                    options = options with { ClassroomWorkflow = true };
                    break;
                case "--memory":
                    options = options with { Memory = ParseCount(name, Value(), 64, 1024 * 1024) };
                    break;
                case "--parallel":
                    options = options with { Parallel = ParseCount(name, Value(), 1, 64) };
                    break;
                case "--events":
                    options = options with { Events = Value() };
                    break;
                case "--worker":
                    NoValue();
                    options = options with { Worker = true };
                    break;
                default:
                    throw new UsageException(Unknown(arg));
            }
        }
        if (options.Watch && options.Classroom is not null) throw new UsageException("--watch and --classroom do not go together: watch mode grades your own exercises as you save them.");
        return options with { Chapters = chapters.Distinct().ToList(), Exercises = exercises.Distinct().ToList() };
    }

    private static IEnumerable<string> NonEmpty(string name, IEnumerable<string> values)
    {
        var list = values.ToList();
        return list.Count > 0 ? list : throw new UsageException($"{name} needs a value{Example(name)}.");
    }

    /// <summary>A file to write at the end: refused at once, before any grading, when it cannot be written there.</summary>
    private static string OutputFile(string name, string path)
    {
        if (string.IsNullOrWhiteSpace(path)) throw new UsageException($"{name} needs a file name{Example(name)}.");
        if (Directory.Exists(path)) throw new UsageException($"{name}: '{path}' is a folder; give a file name, e.g. {Path.Combine(path, "results.json")}.");
        OutputFolder(name, Path.GetDirectoryName(Path.GetFullPath(path)) ?? ".", mustExist: true);
        return path;
    }

    /// <summary>A folder to write into: refused at once when a file stands where it, or a folder above it, would be.</summary>
    private static string OutputFolder(string name, string path, bool mustExist = false)
    {
        if (string.IsNullOrWhiteSpace(path)) throw new UsageException($"{name} needs a folder{Example(name)}.");
        for (var dir = Path.GetFullPath(path); dir is not null; dir = Path.GetDirectoryName(dir))
        {
            if (File.Exists(dir)) throw new UsageException($"{name}: '{dir}' is a file, so nothing can be written under it.");
            if (Directory.Exists(dir)) break;
            if (mustExist) throw new UsageException($"{name}: the folder '{dir}' does not exist; create it first, or write somewhere else.");
        }
        return path;
    }

    private static IEnumerable<string> List(string value) =>
        value.Split([',', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static int ParseChapter(string text) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0
            ? n
            : throw new UsageException($"--chapter expects a chapter number such as 1, or a list such as 1,3; got '{text}'.");

    private static string ParseExercise(string text, string option = "--exercise") =>
        ExerciseId().IsMatch(text)
            ? text
            : throw new UsageException($"{option} expects an exercise id such as 1.3 (chapter.number); got '{text}'.");

    private static Lang ParseLang(string text) =>
        Langs.Parse(text) ?? throw new UsageException($"--lang expects en (English) or zh (简体中文); got '{text}'.");

    private static string ParseSubject(string text)
    {
        if (text.Equals("learner", StringComparison.OrdinalIgnoreCase)) return "learner";
        if (text.Equals("reference", StringComparison.OrdinalIgnoreCase)) return "reference";
        if (text.StartsWith("mutant:", StringComparison.OrdinalIgnoreCase) && text.Length > "mutant:".Length) return "mutant:" + text["mutant:".Length..];
        throw new UsageException($"--subject expects learner, reference or mutant:KEY; got '{text}'.");
    }

    private static TimeSpan ParseTimeout(string text) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var s) && s > 0 && s <= 24 * 3600
            ? TimeSpan.FromSeconds(s)
            : throw new UsageException($"--timeout expects a number of seconds greater than 0, such as 30; got '{text}'.");

    private static int ParseCount(string name, string text, int min, int max) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= min && n <= max
            ? n
            : throw new UsageException($"{name} expects a whole number from {min} to {max}; got '{text}'.");

    private static string Example(string name) => name switch
    {
        "--chapter" => ", e.g. --chapter 1",
        "--exercise" => ", e.g. --exercise 1.3",
        "--subject" => ": learner, reference or mutant:KEY",
        "--json" => ", e.g. --json results.json",
        "--badges" => ", e.g. --badges badges",
        "--report" => ", e.g. --report report.html",
        "--timeout" => ", e.g. --timeout 30",
        "--explain" => ", e.g. --explain 1.3",
        "--hint" => ", e.g. --hint 1.3",
        "--solution" => ", e.g. --solution 1.3",
        "--give-up" => ", e.g. --give-up 1.3",
        "--lang" => ": en or zh",
        "--classroom" => ", e.g. --classroom submissions/",
        "--csv" => ", e.g. --csv class.csv",
        "--gradebook" => ", e.g. --gradebook gradebook.csv",
        "--class-page" => ", e.g. --class-page class.html",
        _ => "",
    };

    private static string Unknown(string arg)
    {
        if (!arg.StartsWith('-')) return $"unexpected argument '{arg}'. Options start with --, e.g. --exercise {arg}.";
        var bare = arg.TrimStart('-').ToLowerInvariant();
        var close = Known.Where(k => k is not "--worker" and not "--exercises" and not "--events")
            .FirstOrDefault(k => bare.Length > 1 && (k[2..].StartsWith(bare, StringComparison.Ordinal) || bare.StartsWith(k[2..], StringComparison.Ordinal)));
        return $"unknown option '{arg}'." + (close is null ? "" : $" Did you mean {close}?");
    }

    [GeneratedRegex(@"^\d+\.\d+$")]
    private static partial Regex ExerciseId();
}
