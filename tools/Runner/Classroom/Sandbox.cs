using System.Runtime.InteropServices;

namespace DeepLearningKata.Runner.Classroom;

/// <summary>
/// Where one submission is graded, apart from every other: a temporary folder holding a copy of the instructor's
/// runner output (<c>bin/</c>, in which <c>DeepLearningKata.Exercises.dll</c> is the submission's own) and the root
/// the worker sees as the kata (<c>root/</c>: its <c>KATA_ROOT</c> and working directory, where plots of the
/// learner's training land; <c>root/data</c> links to the instructor's data). The golden files are read from the
/// instructor's <c>golden/</c> (<c>KATA_GOLDEN</c>), which only the reference ever writes to.
/// </summary>
/// <remarks>
/// The runner output is large only because of the native plotting libraries of every platform under
/// <c>runtimes/</c>: that folder is linked, not copied. The other files are hard-linked where the file system
/// allows it, else copied (about 10 MB).
/// </remarks>
public sealed class Sandbox
{
    private Sandbox(string folder)
    {
        Folder = folder;
        Bin = Path.Combine(folder, "bin");
        Root = Path.Combine(folder, "root");
    }

    /// <summary>The sandbox's own folder (removed with the submission's scratch folder).</summary>
    public string Folder { get; }

    /// <summary>The runner's copy.</summary>
    public string Bin { get; }

    /// <summary>The kata root the worker sees.</summary>
    public string Root { get; }

    /// <summary>The worker program.</summary>
    public string WorkerDll => Path.Combine(Bin, "DeepLearningKata.Runner.dll");

    /// <summary>Makes a sandbox in <paramref name="folder"/> for the compiled <paramref name="exercises"/>.</summary>
    public static Sandbox Create(string folder, string runnerDirectory, string instructorRoot, byte[] exercises)
    {
        ArgumentNullException.ThrowIfNull(exercises);
        var box = new Sandbox(folder);
        Directory.CreateDirectory(box.Bin);
        Directory.CreateDirectory(box.Root);
        Mirror(runnerDirectory, box.Bin, top: true);
        var dll = Path.Combine(box.Bin, "DeepLearningKata.Exercises.dll");
        File.Delete(dll); // a hard link: never write through it into the instructor's copy
        File.WriteAllBytes(dll, exercises);
        File.Delete(Path.Combine(box.Bin, "DeepLearningKata.Exercises.pdb")); // the PDB is embedded in the dll
        var data = Path.Combine(instructorRoot, "data");
        if (Directory.Exists(data)) LinkOrCopyFolder(data, Path.Combine(box.Root, "data"));
        return box;
    }

    private static void Mirror(string from, string to, bool top)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.GetFiles(from))
        {
            var name = Path.GetFileName(file);
            if (name.EndsWith(".xml", StringComparison.OrdinalIgnoreCase)) continue; // doc comments: not needed to run
            if (name.Equals("DeepLearningKata.Exercises.dll", StringComparison.Ordinal)) continue; // the submission's own comes instead
            LinkOrCopyFile(file, Path.Combine(to, name));
        }
        foreach (var dir in Directory.GetDirectories(from))
        {
            var name = Path.GetFileName(dir);
            if (top && name == "runtimes") RunnerFolder.LinkOrCopyRuntimes(dir, Path.Combine(to, name), LinkOrCopyFile);
            else Mirror(dir, Path.Combine(to, name), top: false);
        }
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
            Mirror(from, to, top: false);
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
