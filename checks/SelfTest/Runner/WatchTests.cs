using System.Diagnostics;
using System.Globalization;
using DeepLearningKata.Checks;
using DeepLearningKata.Runner;
using DeepLearningKata.Runner.Compile;
using DeepLearningKata.Runner.Watch;
using NUnit.Framework;

namespace DeepLearningKata.SelfTest.RunnerTests;

/// <summary>
/// <c>--watch</c>: the path-to-exercise mapping, the in-process compiler, and the loop for real — on a copy of
/// <c>exercises/</c>, with real worker processes: save a solution, see its verdict; save a syntax error, see
/// the compiler's file and line; save again, see the verdict again; stop cleanly.
/// </summary>
[TestFixture]
[NonParallelizable]
public sealed class WatchTests
{
    private const string Stub = "Chapter01/1.3-SigmoidDerivative/SigmoidDerivative.cs";
    private const string NotStarted = "throw new NotImplementedException(\"Exercise 1.3 (SigmoidDerivative) is not started yet.\");";

    private string _temp = "";
    private string _exercises = "";

    [SetUp]
    public void CopyExercises()
    {
        _temp = RunnerHarness.TempFolder();
        _exercises = Path.Combine(_temp, "exercises");
        var source = Path.Combine(Repo.Root, "exercises");
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(source, file);
            if (relative.Split(Path.DirectorySeparatorChar).Any(p => p is "bin" or "obj")) continue;
            var copy = Path.Combine(_exercises, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(copy)!);
            File.Copy(file, copy);
        }
        var stub = File.ReadAllText(Path.Combine(_exercises, Stub));
        Assume.That(stub, Does.Contain(NotStarted), "exercise 1.3 has been solved in this copy; the test edits the stub");
    }

    [TearDown]
    public void RemoveTemp()
    {
        try
        {
            Directory.Delete(_temp, recursive: true);
        }
        catch (IOException)
        {
            // a worker may still be letting go of a file; the temp folder is the system's to clean
        }
    }

    private void Save(string body)
    {
        var path = Path.Combine(_exercises, Stub);
        var text = File.ReadAllText(Path.Combine(Repo.Root, "exercises", Stub)).Replace(NotStarted, body, StringComparison.Ordinal);
        File.WriteAllText(path, text);
    }

    [TestCase("Chapter01/1.3-SigmoidDerivative/SigmoidDerivative.cs", "1.3")]
    [TestCase("Chapter05/5.4-AffineLayer/AffineLayer.cs", "5.4")]
    [TestCase("Chapter12/12.10-Something/Helper/Deep.cs", "12.10")]
    [TestCase("Earlier.cs", null)]
    [TestCase("Chapter01/notes.cs", null)]
    public void A_saved_file_maps_to_the_exercise_whose_folder_holds_it(string relative, string? id)
    {
        Assert.That(ExerciseCompiler.ExerciseIdOf(_exercises, Path.Combine(_exercises, relative)), Is.EqualTo(id));
    }

    [Test]
    public void Only_source_files_outside_bin_and_obj_count_as_changes()
    {
        Assert.Multiple(() =>
        {
            Assert.That(ExerciseCompiler.IsSource(_exercises, Path.Combine(_exercises, Stub)), Is.True);
            Assert.That(ExerciseCompiler.IsSource(_exercises, Path.Combine(_exercises, "Earlier.cs")), Is.True);
            Assert.That(ExerciseCompiler.IsSource(_exercises, Path.Combine(_exercises, "obj", "X.AssemblyInfo.cs")), Is.False);
            Assert.That(ExerciseCompiler.IsSource(_exercises, Path.Combine(_exercises, "bin", "Release", "a.cs")), Is.False);
            Assert.That(ExerciseCompiler.IsSource(_exercises, Path.Combine(_exercises, "Chapter01", ".#SigmoidDerivative.cs")), Is.False, "an editor's lock file");
            Assert.That(ExerciseCompiler.IsSource(_exercises, Path.Combine(_exercises, Stub + ".swp")), Is.False);
            Assert.That(ExerciseCompiler.IsSource(_exercises, Path.Combine(_temp, "elsewhere.cs")), Is.False);
        });
    }

    [Test]
    public void Next_is_the_exercise_just_graded_until_it_passes_then_the_next_open_one_wrapping_around()
    {
        var all = Catalog.Exercises.Take(4).ToList();
        Assume.That(all, Has.Count.EqualTo(4));
        var states = new Dictionary<string, State> { [all[0].Id] = State.NotStarted, [all[1].Id] = State.Failed, [all[2].Id] = State.Passed, [all[3].Id] = State.Passed };
        Assert.Multiple(() =>
        {
            Assert.That(WatchMode.NextAfter(all[1], all, states), Is.EqualTo(all[1]), "still failing: fix it");
            Assert.That(WatchMode.NextAfter(all[2], all, states), Is.EqualTo(all[0]), "passed: the next open one, wrapping around");
            Assert.That(WatchMode.NextAfter(null, all, states), Is.EqualTo(all[0]));
            states[all[0].Id] = State.Passed;
            states[all[1].Id] = State.Passed;
            Assert.That(WatchMode.NextAfter(all[3], all, states), Is.Null, "everything passes");
        });
    }

    [Test]
    public void The_progress_bar_has_a_fixed_width()
    {
        Assert.That(WatchScreen.Bar(0, 10), Is.EqualTo("[>" + new string('-', 29) + "]"));
        Assert.That(WatchScreen.Bar(5, 10), Is.EqualTo("[" + new string('#', 15) + ">" + new string('-', 14) + "]"));
        Assert.That(WatchScreen.Bar(10, 10), Is.EqualTo("[" + new string('#', 30) + "]"));
        Assert.That(WatchScreen.Bar(0, 0), Has.Length.EqualTo(32));
    }

    [Test]
    public void An_exercise_that_does_not_compile_while_another_is_graded_is_named_with_its_first_errors()
    {
        using var output = new StringWriter();
        var errors = Enumerable.Range(1, 4).Select(i => new CompileError($"exercises/{Stub}", i, 5, "CS1002", "; expected")).ToList();
        new WatchScreen(output, color: false, clear: false, "exercises").StandIns(new Dictionary<string, IReadOnlyList<CompileError>> { ["1.3"] = errors });
        var lines = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.That(lines[0], Is.EqualTo("! 1.3 SigmoidDerivative does not compile, so it is not graded until you fix it (the others still are):"));
        Assert.That(lines[1], Is.EqualTo($"  exercises/{Stub}:1:5: error CS1002: ; expected"));
        Assert.That(lines, Has.Length.EqualTo(5), "three errors, then how many more");
    }

    [Test]
    public void Uses_of_what_reaches_outside_an_exercise_are_found_with_their_line_and_the_kata_s_own_stubs_have_none()
    {
        var compiler = new ExerciseCompiler(Catalog.Exercises);
        Assert.That(compiler.Compile(_exercises).Suspicious, Is.Empty, "the stubs (TextWriter progress, Random, Tensor) reach nothing outside");
        Save("System.Diagnostics.Process.Start(\"sleep\", \"1\");\n" +
             "        var text = System.IO.File.ReadAllText(\"/etc/hostname\");\n" +
             "        var m = typeof(Tensor).GetMethod(\"Copy\");\n" +
             "        var t = Type.GetType(\"DeepLearningKata.Reference.Chapter1Reference, DeepLearningKata.Reference\");\n" +
             "        var e = Environment.GetEnvironmentVariable(\"HOME\");\n" +
             "        return x;");
        var found = compiler.Compile(_exercises).Suspicious;
        Assert.That(found.Select(f => f.Why), Is.SupersetOf(new[] { "starts a process", "files", "reflection", "names the kata's reference or checks", "the process's environment" }),
            string.Join("\n", found));
        Assert.That(found, Has.All.Matches<SuspiciousUse>(f => f.File == $"exercises/{Stub}" && f.Line > 1));
        Assert.That(found.Select(f => (f.Line, f.Why)), Is.Unique, "one finding per place and reason");
    }

    [Test]
    public void The_compiler_builds_the_exercises_and_reports_an_error_with_file_line_and_column()
    {
        var compiler = new ExerciseCompiler(Catalog.Exercises, keepSources: true);
        var dll = Path.Combine(_temp, "out", ExerciseCompiler.AssemblyName + ".dll");
        var ok = compiler.Compile(_exercises);
        Assert.That(ok.Succeeded, Is.True, string.Join("\n", ok.AllErrors));
        ok.WriteTo(dll);
        Assert.That(File.Exists(dll));
        var before = File.GetLastWriteTimeUtc(dll);

        Save("var s = Earlier.Sigmoid(x)\n        return s * (1 - s);");
        var broken = compiler.Compile(_exercises);
        Assert.That(broken.Succeeded, Is.False);
        Assert.That(broken.Broken.Keys, Is.EqualTo(new[] { "1.3" }), "the error is blamed on the exercise whose folder holds it");
        Assert.That(broken.Assembly, Is.Not.Null, "a stub made from the exercise's own files stands in for it, so the others can be graded");
        var error = broken.AllErrors.First();
        Assert.That(error.ToString(), Does.StartWith($"exercises/{Stub}:").And.Contain("error CS1002: ; expected"));
        Assert.That(error.Line, Is.GreaterThan(1));
        Assert.That(WatchScreen.Explain(error.Code!), Does.Contain(";"));

        var fresh = new ExerciseCompiler(Catalog.Exercises, keepSources: true).Compile(_exercises);
        Assert.That(fresh.Assembly, Is.Not.Null, "nothing compiled before, and still the stub stands in: the others can be graded");
        Assert.That(fresh.AllErrors.Select(e => e.ToString()), Is.EqualTo(broken.AllErrors.Select(e => e.ToString())));

        Save("var s = Earlier.Sigmoid(x);\n        return s * (1 - s);\n    }\n    public static int Broken() => \"not an int\";\n    public static void Unused() {");
        var worse = compiler.Compile(_exercises);
        Assert.That(worse.Broken.Keys, Is.EqualTo(new[] { "1.3" }), "a broken signature and a missing brace are blamed on the exercise too");
        Assert.That(worse.Assembly, Is.Not.Null, "and the stub made from its files still stands in");
        Assert.That(File.GetLastWriteTimeUtc(dll), Is.EqualTo(before), "a failed compile leaves the last good assembly alone");
    }

    [Test]
    public void Saving_an_exercise_shows_its_verdict_and_the_next_step_then_a_compile_error_then_stops_on_request()
    {
        using var output = new SyncWriter();
        using var stop = new CancellationTokenSource();
        var selection = new[] { RunnerHarness.Exemplar };
        var watch = new WatchSettings
        {
            ExercisesFolder = _exercises,
            BuildFolder = Path.Combine(_temp, "build"),
            Debounce = TimeSpan.FromMilliseconds(100),
        };
        var loop = Task.Run(() => WatchMode.Run(selection, new RunOptions(), output, color: false, RunnerHarness.Quick(), watch, stop.Token));
        var latencies = new List<double>();
        try
        {
            WaitFor(output, 0, "Grading", TimeSpan.FromSeconds(120), loop);
            Assert.That(output.Text, Does.Contain("· 1.3 SigmoidDerivative  not started"));
            Assert.That(output.Text, Does.Contain("Next: start 1.3 SigmoidDerivative"));

            // A correct solution: the verdict, then the next step (everything selected passes).
            var mark = output.Length;
            var clock = Stopwatch.StartNew();
            Save("var s = Earlier.Sigmoid(x);\n        return s * (1 - s);");
            var screen = WaitFor(output, mark, "✓ 1.3 SigmoidDerivative — passed", TimeSpan.FromSeconds(60), loop);
            latencies.Add(clock.Elapsed.TotalSeconds);
            Assert.That(screen, Does.Contain("Every exercise here passes (1/1)"));
            Assert.That(screen, Does.Contain("Progress: [" + new string('#', 30) + "] 1/1 exercises pass"));

            // A syntax error: the compiler's message with file and line, and the grade stays.
            mark = output.Length;
            Save("var s = Earlier.Sigmoid(x)\n        return s * (1 - s);");
            screen = WaitFor(output, mark, "Your code does not compile yet, so 1.3 SigmoidDerivative could not be graded", TimeSpan.FromSeconds(60), loop);
            Assert.That(screen, Does.Contain($"/{Stub}:"), "the file, then its line and column");
            Assert.That(screen, Does.Contain("error CS1002: ; expected"));
            Assert.That(screen, Does.Contain("0/1 exercises pass"), "an exercise that does not compile never counts as passing");

            // A wrong answer: the failing check's message, and Next points back at it.
            mark = output.Length;
            clock.Restart();
            Save("var s = Earlier.Sigmoid(x);\n        return s * (1 + s);");
            screen = WaitFor(output, mark, "✗ 1.3 SigmoidDerivative — failed", TimeSpan.FromSeconds(60), loop);
            latencies.Add(clock.Elapsed.TotalSeconds);
            Assert.That(screen, Does.Contain("your answer"));
            Assert.That(screen, Does.Contain("Next: fix 1.3 SigmoidDerivative"));
            Assert.That(screen, Does.Contain("0/1 exercises pass"));

            // A file outside any exercise's folder (Earlier.cs): the exercise graded last is graded again.
            mark = output.Length;
            clock.Restart();
            File.AppendAllText(Path.Combine(_exercises, "Earlier.cs"), "\n// touched\n");
            WaitFor(output, mark, "✗ 1.3 SigmoidDerivative — failed", TimeSpan.FromSeconds(60), loop);
            latencies.Add(clock.Elapsed.TotalSeconds);
        }
        finally
        {
            stop.Cancel();
        }
        Assert.That(loop.Wait(TimeSpan.FromSeconds(30)), Is.True, "Ctrl+C (the token) ends watch mode");
        Assert.That(loop.Result, Is.EqualTo(Cli.Passed));
        Assert.That(output.Text, Does.Contain("Stopped watching. 0/1 exercises pass."));
        var sorted = latencies.Order().ToList();
        TestContext.Out.WriteLine($"save → verdict: {string.Join(", ", latencies.Select(s => s.ToString("0.00", CultureInfo.InvariantCulture)))} s; median {sorted[sorted.Count / 2]:0.00} s");
        Assert.That(sorted[sorted.Count / 2], Is.LessThan(20), "a save is graded in seconds (about 2-3 s on a quiet 2-core machine)");
    }

    /// <summary>
    /// Waits until the output after <paramref name="from"/> shows <paramref name="text"/> and, after it, the
    /// screen's last line ("Watching …"); the screen from <paramref name="text"/> on.
    /// </summary>
    private static string WaitFor(SyncWriter output, int from, string text, TimeSpan limit, Task loop)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < limit)
        {
            var now = output.Text;
            var part = now.Length > from ? now[from..] : "";
            var at = part.IndexOf(text, StringComparison.Ordinal);
            if (at >= 0 && part.IndexOf("Watching", at, StringComparison.Ordinal) is var end and >= 0) return part[at..(end + "Watching".Length)];
            if (loop.IsCompleted) Assert.Fail($"watch mode ended early:\n{now}\n{loop.Exception}");
            Thread.Sleep(25);
        }
        Assert.Fail($"'{text}' did not appear within {limit.TotalSeconds} s. Output:\n{output.Text}");
        return "";
    }

    /// <summary>A writer the watch loop writes to while the test reads.</summary>
    private sealed class SyncWriter : TextWriter
    {
        private readonly System.Text.StringBuilder _text = new();
        private readonly Lock _lock = new();

        public override System.Text.Encoding Encoding => System.Text.Encoding.UTF8;

        public string Text
        {
            get
            {
                lock (_lock) return _text.ToString();
            }
        }

        public int Length
        {
            get
            {
                lock (_lock) return _text.Length;
            }
        }

        public override void Write(char value)
        {
            lock (_lock) _text.Append(value);
        }

        public override void Write(string? value)
        {
            lock (_lock) _text.Append(value);
        }
    }
}
