using DeepLearningKata.Checks;
using NUnit.Framework;

namespace DeepLearningKata.Mutation;

/// <summary>
/// What a mutation run asks of each mutated reference: does it still pass every check of each
/// exercise? One test per exercise (categories <c>ChapterN</c> and <c>ExerciseN.M</c>), so a killed
/// mutant is attributed to the exercise whose checks rejected it.
/// </summary>
[TestFixture]
public sealed class ReferenceGrades
{
    /// <summary>
    /// Longer than any exercise's own budget: a mutant that loops forever is ended by Stryker's
    /// timeout (which also restarts the test host and so ends the abandoned check thread).
    /// </summary>
    private static readonly TimeSpan Budget = TimeSpan.FromMinutes(10);

    public static IEnumerable<TestCaseData> Exercises =>
        Catalog.Exercises.Select(e => new TestCaseData(e.Id)
            .SetName($"{e.Id} {e.Title}")
            .SetCategory($"Chapter{e.Chapter}")
            .SetCategory($"Exercise{e.Id}"));

    [OneTimeSetUp]
    public void NeverWriteGoldenFiles() =>
        // A mutated reference fails golden checks on purpose; with CI set, no .received. file is written.
        Environment.SetEnvironmentVariable("CI", "mutation-run");

    [TestCaseSource(nameof(Exercises))]
    public void Reference_passes_every_check(string id)
    {
        var result = Grader.Grade(Catalog.Get(id), Subjects.Reference, Budget);
        Assert.That(result.State, Is.EqualTo(State.Passed), Report.Describe(result, verbose: true));
    }
}
