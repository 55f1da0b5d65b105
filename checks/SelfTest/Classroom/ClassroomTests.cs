using System.IO.Compression;
using System.Text.Json;
using DeepLearningKata.Checks;
using DeepLearningKata.Runner;
using DeepLearningKata.Runner.Classroom;
using DeepLearningKata.Runner.Compile;
using DeepLearningKata.SelfTest.RunnerTests;
using NUnit.Framework;

namespace DeepLearningKata.SelfTest.ClassroomTests;

/// <summary>
/// Classroom grading end to end: a small class is made in a temporary folder from this repository's own files
/// (each learner a copy, with some stubs filled in), graded twice with <c>--classroom</c> on four exercises of
/// chapters 1 and 2, and every kind of submission must get its own right line; the two runs must write the same
/// CSV and JSON.
/// </summary>
[TestFixture]
[NonParallelizable]
public sealed partial class ClassroomTests
{
    private const string BasicSigmoid = "public static double BasicSigmoid(double x) => 1.0 / (1.0 + Math.Exp(-x));";
    private const string Sigmoid = "public static Tensor Sigmoid(Tensor x) => 1.0 / (1.0 + Np.Exp(-x));";
    private const string SigmoidDerivative = "public static Tensor SigmoidDerivative(Tensor x) { var s = Earlier.Sigmoid(x); return s * (1.0 - s); }";

    private string _temp = "";
    private string _class = "";
    private CliRun _first = null!;
    private CliRun _second = null!;
    private JsonElement _json;
    private JsonDocument? _doc;

