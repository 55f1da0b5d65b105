// The mutation score per chapter, from Stryker.NET's JSON reports (one run per chapter, written by
// tools/mutation/run.sh under StrykerOutput/ChapterNN/reports/mutation-report.json).
//
//   dotnet run tools/mutation/Score.cs -- [--min 90] [--survivors] REPORT.json...
//
// Prints one row per chapter: mutants, killed, timed out, survived, not covered, equivalent (mutants
// inside calls to the reference's input guards, left out by `ignore-methods` in
// tools/mutation/stryker-config.json; inside the spans of tools/mutation/equivalent-spans.txt, which run.sh
// passes as exclusions; or disabled with a `// Stryker disable` comment and a reason; see
// tools/mutation/equivalent.md), compile errors, the score (killed + timed out over killed + timed out +
// survived + not covered, as Stryker counts it) and the raw score (equivalents counted as survivors).
// Exit code 1 when a chapter's score is below --min, 2 for a bad command line.
using System.Globalization;
using System.Text.Json;

var min = 90.0;
var showSurvivors = false;
var reports = new List<string>();
for (var i = 0; i < args.Length; i++)
{
    switch (args[i])
    {
        case "--min" when i + 1 < args.Length:
            min = double.Parse(args[++i], CultureInfo.InvariantCulture);
            break;
        case "--survivors":
            showSurvivors = true;
            break;
        default:
            if (args[i].StartsWith("--", StringComparison.Ordinal)) { Console.Error.WriteLine($"unknown option {args[i]}"); return 2; }
            reports.Add(args[i]);
            break;
    }
}
if (reports.Count == 0) { Console.Error.WriteLine("usage: Score.cs [--min 90] [--survivors] REPORT.json..."); return 2; }

// Stryker's own filters ("Removed by block already covered filter", "Removed by mutate filter", …) say
// "Removed by"; any other reason of an ignored mutant is the reason written in a `// Stryker disable` comment.
// "Removed by method filter" is the configuration's `ignore-methods` (the calls to Guards.*): equivalent
// mutants with their reason in equivalent.md, counted as such. "Removed by mutate filter" in a file the run
// mutates is a span of equivalent-spans.txt (run.sh excludes them), counted as equivalent too; in the files
// the run does not mutate every mutant says it, and those files are skipped below.
static bool FilteredByStryker(string reason) =>
    reason.StartsWith("Removed by", StringComparison.Ordinal) && reason is not ("Removed by method filter" or "Removed by mutate filter");
var rows = new SortedDictionary<string, Counts>(StringComparer.Ordinal);
var survivors = new List<string>();
foreach (var path in reports)
{
    using var doc = JsonDocument.Parse(File.ReadAllText(path));
    foreach (var file in doc.RootElement.GetProperty("files").EnumerateObject())
    {
        var name = file.Name.Replace('\\', '/');
        var at = name.LastIndexOf("/Chapter", StringComparison.Ordinal);
        if (at < 0) continue;
        var relative = name[(at + 1)..];              // ChapterNN/1.3-Title.cs
        var chapter = relative.Split('/')[0];
        var mutants = file.Value.GetProperty("mutants").EnumerateArray()
            .Where(m => !(m.GetProperty("status").GetString() == "Ignored" && FilteredByStryker(Reason(m)) && Reason(m) != "Removed by block already covered filter"))
            .ToList();
        // A file of another chapter, not mutated in this run (its disabled mutants are still listed): skip it.
        if (!mutants.Any(m => m.GetProperty("status").GetString() is "Killed" or "Timeout" or "Survived" or "NoCoverage")) continue;
        var c = rows.TryGetValue(chapter, out var found) ? found : rows[chapter] = new Counts();
        foreach (var m in mutants)
        {
            var status = m.GetProperty("status").GetString();
            var reason = Reason(m);
            switch (status)
            {
                case "Killed": c.Killed++; break;
                case "Timeout": c.Timeout++; break;
                case "Survived": c.Survived++; break;
                case "NoCoverage": c.NoCoverage++; break;
                case "CompileError": c.CompileError++; break;
                case "Ignored" when FilteredByStryker(reason): c.Duplicate++; break;
                case "Ignored": c.Equivalent++; break;
                default: c.Other++; break;
            }
            if (showSurvivors && status is "Survived" or "NoCoverage")
            {
                var line = m.GetProperty("location").GetProperty("start").GetProperty("line").GetInt32();
                var replacement = m.TryGetProperty("replacement", out var rep) ? rep.GetString() ?? "" : "";
                if (replacement.Length > 70) replacement = replacement[..70] + "…";
                survivors.Add($"  {status,-10} {relative}:{line}  {m.GetProperty("mutatorName").GetString()}: {replacement.ReplaceLineEndings(" ")}");
            }
        }
    }
}

Console.WriteLine($"{"chapter",-10}{"mutants",8}{"killed",8}{"timeout",8}{"survived",9}{"no cov",8}{"equiv",7}{"c.err",7}{"score",9}{"raw",9}");
var failed = false;
foreach (var (chapter, c) in rows)
{
    var score = c.Score;
    failed |= score < min;
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"{chapter,-10}{c.Mutants,8}{c.Killed,8}{c.Timeout,8}{c.Survived,9}{c.NoCoverage,8}{c.Equivalent,7}{c.CompileError,7}{score,8:0.0}%{c.Raw,8:0.0}%{(score < min ? "  < " + min.ToString(CultureInfo.InvariantCulture) + "%" : "")}"));
}
Console.WriteLine("mutants = killed + timeout + survived + no cov + equiv (left out with a reason); compile errors and");
Console.WriteLine("duplicates Stryker drops itself are not counted. score = (killed + timeout) / (mutants - equiv); raw = (killed + timeout) / mutants.");
if (survivors.Count > 0)
{
    Console.WriteLine("survivors:");
    foreach (var s in survivors) Console.WriteLine(s);
}
return failed ? 1 : 0;

static string Reason(JsonElement m) => m.TryGetProperty("statusReason", out var r) ? r.GetString() ?? "" : "";

sealed class Counts
{
    public int Killed, Timeout, Survived, NoCoverage, CompileError, Duplicate, Equivalent, Other;

    public int Mutants => Killed + Timeout + Survived + NoCoverage + Equivalent;

    public double Score => Killed + Timeout + Survived + NoCoverage == 0 ? 100 : 100.0 * (Killed + Timeout) / (Killed + Timeout + Survived + NoCoverage);

    public double Raw => Mutants == 0 ? 100 : 100.0 * (Killed + Timeout) / Mutants;
}
