using System.Diagnostics;
using System.Security.Cryptography;
using System.Text.Json;
using DeepLearningKata.Checks;
using DeepLearningKata.Runner;
using DeepLearningKata.SelfTest.RunnerTests;
using NUnit.Framework;

namespace DeepLearningKata.SelfTest.ClassroomTests;

/// <summary>
/// <c>tools/classroom/make-sample-class.sh</c>'s class of 12 and its four hostile learners, graded once with
/// <c>--classroom</c> on five exercises (the ones the sample's kinds change) inside the OS sandbox: every learner's row
/// is what its name says, no file of this repository or of the class folder changed (hashed before and after), and no
/// process the learners started is left.
/// </summary>
/// <remarks>
/// Without the OS sandbox (not Linux, no bubblewrap that works) the fixture is ignored: hostile-writes would write into
/// this repository's golden/ and data/. tools/classroom/install-sandbox.sh installs bubblewrap first when it can.
/// </remarks>
[TestFixture]
[NonParallelizable]
public sealed class HostileClassTests
{
    private const string Exercises = "1.1,1.3,1.5,1.7,2.2";
    private string _temp = "";
    private string _class = "";
    private CliRun _run = null!;
    private JsonDocument? _doc;
    private string _rootBefore = "", _rootAfter = "", _classBefore = "", _classAfter = "";
    private List<string> _left = [];

    [OneTimeSetUp]
    public void GradeTheSampleClass()
    {
        if (!OperatingSystem.IsLinux()) Assert.Ignore("the OS sandbox (bubblewrap) is Linux's");
        Bash(Path.Combine(Repo.Root, "tools", "classroom", "install-sandbox.sh"));
        if (OsSandbox.Find(out var missing) is null)
        {
            Assert.Ignore($"no OS sandbox: {missing}. The hostile learners are not run without one: they would write into this repository.");
        }
        _temp = RunnerHarness.TempFolder();
        _class = Path.Combine(_temp, "class");
        Bash(Path.Combine(Repo.Root, "tools", "classroom", "make-sample-class.sh"), _class, "12");

        _rootBefore = Hashes(Repo.Root);
        _classBefore = Hashes(_class);
        var json = Path.Combine(_temp, "class.json");
        _run = RunnerHarness.Cli(RunnerHarness.Quick() with { Margin = TimeSpan.FromSeconds(2) },
            "--classroom", _class, "--exercise", Exercises, "--timeout", "10", "--memory", "256", "--json", json);
        TestContext.Progress.WriteLine(_run);
        _rootAfter = Hashes(Repo.Root);
        _classAfter = Hashes(_class);
        Thread.Sleep(500);
        _left = Processes("/bin/sleep\01000");
        _doc = JsonDocument.Parse(File.ReadAllText(json));
    }

    [OneTimeTearDown]
    public void Remove()
    {
        _doc?.Dispose();
        if (_temp.Length > 0 && Directory.Exists(_temp)) Directory.Delete(_temp, recursive: true);
    }

    [Test]
    public void The_run_says_it_grades_in_the_OS_sandbox()
    {
        Assert.That(_run.Out, Does.Contain("OS sandbox: bubblewrap").And.Not.Contain("no OS sandbox"), _run.ToString());
    }

    [Test]
    public void Every_learner_s_row_is_what_its_name_says()
    {
        var expected = new Dictionary<string, string>
        {
            ["hostile-child"] = "graded 5/5, 5 points; suspicious: starts a process",
            ["hostile-forge"] = "graded 4/5, 4 points; 1.1 failed; suspicious: the console's own streams",
            ["hostile-reflection"] = "graded 5/5, 5 points; suspicious: names the kata's reference or checks, reflection",
            ["hostile-writes"] = "graded 5/5, 5 points; suspicious: files, the process's environment",
            ["learner01-solved"] = "graded 5/5, 5 points",
            ["learner02-solved"] = "graded 5/5, 5 points",
            ["learner03-partly"] = "graded 4/5, 4 points; 2.2 not-started",
            ["learner04-stubs"] = "graded 0/5, 0 points; 1.1 not-started, 1.3 not-started, 1.5 not-started, 1.7 not-started, 2.2 not-started",
            ["learner05-wrong"] = "graded 4/5, 4 points; 1.3 failed",
            ["learner06-broken-exercise"] = "graded 4/5, 4 points; 1.5 does-not-compile",
            ["learner07-loop"] = "graded 4/5, 4 points; 2.2 timed-out",
            ["learner08-stackoverflow"] = "graded 4/5, 4 points; 1.1 crashed",
            ["learner09-allocation"] = "graded 4/5, 4 points; 1.7 crashed",
            ["learner10-tampered"] = "graded 5/5, 5 points; tampered",
            ["learner11-not-kata"] = "not-a-kata-repository 0/0, 0 points",
            ["learner12-empty"] = "empty 0/0, 0 points",
        };
        var rows = _doc!.RootElement.GetProperty("learners").EnumerateArray().ToDictionary(l => l.GetProperty("name").GetString()!, Row);
        Assert.That(rows, Is.EqualTo(expected), _run.ToString());
    }