    [OneTimeSetUp]
    public void GradeAClassTwice()
    {
        _temp = RunnerHarness.TempFolder();
        _class = Path.Combine(_temp, "class");
        var files = Tamper.InstructorFiles(Repo.Root);

        Learner("alice", files, ("1.1", BasicSigmoid), ("1.2", Sigmoid), ("1.3", SigmoidDerivative));
        Learner("bob", files, ("1.1", BasicSigmoid)); // partly done
        Learner("carol", files, ("1.1", BasicSigmoid), ("1.2", Sigmoid),
            ("1.3", "public static Tensor SigmoidDerivative(Tensor x) { var s = Earlier.Sigmoid(x); return s * (1.0 + s); }")); // wrong
        Learner("dave", files, ("1.1", BasicSigmoid),
            ("1.2", "public static Tensor Sigmoid(Tensor x) { var n = 0L; while (n >= 0) n = (n + 1) % 1000; return x; }")); // endless loop
        Learner("erin", files, ("1.1", "public static double BasicSigmoid(double x) => 1.0 / (1.0 + BasicSigmoid(-x));"), ("1.2", Sigmoid)); // stack overflow
        Learner("frank", files, ("1.1", BasicSigmoid),
            ("1.3", "public static Tensor SigmoidDerivative(Tensor x) { var all = new List<double[]>(); while (true) all.Add(new double[1 << 20]); }")); // memory
        var grace = Learner("grace", files, ("1.1", BasicSigmoid));
        File.AppendAllText(Path.Combine(grace, "checks", "Chapter01", "1.3-SigmoidDerivative.cs"), "\n// easier now\n");
        File.WriteAllText(Path.Combine(grace, "engine", "Hack.cs"), "// mine\n");
        File.Delete(Path.Combine(grace, "golden", "Chapter01", "1.1-BasicSigmoid.examples.verified.json"));
        var heidi = Learner("heidi", files, ("1.1", BasicSigmoid), ("1.2", "public static Tensor Sigmoid(Tensor x) { return 1.0 / (1.0 + Np.Exp(-x)) }"));
        var ivan = Learner("ivan", files, ("1.1", BasicSigmoid));
        File.AppendAllText(Path.Combine(ivan, "exercises", "Earlier.cs"), "\npublic static class Oops { public static int X => ; }\n");
        Directory.CreateDirectory(Path.Combine(_class, "judy")); // empty
        Directory.CreateDirectory(Path.Combine(_class, "mallory"));
        File.WriteAllText(Path.Combine(_class, "mallory", "homework.txt"), "not the kata\n");
        Learner("sybil", files, ("1.1", "public static double BasicSigmoidRenamed(double x) => 0.5;"), ("1.2", Sigmoid)); // renamed a stub's method
        // oscar hands in a zip with one folder around the repository, as GitHub's "Download ZIP" makes it.
        var oscar = Learner("oscar-work", files, ("1.1", BasicSigmoid), ("1.2", Sigmoid), ("1.3", SigmoidDerivative));
        var zipped = Path.Combine(_temp, "oscar");
        Directory.CreateDirectory(zipped);
        Directory.Move(oscar, Path.Combine(zipped, "DeepLearningKata-main"));
        ZipFile.CreateFromDirectory(zipped, Path.Combine(_class, "oscar.zip"));
        // peggy's zip tries to write outside its folder.
        using (var zip = ZipFile.Open(Path.Combine(_class, "peggy.zip"), ZipArchiveMode.Create))
        {
            using var writer = new StreamWriter(zip.CreateEntry("../../escaped.cs").Open());
            writer.Write("// out of bounds\n");
        }
        File.WriteAllText(Path.Combine(_class, "README.txt"), "not a submission\n");

        var before = Snapshot(_class);
        var settings = RunnerHarness.Quick() with { Margin = TimeSpan.FromSeconds(2) };
        string[] Args(string n) =>
            ["--classroom", _class, "--exercise", "1.1,1.2,1.3,2.1", "--timeout", "10", "--memory", "256",
             "--csv", Path.Combine(_temp, $"class{n}.csv"), "--json", Path.Combine(_temp, $"class{n}.json"),
             "--gradebook", Path.Combine(_temp, $"grades{n}.csv"), "--class-page", Path.Combine(_temp, $"class{n}.html")];
        _first = RunnerHarness.Cli(settings, Args("1"));
        TestContext.Progress.WriteLine(_first);
        _second = RunnerHarness.Cli(settings, Args("2"));
        _doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(_temp, "class1.json")));
        _json = _doc.RootElement;
        Assert.That(Snapshot(_class), Is.EqualTo(before), "grading never writes into the submissions");
    }

    [OneTimeTearDown]
    public void Remove()
    {
        _doc?.Dispose();
        if (Directory.Exists(_temp)) Directory.Delete(_temp, recursive: true);
    }

    private string Learner(string name, IReadOnlyList<string> files, params (string Id, string Member)[] solved) =>
        SampleLearner.Make(Path.Combine(_class, name), files, solved);

    private static string Snapshot(string folder) =>
        string.Join("\n", Directory.GetFiles(folder, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal)
            .Select(f => $"{Path.GetRelativePath(folder, f)} {new FileInfo(f).Length} {File.GetLastWriteTimeUtc(f).Ticks}"));

    private JsonElement LearnerJson(string name) =>
        _json.GetProperty("learners").EnumerateArray().Single(l => l.GetProperty("name").GetString() == name);

    private string State(string learner, string id) =>
        LearnerJson(learner).GetProperty("exercises").EnumerateArray().Single(e => e.GetProperty("id").GetString() == id).GetProperty("state").GetString()!;

    private string Message(string learner, string id) =>
        LearnerJson(learner).GetProperty("exercises").EnumerateArray().Single(e => e.GetProperty("id").GetString() == id).GetProperty("message").GetString() ?? "";

    private string Line(string learner) =>
        _first.Out.Split('\n').First(l => l.StartsWith("  " + learner + " ", StringComparison.Ordinal));

    [Test]
    public void Every_submission_is_listed_once_sorted_by_name_and_other_files_are_ignored()
    {
        var names = _json.GetProperty("learners").EnumerateArray().Select(l => l.GetProperty("name").GetString()).ToList();
        Assert.That(names, Is.EqualTo(new[] { "alice", "bob", "carol", "dave", "erin", "frank", "grace", "heidi", "ivan", "judy", "mallory", "oscar", "peggy", "sybil" }));
        Assert.That(_first.Out, Does.Contain("ignored: README.txt"));
        Assert.That(_first.ExitCode, Is.EqualTo(Cli.NotAllPassed), "some submissions need the instructor's eye");
        Assert.That(_first.Out, Does.Match(@"Learner\s+Ch 1\s+Ch 2\s+Total"));
    }

    [Test]
    public void A_solved_submission_passes_and_the_table_shows_it_per_chapter()
    {
        Assert.That(Line("alice"), Does.Match(@"alice\s+3/3\s+0/1\s+3/4\s+\d+/\d+\s+graded$"));
        Assert.That(State("alice", "2.1"), Is.EqualTo("not-started"));
        Assert.That(Line("bob"), Does.Match(@"bob\s+1/3\s+0/1\s+1/4\s+\d+/\d+\s+graded$"));
        Assert.That(State("bob", "1.2"), Is.EqualTo("not-started"));
    }

    [Test]
    public void A_wrong_answer_fails_with_the_checks_message()
    {
        Assert.That(State("carol", "1.3"), Is.EqualTo("failed"));
        Assert.That(Message("carol", "1.3"), Is.Not.Empty);
        Assert.That(State("carol", "1.2"), Is.EqualTo("passed"));
    }

    [Test]
    public void An_endless_loop_times_out_and_the_rest_is_graded()
    {
        Assert.That(State("dave", "1.2"), Is.EqualTo("timed-out"));
        Assert.That(Message("dave", "1.2"), Does.Contain("endless loop"));
        Assert.That(State("dave", "1.1"), Is.EqualTo("passed"));
        Assert.That(State("dave", "2.1"), Is.EqualTo("not-started"), "graded after the loop, in a fresh worker");
    }

    [Test]
    public void A_stack_overflow_crashes_only_its_exercise()
    {
        Assert.That(State("erin", "1.1"), Is.EqualTo("crashed"));
        Assert.That(Message("erin", "1.1"), Does.Contain("stack overflow"));
        Assert.That(State("erin", "1.2"), Is.EqualTo("passed"));
    }

    [Test]
    public void A_huge_allocation_is_stopped_at_the_memory_limit()
    {
        Assert.That(State("frank", "1.3"), Is.EqualTo("crashed"));
        Assert.That(Message("frank", "1.3"), Does.Contain("used more than 256 MB of memory"));
        Assert.That(State("frank", "1.1"), Is.EqualTo("passed"));
        Assert.That(_json.GetProperty("memoryLimitMB").GetInt32(), Is.EqualTo(256));
    }

    [Test]
    public void Tampering_is_flagged_with_the_files_and_the_exercises_are_still_graded_with_the_pristine_checks()
    {
        var grace = LearnerJson("grace");
        Assert.That(grace.GetProperty("tampered").GetBoolean());
        var files = grace.GetProperty("tamperedFiles");
        Assert.That(files.GetProperty("modified").EnumerateArray().Select(e => e.GetString()), Is.EqualTo(new[] { "checks/Chapter01/1.3-SigmoidDerivative.cs" }));
        Assert.That(files.GetProperty("added").EnumerateArray().Select(e => e.GetString()), Is.EqualTo(new[] { "engine/Hack.cs" }));
        Assert.That(files.GetProperty("deleted").EnumerateArray().Select(e => e.GetString()), Is.EqualTo(new[] { "golden/Chapter01/1.1-BasicSigmoid.examples.verified.json" }));
        Assert.That(State("grace", "1.1"), Is.EqualTo("passed"), "graded against the instructor's golden file, which grace deleted");
        Assert.That(Line("grace"), Does.Contain("TAMPERED"));
        Assert.That(_first.Out, Does.Contain("checks/Chapter01/1.3-SigmoidDerivative.cs (modified)"));
        Assert.That(LearnerJson("alice").GetProperty("tampered").GetBoolean(), Is.False, "an untouched copy is not tampered");
    }

    [Test]
    public void One_exercise_that_does_not_compile_is_named_with_file_and_line_and_the_others_are_graded()
    {
        Assert.That(State("heidi", "1.2"), Is.EqualTo(LearnerResult.DoesNotCompile));
        Assert.That(Message("heidi", "1.2"), Does.Contain("exercises/Chapter01/1.2-Sigmoid/Sigmoid.cs:5:").And.Contain("CS1002"));
        Assert.That(State("heidi", "1.1"), Is.EqualTo("passed"));
        Assert.That(Line("heidi"), Does.Contain("1 not compiling"));
        Assert.That(State("sybil", "1.1"), Is.EqualTo(LearnerResult.DoesNotCompile), "a renamed stub method");
        Assert.That(Message("sybil", "1.1"), Does.Contain("BasicSigmoid").And.Contain("is missing"));
        Assert.That(State("sybil", "1.2"), Is.EqualTo("passed"));
    }

    [Test]
    public void Code_that_does_not_compile_outside_any_exercise_gets_its_own_line()
    {
        var ivan = LearnerJson("ivan");
        Assert.That(ivan.GetProperty("status").GetString(), Is.EqualTo("does-not-compile"));
        Assert.That(ivan.GetProperty("compileErrors")[0].GetString(), Does.StartWith("exercises/Earlier.cs:"));
        Assert.That(Line("ivan"), Does.Match(@"ivan\s+—\s+—\s+—\s+0/\d+\s+does not compile$"));
    }

    [Test]
    public void Broken_submissions_get_their_own_line()
    {
        Assert.That(LearnerJson("judy").GetProperty("status").GetString(), Is.EqualTo("empty"));
        Assert.That(LearnerJson("mallory").GetProperty("status").GetString(), Is.EqualTo("not-a-kata-repository"));
        Assert.That(LearnerJson("peggy").GetProperty("status").GetString(), Is.EqualTo("unreadable"));
        Assert.That(LearnerJson("peggy").GetProperty("problem").GetString(), Does.Contain("outside"));
        Assert.That(File.Exists(Path.Combine(_temp, "escaped.cs")), Is.False);
        Assert.That(Line("judy"), Does.Contain("empty"));
        Assert.That(Line("mallory"), Does.Contain("not a kata repository"));
    }

    [Test]
    public void A_zip_with_one_folder_around_the_repository_is_graded()
    {
        Assert.That(LearnerJson("oscar").GetProperty("source").GetString(), Is.EqualTo("oscar.zip"));
        Assert.That(Line("oscar"), Does.Match(@"oscar\s+3/3\s+0/1\s+3/4\s+\d+/\d+\s+graded$"));
    }

    [Test]
    public void A_second_run_writes_the_same_csv_and_json()
    {
        var first = File.ReadAllLines(Path.Combine(_temp, "class1.csv"));
        var second = File.ReadAllLines(Path.Combine(_temp, "class2.csv"));
        Assert.That(second, Is.EqualTo(first), "the CSV rows that differ:\n" + string.Join("\n", second.Except(first)) + "\nsecond run:\n" + _second.Out);
        Assert.That(File.ReadAllText(Path.Combine(_temp, "class2.json")), Is.EqualTo(File.ReadAllText(Path.Combine(_temp, "class1.json"))));
        var csv = File.ReadAllLines(Path.Combine(_temp, "class1.csv"));
        Assert.That(csv[0], Does.StartWith("learner,source,status,chapter,passed,total"));
        var ch1 = Points("1.1") + Points("1.2") + Points("1.3");
        Assert.That(csv, Does.Contain($"alice,alice,graded,1,3,3,{ch1},{ch1},0,0,0,0,0,no,,"));
        Assert.That(File.ReadAllText(Path.Combine(_temp, "grades2.csv")), Is.EqualTo(File.ReadAllText(Path.Combine(_temp, "grades1.csv"))));
        Assert.That(File.ReadAllText(Path.Combine(_temp, "class2.html")), Is.EqualTo(File.ReadAllText(Path.Combine(_temp, "class1.html"))));
        Assert.That(csv.Count(l => l.StartsWith("judy,", StringComparison.Ordinal)), Is.EqualTo(1), "one line for a broken submission");
        Assert.That(File.ReadAllText(Path.Combine(_temp, "class1.json")), Does.Not.Contain(Path.GetTempPath().TrimEnd('/')), "no temporary paths");
    }
}

