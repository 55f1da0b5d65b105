using System.Globalization;
using System.Text;
using System.Text.Json;
using DiffPlex.DiffBuilder;
using DiffPlex.DiffBuilder.Model;

namespace DeepLearningKata.Checks;

/// <summary>
/// Named values for a golden file, in the order they were added: inputs first, then outputs.
/// Values are tensors, numbers or strings.
/// </summary>
public sealed class GoldenRecord : IEnumerable<KeyValuePair<string, object>>
{
    private readonly List<KeyValuePair<string, object>> _entries = [];

    public void Add(string name, Tensor value) => _entries.Add(new(name, value ?? throw new ArgumentNullException(nameof(value), $"golden entry '{name}' is null")));
    public void Add(string name, double value) => _entries.Add(new(name, value));
    public void Add(string name, string value) => _entries.Add(new(name, value));

    public IEnumerator<KeyValuePair<string, object>> GetEnumerator() => _entries.GetEnumerator();
    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>
    /// The record as golden-file text: UTF-8 JSON, LF line ends, one number per line (so a diff points
    /// at the element), numbers in invariant round-trip form; NaN and infinities as strings.
    /// </summary>
    public string ToJson()
    {
        var sb = new StringBuilder("{");
        var first = true;
        foreach (var (name, value) in _entries)
        {
            sb.Append(first ? "\n  " : ",\n  ").Append(JsonSerializer.Serialize(name)).Append(": ");
            first = false;
            switch (value)
            {
                case Tensor t:
                    sb.Append("{\n    \"shape\": [").Append(string.Join(", ", t.Shape)).Append("],\n    \"data\": [");
                    var span = t.AsSpan();
                    for (var i = 0; i < span.Length; i++) sb.Append(i == 0 ? "\n      " : ",\n      ").Append(Number(span[i]));
                    sb.Append(span.Length == 0 ? "]\n  }" : "\n    ]\n  }");
                    break;
                case double d: sb.Append(Number(d)); break;
                default: sb.Append(JsonSerializer.Serialize((string)value)); break;
            }
        }
        return sb.Append("\n}\n").ToString();
    }

    private static string Number(double v) => double.IsFinite(v)
        ? v.ToString("R", CultureInfo.InvariantCulture)
        : "\"" + v.ToString(CultureInfo.InvariantCulture) + "\"";
}

/// <summary>
/// Golden files the Verify way: <c>golden/ChapterNN/{id}-{Title}.{name}.verified.json</c> is committed;
/// on a mismatch the reference's output is written beside it as <c>.received.json</c> and a diff is shown;
/// a maintainer accepts with <c>run-checks --accept</c>, which renames received to verified, never on CI.
/// </summary>
/// <remarks>
/// Only the reference subject ever writes a file, and only a <c>.received.</c> one. Any other subject
/// (a learner, a mutant) is compared with the verified file within the check's tolerance, and nothing is
/// written: a learner's run can never change a golden file.
/// </remarks>
public static class Golden
{
    /// <summary>The golden file's path (without <c>.verified.ext</c>) for the running check's exercise.</summary>
    public static string BasePath(string name)
    {
        var ex = (CheckContext.Current ?? throw new InvalidOperationException("Golden files are verified inside a check.")).Exercise;
        return $"{ex.Under(Repo.Golden)}.{name}";
    }

