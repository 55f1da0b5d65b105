using System.Diagnostics;
using System.Text.Json;
using DeepLearningKata.Checks;
using DeepLearningKata.SelfTest.RunnerTests;
using NUnit.Framework;

namespace DeepLearningKata.SelfTest.ClassroomTests;

/// <summary>
/// <c>tools/classroom/make-sample-class.sh</c>'s "solved" learner (the reference solutions rewritten into the stubs)
/// passes every exercise of the catalog under <c>--classroom</c>, untampered: the sample class is what its names say.
/// </summary>
[TestFixture]
[NonParallelizable]
public sealed class SampleClassTests
{
    [Test]
    public void The_sample_class_s_solved_learner_passes_every_exercise()
    {
        if (OperatingSystem.IsWindows()) Assert.Ignore("make-sample-class.sh is a bash script.");
        var temp = RunnerHarness.TempFolder();
        try
        {
            var folder = Path.Combine(temp, "class");
            var start = new ProcessStartInfo("bash", [Path.Combine(Repo.Root, "tools", "classroom", "make-sample-class.sh"), folder, "1"])
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            using (var script = Process.Start(start)!)
            {
                var errors = script.StandardError.ReadToEndAsync();
                script.StandardOutput.ReadToEnd();
                script.WaitForExit();
                Assert.That(script.ExitCode, Is.Zero, errors.Result);
            }
            var json = Path.Combine(temp, "class.json");
            var run = RunnerHarness.Cli("--classroom", folder, "--json", json);
            using var doc = JsonDocument.Parse(File.ReadAllText(json));
            var learner = doc.RootElement.GetProperty("learners").EnumerateArray().Single();
            var notPassed = learner.GetProperty("exercises").EnumerateArray()
                .Where(e => e.GetProperty("state").GetString() != "passed")
                .Select(e => $"{e.GetProperty("id").GetString()} {e.GetProperty("state").GetString()}: {e.GetProperty("message").GetString()}");
            Assert.That(notPassed, Is.Empty, run.ToString());
            Assert.That(learner.GetProperty("passed").GetInt32(), Is.EqualTo(Catalog.Exercises.Count));
            Assert.That(learner.GetProperty("tampered").GetBoolean(), Is.False, "a copy of the repository, changed inside exercises/ only");
        }
        finally
        {
            Directory.Delete(temp, recursive: true);
        }
    }
}