/// <summary>The gradebook, the points and the class page of the class graded in <see cref="ClassroomTests"/>.</summary>
public sealed partial class ClassroomTests
{
    private static int Points(string id) => PointsTable.Load()[id];

    [Test]
    public void Points_come_from_the_points_table_in_the_table_the_json_and_the_gradebook()
    {
        var alice = Points("1.1") + Points("1.2") + Points("1.3");
        var max = alice + Points("2.1");
        Assert.That(Line("alice"), Does.Contain($" {alice}/{max} "));
        Assert.That(LearnerJson("alice").GetProperty("points").GetInt32(), Is.EqualTo(alice));
        Assert.That(_json.GetProperty("maxPoints").GetInt32(), Is.EqualTo(max));
        Assert.That(LearnerJson("carol").GetProperty("points").GetInt32(), Is.EqualTo(Points("1.1") + Points("1.2")), "no points for a wrong answer");
        var grades = File.ReadAllLines(Path.Combine(_temp, "grades1.csv"));
        var names = new[] { "1.1", "1.2", "1.3", "2.1" }.Select(id => $"{Catalog.Get(id).Name} ({Points(id)})");
        Assert.That(grades[0], Is.EqualTo($"learner,status,{string.Join(",", names)},total ({max})"));
        Assert.That(grades, Does.Contain($"alice,graded,{Points("1.1")},{Points("1.2")},{Points("1.3")},0,{alice}"));
        Assert.That(grades, Does.Contain("grace,\"graded, tampered\"," + $"{Points("1.1")},0,0,0,{Points("1.1")}"));
        Assert.That(grades, Does.Contain("judy,empty,0,0,0,0,0"), "a submission that could not be graded earns nothing");
        Assert.That(grades.Length, Is.EqualTo(1 + _json.GetProperty("learners").GetArrayLength()), "a row per learner");
    }

