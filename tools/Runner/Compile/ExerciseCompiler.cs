using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using DeepLearningKata.Checks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Emit;
using Microsoft.CodeAnalysis.Text;

namespace DeepLearningKata.Runner.Compile;

/// <summary>
/// Compiles an <c>exercises/</c> folder in this process with Roslyn, the compiler <c>dotnet build</c> uses, into
/// <c>DeepLearningKata.Exercises.dll</c>, with the settings of <c>exercises/DeepLearningKata.Exercises.csproj</c>
/// (C# latest, nullable on, the SDK's implicit usings, warnings are not errors) and the references that project
/// has: the engine and the framework's reference assemblies. A warm compile takes well under a second where an
/// MSBuild run of the project takes four: classroom grading compiles each learner's copy with it, and watch mode
/// each save.
/// </summary>
/// <remarks>
/// <para>The files compiled are <c>**/*.cs</c> under the folder, without <c>bin/</c>, <c>obj/</c> and names
/// starting with a dot (editors' lock and swap files), as the SDK's default globbing does.</para>
/// <para>One compile error does not hide every other result: when the errors lie in one exercise's folder, that
/// exercise is replaced by a stub and the rest is compiled again; the exercise is reported in
/// <see cref="CompileOutcome.Broken"/> (<c>does-not-compile</c>) and never graded. The stub is the kata's pristine
/// one when there is one (classroom grading), else the exercise's own files with every method body replaced by a
/// <c>throw</c>. Given pristine stubs, the same happens when a learner renamed or deleted a public member of a stub
/// (the checks would otherwise meet a <see cref="MissingMethodException"/>), and an exercise folder without files is
/// compiled from its stub (<see cref="CompileOutcome.Missing"/>). Errors in files that belong to no exercise
/// (<c>exercises/Earlier.cs</c>, a helper file) mean no assembly.</para>
/// </remarks>
public sealed class ExerciseCompiler
{
    /// <summary>The name every build of the exercises carries.</summary>
    public const string AssemblyName = "DeepLearningKata.Exercises";

