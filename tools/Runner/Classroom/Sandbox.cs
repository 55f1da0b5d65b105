using System.Runtime.InteropServices;

namespace DeepLearningKata.Runner.Classroom;

/// <summary>
/// Where one submission is graded, apart from every other: a temporary folder holding the submission's compiled
/// exercises (<c>DeepLearningKata.Exercises.dll</c>, which the runner's own workers load) and the root the worker sees
/// as the kata (<c>root/</c>: its <c>KATA_ROOT</c> and working directory, where plots of the learner's training land;
/// <c>root/data</c> links to the instructor's data). The golden files are read from the instructor's <c>golden/</c>
/// (<c>KATA_GOLDEN</c>), which only the reference ever writes to.
/// </summary>
public sealed class Sandbox
{
    private Sandbox(string folder)
    {
        Folder = folder;
        Root = Path.Combine(folder, "root");
        ExercisesDll = Path.Combine(folder, "DeepLearningKata.Exercises.dll");
    }

    /// <summary>The sandbox's own folder (removed with the submission's scratch folder).</summary>
    public string Folder { get; }

    /// <summary>The kata root the worker sees.</summary>
    public string Root { get; }

    /// <summary>The submission's compiled exercises.</summary>
    public string ExercisesDll { get; }

    /// <summary>Makes a sandbox in <paramref name="folder"/> for the compiled <paramref name="exercises"/>.</summary>
    public static Sandbox Create(string folder, string instructorRoot, byte[] exercises)
    {
        ArgumentNullException.ThrowIfNull(exercises);
        var box = new Sandbox(folder);
        Directory.CreateDirectory(box.Root);
        File.WriteAllBytes(box.ExercisesDll, exercises);
        var data = Path.Combine(instructorRoot, "data");
        if (Directory.Exists(data)) LinkOrCopyFolder(data, Path.Combine(box.Root, "data"));
        return box;
    }

    private static void Mirror(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.GetFiles(from)) LinkOrCopyFile(file, Path.Combine(to, Path.GetFileName(file)));
        foreach (var dir in Directory.GetDirectories(from)) Mirror(dir, Path.Combine(to, Path.GetFileName(dir)));
    }

    /// <summary>A symbolic link to the folder; where links are not allowed (Windows without the right), a copy.</summary>
    private static void LinkOrCopyFolder(string from, string to)
    {
        try
        {
            Directory.CreateSymbolicLink(to, from);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or PlatformNotSupportedException)
        {
            Mirror(from, to);
        }
    }

    private static void LinkOrCopyFile(string from, string to)
    {
        if (!OperatingSystem.IsWindows() && Native.link(from, to) == 0) return;
        File.Copy(from, to);
    }

    private static class Native
    {
#pragma warning disable SYSLIB1054 // a plain P/Invoke; the source-generated kind needs unsafe code
        [DllImport("libc", SetLastError = true, CharSet = CharSet.Ansi, BestFitMapping = false, ThrowOnUnmappableChar = true)]
        public static extern int link(string oldpath, string newpath);
#pragma warning restore SYSLIB1054
    }
}