    [Test]
    public void To_look_at_lists_wrong_answers_too()
    {
        var remarks = _first.Out[_first.Out.IndexOf("To look at", StringComparison.Ordinal)..];
        Assert.That(remarks, Does.Contain("1.3 SigmoidDerivative failed: "));
        var carol = remarks[remarks.IndexOf("  carol", StringComparison.Ordinal)..];
        Assert.That(carol.Split('\n')[1], Does.StartWith("    1.3 SigmoidDerivative failed: "));
    }

    [Test]
    public void The_checks_the_class_fails_most_come_first_in_the_console_and_the_json()
    {
        var checks = _json.GetProperty("checks").EnumerateArray().ToList();
        Assert.That(checks.Count, Is.EqualTo(new[] { "1.1", "1.2", "1.3", "2.1" }.Sum(id => Catalog.Get(id).Checks.Count)), "every check of the selection");
        var first = checks[0];
        Assert.That(first.GetProperty("exercise").GetString(), Is.EqualTo("1.3"), "only carol gave a wrong answer, to 1.3");
        Assert.That(first.GetProperty("failed").GetInt32(), Is.GreaterThanOrEqualTo(1));
        var failed = checks.Select(c => c.GetProperty("failed").GetInt32()).ToList();
        Assert.That(failed, Is.Ordered.Descending);
        var graded = _json.GetProperty("learners").EnumerateArray().Count(l => l.GetProperty("status").GetString() == "graded");
        Assert.That(checks.Select(c => c.GetProperty("learners").GetInt32()), Has.All.EqualTo(graded));
        Assert.That(_first.Out, Does.Contain("Checks with wrong answers, the most failed first"));
        var table = _first.Out[_first.Out.IndexOf("Checks with wrong answers", StringComparison.Ordinal)..].Split('\n');
        Assert.That(table[2], Does.Contain(" 1.3 SigmoidDerivative: "));
    }

