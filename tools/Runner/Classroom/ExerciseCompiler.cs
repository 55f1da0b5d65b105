using System.Collections.Concurrent;
using System.Globalization;
using System.Reflection;
using System.Text;
using DeepLearningKata.Checks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Emit;
using Microsoft.CodeAnalysis.Text;

namespace DeepLearningKata.Runner.Classroom;

/// <summary>What compiling one submission's <c>exercises/</c> gave.</summary>
/// <param name="Assembly">The compiled <c>DeepLearningKata.Exercises.dll</c> (PDB embedded), or null when nothing could be compiled.</param>
/// <param name="Broken">
/// Exercises whose own files do not compile (or lost a method the checks call), each with the errors a learner reads;
/// they were compiled from the kata's pristine stub instead, so that the other exercises could be graded.
/// </param>
/// <param name="Errors">Errors that no exercise can be blamed for (e.g. in <c>exercises/Earlier.cs</c>): then <see cref="Assembly"/> is null.</param>
/// <param name="Missing">Exercises whose folder holds no <c>.cs</c> file in the submission: compiled from the stub, reported as not started.</param>
public sealed record CompileOutcome(
    byte[]? Assembly,
    IReadOnlyDictionary<string, IReadOnlyList<string>> Broken,
    IReadOnlyList<string> Errors,
    IReadOnlyList<string> Missing);

/// <summary>
/// Compiles a submission's <c>exercises/**/*.cs</c> in this process with Roslyn into
/// <c>DeepLearningKata.Exercises.dll</c>, with the settings of <c>exercises/DeepLearningKata.Exercises.csproj</c>
/// (implicit usings, nullable, the latest language version, warnings are not errors) and the references
/// that project has: the engine and the framework's reference assemblies. No <c>dotnet build</c> per learner.
/// </summary>
/// <remarks>
/// One compile error must not hide every other result: when the errors lie in one exercise's folder, that
/// exercise's files are replaced by the kata's pristine stub and the rest is compiled again; the exercise
/// is reported as "does not compile". The same happens when a learner renamed or deleted a public method
/// of a stub (the checks would otherwise meet a <see cref="MissingMethodException"/>). Errors in files that
/// belong to no exercise (<c>exercises/Earlier.cs</c>, a helper file) make the whole submission "does not compile".
/// </remarks>
public sealed class ExerciseCompiler
{
    /// <summary>How many errors a learner reads per exercise (or for the whole submission).</summary>
    public const int ErrorsShown = 5;

    /// <summary>The global usings the .NET SDK adds to a library with <c>ImplicitUsings</c> on.</summary>
    private const string ImplicitUsings = """
        global using System;
        global using System.Collections.Generic;
        global using System.IO;
        global using System.Linq;
        global using System.Net.Http;
        global using System.Threading;
        global using System.Threading.Tasks;
        """;

    /// <summary>The SDK's preprocessor symbols for a Release build of net10.0.</summary>
    private static readonly string[] Symbols =
    [
        "TRACE", "RELEASE", "NET", "NETCOREAPP", "NET10_0",
        "NETCOREAPP1_0_OR_GREATER", "NETCOREAPP1_1_OR_GREATER", "NETCOREAPP2_0_OR_GREATER", "NETCOREAPP2_1_OR_GREATER",
        "NETCOREAPP2_2_OR_GREATER", "NETCOREAPP3_0_OR_GREATER", "NETCOREAPP3_1_OR_GREATER",
        "NET5_0_OR_GREATER", "NET6_0_OR_GREATER", "NET7_0_OR_GREATER", "NET8_0_OR_GREATER", "NET9_0_OR_GREATER", "NET10_0_OR_GREATER",
    ];

    private static readonly CSharpParseOptions Parse = new(LanguageVersion.Latest, DocumentationMode.Parse, SourceCodeKind.Regular, Symbols);

    private readonly IReadOnlyList<MetadataReference> _references;
    private readonly IReadOnlyList<Exercise> _exercises;
    private readonly string _pristine;
    private readonly SyntaxTree[] _generated;
    private readonly ConcurrentDictionary<string, IReadOnlyList<(string DocId, string Shown)>> _api = new();
    private readonly Lazy<Compilation?> _pristineCompilation;