    /// <summary>What the SDK generates for the project: the global usings of <c>ImplicitUsings</c> and the target framework.</summary>
    private const string GeneratedSource = """
        global using global::System;
        global using global::System.Collections.Generic;
        global using global::System.IO;
        global using global::System.Linq;
        global using global::System.Net.Http;
        global using global::System.Threading;
        global using global::System.Threading.Tasks;
        [assembly: System.Runtime.Versioning.TargetFramework(".NETCoreApp,Version=v10.0", FrameworkDisplayName = ".NET 10.0")]
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

    private static readonly Lazy<IReadOnlyList<MetadataReference>> DefaultReferences = new(FindReferences);

    private readonly IReadOnlyList<MetadataReference> _references;
    private readonly IReadOnlyList<Exercise> _exercises;
    private readonly string? _pristine;
    private readonly bool _concurrentBuild;
    private readonly SyntaxTree[] _generated;
    private readonly ConcurrentDictionary<string, (DateTime Written, long Length, SyntaxTree Tree)>? _kept;
    private readonly ConcurrentDictionary<string, IReadOnlyList<StubMember>> _api = new();
    private readonly Lazy<Compilation?> _pristineCompilation;

    /// <param name="exercises">The kata's exercises (the catalog), to tell which exercise a file belongs to.</param>
    /// <param name="pristineExercises">
    /// The kata's own <c>exercises/</c> folder, whose stubs stand in for a broken or missing exercise (classroom
    /// grading); null in a learner's own copy, where a broken exercise's own files, with every body replaced by a
    /// <c>throw</c>, stand in for it.
    /// </param>
    /// <param name="keepSources">
    /// Keep each file's syntax tree and parse it again only when the file changed (watch mode and repeated runs
    /// compile the same folder again and again). Off for compilers that see each folder once.
    /// </param>
    /// <param name="concurrentBuild">Let Roslyn use several threads; off where several folders are compiled at once already.</param>
    /// <param name="references">The assemblies the exercises may use; by default the engine beside the runner and the framework's reference assemblies.</param>
    public ExerciseCompiler(
        IReadOnlyList<Exercise> exercises,
        string? pristineExercises = null,
        bool keepSources = false,
        bool concurrentBuild = true,
        IReadOnlyList<MetadataReference>? references = null)
    {
        ArgumentNullException.ThrowIfNull(exercises);
        _exercises = exercises;
        _pristine = pristineExercises is null ? null : Path.GetFullPath(pristineExercises);
        _kept = keepSources ? new(StringComparer.Ordinal) : null;
        _concurrentBuild = concurrentBuild;
        _references = references ?? DefaultReferences.Value;
        _generated = [CSharpSyntaxTree.ParseText(GeneratedSource, Parse, path: "GlobalUsings.g.cs", encoding: Encoding.UTF8)];
        _pristineCompilation = new Lazy<Compilation?>(() =>
        {
            if (_pristine is null) return null;
            var c = Create(Sources(_pristine, "pristine").Select(f => f.Tree));
            return c.GetDiagnostics().Any(d => d.Severity == DiagnosticSeverity.Error) ? null : c;
        });
    }

    /// <summary>
    /// Compiles the folder <paramref name="exercisesFolder"/> as it is now. In the PDB its files are named as if the
    /// folder were <paramref name="pdbFolder"/> (by default where it is), so that a grader running elsewhere can name
    /// them relative to its own root. Error messages name files as <c>{shownAs}/Chapter01/…/X.cs:12:5</c>.
    /// </summary>
    public CompileOutcome Compile(string exercisesFolder, string? pdbFolder = null, string shownAs = "exercises")
    {
        ArgumentNullException.ThrowIfNull(exercisesFolder);
        var clock = Stopwatch.StartNew();
        exercisesFolder = Path.GetFullPath(exercisesFolder);
        pdbFolder = Path.GetFullPath(pdbFolder ?? exercisesFolder);
        shownAs = shownAs.TrimEnd('/', '\\');
        var files = Sources(exercisesFolder, pdbFolder);
        IReadOnlyList<string> missing = [];
        if (_pristine is not null)
        {
            missing = _exercises.Where(e => files.All(f => f.Exercise != e.Id)).Select(e => e.Id).ToList();
            foreach (var id in missing) files = Replace(files, id, exercisesFolder, pdbFolder);
        }
        var broken = new SortedDictionary<string, IReadOnlyList<CompileError>>(Comparer<string>.Create(Contracts.Blocks.CompareIds));
        CompileOutcome Outcome(byte[]? assembly, IReadOnlyList<CompileError> errors) => new(assembly, broken, errors, missing, clock.Elapsed);

        for (var attempt = 0; attempt <= _exercises.Count + 1; attempt++)
        {
            var compilation = Create(files.Select(f => f.Tree));
            using var pe = new MemoryStream();
            var emitted = compilation.Emit(pe, options: new EmitOptions(debugInformationFormat: DebugInformationFormat.Embedded));
            var byTree = files.ToDictionary(f => f.Tree);
            var blame = new Dictionary<string, List<CompileError>>(StringComparer.Ordinal);
            var unblamed = new List<CompileError>();
            foreach (var diagnostic in emitted.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error))
            {
                var file = diagnostic.Location.SourceTree is { } tree ? byTree.GetValueOrDefault(tree) : null;
                var error = Describe(diagnostic, file is null ? null : shownAs + "/" + file.Relative);
                if (file?.Exercise is { } id && !broken.ContainsKey(id))
                {
                    if (!blame.TryGetValue(id, out var list)) blame[id] = list = [];
                    list.Add(error);
                }
                else
                {
                    unblamed.Add(error);
                }
            }
            if (emitted.Success && blame.Count == 0 && unblamed.Count == 0)
            {
                foreach (var (id, lacks) in MissingApi(compilation).Where(m => !broken.ContainsKey(m.Key)))
                {
                    blame[id] = lacks.Select(m => new CompileError(null, 0, 0, null, $"{m} is missing: the checks call it. Keep the stub's name and parameters.")).ToList();
                }
                if (blame.Count == 0)
                {
                    var own = files.Where(f => f.Exercise is { } id && !broken.ContainsKey(id) && !missing.Contains(id)).Select(f => (f.Tree, shownAs + "/" + f.Relative));
                    return Outcome(pe.ToArray(), []) with { Suspicious = SuspiciousUse.Scan(compilation, own) };
                }
            }
            else if (blame.Count == 0 && unblamed.Count == 0)
            {
                unblamed.Add(new CompileError(null, 0, 0, null, "the exercises could not be compiled, and the compiler did not say why."));
            }
            foreach (var (id, list) in blame) broken[id] = Sorted(list);
            if (unblamed.Count > 0) return Outcome(null, Sorted(unblamed));
            foreach (var id in blame.Keys) files = Replace(files, id, exercisesFolder, pdbFolder);
        }
        return Outcome(null, [new CompileError(null, 0, 0, null, "the exercises could not be compiled even with the broken ones replaced by their stubs.")]);
    }

    private static List<CompileError> Sorted(IEnumerable<CompileError> errors) =>
        errors.Distinct()
            .OrderBy(e => e.File is null ? 1 : 0)
            .ThenBy(e => e.File ?? "", StringComparer.Ordinal).ThenBy(e => e.Line).ThenBy(e => e.Column)
            .ToList();

    /// <summary>The exercise folder (<c>Chapter01/1.3-SigmoidDerivative</c>) a file belongs to, as an exercise id; null for other files.</summary>
    public static string? ExerciseIdOf(string exercisesFolder, string path)
    {
        var parts = Relative(exercisesFolder, path).Split('/');
        if (parts.Length < 3 || !parts[0].StartsWith("Chapter", StringComparison.Ordinal)) return null;
        var dash = parts[1].IndexOf('-', StringComparison.Ordinal);
        return dash > 0 ? parts[1][..dash] : null;
    }

    /// <summary>True for a file whose change can change the compiled exercises: a <c>.cs</c> file in the folder, outside <c>bin/</c>, <c>obj/</c> and dot-named places.</summary>
    public static bool IsSource(string exercisesFolder, string path) =>
        path.EndsWith(".cs", StringComparison.OrdinalIgnoreCase) && IsCompiled(Relative(exercisesFolder, path));

    /// <summary>The <c>*.cs</c> files of an <c>exercises/</c> folder that are compiled, relative to it with '/', sorted; links are not followed.</summary>
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
            .Where(IsCompiled)
            .Order(StringComparer.Ordinal)
            .ToList();
    }

    private static string Relative(string folder, string path) =>
        Path.GetRelativePath(Path.GetFullPath(folder), Path.GetFullPath(path)).Replace('\\', '/');

    private static bool IsCompiled(string relative) =>
        !relative.StartsWith("../", StringComparison.Ordinal) && relative != ".." && !Path.IsPathRooted(relative)
        && !relative.Split('/').Any(p => p is "bin" or "obj" || p.StartsWith('.'));

    private Compilation Create(IEnumerable<SyntaxTree> trees) =>
        CSharpCompilation.Create(
            AssemblyName,
            _generated.Concat(trees),
            _references,
            new CSharpCompilationOptions(
                OutputKind.DynamicallyLinkedLibrary,
                optimizationLevel: OptimizationLevel.Release,
                nullableContextOptions: NullableContextOptions.Enable,
                deterministic: true,
                concurrentBuild: _concurrentBuild));

    /// <summary>One source file: its path relative to the folder compiled, the syntax tree, the exercise whose folder holds it.</summary>
    private sealed record Source(string Relative, SyntaxTree Tree, string? Exercise);

    private List<Source> Sources(string exercisesFolder, string pdbFolder) =>
        SourceFiles(exercisesFolder).Select(r => Read(Path.Combine(exercisesFolder, r), r, pdbFolder)).ToList();

    private Source Read(string path, string relative, string pdbFolder)
    {
        var treePath = Path.Combine(pdbFolder, relative.Replace('/', Path.DirectorySeparatorChar));
        return new Source(relative, ParseFile(path, treePath), ExerciseOf(relative));
    }

    private SyntaxTree ParseFile(string path, string treePath)
    {
        var info = new FileInfo(path);
        var key = path + "\n" + treePath;
        if (_kept is not null && _kept.TryGetValue(key, out var cached) && cached.Written == info.LastWriteTimeUtc && cached.Length == info.Length)
        {
            return cached.Tree;
        }
        SourceText text;
        try
        {
            text = ReadShared(path);
        }
        catch (IOException)
        {
            Thread.Sleep(50); // an editor is still writing it
            text = ReadShared(path);
        }
        var tree = CSharpSyntaxTree.ParseText(text, Parse, treePath);
        if (_kept is not null) _kept[key] = (info.LastWriteTimeUtc, info.Length, tree);
        return tree;
    }

    private static SourceText ReadShared(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        return SourceText.From(stream, Encoding.UTF8, SourceHashAlgorithm.Sha256, throwIfBinaryDetected: false);
    }

    /// <summary>The catalog's exercise whose folder holds <paramref name="relative"/> (<c>Chapter01/1.3-SigmoidDerivative/X.cs</c>), or null.</summary>
    private string? ExerciseOf(string relative) =>
        _exercises.FirstOrDefault(e => ("exercises/" + relative).StartsWith(e.Folder + "/", StringComparison.Ordinal))?.Id;

    /// <summary>
    /// The files with exercise <paramref name="id"/>'s files swapped for the kata's pristine stub of it, or, without
    /// pristine stubs (a learner's own copy), for its own files with every body replaced by a <c>throw</c>
    /// (<see cref="StubWriter"/>): the exercise keeps its methods and classes, so the rest still compiles.
    /// </summary>
    private List<Source> Replace(List<Source> files, string id, string exercisesFolder, string pdbFolder)
    {
        var exercise = _exercises.First(e => e.Id == id);
        var kept = files.Where(f => f.Exercise != id).ToList();
        if (_pristine is null)
        {
            kept.AddRange(files.Where(f => f.Exercise == id).Select(f => f with { Tree = StubWriter.Stub(f.Tree, id) }));
            return kept.OrderBy(f => f.Relative, StringComparer.Ordinal).ToList();
        }
        var inFolder = exercise.Folder["exercises/".Length..];
        var folder = Path.Combine(_pristine!, inFolder);
        foreach (var relative in SourceFiles(folder))
        {
            kept.Add(Read(Path.Combine(folder, relative), $"{inFolder}/{relative}", pdbFolder));
        }
        return kept.OrderBy(f => f.Relative, StringComparer.Ordinal).ToList();
    }

    /// <summary>Per exercise, the public methods, properties, constructors and types of its pristine stub that <paramref name="compilation"/> lacks.</summary>
    private IEnumerable<KeyValuePair<string, List<string>>> MissingApi(Compilation compilation)
    {
        if (_pristine is null) yield break;
        foreach (var exercise in _exercises)
        {
            var missing = Api(exercise)
                .Where(a => DocumentationCommentId.GetFirstSymbolForDeclarationId(a.DocId, compilation) is null && !Inherited(a, compilation))
                .Select(a => a.Shown)
                .ToList();
            if (missing.Count > 0) yield return new(exercise.Id, missing);
        }
    }

    /// <summary>A public member of a stub: its documentation id, as the learner reads it, and (for a member of a type) its type's id and signature.</summary>
    private sealed record StubMember(string DocId, string Shown, string? TypeDocId, string Signature);

    /// <summary>A member's signature without its containing type: <c>Tensor Forward(Tensor, bool)</c>.</summary>
    private static readonly SymbolDisplayFormat Signature = new(
        typeQualificationStyle: SymbolDisplayTypeQualificationStyle.NameAndContainingTypesAndNamespaces,
        genericsOptions: SymbolDisplayGenericsOptions.IncludeTypeParameters,
        memberOptions: SymbolDisplayMemberOptions.IncludeParameters | SymbolDisplayMemberOptions.IncludeType | SymbolDisplayMemberOptions.IncludeRef,
        parameterOptions: SymbolDisplayParameterOptions.IncludeType | SymbolDisplayParameterOptions.IncludeParamsRefOut,
        miscellaneousOptions: SymbolDisplayMiscellaneousOptions.UseSpecialTypes);

    /// <summary>
    /// True when the learner's type has the stub's member from a base class of its own (e.g. a pooling layer whose
    /// <c>Params</c> is declared once in a common base class): the checks can call it all the same.
    /// </summary>
    private static bool Inherited(StubMember member, Compilation compilation)
    {
        if (member.TypeDocId is null || DocumentationCommentId.GetFirstSymbolForDeclarationId(member.TypeDocId, compilation) is not INamedTypeSymbol type) return false;
        for (var b = type.BaseType; b is not null; b = b.BaseType)
        {
            if (b.GetMembers().Any(m => m.DeclaredAccessibility == Accessibility.Public && !m.IsStatic && m.ToDisplayString(Signature) == member.Signature)) return true;
        }
        return false;
    }

    /// <summary>What the stub of <paramref name="exercise"/> declares publicly (as documentation ids), from the pristine compilation.</summary>
    private IReadOnlyList<StubMember> Api(Exercise exercise) => _api.GetOrAdd(exercise.Id, _ =>
    {
        var pristine = _pristineCompilation.Value;
        if (pristine is null) return [];
        var list = new List<StubMember>();
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
                var type = declared is INamedTypeSymbol || declared.IsStatic || declared.ContainingType is null ? null : DocumentationCommentId.CreateDeclarationId(declared.ContainingType);
                list.Add(new StubMember(id, declared.ToDisplayString(SymbolDisplayFormat.CSharpShortErrorMessageFormat), type, declared.ToDisplayString(Signature)));
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
    private static CompileError Describe(Diagnostic diagnostic, string? shownFile)
    {
        var message = diagnostic.GetMessage(CultureInfo.InvariantCulture);
        if (shownFile is null || !diagnostic.Location.IsInSource) return new CompileError(null, 0, 0, diagnostic.Id, message);
        var position = diagnostic.Location.GetLineSpan().StartLinePosition;
        return new CompileError(shownFile, position.Line + 1, position.Character + 1, diagnostic.Id, message);
    }

    /// <summary>
    /// The engine beside the runner (and <c>System.Numerics.Tensors</c>, which the engine brings), and the framework's
    /// reference assemblies from the SDK's targeting pack, or, without one, the running framework's own assemblies.
    /// </summary>
    private static IReadOnlyList<MetadataReference> FindReferences()
    {
        var engine = typeof(Tensor).Assembly.Location;
        var files = new List<string> { engine };
        var tensors = Path.Combine(Path.GetDirectoryName(engine)!, "System.Numerics.Tensors.dll");
        if (File.Exists(tensors)) files.Add(tensors);
        var runtime = Path.GetDirectoryName(typeof(object).Assembly.Location)!; // …/shared/Microsoft.NETCore.App/10.0.x
        files.AddRange(Directory.EnumerateFiles(TargetingPack(runtime) ?? runtime, "*.dll").Order(StringComparer.Ordinal).Where(HasMetadata));
        return files.Distinct(StringComparer.Ordinal).Select(f => (MetadataReference)MetadataReference.CreateFromFile(f)).ToList();
    }

    private static bool HasMetadata(string dll)
    {
        try
        {
            using var stream = File.OpenRead(dll);
            using var pe = new System.Reflection.PortableExecutable.PEReader(stream);
            return pe.HasMetadata;
        }
        catch (BadImageFormatException)
        {
            return false; // a native library in the runtime's folder
        }
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
