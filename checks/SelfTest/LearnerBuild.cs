using System.Reflection;
using System.Runtime.Loader;
using DeepLearningKata.Checks;
using DeepLearningKata.Runner.Compile;
using NUnit.Framework;

namespace DeepLearningKata.SelfTest;

/// <summary>
/// The learner subject of the self-test: the repository's own <c>exercises/</c>, compiled by the runner's compiler
/// (the one every entry point uses) and loaded once, before any test, as <see cref="Subjects.Learner"/>.
/// </summary>
[SetUpFixture]
public sealed class LearnerBuild
{
    /// <summary>The compiled exercises, loaded.</summary>
    public static Assembly Exercises { get; private set; } = null!;

    [OneTimeSetUp]
    public void Compile()
    {
        var outcome = new ExerciseCompiler(Catalog.Exercises).Compile(Repo.Exercises);
        Assert.That(outcome.AllErrors, Is.Empty, "the kata's own exercises/ must compile");
        var dll = outcome.WriteTo(Path.Combine(Path.GetTempPath(), $"kata-selftest-{Environment.ProcessId}", ExerciseCompiler.AssemblyName + ".dll"));
        Exercises = AssemblyLoadContext.Default.LoadFromAssemblyPath(dll);
        Subjects.UseLearner(Exercises);
    }
}
