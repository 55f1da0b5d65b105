namespace DeepLearningKata.Checks;

/// <summary>Finds the repository's folders, wherever the checks run from (bin/, a test host, a copy).</summary>
public static class Repo
{
    private static readonly Lazy<string> RootPath = new(FindRoot);

    /// <summary>The folder holding <c>DeepLearningKata.sln</c>; <c>KATA_ROOT</c> overrides it.</summary>
    public static string Root => RootPath.Value;

    /// <summary>The folder of the golden files; <c>KATA_GOLDEN</c> overrides it (an instructor's pristine copy).</summary>
    public static string Golden =>
        Environment.GetEnvironmentVariable("KATA_GOLDEN") is { Length: > 0 } g ? Path.GetFullPath(g) : Path.Combine(Root, "golden");

    /// <summary>The learner's exercises: <c>exercises/</c>.</summary>
    public static string Exercises => Path.Combine(Root, "exercises");

    /// <summary>Where a run writes what is not committed: the learner's plots, compiled exercises; <c>KATA_OUTPUT</c> overrides it (the self-test writes into a temporary folder).</summary>
    public static string Output =>
        Environment.GetEnvironmentVariable("KATA_OUTPUT") is { Length: > 0 } o ? Path.GetFullPath(o) : Path.Combine(Root, ".kata");

    /// <summary>A path relative to the root, with forward slashes, for messages.</summary>
    public static string Relative(string path) => Path.GetRelativePath(Root, path).Replace('\\', '/');

    private static string FindRoot()
    {
        if (Environment.GetEnvironmentVariable("KATA_ROOT") is { Length: > 0 } root) return Path.GetFullPath(root);
        foreach (var start in new[] { AppContext.BaseDirectory, Directory.GetCurrentDirectory() })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "DeepLearningKata.sln"))) return dir.FullName;
            }
        }
        throw new InvalidOperationException("Cannot find the kata's root folder (the one with DeepLearningKata.sln). Set KATA_ROOT.");
    }
}