    /// <param name="references">The assemblies the exercises may use: the engine (and its packages) and the framework's reference assemblies.</param>
    /// <param name="exercises">The kata's exercises (the catalog), to tell which exercise a file belongs to.</param>
    /// <param name="pristineExercises">The instructor's <c>exercises/</c> folder: the stubs a broken exercise is replaced by.</param>
    /// <param name="version">The assembly version the checks were compiled against.</param>
    public ExerciseCompiler(IReadOnlyList<MetadataReference> references, IReadOnlyList<Exercise> exercises, string pristineExercises, Version version)
    {
        ArgumentNullException.ThrowIfNull(version);
        _references = references;
        _exercises = exercises;
        _pristine = pristineExercises;
        _generated =
        [
            CSharpSyntaxTree.ParseText(ImplicitUsings, Parse, path: "GlobalUsings.g.cs", encoding: Encoding.UTF8),
            CSharpSyntaxTree.ParseText(
                $"[assembly: System.Reflection.AssemblyVersion(\"{version}\")]\n[assembly: System.Reflection.AssemblyFileVersion(\"{version}\")]\n",
                Parse, path: "AssemblyInfo.g.cs", encoding: Encoding.UTF8),
        ];
        _pristineCompilation = new Lazy<Compilation?>(() =>
        {
            var files = Sources(_pristine, "pristine");
            var c = Create(files.Select(f => f.Tree));
            return c.GetDiagnostics().Any(d => d.Severity == DiagnosticSeverity.Error) ? null : c;
        });
    }

    /// <summary>
    /// A compiler for this runner: the engine dll beside it (and <c>System.Numerics.Tensors</c>, which the engine
    /// brings) plus the framework's reference assemblies; the version of the <c>DeepLearningKata.Exercises.dll</c> beside it.
    /// </summary>
    public static ExerciseCompiler ForRunner(string runnerDirectory, string pristineExercises, IReadOnlyList<Exercise> exercises)
    {
        var references = new List<MetadataReference>();
        foreach (var name in new[] { "DeepLearningKata.Engine.dll", "System.Numerics.Tensors.dll" })
        {
            var path = Path.Combine(runnerDirectory, name);
            if (File.Exists(path)) references.Add(MetadataReference.CreateFromFile(path));
        }
        references.AddRange(FrameworkReferences());
        var pristineDll = Path.Combine(runnerDirectory, "DeepLearningKata.Exercises.dll");
        var version = File.Exists(pristineDll) ? AssemblyName.GetAssemblyName(pristineDll).Version ?? new Version(1, 0, 0, 0) : new Version(1, 0, 0, 0);
        return new ExerciseCompiler(references, exercises, pristineExercises, version);
    }

    /// <summary>
    /// The framework's reference assemblies (<c>packs/Microsoft.NETCore.App.Ref/10.x/ref/net10.0</c> beside the running
    /// runtime), or the running runtime's own assemblies when the SDK's packs are not there.
    /// </summary>
    public static IEnumerable<MetadataReference> FrameworkReferences()
    {
        var runtimeDir = Path.GetDirectoryName(typeof(object).Assembly.Location)!; // …/shared/Microsoft.NETCore.App/10.0.x
        var dotnetRoot = Path.GetFullPath(Path.Combine(runtimeDir, "..", "..", ".."));
        var packs = Path.Combine(dotnetRoot, "packs", "Microsoft.NETCore.App.Ref");
        var major = Environment.Version.Major;
        string? refDir = null;
        if (Directory.Exists(packs))
        {
            refDir = Directory.GetDirectories(packs)
                .Select(d => (Dir: d, Version: Version.TryParse(Path.GetFileName(d).Split('-')[0], out var v) ? v : null))
                .Where(p => p.Version is not null && p.Version.Major == major)
                .OrderByDescending(p => p.Version)
                .Select(p => Path.Combine(p.Dir, "ref", $"net{major}.0"))
                .FirstOrDefault(Directory.Exists);
        }
        var dir = refDir ?? runtimeDir;
        foreach (var dll in Directory.GetFiles(dir, "*.dll").Order(StringComparer.Ordinal))
        {
            MetadataReference? reference = null;
            try
            {
                using var stream = File.OpenRead(dll);
                using var pe = new System.Reflection.PortableExecutable.PEReader(stream);
                if (pe.HasMetadata) reference = MetadataReference.CreateFromFile(dll);
            }
            catch (BadImageFormatException)
            {
                // a native library in the runtime's folder
            }
            if (reference is not null) yield return reference;
        }
    }

