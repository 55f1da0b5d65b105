using DeepLearningKata.Checks;
using NUnit.Framework;

namespace DeepLearningKata.Grading;

/// <summary>
/// Turns the catalog into NUnit tests: one test per exercise, named by its id and title
/// (<c>1.3 SigmoidDerivative</c>), in a category per chapter (<c>Chapter1</c>).
/// The subject is the learner's code unless <c>KATA_SUBJECT</c> names another (<c>reference</c>).
/// </summary>
public static class Cases
{
    public static IEnumerable<TestCaseData> Chapter(int chapter) =>
        Catalog.Exercises.Where(e => e.Chapter == chapter).Select(e =>
            new TestCaseData(e.Id).SetName($"{e.Id} {e.Title}").SetProperty("Exercise", e.Id));

    public static void Grade(string id)
    {
        var subject = Subjects.ByName(Environment.GetEnvironmentVariable("KATA_SUBJECT") is { Length: > 0 } s ? s : "learner");
        var result = Grader.Grade(Catalog.Get(id), subject);
        var report = Report.Describe(result);
        switch (result.State)
        {
            case State.Passed:
                Assert.Pass(report);
                break;
            default:
                Assert.Fail(report);
                break;
        }
    }
}

[Category("Chapter1")]
public sealed class Chapter1
{
    [TestCaseSource(typeof(Cases), nameof(Cases.Chapter), [1])]
    public void Exercise(string id) => Cases.Grade(id);
}

[Category("Chapter2")]
public sealed class Chapter2
{
    [TestCaseSource(typeof(Cases), nameof(Cases.Chapter), [2])]
    public void Exercise(string id) => Cases.Grade(id);
}

[Category("Chapter3")]
public sealed class Chapter3
{
    [TestCaseSource(typeof(Cases), nameof(Cases.Chapter), [3])]
    public void Exercise(string id) => Cases.Grade(id);
}

[Category("Chapter4")]
public sealed class Chapter4
{
    [TestCaseSource(typeof(Cases), nameof(Cases.Chapter), [4])]
    public void Exercise(string id) => Cases.Grade(id);
}

[Category("Chapter5")]
public sealed class Chapter5
{
    [TestCaseSource(typeof(Cases), nameof(Cases.Chapter), [5])]
    public void Exercise(string id) => Cases.Grade(id);
}

[Category("Chapter6")]
public sealed class Chapter6
{
    [TestCaseSource(typeof(Cases), nameof(Cases.Chapter), [6])]
    public void Exercise(string id) => Cases.Grade(id);
}

[Category("Chapter7")]
public sealed class Chapter7
{
    [TestCaseSource(typeof(Cases), nameof(Cases.Chapter), [7])]
    public void Exercise(string id) => Cases.Grade(id);
}