    /// <summary>Compares <paramref name="actual"/> with the golden file <paramref name="name"/> of the running check's exercise.</summary>
    public static void Verify(string name, GoldenRecord actual, Tolerance tolerance, string? hint = null)
    {
        ArgumentNullException.ThrowIfNull(actual);
        var context = CheckContext.Current ?? throw new InvalidOperationException("Golden files are verified inside a check.");
        var basePath = BasePath(name);
        var verifiedPath = basePath + ".verified.json";
        var receivedPath = basePath + ".received.json";
        var actualText = actual.ToJson();

        if (!File.Exists(verifiedPath))
        {
            if (!context.IsReference)
            {
                throw new CheckFailure(Say($"the golden file {Repo.Relative(verifiedPath)} is missing. This is a problem of the kata, not of your code: " +
                                           "restore the file (git checkout -- golden/) or ask your instructor.",
                                           $"黄金文件 {Repo.Relative(verifiedPath)} 不见了。这是 kata 的问题，与你的代码无关：" +
                                           "恢复这个文件（git checkout -- golden/），或者问你的老师。"));
            }
            var written = WriteReceived(receivedPath, actualText);
            throw new CheckFailure(
                $"no golden file yet: {Repo.Relative(verifiedPath)} does not exist.\n" +
                $"  The reference's output was {written}.\n" +
                "  Read it; if it is right, accept it with: ./run-checks.sh --accept   (or run-checks.ps1 -Accept)");
        }

        var verifiedText = File.ReadAllText(verifiedPath).Replace("\r\n", "\n", StringComparison.Ordinal);
        // The reference is held to the strict golden tolerance, except for what the check declares a
        // trajectory (a training curve), whose rounding legitimately differs between machines' SIMD.
        var limit = context.IsReference && tolerance != Tolerance.Trajectory ? Tolerance.Golden : tolerance;
        var difference = Compare(verifiedText, actual, limit);
        if (difference is null)
        {
            if (context.IsReference && File.Exists(receivedPath)) File.Delete(receivedPath); // stale from an earlier failure
            return;
        }
        if (context.IsReference)
        {
            var written = WriteReceived(receivedPath, actualText);
            throw new CheckFailure(
                $"the reference no longer reproduces {Repo.Relative(verifiedPath)}: {difference}\n" +
                $"  received: {written}\n{Diff(verifiedText, actualText)}\n" +
                "  If the change is intended, accept it with: ./run-checks.sh --accept");
        }
        throw new CheckFailure(Say($"differs from the golden output: {difference}", $"与黄金文件中的输出不同：{difference}") +
                               (hint is null ? "" : $"\n  {CheckFailure.HintLabel} {hint}"));
    }

