using System.IO.Compression;
using DeepLearningKata.Runner.Compile;

namespace DeepLearningKata.Runner.Classroom;

/// <summary>One learner's submission in the class folder: a folder or a <c>.zip</c>.</summary>
/// <param name="Name">The learner, as the report names them: the folder's name, or the zip's without <c>.zip</c>.</param>
/// <param name="Source">The entry's name in the class folder (<c>alice</c>, <c>bob.zip</c>).</param>
/// <param name="Path">Its full path.</param>
public sealed record SubmissionSource(string Name, string Source, string Path, bool IsZip);

/// <summary>A submission opened for grading: the root of its copy of the kata, or why there is none.</summary>
public sealed record OpenedSubmission(string? Root, SubmissionStatus Status, string? Problem);

/// <summary>Finds and opens the submissions of a class folder.</summary>
public static class Submissions
{
    /// <summary>Folders and files that belong to no one's work (an OS's litter).</summary>
    private static readonly HashSet<string> Litter = new(StringComparer.OrdinalIgnoreCase) { "__MACOSX", ".DS_Store", "Thumbs.db", "desktop.ini" };

    /// <summary>
    /// The submissions in <paramref name="classFolder"/>, sorted by learner name: every sub-folder and every
    /// <c>.zip</c> file (hidden entries and OS litter are skipped). A zip named like a folder keeps its <c>.zip</c>
    /// in its name. <paramref name="ignored"/> gets the other files (a report written into the folder, notes).
    /// </summary>
    public static IReadOnlyList<SubmissionSource> Find(string classFolder, out IReadOnlyList<string> ignored)
    {
        var found = new List<SubmissionSource>();
        var other = new List<string>();
        var entries = new DirectoryInfo(classFolder).EnumerateFileSystemInfos().ToList();
        var folders = entries.OfType<DirectoryInfo>().Select(d => d.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
        foreach (var entry in entries)
        {
            if (entry.Name.StartsWith('.') || Litter.Contains(entry.Name)) continue;
            if (entry is DirectoryInfo dir)
            {
                found.Add(new SubmissionSource(dir.Name, dir.Name, dir.FullName, IsZip: false));
            }
            else if (entry.Name.EndsWith(".zip", StringComparison.OrdinalIgnoreCase))
            {
                var bare = entry.Name[..^4];
                found.Add(new SubmissionSource(folders.Contains(bare) || bare.Length == 0 ? entry.Name : bare, entry.Name, entry.FullName, IsZip: true));
            }
            else
            {
                other.Add(entry.Name);
            }
        }
        ignored = other.Order(StringComparer.Ordinal).ToList();
        return found.OrderBy(s => s.Name, StringComparer.OrdinalIgnoreCase).ThenBy(s => s.Name, StringComparer.Ordinal).ToList();
    }

    /// <summary>
    /// Opens <paramref name="submission"/>: a zip is extracted (safely, see <see cref="SafeZip"/>) into
    /// <paramref name="scratch"/>; then the kata's root is looked for: the folder holding <c>exercises/</c>, itself
    /// or inside one single top-level folder (as GitHub's "Download ZIP" makes). Nothing is ever written into a
    /// submission folder.
    /// </summary>
    public static OpenedSubmission Open(SubmissionSource submission, string scratch)
    {
        ArgumentNullException.ThrowIfNull(submission);
        var folder = submission.Path;
        if (submission.IsZip)
        {
            folder = Path.Combine(scratch, "unzipped");
            try
            {
                SafeZip.Extract(submission.Path, folder);
            }
            catch (Exception e) when (e is InvalidDataException or IOException or UnauthorizedAccessException or NotSupportedException)
            {
                return new OpenedSubmission(null, SubmissionStatus.Unreadable, $"the zip file cannot be read: {e.Message}");
            }
        }
        for (var depth = 0; depth < 4; depth++)
        {
            if (Directory.Exists(Path.Combine(folder, "exercises")))
            {
                return ExerciseFiles(folder) == 0
                    ? new OpenedSubmission(null, SubmissionStatus.Empty, "exercises/ holds no .cs file: nothing to grade.")
                    : new OpenedSubmission(folder, SubmissionStatus.Graded, null);
            }
            var entries = Entries(folder);
            if (entries.Count == 1 && entries[0] is DirectoryInfo only)
            {
                folder = only.FullName; // one top-level folder around the repository
                continue;
            }
            break;
        }
        return HasAnyFile(submission.IsZip ? Path.Combine(scratch, "unzipped") : submission.Path)
            ? new OpenedSubmission(null, SubmissionStatus.NotAKata, "no exercises/ folder: this is not a copy of the kata's repository.")
            : new OpenedSubmission(null, SubmissionStatus.Empty, submission.IsZip ? "the zip file holds no files." : "the folder holds no files.");
    }

    private static List<FileSystemInfo> Entries(string folder) =>
        new DirectoryInfo(folder).EnumerateFileSystemInfos()
            .Where(e => !e.Name.StartsWith('.') && !Litter.Contains(e.Name) && !e.Attributes.HasFlag(FileAttributes.ReparsePoint))
            .ToList();

    private static int ExerciseFiles(string root) => ExerciseCompiler.SourceFiles(Path.Combine(root, "exercises")).Count;

    private static bool HasAnyFile(string folder) =>
        Directory.Exists(folder) && Directory.EnumerateFiles(folder, "*", new EnumerationOptions
        {
            RecurseSubdirectories = true,
            AttributesToSkip = FileAttributes.ReparsePoint,
            IgnoreInaccessible = true,
        }).Any(f => !Litter.Contains(Path.GetFileName(f)) && !f.Replace('\\', '/').Contains("/__MACOSX/", StringComparison.OrdinalIgnoreCase));
}

/// <summary>
/// Extracts a learner's zip without trusting it: no entry may land outside the target folder (no <c>../</c>, no
/// absolute paths), symbolic links are skipped, and at most <see cref="MaxBytes"/> bytes in <see cref="MaxEntries"/>
/// entries are written, counted as they are written (a zip bomb's declared sizes are not believed).
/// </summary>
public static class SafeZip
{
    /// <summary>The most bytes one submission may unpack to.</summary>
    public const long MaxBytes = 512L * 1024 * 1024;

