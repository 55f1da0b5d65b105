using System.Diagnostics;
using System.Security.Cryptography;

namespace DeepLearningKata.Runner.Classroom;

/// <summary>The files a submission changed outside <c>exercises/</c>, relative to its root with '/', each list sorted.</summary>
public sealed record TamperReport(IReadOnlyList<string> Modified, IReadOnlyList<string> Added, IReadOnlyList<string> Deleted)
{
    /// <summary>True when any file outside <c>exercises/</c> differs from the instructor's.</summary>
    public bool Any => Modified.Count + Added.Count + Deleted.Count > 0;

    /// <summary>Every changed file with what happened to it: <c>checks/X.cs (modified)</c>.</summary>
    public IEnumerable<string> Lines =>
        Modified.Select(f => $"{f} (modified)").Concat(Added.Select(f => $"{f} (added)")).Concat(Deleted.Select(f => $"{f} (deleted)"));
}

/// <summary>
/// The tamper check. The instructor's copy of the kata is the yardstick: every file outside <c>exercises/</c>
/// (the checks, the golden files, the engine, the project files, the scripts) plus the project file in
/// <c>exercises/</c> itself. A submission whose copy of these differs is flagged as tampered, naming the files,
/// and still graded on its exercises against the instructor's checks (so tampering never changes a grade).
/// </summary>
/// <remarks>
/// Files are compared by content (SHA-256) with CRLF read as LF, so a checkout on Windows is not "modified".
/// Build output and tool litter are not compared: any <c>bin/</c>, <c>obj/</c>, <c>.git/</c>, <c>.kata/</c>,
/// <c>TestResults/</c>, <c>.vs/</c>, <c>.idea/</c>, <c>node_modules/</c>, and files such as <c>*.user</c>,
/// <c>*.received.*</c>, <c>.DS_Store</c>. The instructor's files are those git knows (tracked, or new and not
/// ignored: <c>git ls-files --cached --others --exclude-standard</c>), or every file when git is not there.
/// </remarks>
public sealed class Tamper
{
    private static readonly HashSet<string> SkippedFolders = new(StringComparer.OrdinalIgnoreCase)
    {
        "bin", "obj", ".git", ".kata", "TestResults", ".vs", ".idea", ".vscode", "node_modules", "StrykerOutput", "__MACOSX",
    };

    private static readonly HashSet<string> SkippedFiles = new(StringComparer.OrdinalIgnoreCase) { ".DS_Store", "Thumbs.db", "desktop.ini" };

    private readonly IReadOnlyDictionary<string, string> _instructor;

    private Tamper(IReadOnlyDictionary<string, string> instructor) => _instructor = instructor;

    /// <summary>How many files the instructor's copy has that are compared.</summary>
    public int Count => _instructor.Count;

    /// <summary>The instructor's files under <paramref name="root"/>, relative with '/': what git knows, or every file without git.</summary>
    public static IReadOnlyList<string> InstructorFiles(string root) =>
        (GitFiles(root) ?? Walk(root)).Where(f => File.Exists(Path.Combine(root, f))).Order(StringComparer.Ordinal).ToList();

    /// <summary>Reads (and hashes) the instructor's files under <paramref name="root"/>.</summary>
    public static Tamper ForInstructor(string root)
    {
        var files = InstructorFiles(root);
        var hashes = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var relative in files.Where(Compared))
        {
            var path = Path.Combine(root, relative);
            if (File.Exists(path)) hashes[relative] = Hash(path);
        }
        return new Tamper(hashes);
    }

    /// <summary>What the submission rooted at <paramref name="root"/> changed outside <c>exercises/</c>.</summary>
    public TamperReport Compare(string root)
    {
        var modified = new List<string>();
        var added = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var relative in Walk(root).Where(Compared))
        {
            seen.Add(relative);
            if (!_instructor.TryGetValue(relative, out var expected)) added.Add(relative);
            else if (Hash(Path.Combine(root, relative)) != expected) modified.Add(relative);
        }
        var deleted = _instructor.Keys.Where(k => !seen.Contains(k)).ToList();
        return new TamperReport(Sorted(modified), Sorted(added), Sorted(deleted));
    }

    private static List<string> Sorted(IEnumerable<string> files) => files.Order(StringComparer.Ordinal).ToList();

    /// <summary>True for a file the check compares: outside <c>exercises/</c>, or a project file directly in it; not litter.</summary>
    public static bool Compared(string relative)
    {
        var parts = relative.Split('/');
        if (parts.Any(p => SkippedFolders.Contains(p))) return false;
        var name = parts[^1];
        if (SkippedFiles.Contains(name) || name.EndsWith(".user", StringComparison.OrdinalIgnoreCase) || name.Contains(".received.", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }
        if (parts[0].Equals("exercises", StringComparison.Ordinal))
        {
            return parts.Length == 2 && name.EndsWith("proj", StringComparison.OrdinalIgnoreCase);
        }
        return true;
    }

    /// <summary>Every file under <paramref name="root"/>, relative with '/'; links are not followed, skipped folders not entered.</summary>
    private static IEnumerable<string> Walk(string root)
    {
        var pending = new Stack<string>();
        pending.Push(root);
        while (pending.Count > 0)
        {
            var dir = pending.Pop();
            IEnumerable<FileSystemInfo> entries;
            try
            {
                entries = new DirectoryInfo(dir).EnumerateFileSystemInfos().ToList();
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                continue;
            }
            foreach (var entry in entries)
            {
                if (entry.Attributes.HasFlag(FileAttributes.ReparsePoint)) continue;
                if (entry is DirectoryInfo d)
                {
                    if (!SkippedFolders.Contains(d.Name)) pending.Push(d.FullName);
                }
                else
                {
                    yield return Path.GetRelativePath(root, entry.FullName).Replace('\\', '/');
                }
            }
        }
    }

    /// <summary>The files git knows in <paramref name="root"/>, or null when it is not a git work tree (or git is missing).</summary>
    private static IReadOnlyList<string>? GitFiles(string root)
    {
        if (!Directory.Exists(Path.Combine(root, ".git")) && !File.Exists(Path.Combine(root, ".git"))) return null;
        try
        {
            var info = new ProcessStartInfo("git")
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
                WorkingDirectory = root,
            };
            foreach (var a in new[] { "-c", "core.quotepath=off", "ls-files", "-z", "--cached", "--others", "--exclude-standard" }) info.ArgumentList.Add(a);
            using var git = Process.Start(info);
            if (git is null) return null;
            var errors = git.StandardError.ReadToEndAsync();
            var output = git.StandardOutput.ReadToEnd();
            git.WaitForExit();
            _ = errors.Result;
            if (git.ExitCode != 0) return null;
            return output.Split('\0', StringSplitOptions.RemoveEmptyEntries).Distinct().ToList();
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null; // no git on the PATH
        }
    }

    /// <summary>SHA-256 of the file's bytes with every CRLF read as LF.</summary>
    public static string Hash(string path)
    {
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return "unreadable";
        }
        var normal = new byte[bytes.Length];
        var n = 0;
        for (var i = 0; i < bytes.Length; i++)
        {
            if (bytes[i] == '\r' && i + 1 < bytes.Length && bytes[i + 1] == '\n') continue;
            normal[n++] = bytes[i];
        }
        return Convert.ToHexString(SHA256.HashData(normal.AsSpan(0, n)));
    }
}
