using System.Globalization;
using DeepLearningKata.Checks;

namespace DeepLearningKata.Runner.Classroom;

/// <summary>
/// The points each exercise is worth: <c>tools/classroom/points.tsv</c>, the one table behind GitHub Classroom's
/// workflow (<see cref="ClassroomWorkflow"/>) and <c>--classroom</c>'s gradebook. One line per exercise of the catalog:
/// <c>id</c>, a tab, <c>points</c> (a whole number, 0 or more); <c>#</c> starts a comment, the header line is
/// <c>id	points</c>.
/// </summary>
public sealed class PointsTable
{
    private readonly Dictionary<string, int> _points;

    private PointsTable(Dictionary<string, int> points) => _points = points;

    /// <summary>Where the table is kept, relative to the kata's root.</summary>
    public const string RelativePath = "tools/classroom/points.tsv";

    /// <summary>The table of this copy of the kata.</summary>
    public static string DefaultPath => Path.Combine(Repo.Root, "tools", "classroom", "points.tsv");

    /// <summary>The points of exercise <paramref name="id"/>.</summary>
    public int this[string id] => _points[id];

    /// <summary>The points of every exercise in <paramref name="selection"/>, added up.</summary>
    public int Total(IEnumerable<Exercise> selection) => selection.Sum(e => _points[e.Id]);

    /// <summary>Reads the table of this copy of the kata, checked against the catalog.</summary>
    public static PointsTable Load() => Load(DefaultPath, Catalog.Exercises);

    /// <summary>
    /// Reads the table of this copy of the kata for a command: null when it is missing or wrong, after saying why on
    /// <paramref name="stderr"/> (the command then ends with <see cref="Cli.Usage"/>).
    /// </summary>
    public static PointsTable? LoadOrSay(TextWriter stderr)
    {
        ArgumentNullException.ThrowIfNull(stderr);
        try
        {
            return Load();
        }
        catch (InvalidDataException e)
        {
            stderr.WriteLine($"run-checks: {e.Message}");
            return null;
        }
    }

    /// <summary>
    /// Reads <paramref name="path"/> and checks it lists every exercise of <paramref name="exercises"/> once and nothing
    /// else; an <see cref="InvalidDataException"/> names the line or the exercise that is wrong.
    /// </summary>
    public static PointsTable Load(string path, IReadOnlyList<Exercise> exercises)
    {
        ArgumentNullException.ThrowIfNull(exercises);
        if (!File.Exists(path)) throw new InvalidDataException($"{RelativePath} is missing: it gives the points of each exercise.");
        return Parse(File.ReadAllLines(path), exercises);
    }

    /// <summary>Parses the lines of a table; see <see cref="Load(string, IReadOnlyList{Exercise})"/>.</summary>
    public static PointsTable Parse(IReadOnlyList<string> lines, IReadOnlyList<Exercise> exercises)
    {
        ArgumentNullException.ThrowIfNull(lines);
        ArgumentNullException.ThrowIfNull(exercises);
        var known = exercises.Select(e => e.Id).ToHashSet();
        var points = new Dictionary<string, int>();
        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i].Trim();
            if (line.Length == 0 || line.StartsWith('#') || line.Replace(" ", "", StringComparison.Ordinal) == "id\tpoints") continue;
            string Where() => $"{RelativePath}:{i + 1}";
            var cells = line.Split('\t', StringSplitOptions.TrimEntries);
            if (cells.Length != 2) throw new InvalidDataException($"{Where()}: expected an exercise id, a tab and its points, e.g. 1.3<TAB>2; got '{line}'.");
            var (id, text) = (cells[0], cells[1]);
            if (!known.Contains(id)) throw new InvalidDataException($"{Where()}: there is no exercise {id}. Exercises: {string.Join(", ", exercises.Select(e => e.Id))}.");
            if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) || n > 1000)
            {
                throw new InvalidDataException($"{Where()}: the points of {id} must be a whole number from 0 to 1000; got '{text}'.");
            }
            if (!points.TryAdd(id, n)) throw new InvalidDataException($"{Where()}: exercise {id} is listed twice.");
        }
        var missing = exercises.Where(e => !points.ContainsKey(e.Id)).Select(e => e.Id).ToList();
        if (missing.Count > 0) throw new InvalidDataException($"{RelativePath} gives no points for {string.Join(", ", missing)}: add a line for each.");
        return new PointsTable(points);
    }
}