    /// <summary>The most entries one submission may hold.</summary>
    public const int MaxEntries = 50_000;

    public static void Extract(string zipPath, string target)
    {
        var root = Path.GetFullPath(target);
        Directory.CreateDirectory(root);
        using var zip = ZipFile.OpenRead(zipPath);
        if (zip.Entries.Count > MaxEntries)
        {
            throw new InvalidDataException($"it holds {zip.Entries.Count} entries (at most {MaxEntries}).");
        }
        long written = 0;
        var buffer = new byte[81920];
        foreach (var entry in zip.Entries)
        {
            var name = entry.FullName.Replace('\\', '/');
            var unixMode = (entry.ExternalAttributes >> 16) & 0xF000;
            if (unixMode == 0xA000) continue; // a symbolic link
            var destination = Path.GetFullPath(Path.Combine(root, name));
            if (!destination.StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal) && destination != root)
            {
                throw new InvalidDataException($"the entry '{entry.FullName}' would be written outside the folder.");
            }
            if (name.EndsWith('/'))
            {
                Directory.CreateDirectory(destination);
                continue;
            }
            Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
            using var input = entry.Open();
            using var output = new FileStream(destination, FileMode.CreateNew, FileAccess.Write);
            int read;
            while ((read = input.Read(buffer, 0, buffer.Length)) > 0)
            {
                written += read;
                if (written > MaxBytes) throw new InvalidDataException($"it unpacks to more than {MaxBytes / (1024 * 1024)} MB.");
                output.Write(buffer, 0, read);
            }
        }
    }
}
