namespace DeepLearningKata.Runner;

/// <summary>
/// What the two copies of the runner's output have in common: classroom grading's <c>Classroom.Sandbox</c> (one per
/// submission) and watch mode's <c>Watch.WorkerHost</c> (one, kept up to date). Both exist because a worker binds
/// <c>DeepLearningKata.Exercises.dll</c> to the file in its own folder, so a different build needs a folder of its own.
/// </summary>
internal static class RunnerFolder
{
    /// <summary>
    /// Makes <paramref name="to"/> a symbolic link to the runner's <c>runtimes/</c> folder <paramref name="from"/> (the
    /// native plotting libraries of every platform: hundreds of MB). Where links are not allowed (Windows without the
    /// right), the sub-folders this operating system may load from are copied instead, file by file with
    /// <paramref name="copyFile"/> (its target's folder exists).
    /// </summary>
    public static void LinkOrCopyRuntimes(string from, string to, Action<string, string> copyFile)
    {
        if (!Directory.Exists(from)) return;
        try
        {
            Directory.CreateSymbolicLink(to, from);
            return;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or PlatformNotSupportedException)
        {
            // copy this platform's libraries below
        }
        foreach (var dir in Directory.GetDirectories(from).Where(d => ThisPlatform(Path.GetFileName(d))))
        {
            foreach (var file in Directory.EnumerateFiles(dir, "*", SearchOption.AllDirectories))
            {
                var target = Path.Combine(to, Path.GetRelativePath(from, file));
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                copyFile(file, target);
            }
        }
    }

    /// <summary>
    /// True for a <c>runtimes/</c> sub-folder this operating system may load from: <c>win-x64</c> on Windows; on Linux
    /// <c>linux-x64</c>, <c>linux-musl-x64</c>, <c>unix</c>, … (the host falls back from the exact platform to these).
    /// </summary>
    public static bool ThisPlatform(string rid) =>
        OperatingSystem.IsWindows() ? rid.StartsWith("win", StringComparison.Ordinal)
        : OperatingSystem.IsMacOS() ? rid.StartsWith("osx", StringComparison.Ordinal) || rid.StartsWith("unix", StringComparison.Ordinal)
        : rid.StartsWith("linux", StringComparison.Ordinal) || rid.StartsWith("unix", StringComparison.Ordinal);
}
