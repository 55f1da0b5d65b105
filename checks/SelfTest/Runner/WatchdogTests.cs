using System.Text.Json;
using DeepLearningKata.Checks;
using DeepLearningKata.Runner;
using NUnit.Framework;

namespace DeepLearningKata.SelfTest.RunnerTests;

/// <summary>
/// The watchdog, for real: the <c>KATA_FAULT</c> test seam makes a worker loop, hang, overflow its stack or
/// call <c>Environment.Exit</c> while grading one exercise; the runner must report that exercise against
/// itself, still grade the others, and finish quickly.
/// </summary>
[TestFixture]
public sealed class WatchdogTests
{
    /// <summary>Up to three exercises, the faulty one in the middle when there are enough.</summary>
    private static (IReadOnlyList<Exercise> All, Exercise Faulty) Pick()
    {
        var all = Catalog.Exercises.Take(3).ToList();
        return (all, all[Math.Min(1, all.Count - 1)]);
    }

    [TestCase("loop", State.TimedOut, "did not finish within 2 s")]
    [TestCase("hang", State.TimedOut, "so the runner ended it")]
    [TestCase("stackoverflow", State.Crashed, "a stack overflow")]
    [TestCase("exit", State.Crashed, "Environment.Exit")]
    [TestCase("memory", State.Crashed, "used more than 256 MB of memory")]
    public void A_fault_in_one_exercise_is_reported_against_it_and_the_others_are_still_graded(string kind, State expected, string message)
    {
        var (all, faulty) = Pick();
        var temp = RunnerHarness.TempFolder();
        try
        {
            var json = Path.Combine(temp, "results.json");
            var args = new List<string> { "--subject", "reference", "--timeout", "2", "--memory", "256", "--json", json };
            foreach (var e in all) args.AddRange(["--exercise", e.Id]);
            var run = RunnerHarness.Cli(RunnerHarness.Quick($"{faulty.Id}:{kind}"), [.. args]);
            TestContext.Out.WriteLine(run);

            Assert.That(run.ExitCode, Is.EqualTo(Cli.NotAllPassed), run.ToString());
            Assert.That(run.Elapsed, Is.LessThan(TimeSpan.FromSeconds(60)), "the run must end in bounded time");
            using var doc = JsonDocument.Parse(File.ReadAllText(json));
            var states = doc.RootElement.GetProperty("exercises").EnumerateArray()
                .ToDictionary(e => e.GetProperty("id").GetString()!, e => e);
            Assert.That(states.Keys, Is.EqualTo(all.Select(e => e.Id)), "every selected exercise is settled, in order");
            var bad = states[faulty.Id];
            Assert.That(bad.GetProperty("state").GetString(), Is.EqualTo(ExerciseResult.Word(expected)));
            Assert.That(bad.GetProperty("message").GetString(), Does.Contain(message));
            Assert.That(run.Out, Does.Contain(Report.Mark(expected) + " " + faulty.Name));
            foreach (var other in all.Where(e => e != faulty))
            {
                Assert.That(states[other.Id].GetProperty("state").GetString(), Is.EqualTo("passed"),
                    $"{other.Id} must still be graded after {faulty.Id} went wrong");
            }
            if (all.Count < 2) Assert.Inconclusive("only one exercise exists yet; the others-still-graded half of this test needs two");
        }
        finally
        {
            Directory.Delete(temp, recursive: true);
        }
    }

    [Test]
    public void A_result_printed_by_the_graded_code_is_never_believed_and_a_process_it_starts_does_not_outlive_the_run()
    {
        var (all, faulty) = Pick();
        foreach (var kind in new[] { "forge", "child" })
        {
            var args = new List<string> { "--subject", "reference", "--timeout", "5" };
            foreach (var e in all) args.AddRange(["--exercise", e.Id]);
            var run = RunnerHarness.Cli(RunnerHarness.Quick($"{faulty.Id}:{kind}"), [.. args]);
            Assert.That(run.ExitCode, Is.EqualTo(Cli.NotAllPassed), $"{kind}: {run}");
            Assert.That(run.Out, Does.Not.Contain($"✓ {faulty.Name}"), $"{kind}: the faulty exercise must not pass");
            Assert.That(run.Elapsed, Is.LessThan(TimeSpan.FromSeconds(60)), $"{kind}: the run ends in bounded time");
        }
        Thread.Sleep(500);
        var alive = Directory.EnumerateDirectories("/proc").Select(d => Path.Combine(d, "cmdline")).Where(File.Exists)
            .Select(f => { try { return File.ReadAllText(f).Replace('\0', ' '); } catch (IOException) { return ""; } catch (UnauthorizedAccessException) { return ""; } })
            .Count(c => c.Contains("sleep 1001.5", StringComparison.Ordinal));
        if (!OperatingSystem.IsLinux()) Assert.Ignore("the process check reads /proc");
        Assert.That(alive, Is.Zero, "the child process the graded code started was ended with its worker");
    }

    [Test]
    public void A_stack_overflow_names_the_learners_repeating_method()
    {
        const string output = "Stack overflow.\nRepeated 9 times:\n----\n   at DeepLearningKata.Exercises.Chapter1.Sigmoid(DeepLearningKata.Tensor)\n----\n";
        var message = Supervisor.CrashMessage(RunnerHarness.Exemplar, 134, output);
        Assert.That(message, Does.Contain("a stack overflow").And.Contain("recursion without a base case").And.Contain("Chapter1.Sigmoid"));
        Assert.That(Supervisor.WithoutRuntimeReport("my debug line\n" + output), Is.EqualTo("my debug line"));
        Assert.That(Supervisor.WithoutRuntimeReport(output), Is.Null);
    }

    [Test]
    public void The_fault_seam_reads_its_variable_strictly()
    {
        Assert.That(Faults.Parse("1.3:loop, 2.1:StackOverflow"), Is.EquivalentTo(new Dictionary<string, FaultKind>
        {
            ["1.3"] = FaultKind.Loop,
            ["2.1"] = FaultKind.StackOverflow,
        }));
        Assert.That(Faults.Parse(null), Is.Empty);
        Assert.Throws<ArgumentException>(() => Faults.Parse("1.3:explode"));
        Assert.Throws<ArgumentException>(() => Faults.Parse("1.3"));
    }

    [Test]
    public void Worker_events_survive_a_round_trip()
    {
        var result = new ExerciseResult("1.3", 1, "SigmoidDerivative", State.Failed, "wrong\nvalue: NaN", 0.25,
            [new CheckResult("gives the example", State.Failed, "expected 0.19, got NaN")]);
        var line = new WorkerEvent(WorkerEvent.Graded, "1.3", result, "printed σ\n").ToLine();
        Assert.That(line, Does.StartWith(WorkerEvent.Prefix).And.Not.Contain("\n"));
        var back = WorkerEvent.TryParse(line)!;
        Assert.That(back.Result!.State, Is.EqualTo(State.Failed));
        Assert.That(back.Result.Message, Is.EqualTo(result.Message));
        Assert.That(back.Result.Checks.Single().Message, Is.EqualTo("expected 0.19, got NaN"));
        Assert.That(back.Output, Is.EqualTo("printed σ\n"));
        Assert.That(WorkerEvent.TryParse("a learner's own Console.WriteLine"), Is.Null);
    }
}
