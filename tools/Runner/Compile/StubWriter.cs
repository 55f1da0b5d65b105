using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace DeepLearningKata.Runner.Compile;

/// <summary>
/// Makes a stub of an exercise that does not compile, from its own files: every method, constructor, operator and
/// accessor body becomes <c>throw new NotImplementedException(…)</c>, and every field or property initializer
/// <c>default!</c>. The classes and signatures stay, so the other exercises (and <c>exercises/Earlier.cs</c>, which
/// names them all) still compile while this one is reported as <c>does-not-compile</c> and never graded.
/// </summary>
internal sealed class StubWriter(string exerciseId) : CSharpSyntaxRewriter
{
    /// <summary>The stub of <paramref name="tree"/>, with the same path and options.</summary>
    public static SyntaxTree Stub(SyntaxTree tree, string exerciseId) =>
        tree.WithRootAndOptions(new StubWriter(exerciseId).Visit(tree.GetRoot())!, tree.Options);

    private BlockSyntax Throw() => SyntaxFactory.Block(SyntaxFactory.ParseStatement(
        $"throw new global::System.NotImplementedException(\"Exercise {exerciseId} does not compile.\");"));

    private static readonly ExpressionSyntax Default = SyntaxFactory.ParseExpression("default!");

    public override SyntaxNode? Visit(SyntaxNode? node) => node switch
    {
        BaseMethodDeclarationSyntax m when m.Body is not null || m.ExpressionBody is not null =>
            m.WithBody(Throw()).WithExpressionBody(null).WithSemicolonToken(default),
        AccessorDeclarationSyntax a when a.Body is not null || a.ExpressionBody is not null =>
            a.WithBody(Throw()).WithExpressionBody(null).WithSemicolonToken(default),
        PropertyDeclarationSyntax p when p.ExpressionBody is not null =>
            p.WithExpressionBody(null).WithSemicolonToken(default).WithAccessorList(Getter()),
        IndexerDeclarationSyntax i when i.ExpressionBody is not null =>
            i.WithExpressionBody(null).WithSemicolonToken(default).WithAccessorList(Getter()),
        PropertyDeclarationSyntax { Initializer: not null } p =>
            ((PropertyDeclarationSyntax)base.Visit(p)!).WithInitializer(SyntaxFactory.EqualsValueClause(Default)),
        FieldDeclarationSyntax f when !f.Modifiers.Any(SyntaxKind.ConstKeyword) =>
            f.WithDeclaration(f.Declaration.WithVariables(SyntaxFactory.SeparatedList(f.Declaration.Variables.Select(v =>
                v.Initializer is null ? v : v.WithInitializer(SyntaxFactory.EqualsValueClause(Default)))))),
        _ => base.Visit(node),
    };

    private AccessorListSyntax Getter() => SyntaxFactory.AccessorList(SyntaxFactory.SingletonList(
        SyntaxFactory.AccessorDeclaration(SyntaxKind.GetAccessorDeclaration, Throw())));
}