    [Test]
    public void The_class_page_is_one_self_contained_grid_coloured_by_state()
    {
        var page = File.ReadAllText(Path.Combine(_temp, "class1.html"));
        var learners = _json.GetProperty("learners").GetArrayLength();
        Assert.That(System.Text.RegularExpressions.Regex.Matches(page, "<tr data-learner=").Count, Is.EqualTo(learners), "a row per learner");
        Assert.That(page, Does.Contain("<tr data-learner=\"carol\">"));
        var carol = page[page.IndexOf("<tr data-learner=\"carol\">", StringComparison.Ordinal)..];
        carol = carol[..carol.IndexOf("</tr>", StringComparison.Ordinal)];
        Assert.That(carol, Does.Contain("class=\"cell failed\" title=\"carol, 1.3 SigmoidDerivative: failed\""));
        Assert.That(carol, Does.Contain("class=\"cell passed\""));
        Assert.That(page, Does.Contain("class=\"cell timed-out\"").And.Contain("class=\"cell crashed\"").And.Contain("class=\"cell does-not-compile\""));
        Assert.That(page, Does.Contain("id=\"checks\"").And.Contain("tampered"));
        Assert.That(page, Does.Not.Match("(src|href)=\"(https?:)?//").And.Not.Contain("<script").And.Not.Contain("<link"), "nothing fetched");
        Assert.That(page, Does.Not.Contain(Path.GetTempPath().TrimEnd('/')), "no temporary paths");
    }
}

