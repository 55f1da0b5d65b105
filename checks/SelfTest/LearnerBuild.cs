using System.Reflection;
using System.Runtime.Loader;
using DeepLearningKata.Checks;
using DeepLearningKata.Runner.Compile;
using NUnit.Framework;

namespace DeepLearningKata.SelfTest;

/// <summary>
/// The learner subject of the self-test: the repository's own <c>exercises/</c>, compiled by the runner's compiler
/// (the one every entry point uses) and loaded once, before any test, as <see cref="Subjects.Learner"/>. What the
/// tests write (plots of mutants and alternatives, compiled builds) goes to a temporary folder, never into the
/// working tree (<c>KATA_OUTPUT</c>, which the workers the tests start inherit).
/// </summary>
[SetUpFixture]
public sealed class LearnerBuild
{
    private static readonly string Scratch = Path.Combine(Path.GetTempPath(), $"kata-selftest-{Environment.ProcessId}");

    private static readonly Lazy<Assembly> Loaded = new(() =>
    {
        Environment.SetEnvironmentVariable("KATA_OUTPUT", Path.Combine(Scratch, "output"));
        var outcome = new ExerciseCompiler(Catalog.Exercises).Compile(Repo.Exercises);
        if (outcome.AllErrors.Count > 0) throw new InvalidOperationException("the kata's own exercises/ must compile:\n" + string.Join("\n", outcome.AllErrors));
        var dll = outcome.WriteTo(Path.Combine(Scratch, ExerciseCompiler.AssemblyName + ".dll"));
        var assembly = AssemblyLoadContext.Default.LoadFromAssemblyPath(dll);
        Subjects.UseLearner(assembly);
        return assembly;
    });

    /// <summary>The compiled exercises, loaded (at first use: test sources ask for it before any set-up runs).</summary>
    public static Assembly Exercises => Loaded.Value;

    [OneTimeSetUp]
    public void Compile() => Assert.That(Exercises, Is.Not.Null);

    [OneTimeTearDown]
    public void Clean()
    {
        try
        {
            Directory.Delete(Scratch, recursive: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // a worker still holding a file: the temporary folder is the system's to clear
        }
    }
}
