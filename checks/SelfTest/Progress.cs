using DeepLearningKata.Checks;
using NUnit.Framework;
using NUnit.Framework.Interfaces;

[assembly: DeepLearningKata.SelfTest.ShowProgress]

namespace DeepLearningKata.SelfTest;

/// <summary>
/// The self-test says how far it got while it runs (a few minutes): every ten seconds, a line on the terminal with
/// the tests done, the failures so far and the fixture running.
/// </summary>
[AttributeUsage(AttributeTargets.Assembly)]
public sealed class ShowProgressAttribute : Attribute, ITestAction
{
    private static readonly System.Diagnostics.Stopwatch Clock = System.Diagnostics.Stopwatch.StartNew();
    private static readonly Lock Gate = new();
    private static int _done;
    private static int _failed;
    private static TimeSpan _shown;

    public ActionTargets Targets => ActionTargets.Test;

    public void BeforeTest(ITest test)
    {
    }

    public void AfterTest(ITest test)
    {
        ArgumentNullException.ThrowIfNull(test);
        lock (Gate)
        {
            _done++;
            if (TestContext.CurrentContext.Result.Outcome.Status == TestStatus.Failed) _failed++;
            if (Clock.Elapsed - _shown < TimeSpan.FromSeconds(10)) return;
            _shown = Clock.Elapsed;
            var fixture = test.ClassName?.Split('.')[^1] ?? "";
            Terminal.Write($"  self-test: {_done} tests done, {_failed} failed, {Clock.Elapsed.TotalSeconds:0} s — {fixture}\n");
        }
    }
}