/// <summary>Makes learners' copies of the kata for the classroom tests.</summary>
internal static class SampleLearner
{
    /// <summary>A learner's copy of the kata in <paramref name="root"/>: this repository's files, with the named exercises' stubs replaced.</summary>
    public static string Make(string root, IReadOnlyList<string> files, params (string Id, string Member)[] solved)
    {
        foreach (var file in files)
        {
            var target = Path.Combine(root, file);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(Path.Combine(Repo.Root, file), target);
        }
        foreach (var (id, member) in solved)
        {
            var exercise = Catalog.Get(id);
            var stub = Directory.GetFiles(Path.Combine(root, exercise.Folder), "*.cs").Single();
            File.WriteAllText(stub, $"namespace DeepLearningKata.Exercises;\n\npublic static partial class Chapter{exercise.Chapter}\n{{\n    {member}\n}}\n");
        }
        return root;
    }
}

/// <summary>The classroom's parts that need no worker process.</summary>
[TestFixture]
public sealed class ClassroomPartsTests
{
    [Test]
    public void The_kata_s_own_exercises_compile_in_process_with_the_instructor_s_stubs()
    {
        var compiler = new ExerciseCompiler(Catalog.Exercises, Path.Combine(Repo.Root, "exercises"));
        var outcome = compiler.Compile(Path.Combine(Repo.Root, "exercises"), Path.Combine(Path.GetTempPath(), "pdb-root", "exercises"));
        Assert.That(outcome.Errors, Is.Empty);
        Assert.That(outcome.Broken, Is.Empty);
        Assert.That(outcome.Missing, Is.Empty);
        Assert.That(outcome.Assembly, Is.Not.Null);
        var context = new System.Runtime.Loader.AssemblyLoadContext("classroom-test", isCollectible: true);
        try
        {
            var compiled = context.LoadFromStream(new MemoryStream(outcome.Assembly!));
            Assert.That(compiled.GetName().Name, Is.EqualTo(ExerciseCompiler.AssemblyName));
            var exported = compiled.GetExportedTypes().Select(t => t.FullName).Order(StringComparer.Ordinal);
            var expected = LearnerBuild.Exercises.GetExportedTypes().Select(t => t.FullName).Order(StringComparer.Ordinal);
            Assert.That(exported, Is.EqualTo(expected), "the same public types as the learner's own build");
            Assert.That(exported, Does.Contain("DeepLearningKata.Exercises.Chapter1").And.Contain("DeepLearningKata.Exercises.Earlier"));
        }
        finally
        {
            context.Unload();
        }
    }

