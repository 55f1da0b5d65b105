namespace DeepLearningKata.Runner.Compile;

/// <summary>One compile error, as a learner reads it: <c>exercises/Chapter01/…/X.cs:21:9: error CS1002: ; expected</c>.</summary>
/// <param name="File">The file, relative to the folder's parent (<c>exercises/…</c>); null for an error that lies in no file.</param>
/// <param name="Code">The compiler's code (<c>CS1002</c>); null for what the kata itself finds (a stub's public method gone).</param>
public sealed record CompileError(string? File, int Line, int Column, string? Code, string Message)
{
    /// <summary>The error in the compiler's own <c>file:line:column</c> shape, which editors and terminals turn into a link.</summary>
    public override string ToString()
    {
        var error = Code is null ? Message : $"error {Code}: {Message}";
        return File is null ? error : $"{File}:{Line}:{Column}: {error}";
    }
}

/// <summary>What compiling one <c>exercises/</c> folder gave.</summary>
/// <param name="Assembly">
/// The compiled <c>DeepLearningKata.Exercises.dll</c> (PDB embedded), or null when it could not be compiled. With
/// <see cref="Broken"/> exercises it holds their stand-ins instead of their files: the pristine stubs, or, without
/// them, each one's last version that compiled.
/// </param>
/// <param name="Broken">
/// Exercises whose own files do not compile (or lost a public member of the stub, which the checks call), each with
/// its errors in file and line order.
/// </param>
/// <param name="Errors">Errors that no exercise can be blamed for (e.g. in <c>exercises/Earlier.cs</c>).</param>
/// <param name="Missing">Exercises whose folder holds no <c>.cs</c> file: compiled from the pristine stub.</param>
/// <param name="Elapsed">How long the compile took.</param>
public sealed record CompileOutcome(
    byte[]? Assembly,
    IReadOnlyDictionary<string, IReadOnlyList<CompileError>> Broken,
    IReadOnlyList<CompileError> Errors,
    IReadOnlyList<string> Missing,
    TimeSpan Elapsed)
{
    /// <summary>Uses, in the learner's own exercise files, of APIs that reach outside an exercise (<see cref="SuspiciousUse"/>).</summary>
    public IReadOnlyList<SuspiciousUse> Suspicious { get; init; } = [];

    /// <summary>True when every file compiled as written: an assembly, and no exercise stood in for by its stub.</summary>
    public bool Succeeded => Assembly is not null && Broken.Count == 0;

    /// <summary>Every error, the broken exercises' and the others, in file and line order.</summary>
    public IReadOnlyList<CompileError> AllErrors =>
        Broken.Values.SelectMany(e => e).Concat(Errors)
            .OrderBy(e => e.File is null ? 1 : 0)
            .ThenBy(e => e.File ?? "", StringComparer.Ordinal).ThenBy(e => e.Line).ThenBy(e => e.Column)
            .ToList();

    /// <summary>
    /// Writes <see cref="Assembly"/> to <paramref name="path"/>: beside it first, then renamed over it, so a worker
    /// starting meanwhile never reads half a file. The path written.
    /// </summary>
    public string WriteTo(string path)
    {
        var bytes = Assembly ?? throw new InvalidOperationException("nothing was compiled: there is no assembly to write.");
        path = Path.GetFullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var written = path + ".new";
        File.WriteAllBytes(written, bytes);
        File.Move(written, path, overwrite: true);
        return path;
    }
}