    [Test]
    public void Forged_result_lines_are_output_not_results()
    {
        var forge = Learner("hostile-forge").GetProperty("exercises").EnumerateArray().Single(e => e.GetProperty("id").GetString() == "1.1");
        Assert.That(forge.GetProperty("message").GetString(), Does.Contain("returned a wrong value").And.Not.Contain("suspicious"),
            "its wrong answer is what was graded: the printed \"passed\" lines were neither believed nor taken for a broken worker");
    }

    [Test]
    public void Nothing_outside_the_scratch_folders_changed()
    {
        Assert.That(_rootAfter, Is.EqualTo(_rootBefore), $"every file of {Repo.Root} (golden/, data/, the runner's bin/ …) is as before");
        Assert.That(_classAfter, Is.EqualTo(_classBefore), "every file of the class folder (another learner's Xor.cs …) is as before");
        var home = Environment.GetEnvironmentVariable("HOME");
        if (home is not null) Assert.That(File.Exists(Path.Combine(home, "hacked.txt")), Is.False, "nothing was written into $HOME");
    }

    [Test]
    public void No_process_a_learner_started_is_left()
    {
        Assert.That(_left, Is.Empty, "hostile-child's /bin/sleep 1000 ended with its worker");
    }

    private JsonElement Learner(string name) =>
        _doc!.RootElement.GetProperty("learners").EnumerateArray().Single(l => l.GetProperty("name").GetString() == name);

    /// <summary>A learner's row in a few words: status, passed/total, points, the exercises not passed, suspicious kinds, tampering.</summary>
    private static string Row(JsonElement learner)
    {
        var parts = new List<string>
        {
            $"{learner.GetProperty("status").GetString()} {learner.GetProperty("passed").GetInt32()}/{learner.GetProperty("total").GetInt32()}, " +
            $"{learner.GetProperty("points").GetInt32()} points",
        };
        var notPassed = learner.GetProperty("exercises").EnumerateArray()
            .Where(e => e.GetProperty("state").GetString() != "passed")
            .Select(e => $"{e.GetProperty("id").GetString()} {e.GetProperty("state").GetString()}").ToList();
        if (notPassed.Count > 0) parts.Add(string.Join(", ", notPassed));
        var why = learner.GetProperty("suspicious").EnumerateArray()
            .Select(s => s.GetString()!).Select(s => s[(s.LastIndexOf('(') + 1)..^1]).Distinct().Order(StringComparer.Ordinal).ToList();
        if (why.Count > 0) parts.Add("suspicious: " + string.Join(", ", why));
        if (learner.GetProperty("tampered").GetBoolean()) parts.Add("tampered");
        return string.Join("; ", parts);
    }

    /// <summary>One line per file under <paramref name="root"/> (but .git/): its path and the SHA-256 of its bytes, in order.</summary>
    internal static string Hashes(string root)
    {
        var lines = new List<string>();
        var pending = new Stack<string>([root]);
        while (pending.Count > 0)
        {
            var dir = pending.Pop();
            foreach (var sub in Directory.GetDirectories(dir))
            {
                if (Path.GetFileName(sub) == ".git" || new DirectoryInfo(sub).LinkTarget is not null) continue;
                pending.Push(sub);
            }
            foreach (var file in Directory.GetFiles(dir))
            {
                var info = new FileInfo(file);
                var hash = info.LinkTarget is not null ? "-> " + info.LinkTarget : Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(file)));
                lines.Add($"{Path.GetRelativePath(root, file)} {hash}");
            }
        }
        lines.Sort(StringComparer.Ordinal);
        return string.Join("\n", lines);
    }

    /// <summary>The command lines (NUL-separated, as in /proc/PID/cmdline) of the running processes that start with <paramref name="prefix"/>.</summary>
    internal static List<string> Processes(string prefix) =>
        Directory.EnumerateDirectories("/proc").Where(d => int.TryParse(Path.GetFileName(d), out _))
            .Select(d =>
            {
                try { return File.ReadAllText(Path.Combine(d, "cmdline")); }
                catch (IOException) { return ""; }
                catch (UnauthorizedAccessException) { return ""; }
            })
            .Where(c => c.StartsWith(prefix, StringComparison.Ordinal)).ToList();

    private static void Bash(params string[] args)
    {
        var start = new ProcessStartInfo("bash", args) { RedirectStandardOutput = true, RedirectStandardError = true };
        using var script = Process.Start(start)!;
        var errors = script.StandardError.ReadToEndAsync();
        script.StandardOutput.ReadToEnd();
        script.WaitForExit();
        Assert.That(script.ExitCode, Is.Zero, $"{string.Join(' ', args)}: {errors.Result}");
    }
}