    /// <summary>Null when <paramref name="actual"/> matches the golden text within tolerance, else what differs, for a learner.</summary>
    internal static string? Compare(string verifiedText, GoldenRecord actual, Tolerance tolerance)
    {
        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(verifiedText);
        }
        catch (JsonException e)
        {
            return Say($"the golden file is not valid JSON ({e.Message}); restore it from git.", $"黄金文件不是有效的 JSON（{e.Message}）；从 git 恢复它。");
        }
        using (doc)
        {
            var expected = doc.RootElement.EnumerateObject().ToList();
            var entries = actual.ToList();
            var inputs = new List<(string, string)>();
            for (var i = 0; i < Math.Max(expected.Count, entries.Count); i++)
            {
                if (i >= expected.Count) return Say($"an extra entry '{entries[i].Key}' that the golden file does not have.", $"多了黄金文件中没有的一项 '{entries[i].Key}'。");
                if (i >= entries.Count) return Say($"the entry '{expected[i].Name}' is missing.", $"缺少 '{expected[i].Name}' 这一项。");
                var (name, value) = entries[i];
                if (expected[i].Name != name) return Say($"entry {i + 1} is '{name}', the golden file has '{expected[i].Name}'.", $"第 {i + 1} 项是 '{name}'，黄金文件中是 '{expected[i].Name}'。");
                var problem = CompareValue(expected[i].Value, value, tolerance);
                if (problem is not null)
                {
                    var context = inputs.Count == 0 ? "" : "\n  " + string.Join("\n  ", inputs.Select(p =>
                        $"{p.Item1} = {p.Item2.Replace("\n", "\n" + new string(' ', p.Item1.Length + 5), StringComparison.Ordinal)}"));
                    return $"'{name}' {problem}{context}";
                }
                if (i < 4) inputs.Add((name, value is Tensor t ? t.ToString() : Convert.ToString(value, CultureInfo.InvariantCulture) ?? ""));
            }
            return null;
        }
    }

    private static string? CompareValue(JsonElement expected, object actual, Tolerance tolerance)
    {
        switch (actual)
        {
            case Tensor t:
                var shape = expected.GetProperty("shape").EnumerateArray().Select(e => e.GetInt32()).ToArray();
                if (!t.ShapeSpan.SequenceEqual(shape))
                {
                    return Say($"has shape {t.ShapeText}; expected {ShapeException.Format(shape)}.", $"的形状是 {t.ShapeText}，期望 {ShapeException.Format(shape)}。");
                }
                var data = expected.GetProperty("data").EnumerateArray().Select(ReadNumber).ToArray();
                var span = t.AsSpan();
                for (var i = 0; i < data.Length; i++)
                {
                    if (!tolerance.Accepts(span[i], data[i]))
                    {
                        var index = ShapeException.Format(Expect.Unravel(i, shape)).Replace(",)", ")", StringComparison.Ordinal);
                        var (want, got) = (Tensor.FormatNumber(data[i]), Tensor.FormatNumber(span[i]));
                        return Say($"is wrong at index {index}: expected {want}, got {got} (tolerance {tolerance}).", $"在索引 {index} 处不对：期望 {want}，得到 {got}（容差 {tolerance}）。") +
                               CheckFailure.Of("", [(Expect.Expected, new Tensor(data, shape).ToString()), (Expect.YourAnswer, t.ToString())]).Message;
                    }
                }
                return null;
            case double d:
                var e = ReadNumber(expected);
                return tolerance.Accepts(d, e) ? null : Say($"is {Tensor.FormatNumber(d)}; expected {Tensor.FormatNumber(e)} (tolerance {tolerance}).",
                                                            $"是 {Tensor.FormatNumber(d)}，期望 {Tensor.FormatNumber(e)}（容差 {tolerance}）。");
            default:
                var s = (string)actual;
                return expected.ValueKind == JsonValueKind.String && expected.GetString() == s ? null : Say($"is \"{s}\"; expected {expected}.", $"是 \"{s}\"，期望 {expected}。");
        }
    }

    private static double ReadNumber(JsonElement e) =>
        e.ValueKind == JsonValueKind.String ? double.Parse(e.GetString()!, CultureInfo.InvariantCulture) : e.GetDouble();

    /// <summary>True when the <c>CI</c> environment variable is set: CI never writes or accepts golden files.</summary>
    public static bool OnCi => !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("CI"));

    internal static string WriteReceived(string path, string text) => WriteReceived(path, new UTF8Encoding(false).GetBytes(text));

    /// <summary>Writes a received file, except on CI; says where it went (or why it did not), for a message.</summary>
    internal static string WriteReceived(string path, byte[] bytes)
    {
        if (OnCi) return $"not written: on CI (the CI variable is set) no golden file is ever written; run the reference locally to get {Path.GetFileName(path)}";
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, bytes);
        return $"written to {Repo.Relative(path)}";
    }

    /// <summary>A short line diff, <c>-</c> for the verified file, <c>+</c> for the received one, with two lines of context.</summary>
    public static string Diff(string verified, string received, int maxLines = 40)
    {
        var model = InlineDiffBuilder.Diff(verified, received, ignoreWhiteSpace: false);
        var lines = model.Lines;
        var keep = new bool[lines.Count];
        for (var i = 0; i < lines.Count; i++)
        {
            if (lines[i].Type == ChangeType.Unchanged) continue;
            for (var j = Math.Max(0, i - 2); j <= Math.Min(lines.Count - 1, i + 2); j++) keep[j] = true;
        }
        var sb = new StringBuilder("  diff (- verified, + received):");
        var shown = 0;
        for (var i = 0; i < lines.Count && shown < maxLines; i++)
        {
            if (!keep[i]) continue;
            var prefix = lines[i].Type switch { ChangeType.Deleted => "- ", ChangeType.Inserted => "+ ", _ => "  " };
            sb.Append("\n    ").Append(prefix).Append(lines[i].Text);
            shown++;
        }
        if (shown == maxLines) sb.Append("\n    …");
        return sb.ToString();
    }

    /// <summary>
    /// Accepts every received file under <paramref name="goldenRoot"/> (renames <c>.received.</c> to <c>.verified.</c>),
    /// or only those of the exercises in <paramref name="only"/> (<c>--accept --exercise 1.1</c>).
    /// Refused when the <c>CI</c> environment variable is set: CI never accepts.
    /// </summary>
    /// <returns>The accepted files, relative to the golden folder.</returns>
    public static IReadOnlyList<string> Accept(string goldenRoot, IReadOnlyCollection<Exercise>? only = null)
    {
        if (OnCi)
        {
            throw new InvalidOperationException("Refusing to accept golden files on CI (the CI environment variable is set). Accept on your machine and commit.");
        }
        if (!Directory.Exists(goldenRoot)) return [];
        var accepted = new List<string>();
        foreach (var received in Directory.EnumerateFiles(goldenRoot, "*.received.*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileName(received);
            if (only is not null && !only.Any(e => name.StartsWith(e.Stem + ".", StringComparison.Ordinal))) continue;
            var verified = received.Replace(".received.", ".verified.", StringComparison.Ordinal);
            File.Move(received, verified, overwrite: true);
            accepted.Add(Path.GetRelativePath(goldenRoot, verified).Replace('\\', '/'));
        }
        return accepted;
    }
}
