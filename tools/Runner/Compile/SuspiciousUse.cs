using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace DeepLearningKata.Runner.Compile;

/// <summary>
/// A use, in a learner's exercise, of an API that reaches outside the exercise: reflection and assembly loading,
/// files, processes, the environment, the network, console streams other than the learner's own printing, native
/// or unsafe code, or the kata's own reference and checks by name. An exercise computes with <c>Tensor</c> and
/// <c>Np</c>; none of these is ever needed, so each is shown to the learner and flagged to an instructor (the code is
/// still graded).
/// </summary>
/// <param name="File">The file, as the learner reads it (<c>exercises/Chapter01/…/X.cs</c>).</param>
/// <param name="Line">The line, from 1.</param>
/// <param name="Api">What was used (<c>System.Diagnostics.Process.Start</c>).</param>
/// <param name="Why">What it reaches, in a few words (<c>starts a process</c>).</param>
public sealed record SuspiciousUse(string File, int Line, string Api, string Why)
{
    public override string ToString() => $"{File}:{Line}: {Api} ({Why})";

    /// <summary>The suspicious uses in <paramref name="trees"/> (each with the path to show), in file and line order.</summary>
    public static IReadOnlyList<SuspiciousUse> Scan(Compilation compilation, IEnumerable<(SyntaxTree Tree, string Shown)> trees)
    {
        ArgumentNullException.ThrowIfNull(compilation);
        ArgumentNullException.ThrowIfNull(trees);
        var found = new List<SuspiciousUse>();
        foreach (var (tree, shown) in trees)
        {
            var model = compilation.GetSemanticModel(tree);
            foreach (var node in tree.GetRoot().DescendantNodes())
            {
                var line = node.GetLocation().GetLineSpan().StartLinePosition.Line + 1;
                var why = node switch
                {
                    UnsafeStatementSyntax or FixedStatementSyntax or PointerTypeSyntax => ("unsafe code", "reads and writes memory directly"),
                    MemberDeclarationSyntax m when m.Modifiers.Any(SyntaxKind.UnsafeKeyword) => ("unsafe code", "reads and writes memory directly"),
                    LiteralExpressionSyntax { Token.ValueText: var text } when text.Contains("DeepLearningKata.Reference", StringComparison.Ordinal)
                        || text.Contains("DeepLearningKata.Checks", StringComparison.Ordinal) => ($"\"{text}\"", "names the kata's reference or checks"),
                    IdentifierNameSyntax or GenericNameSyntax => Classify(model.GetSymbolInfo(node).Symbol),
                    _ => (null, null),
                };
                if (why.Item1 is { } api) found.Add(new SuspiciousUse(shown, line, api, why.Item2!));
            }
        }
        // One line per place and reason: Process and Process.Start on one line are one finding, the member's.
        return found.GroupBy(f => (f.File, f.Line, f.Why)).Select(g => g.MaxBy(f => f.Api.Length)!)
            .OrderBy(f => f.File, StringComparer.Ordinal).ThenBy(f => f.Line).ToList();
    }

    private static (string? Api, string? Why) Classify(ISymbol? symbol)
    {
        if (symbol is null or INamespaceSymbol or ILocalSymbol or IParameterSymbol) return (null, null);
        var type = symbol as INamedTypeSymbol ?? symbol.ContainingType;
        if (type is null) return (null, null);
        var ns = type.ContainingNamespace?.ToDisplayString() ?? "";
        var typeName = type.ToDisplayString();
        var api = symbol is INamedTypeSymbol ? typeName : $"{typeName}.{symbol.Name}";
        string? why = (ns, type.Name, symbol.Name) switch
        {
            _ when ns.StartsWith("DeepLearningKata.Reference", StringComparison.Ordinal) || ns.StartsWith("DeepLearningKata.Checks", StringComparison.Ordinal) => "the kata's reference or checks",
            _ when ns.StartsWith("System.Reflection", StringComparison.Ordinal) || ns.StartsWith("System.Runtime.Loader", StringComparison.Ordinal) => "reflection",
            ("System", "Type", "GetType" or "GetMethod" or "GetMethods" or "GetField" or "GetFields" or "GetProperty" or "GetProperties" or "GetMember"
                or "GetMembers" or "GetConstructor" or "GetConstructors" or "InvokeMember" or "GetNestedType" or "Assembly") => "reflection",
            ("System", "Activator" or "AppDomain", _) => "reflection",
            _ when ns.StartsWith("System.Runtime.InteropServices", StringComparison.Ordinal) => "native code",
            _ when ns.StartsWith("System.Net", StringComparison.Ordinal) => "the network",
            ("System.IO", "TextWriter" or "TextReader" or "StringWriter" or "StringReader" or "MemoryStream" or "Stream" or "IOException" or "InvalidDataException"
                or "Path", _) => null, // Path only joins and splits strings; what opens a file is flagged where it opens it
            _ when ns.StartsWith("System.IO", StringComparison.Ordinal) => "files",
            ("System.Diagnostics", "Process" or "ProcessStartInfo", _) => "starts a process",
            ("System", "Environment", "Exit" or "FailFast" or "GetEnvironmentVariable" or "GetEnvironmentVariables" or "SetEnvironmentVariable"
                or "GetCommandLineArgs" or "CommandLine" or "CurrentDirectory") => "the process's environment",
            ("System", "Console", "OpenStandardOutput" or "OpenStandardError" or "OpenStandardInput" or "SetOut" or "SetError" or "SetIn") => "the console's own streams",
            ("System", "GC", _) => "the garbage collector",
            _ => null,
        };
        return why is null ? (null, null) : (api, why);
    }
}