/// <summary>How the OS sandbox is asked for, and what a run says without one.</summary>
[TestFixture]
[NonParallelizable]
public sealed class OsSandboxTests
{
    [Test]
    public void Bwrap_gets_a_read_only_root_a_private_tmp_and_only_the_scratch_folder_writable()
    {
        var temp = RunnerHarness.TempFolder();
        try
        {
            var box = Path.Combine(temp, "box");
            var args = new OsSandbox("/usr/bin/bwrap").Arguments([box], Path.Combine(box, "root"), [temp, "/usr/share", Path.Combine(temp, "absent")]);
            var text = string.Join(' ', args);
            Assert.That(text, Does.StartWith("--ro-bind / / --dev /dev --proc /proc --tmpfs /tmp "));
            Assert.That(text, Does.Contain($"--tmpfs /tmp --ro-bind {temp} {temp} --bind {box} {box} "),
                "a folder it reads under /tmp is bound read-only after the private /tmp, and the scratch folder read-write last");
            Assert.That(text, Does.Not.Contain("/usr/share").And.Not.Contain("absent"), "outside /tmp the read-only root shows it already; a missing folder is left out");
            Assert.That(args.Count(a => a == "--bind"), Is.EqualTo(1), "one writable folder");
            Assert.That(text, Does.EndWith($"--unshare-all --die-with-parent --new-session --chdir {Path.Combine(box, "root")}"));
        }
        finally
        {
            Directory.Delete(temp, recursive: true);
        }
    }

    [Test]
    public void The_memory_of_a_sandboxed_worker_is_the_sum_over_its_process_tree()
    {
        if (!OperatingSystem.IsLinux()) Assert.Ignore("it reads /proc");
        // A shell whose child holds ~64 MB: the tree's memory must count the child, as a worker's under bwrap must.
        var info = new ProcessStartInfo("/bin/sh", ["-c", "perl -e '$x = \"x\" x (64 << 20); sleep 3'; true"]); // "; true": the shell stays
        using var shell = Process.Start(info)!;
        try
        {
            long tree = 0;
            for (var i = 0; i < 30 && tree < 48L << 20; i++)
            {
                Thread.Sleep(100);
                tree = OsSandbox.TreeResidentBytes(shell.Id);
            }
            shell.Refresh();
            Assert.That(shell.WorkingSet64, Is.LessThan(16L << 20), "the shell itself is small");
            Assert.That(tree, Is.GreaterThan(48L << 20), "its child's 64 MB are counted");
        }
        finally
        {
            shell.Kill(entireProcessTree: true);
            shell.WaitForExit();
        }
    }

    [Test]
    public void Without_the_OS_sandbox_the_run_says_so_at_its_start()
    {
        var temp = RunnerHarness.TempFolder();
        try
        {
            Directory.CreateDirectory(Path.Combine(temp, "class", "someone")); // empty: nothing is graded, the start is printed
            using var off = RunnerHarness.Environment(OsSandbox.Variable, "off");
            var run = RunnerHarness.Cli("--classroom", Path.Combine(temp, "class"), "--exercise", "1.1");
            var start = run.Out.Split('\n').Take(4).ToList();
            Assert.That(start, Has.Some.StartsWith("  no OS sandbox: KATA_SANDBOX=off."), run.ToString());
            Assert.That(start, Has.Some.Contains("can write wherever you can"), run.ToString());
        }
        finally
        {
            Directory.Delete(temp, recursive: true);
        }
    }
}
