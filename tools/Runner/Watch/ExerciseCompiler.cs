using System.Diagnostics;
using System.Globalization;
using System.Text;
using DeepLearningKata.Checks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Emit;
using Microsoft.CodeAnalysis.Text;

namespace DeepLearningKata.Runner.Watch;

/// <summary>One compile error, as a learner reads it: <c>exercises/Chapter01/…/X.cs:21:9: error CS1002: ; expected</c>.</summary>
public sealed record CompileError(string File, int Line, int Column, string Code, string Message)
{
    /// <summary>The error in the compiler's own <c>file:line:column</c> shape, which editors and terminals turn into a link.</summary>
    public override string ToString() => $"{File}:{Line}:{Column}: error {Code}: {Message}";
}

/// <summary>What one compile of <c>exercises/</c> gave: the assembly written, or the errors.</summary>
public sealed record CompileResult(string? Assembly, IReadOnlyList<CompileError> Errors, TimeSpan Elapsed)
{
    public bool Succeeded => Assembly is not null;
}

/// <summary>
/// Compiles the learner's <c>exercises/</c> folder in this process with Roslyn, the compiler <c>dotnet build</c>
/// uses, with the exercises project's settings (C# latest, nullable on, the SDK's implicit usings, warnings
/// are not errors). A warm compile takes well under a second where an MSBuild run of the project takes four;
/// that is what lets watch mode grade a save within a few seconds.
/// </summary>
/// <remarks>
/// The assembly replaces <c>DeepLearningKata.Exercises.dll</c> in the folder the watch workers run from
/// (<see cref="WorkerHost"/>), written beside it first and then renamed over it. The files compiled are
/// <c>**/*.cs</c> under the folder, without <c>bin/</c> and <c>obj/</c>, as the SDK's default globbing does.
/// </remarks>
public sealed class ExerciseCompiler
{
    /// <summary>The name every build of the exercises carries; the checks are compiled against it.</summary>
    public const string AssemblyName = "DeepLearningKata.Exercises";

    /// <summary>The SDK's implicit usings for a class library (<c>ImplicitUsings</c> enabled).</summary>
    private static readonly string[] ImplicitUsings =
        ["System", "System.Collections.Generic", "System.IO", "System.Linq", "System.Net.Http", "System.Threading", "System.Threading.Tasks"];

    private static readonly Lazy<IReadOnlyList<MetadataReference>> References = new(FindReferences);

    private readonly string _folder;
    private readonly string _shownAs;
    private readonly Dictionary<string, (DateTime Written, long Length, SyntaxTree Tree)> _trees = new(StringComparer.Ordinal);
    private readonly CSharpParseOptions _parse = new(LanguageVersion.Latest, DocumentationMode.None,
        preprocessorSymbols: ["TRACE", "RELEASE", "NET", "NETCOREAPP", "NET10_0", "NET10_0_OR_GREATER"]);

    /// <param name="exercisesFolder">The folder to compile (normally <c>exercises/</c> of the repository).</param>
    /// <param name="shownAs">How the folder is named in error messages.</param>
    public ExerciseCompiler(string exercisesFolder, string shownAs = "exercises")
    {
        _folder = Path.GetFullPath(exercisesFolder);
        _shownAs = shownAs.TrimEnd('/');
    }

    /// <summary>The folder compiled.</summary>
    public string Folder => _folder;

    /// <summary>Compiles the folder as it is now into <paramref name="assemblyPath"/> (replaced only when the compile succeeds).</summary>
    public CompileResult Compile(string assemblyPath)
    {
        var clock = Stopwatch.StartNew();
        var trees = new List<SyntaxTree> { Generated() };
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var file in SourceFiles())
        {
            seen.Add(file);
            trees.Add(Parse(file));
        }
        foreach (var gone in _trees.Keys.Where(k => !seen.Contains(k)).ToList()) _trees.Remove(gone);

        var compilation = CSharpCompilation.Create(AssemblyName, trees, References.Value, new CSharpCompilationOptions(
            OutputKind.DynamicallyLinkedLibrary,
            optimizationLevel: OptimizationLevel.Release,
            nullableContextOptions: NullableContextOptions.Enable,
            deterministic: true,
            concurrentBuild: true));
        using var pe = new MemoryStream();
        var emitted = compilation.Emit(pe, options: new EmitOptions(debugInformationFormat: DebugInformationFormat.Embedded));
        if (!emitted.Success)
        {
            var errors = emitted.Diagnostics
                .Where(d => d.Severity == DiagnosticSeverity.Error)
                .Select(ToError)
                .Distinct()
                .OrderBy(e => e.File, StringComparer.Ordinal).ThenBy(e => e.Line).ThenBy(e => e.Column)
                .ToList();
            return new CompileResult(null, errors, clock.Elapsed);
        }

        var path = Path.GetFullPath(assemblyPath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var written = path + ".new";
        File.WriteAllBytes(written, pe.ToArray());
        File.Move(written, path, overwrite: true);
        return new CompileResult(path, [], clock.Elapsed);
    }

    /// <summary>The exercise folder (<c>Chapter01/1.3-SigmoidDerivative</c>) a changed file belongs to, as an exercise id; null for other files.</summary>
    public static string? ExerciseIdOf(string exercisesFolder, string changedPath)
    {
        var relative = Path.GetRelativePath(Path.GetFullPath(exercisesFolder), Path.GetFullPath(changedPath)).Replace('\\', '/');
        var parts = relative.Split('/');
        if (parts.Length < 3 || !parts[0].StartsWith("Chapter", StringComparison.Ordinal)) return null;
        var dash = parts[1].IndexOf('-', StringComparison.Ordinal);
        return dash > 0 ? parts[1][..dash] : null;
    }

