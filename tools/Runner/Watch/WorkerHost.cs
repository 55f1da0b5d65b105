using DeepLearningKata.Runner.Compile;

namespace DeepLearningKata.Runner.Watch;

/// <summary>
/// The folder watch mode's workers run from: a copy of the runner's own folder whose
/// <c>DeepLearningKata.Exercises.dll</c> is replaced by each compile.
/// </summary>
/// <remarks>
/// A worker cannot simply be told to load another build of the exercises: .NET binds an assembly named in
/// the application's dependency list to the file in the application's folder, whatever is loaded first.
/// So the workers get a folder of their own. Only changed files are copied (about 25 MB the first time);
/// the native libraries under <c>runtimes/</c> (SkiaSharp, hundreds of MB for every platform) are linked,
/// or, where a link cannot be made, only this platform's are copied.
/// </remarks>
internal static class WorkerHost
{
    /// <summary>Brings <paramref name="folder"/> up to date with the runner's folder; the path of the runner dll in it.</summary>
    public static string Prepare(string folder)
    {
        var runner = typeof(Worker).Assembly.Location;
        var source = Path.GetDirectoryName(runner)!;
        folder = Path.GetFullPath(folder);
        Directory.CreateDirectory(folder);
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(source, file);
            if (relative.StartsWith("runtimes" + Path.DirectorySeparatorChar, StringComparison.Ordinal)) continue;
            if (Path.GetFileName(relative).StartsWith(ExerciseCompiler.AssemblyName + ".", StringComparison.Ordinal)) continue;
            CopyIfChanged(file, Path.Combine(folder, relative));
        }
        LinkRuntimes(Path.Combine(source, "runtimes"), Path.Combine(folder, "runtimes"));
        return Path.Combine(folder, Path.GetFileName(runner));
    }

    /// <summary>Where the compiled exercises go in <paramref name="folder"/>.</summary>
    public static string ExercisesAssembly(string folder) => Path.Combine(Path.GetFullPath(folder), ExerciseCompiler.AssemblyName + ".dll");

    private static void CopyIfChanged(string from, string to)
    {
        var a = new FileInfo(from);
        var b = new FileInfo(to);
        if (b.Exists && b.Length == a.Length && b.LastWriteTimeUtc == a.LastWriteTimeUtc) return;
        Directory.CreateDirectory(Path.GetDirectoryName(to)!);
        File.Copy(from, to, overwrite: true);
        File.SetLastWriteTimeUtc(to, a.LastWriteTimeUtc);
    }

    private static void LinkRuntimes(string from, string to)
    {
        if (!Directory.Exists(from) || Directory.Exists(to)) return;
        try
        {
            var stale = new DirectoryInfo(to);
            if (stale.LinkTarget is not null) stale.Delete(); // a link to a runner folder that is gone
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // then the link below cannot be made either, and the libraries are copied
        }
        RunnerFolder.LinkOrCopyRuntimes(from, to, CopyIfChanged);
    }
}