    [Test]
    public void A_stub_member_a_learner_declares_once_in_a_base_class_of_their_own_is_not_missing()
    {
        var temp = RunnerHarness.TempFolder();
        try
        {
            var exercises = Path.Combine(temp, "exercises");
            foreach (var file in Directory.GetFiles(Repo.Exercises, "*.cs", SearchOption.AllDirectories).Where(f => !f.Contains("/obj/", StringComparison.Ordinal) && !f.Contains("/bin/", StringComparison.Ordinal)))
            {
                var target = Path.Combine(exercises, Path.GetRelativePath(Repo.Exercises, file));
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                File.Copy(file, target);
            }
            var pooling = Catalog.Get("7.4");
            var layer = "public override Tensor Forward(Tensor x, bool train = true) => throw new NotImplementedException();\n" +
                        "    public override Tensor Backward(Tensor dout) => throw new NotImplementedException();";
            File.WriteAllText(Directory.GetFiles(Path.Combine(temp, pooling.Folder), "*.cs").Single(), $$"""
                using DeepLearningKata.Contracts;
                namespace DeepLearningKata.Exercises;
                public abstract class PoolingLayer : ILayer
                {
                    public abstract Tensor Forward(Tensor x, bool train = true);
                    public abstract Tensor Backward(Tensor dout);
                    public IReadOnlyDictionary<string, Tensor> Params { get; } = new Dictionary<string, Tensor>();
                    public IReadOnlyDictionary<string, Tensor> Grads { get; } = new Dictionary<string, Tensor>();
                }
                public sealed class MaxPooling(int poolH, int poolW, int stride = 1, int pad = 0) : PoolingLayer
                {
                    {{layer}}
                }
                public sealed class AveragePooling(int poolH, int poolW, int stride = 1, int pad = 0) : PoolingLayer
                {
                    {{layer}}
                }
                public static partial class Chapter7
                {
                    public static ILayer CreateMaxPooling(int poolH, int poolW, int stride = 1, int pad = 0) => new MaxPooling(poolH, poolW, stride, pad);
                    public static ILayer CreateAveragePooling(int poolH, int poolW, int stride = 1, int pad = 0) => new AveragePooling(poolH, poolW, stride, pad);
                }
                """);
            var compiler = new ExerciseCompiler(Catalog.Exercises, Repo.Exercises);
            var outcome = compiler.Compile(exercises);
            Assert.That(outcome.Broken.Keys, Is.Empty, string.Join("\n", outcome.Broken.SelectMany(b => b.Value)));

            File.WriteAllText(Directory.GetFiles(Path.Combine(temp, pooling.Folder), "*.cs").Single(),
                File.ReadAllText(Directory.GetFiles(Path.Combine(temp, pooling.Folder), "*.cs").Single()).Replace("public IReadOnlyDictionary<string, Tensor> Grads", "public IReadOnlyDictionary<string, Tensor> Gradients", StringComparison.Ordinal));
            Assert.That(compiler.Compile(exercises).Broken.Keys, Is.EqualTo(new[] { "7.4" }), "a member renamed in the base class is still missing");
        }
        finally
        {
            Directory.Delete(temp, recursive: true);
        }
    }

