using System.Reflection;
using DeepLearningKata.Checks;
using DeepLearningKata.Contracts;
using DeepLearningKata.Data;
using NUnit.Framework;

namespace DeepLearningKata.SelfTest;

/// <summary>How the grader labels what goes wrong: each cause named as what it is, against the right party.</summary>
[TestFixture]
public sealed class GraderTests
{
    /// <summary>A chapter 1 whose every member throws <paramref name="error"/>.</summary>
    private static Subject Throwing(Exception error)
    {
        var proxy = DispatchProxy.Create<IChapter1, Thrower>();
        ((Thrower)(object)proxy).Error = error;
        return Subjects.Reference.With(proxy, "throwing");
    }

    public class Thrower : DispatchProxy
    {
        internal Exception Error { get; set; } = new InvalidOperationException();

        protected override object? Invoke(MethodInfo? targetMethod, object?[]? args) => throw Error;
    }

    [Test]
    public void A_broken_data_file_is_named_as_the_kata_s_data_not_the_learner_s_code_and_grading_stops_there()
    {
        var result = Grader.Grade(Catalog.Get("1.5"), Throwing(new DataFileException("/tmp/x/t10k-labels-idx1-ubyte.gz", "it ends after 12 of 10008 bytes")));
        Assert.That(result.State, Is.EqualTo(State.Crashed));
        Assert.That(result.Checks, Has.Count.EqualTo(1), "every later check would meet the same file");
        Assert.That(result.Checks[0].Message, Does.Contain("t10k-labels-idx1-ubyte.gz").And.Contain("not about your code").And.Contain("git checkout -- data/"));
    }

    [TestCase("1.1")]
    [TestCase("1.5")]
    [TestCase("1.7")]
    public void A_learner_s_exception_is_crashed_with_no_advice_meant_for_another_mistake(string id)
    {
        var result = Grader.Grade(Catalog.Get(id), Throwing(new NullReferenceException("Object reference not set to an instance of an object.")));
        Assert.That(result.State, Is.EqualTo(State.Crashed), Report.Describe(result, verbose: true));
        Assert.That(result.Checks.Where(c => c.State != State.Passed).Select(c => c.State), Has.All.EqualTo(State.Crashed));
        var message = Report.Describe(result, verbose: true);
        Assert.That(message, Does.Contain("NullReferenceException"));
        Assert.That(message, Does.Not.Contain("keepdims").And.Not.Contain("broadcast"), "a null is not a shape mistake");
    }
}