    /// <summary>
    /// Compiles the <c>exercises/</c> folder <paramref name="exercisesFolder"/>. In the PDB its files are named as if they
    /// lay under <paramref name="pdbRoot"/> (<c>pdbRoot/exercises/…</c>), so the grader's crash messages can name them
    /// relative to that root. Error messages name files relative to the submission: <c>exercises/Chapter01/…/X.cs:12:5</c>.
    /// </summary>
    public CompileOutcome Compile(string exercisesFolder, string pdbRoot)
    {
        var files = Sources(exercisesFolder, pdbRoot);
        var missing = _exercises.Where(e => files.All(f => f.Exercise != e.Id)).Select(e => e.Id).ToList();
        foreach (var id in missing) files = Replace(files, id, pdbRoot);
        var broken = new SortedDictionary<string, IReadOnlyList<string>>(Comparer<string>.Create(Contracts.Blocks.CompareIds));
        for (var attempt = 0; attempt <= _exercises.Count + 1; attempt++)
        {
            var compilation = Create(files.Select(f => f.Tree));
            var errors = compilation.GetDiagnostics()
                .Where(d => d.Severity == DiagnosticSeverity.Error)
                .Select(d => (Diagnostic: d, File: files.FirstOrDefault(f => f.Tree == d.Location.SourceTree)))
                .OrderBy(e => e.File?.Relative ?? "", StringComparer.Ordinal)
                .ThenBy(e => e.Diagnostic.Location.SourceSpan.Start)
                .ToList();
            var blame = new Dictionary<string, List<string>>(StringComparer.Ordinal);
            var unblamed = new List<string>();
            foreach (var (diagnostic, file) in errors)
            {
                var text = Describe(diagnostic, file?.Relative);
                if (file?.Exercise is { } id && !broken.ContainsKey(id))
                {
                    if (!blame.TryGetValue(id, out var list)) blame[id] = list = [];
                    list.Add(text);
                }
                else
                {
                    unblamed.Add(text);
                }
            }
            if (unblamed.Count > 0)
            {
                return new CompileOutcome(null, broken, unblamed.Distinct().Take(ErrorsShown).ToList(), missing);
            }
            if (blame.Count == 0)
            {
                foreach (var (id, lacks) in MissingApi(compilation).Where(m => !broken.ContainsKey(m.Key)))
                {
                    blame[id] = lacks.Select(m => $"{m} is missing: the checks call it. Keep the stub's name and parameters.").ToList();
                }
            }
            if (blame.Count == 0)
            {
                using var pe = new MemoryStream();
                var emitted = compilation.Emit(pe, options: new EmitOptions(debugInformationFormat: DebugInformationFormat.Embedded));
                if (emitted.Success) return new CompileOutcome(pe.ToArray(), broken, [], missing);
                var emitErrors = emitted.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error)
                    .Select(d => Describe(d, files.FirstOrDefault(f => f.Tree == d.Location.SourceTree)?.Relative)).Distinct().Take(ErrorsShown).ToList();
                return new CompileOutcome(null, broken, emitErrors, missing);
            }
            foreach (var (id, list) in blame)
            {
                broken[id] = list.Distinct().Take(ErrorsShown).ToList();
                files = Replace(files, id, pdbRoot);
            }
        }
        return new CompileOutcome(null, broken, ["the exercises could not be compiled even with the broken ones replaced by their stubs."], missing);
    }

    private Compilation Create(IEnumerable<SyntaxTree> trees) =>
        CSharpCompilation.Create(
            "DeepLearningKata.Exercises",
            _generated.Concat(trees),
            _references,
            new CSharpCompilationOptions(
                OutputKind.DynamicallyLinkedLibrary,
                optimizationLevel: OptimizationLevel.Release,
                nullableContextOptions: NullableContextOptions.Enable,
                deterministic: true,
                concurrentBuild: false)); // several submissions compile at once already

    /// <summary>One source file: where it is, the syntax tree, the exercise whose folder holds it.</summary>
    private sealed record Source(string Relative, SyntaxTree Tree, string? Exercise);

    /// <summary>Every <c>*.cs</c> under <paramref name="exercisesFolder"/> (not under bin/ or obj/), in path order.</summary>
    private List<Source> Sources(string exercisesFolder, string pdbRoot)
    {
        var list = new List<Source>();
        foreach (var relative in SourceFiles(exercisesFolder))
        {
            var rel = "exercises/" + relative;
            list.Add(Read(Path.Combine(exercisesFolder, relative), rel, pdbRoot));
        }
        return list;
    }

    /// <summary>The <c>*.cs</c> files of an <c>exercises/</c> folder, relative to it with '/', sorted; bin/ and obj/ left out, links not followed.</summary>
    public static IReadOnlyList<string> SourceFiles(string exercisesFolder)
    {
        if (!Directory.Exists(exercisesFolder)) return [];
        var options = new EnumerationOptions
        {
            RecurseSubdirectories = true,
            AttributesToSkip = FileAttributes.ReparsePoint,
            IgnoreInaccessible = true,
            MatchCasing = MatchCasing.CaseInsensitive,
        };
        return Directory.EnumerateFiles(exercisesFolder, "*.cs", options)
            .Select(f => Path.GetRelativePath(exercisesFolder, f).Replace('\\', '/'))
            .Where(r => !r.Split('/').Any(part => part is "bin" or "obj"))
            .Order(StringComparer.Ordinal)
            .ToList();
    }

    private Source Read(string path, string relative, string pdbRoot)
    {
        SourceText text;
        using (var stream = File.OpenRead(path))
        {
            text = SourceText.From(stream, Encoding.UTF8, SourceHashAlgorithm.Sha256, throwIfBinaryDetected: false);
        }
        var tree = CSharpSyntaxTree.ParseText(text, Parse, Path.Combine(pdbRoot, relative.Replace('/', Path.DirectorySeparatorChar)));
        return new Source(relative, tree, ExerciseOf(relative));
    }

    /// <summary>The exercise whose folder holds <paramref name="relative"/> (<c>exercises/Chapter01/1.3-SigmoidDerivative/X.cs</c>), or null.</summary>
    public string? ExerciseOf(string relative) =>
        _exercises.FirstOrDefault(e => relative.StartsWith(e.Folder + "/", StringComparison.Ordinal))?.Id;

    /// <summary>The files with exercise <paramref name="id"/>'s files swapped for the kata's pristine stub of it.</summary>
    private List<Source> Replace(List<Source> files, string id, string pdbRoot)
    {
        var exercise = _exercises.First(e => e.Id == id);
        var kept = files.Where(f => f.Exercise != id).ToList();
        var folder = Path.Combine(_pristine, exercise.Folder["exercises/".Length..]);
        foreach (var relative in SourceFiles(folder))
        {
            kept.Add(Read(Path.Combine(folder, relative), $"{exercise.Folder}/{relative}", pdbRoot));
        }
        return kept.OrderBy(f => f.Relative, StringComparer.Ordinal).ToList();
    }

    /// <summary>Per exercise, the public methods, properties, constructors and types of its pristine stub that <paramref name="compilation"/> lacks.</summary>
    private IEnumerable<KeyValuePair<string, List<string>>> MissingApi(Compilation compilation)
    {
        foreach (var exercise in _exercises)
        {
            var missing = Api(exercise)
                .Where(a => DocumentationCommentId.GetFirstSymbolForDeclarationId(a.DocId, compilation) is null)
                .Select(a => a.Shown)
                .ToList();
            if (missing.Count > 0) yield return new(exercise.Id, missing);
        }
    }

    /// <summary>What the stub of <paramref name="exercise"/> declares publicly (as documentation ids), from the pristine compilation.</summary>
    private IReadOnlyList<(string DocId, string Shown)> Api(Exercise exercise) => _api.GetOrAdd(exercise.Id, _ =>
    {
        var pristine = _pristineCompilation.Value;
        if (pristine is null) return [];
        var list = new List<(string, string)>();
        foreach (var tree in pristine.SyntaxTrees)
        {
            var path = tree.FilePath.Replace('\\', '/');
            if (!path.StartsWith("pristine/", StringComparison.Ordinal) || ExerciseOf(path["pristine/".Length..]) != exercise.Id) continue;
            var model = pristine.GetSemanticModel(tree);
            foreach (var node in tree.GetRoot().DescendantNodes().Where(n => n is MemberDeclarationSyntax and not BaseNamespaceDeclarationSyntax))
            {
                var declared = node switch
                {
                    FieldDeclarationSyntax f => f.Declaration.Variables.Select(v => model.GetDeclaredSymbol(v)).FirstOrDefault(),
                    EventFieldDeclarationSyntax => null,
                    _ => model.GetDeclaredSymbol(node),
                };
                if (declared is null || !IsPublic(declared)) continue;
                if (DocumentationCommentId.CreateDeclarationId(declared) is not { } id) continue;
                var shown = declared.ToDisplayString(SymbolDisplayFormat.CSharpShortErrorMessageFormat);
                list.Add((id, shown));
            }
        }
        return list.Distinct().ToList();
    });

    private static bool IsPublic(ISymbol symbol)
    {
        for (var s = symbol; s is not null and not INamespaceSymbol; s = s.ContainingSymbol)
        {
            if (s.DeclaredAccessibility != Accessibility.Public) return false;
        }
        return true;
    }

    /// <summary><c>exercises/Chapter01/1.2-Sigmoid/Sigmoid.cs:12:5: error CS1002: ; expected</c>.</summary>
    private static string Describe(Diagnostic diagnostic, string? relative)
    {
        var message = diagnostic.GetMessage(CultureInfo.InvariantCulture);
        if (relative is null || !diagnostic.Location.IsInSource) return $"error {diagnostic.Id}: {message}";
        var position = diagnostic.Location.GetLineSpan().StartLinePosition;
        return $"{relative}:{position.Line + 1}:{position.Character + 1}: error {diagnostic.Id}: {message}";
    }
}