    [Test]
    public void A_zip_entry_that_would_land_outside_its_folder_is_refused()
    {
        var temp = RunnerHarness.TempFolder();
        try
        {
            var path = Path.Combine(temp, "evil.zip");
            using (var zip = ZipFile.Open(path, ZipArchiveMode.Create))
            {
                zip.CreateEntry("ok/fine.txt");
                zip.CreateEntry("../evil.txt");
            }
            Assert.Throws<InvalidDataException>(() => SafeZip.Extract(path, Path.Combine(temp, "out")));
            Assert.That(File.Exists(Path.Combine(temp, "evil.txt")), Is.False);
        }
        finally
        {
            Directory.Delete(temp, recursive: true);
        }
    }

    [Test]
    public void The_tamper_check_reads_CRLF_as_LF_and_skips_build_output()
    {
        var temp = RunnerHarness.TempFolder();
        try
        {
            File.WriteAllText(Path.Combine(temp, "a.txt"), "one\ntwo\n");
            File.WriteAllText(Path.Combine(temp, "b.txt"), "one\r\ntwo\r\n");
            Assert.That(Tamper.Hash(Path.Combine(temp, "a.txt")), Is.EqualTo(Tamper.Hash(Path.Combine(temp, "b.txt"))));
        }
        finally
        {
            Directory.Delete(temp, recursive: true);
        }
        Assert.Multiple(() =>
        {
            Assert.That(Tamper.Compared("checks/Chapter01/1.3-SigmoidDerivative.cs"), Is.True);
            Assert.That(Tamper.Compared("exercises/DeepLearningKata.Exercises.csproj"), Is.True, "a project file");
            Assert.That(Tamper.Compared("exercises/Chapter01/1.3-SigmoidDerivative/SigmoidDerivative.cs"), Is.False, "the learner's own");
            Assert.That(Tamper.Compared("exercises/Earlier.cs"), Is.False);
            Assert.That(Tamper.Compared("engine/Engine/bin/Release/net10.0/DeepLearningKata.Engine.dll"), Is.False);
            Assert.That(Tamper.Compared("golden/Chapter01/1.3-SigmoidDerivative.examples.received.json"), Is.False);
            Assert.That(Tamper.Compared(".git/config"), Is.False);
        });
    }

    [Test]
    public void Csv_cells_are_quoted_and_never_run_as_formulas()
    {
        Assert.That(ClassOutput.Cell("plain"), Is.EqualTo("plain"));
        Assert.That(ClassOutput.Cell("a, b"), Is.EqualTo("\"a, b\""));
        Assert.That(ClassOutput.Cell("say \"hi\""), Is.EqualTo("\"say \"\"hi\"\"\""));
        Assert.That(ClassOutput.Cell("=HYPERLINK(\"x\")"), Does.StartWith("\"'="));
    }

    [TestCase(new[] { "--csv", "x.csv" }, "--csv goes with --classroom")]
    [TestCase(new[] { "--parallel", "2" }, "--parallel goes with --classroom")]
    [TestCase(new[] { "--gradebook", "g.csv" }, "--gradebook goes with --classroom")]
    [TestCase(new[] { "--class-page", "c.html" }, "--class-page goes with --classroom")]
    [TestCase(new[] { "--classroom", ".", "--subject", "reference" }, "--subject does not go with --classroom")]
    [TestCase(new[] { "--classroom", "no-such-folder-here" }, "there is no folder")]
    [TestCase(new[] { "--classroom", ".", "--memory", "1" }, "from 64")]
    public void Classroom_options_are_checked(string[] args, string message)
    {
        var run = RunnerHarness.Cli(args);
        Assert.That(run.ExitCode, Is.EqualTo(Cli.Usage), run.ToString());
        Assert.That(run.Err, Does.Contain(message));
    }
}
