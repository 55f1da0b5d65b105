using System.Diagnostics;
using DeepLearningKata.Checks;
using NUnit.Framework;

namespace DeepLearningKata.SelfTest;

/// <summary>
/// Every untouched stub is reported "not started" — not failed, not crashed. "Untouched" means git
/// sees no change in the exercise's folder, so a learner who runs the self-test mid-way is not told
/// that their own work is a defect of the kata.
/// </summary>
[TestFixture]
public sealed class StubTests
{
    public static IEnumerable<TestCaseData> Exercises => CheckSuiteTests.Exercises;

    [TestCaseSource(nameof(Exercises))]
    public void Untouched_stub_is_not_started(string id)
    {
        var exercise = Catalog.Get(id);
        var changed = GitChanges(exercise.Folder);
        if (changed is null) Assert.Ignore("git is not available, so it cannot be told whether the stub is untouched.");
        if (changed.Length > 0) Assert.Ignore($"the stub of {id} has been edited ({changed.Trim()}); only untouched stubs are checked.");

        var result = Grader.Grade(exercise, Subjects.Learner);
        Assert.That(result.State, Is.EqualTo(State.NotStarted), Report.Describe(result, verbose: true));
        Assert.That(result.Message, Does.Contain(exercise.Folder), "the not-started message must say where the stub is");
    }

    private static string? GitChanges(string folder)
    {
        try
        {
            var psi = new ProcessStartInfo("git", ["status", "--porcelain", "--", folder])
            {
                WorkingDirectory = Repo.Root,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            using var git = Process.Start(psi)!;
            var output = git.StandardOutput.ReadToEnd();
            git.WaitForExit();
            return git.ExitCode == 0 ? output : null;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null;
        }
    }
}