    /// <summary>True for a file whose change can change the compiled exercises: a <c>.cs</c> file outside <c>bin/</c> and <c>obj/</c>.</summary>
    public static bool IsSource(string exercisesFolder, string path)
    {
        if (!path.EndsWith(".cs", StringComparison.OrdinalIgnoreCase)) return false;
        var relative = Path.GetRelativePath(Path.GetFullPath(exercisesFolder), Path.GetFullPath(path)).Replace('\\', '/');
        if (relative.StartsWith("../", StringComparison.Ordinal)) return false;
        return !relative.Split('/').Any(p => p is "bin" or "obj" || p.StartsWith('.'));
    }

    private IEnumerable<string> SourceFiles() =>
        Directory.EnumerateFiles(_folder, "*.cs", SearchOption.AllDirectories)
            .Where(f => IsSource(_folder, f))
            .OrderBy(f => f, StringComparer.Ordinal);

    private SyntaxTree Parse(string file)
    {
        var info = new FileInfo(file);
        if (_trees.TryGetValue(file, out var cached) && cached.Written == info.LastWriteTimeUtc && cached.Length == info.Length)
        {
            return cached.Tree;
        }
        string text;
        try
        {
            text = ReadShared(file);
        }
        catch (IOException)
        {
            Thread.Sleep(50); // an editor is still writing it
            text = ReadShared(file);
        }
        var tree = CSharpSyntaxTree.ParseText(SourceText.From(text, Encoding.UTF8), _parse, file);
        _trees[file] = (info.LastWriteTimeUtc, info.Length, tree);
        return tree;
    }

    private static string ReadShared(string file)
    {
        using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        using var reader = new StreamReader(stream, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        return reader.ReadToEnd();
    }

    /// <summary>What the SDK generates for the project: global usings, the version the checks were compiled against, the target framework.</summary>
    private SyntaxTree Generated()
    {
        var version = typeof(Catalog).Assembly.GetReferencedAssemblies().FirstOrDefault(a => a.Name == AssemblyName)?.Version ?? new Version(1, 0, 0, 0);
        var text = new StringBuilder();
        foreach (var u in ImplicitUsings) text.Append("global using global::").Append(u).Append(";\n");
        text.Append(CultureInfo.InvariantCulture, $"[assembly: System.Reflection.AssemblyVersion(\"{version}\")]\n");
        text.Append("[assembly: System.Runtime.Versioning.TargetFramework(\".NETCoreApp,Version=v10.0\", FrameworkDisplayName = \".NET 10.0\")]\n");
        return CSharpSyntaxTree.ParseText(SourceText.From(text.ToString(), Encoding.UTF8), _parse, Path.Combine(_folder, "obj", "Watch.Generated.cs"));
    }

    private CompileError ToError(Diagnostic d)
    {
        var span = d.Location.GetMappedLineSpan();
        var file = span.IsValid && !string.IsNullOrEmpty(span.Path)
            ? _shownAs + "/" + Path.GetRelativePath(_folder, span.Path).Replace('\\', '/')
            : _shownAs;
        return new CompileError(file, span.StartLinePosition.Line + 1, span.StartLinePosition.Character + 1, d.Id,
            d.GetMessage(CultureInfo.InvariantCulture));
    }

    /// <summary>
    /// The engine the runner itself uses (so a worker finds the same one), and the framework's reference
    /// assemblies from the SDK's targeting pack, or, without one, the running framework's own assemblies.
    /// </summary>
    private static IReadOnlyList<MetadataReference> FindReferences()
    {
        var files = new List<string> { typeof(Tensor).Assembly.Location };
        var runtime = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
        var pack = TargetingPack(runtime);
        if (pack is not null)
        {
            files.AddRange(Directory.EnumerateFiles(pack, "*.dll"));
        }
        else
        {
            var trusted = (AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") as string ?? "").Split(Path.PathSeparator);
            files.AddRange(trusted.Where(t => string.Equals(Path.GetDirectoryName(t), runtime, StringComparison.Ordinal)));
        }
        return files.Distinct(StringComparer.Ordinal).Select(f => (MetadataReference)MetadataReference.CreateFromFile(f)).ToList();
    }

    /// <summary><c>{dotnet}/packs/Microsoft.NETCore.App.Ref/{newest of this major}/ref/net{major}.0</c>, or null.</summary>
    private static string? TargetingPack(string runtimeFolder)
    {
        try
        {
            var dotnet = Path.GetFullPath(Path.Combine(runtimeFolder, "..", "..", ".."));
            var packs = Path.Combine(dotnet, "packs", "Microsoft.NETCore.App.Ref");
            if (!Directory.Exists(packs)) return null;
            var major = Environment.Version.Major;
            var tfm = $"net{major}.0";
            return Directory.EnumerateDirectories(packs)
                .Select(d => (Dir: d, Version: Version.TryParse(Path.GetFileName(d).Split('-')[0], out var v) ? v : null))
                .Where(p => p.Version?.Major == major && Directory.Exists(Path.Combine(p.Dir, "ref", tfm)))
                .OrderByDescending(p => p.Version)
                .Select(p => Path.Combine(p.Dir, "ref", tfm))
                .FirstOrDefault();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
