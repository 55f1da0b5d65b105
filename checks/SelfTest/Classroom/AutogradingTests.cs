using System.Diagnostics;
using System.Text.Json;
using DeepLearningKata.Checks;
using DeepLearningKata.Runner;
using DeepLearningKata.Runner.Classroom;
using DeepLearningKata.SelfTest.RunnerTests;
using NUnit.Framework;
using YamlDotNet.RepresentationModel;

namespace DeepLearningKata.SelfTest.ClassroomTests;

/// <summary>
/// GitHub Classroom's workflow (<c>.github/workflows/classroom.yml</c>) is the one the points table makes, in the form
/// GitHub Classroom's autograding reads, and the points its steps would award a learner are the points
/// <c>--classroom</c> gives the same learner. Nothing here reaches GitHub: the workflow is read as YAML and each
/// grading step's command is run here, in a learner's copy, as the command grader runs it (<c>sh -c</c>, its few
/// environment variables, exit code 0 gives the step's <c>max-score</c>).
/// </summary>
[TestFixture]
[NonParallelizable]
public sealed class AutogradingTests
{
    private const string CommandGrader = "classroom-resources/autograding-command-grader@v1";
    private const string Reporter = "classroom-resources/autograding-grading-reporter@v1";

    private static YamlMappingNode Workflow()
    {
        var yaml = new YamlStream();
        using var reader = new StringReader(File.ReadAllText(ClassroomWorkflow.DefaultPath));
        yaml.Load(reader);
        return (YamlMappingNode)yaml.Documents.Single().RootNode;
    }

    private static string Text(YamlNode node, string key) => ((YamlScalarNode)((YamlMappingNode)node)[key]).Value ?? "";

    private static bool HasKey(YamlNode node, string key) => ((YamlMappingNode)node).Children.ContainsKey(new YamlScalarNode(key));

    private static List<YamlMappingNode> Steps(YamlMappingNode workflow) =>
        ((YamlSequenceNode)((YamlMappingNode)((YamlMappingNode)workflow["jobs"])["run-autograding-tests"])["steps"]).Cast<YamlMappingNode>().ToList();

    private static List<YamlMappingNode> GradingSteps(YamlMappingNode workflow) =>
        Steps(workflow).Where(s => HasKey(s, "uses") && Text(s, "uses") == CommandGrader).ToList();

    [Test]
    public void The_points_table_gives_points_to_every_exercise_of_the_catalog_and_nothing_else()
    {
        var table = PointsTable.Load();
        Assert.That(Catalog.Exercises.Select(e => table[e.Id]), Has.All.GreaterThanOrEqualTo(0));
        var two = Catalog.Exercises.Take(2).ToList();
        var first = two[0].Id;
        Assert.That(() => PointsTable.Parse([$"{first}\t3"], two), Throws.TypeOf<InvalidDataException>().With.Message.Contain(two[1].Id), "one missing");
        Assert.That(() => PointsTable.Parse([$"{first}\t3", $"{first}\t3", $"{two[1].Id}\t1"], two), Throws.TypeOf<InvalidDataException>().With.Message.Contain("twice"));
        Assert.That(() => PointsTable.Parse([$"{first}\tthree", $"{two[1].Id}\t1"], two), Throws.TypeOf<InvalidDataException>().With.Message.Contain(":1:"));
        Assert.That(() => PointsTable.Parse(["99.9\t1"], two), Throws.TypeOf<InvalidDataException>().With.Message.Contain("no exercise 99.9"));
        Assert.That(PointsTable.Parse(["# comment", "id\tpoints", $"{first}\t3", $"{two[1].Id}\t0"], two).Total(two), Is.EqualTo(3));
    }

    [Test]
    public void The_workflow_is_the_one_the_points_table_makes()
    {
        var expected = ClassroomWorkflow.Render(Catalog.Exercises, PointsTable.Load());
        var actual = File.Exists(ClassroomWorkflow.DefaultPath) ? File.ReadAllText(ClassroomWorkflow.DefaultPath).ReplaceLineEndings("\n") : "";
        Assert.That(actual, Is.EqualTo(expected),
            $"{ClassroomWorkflow.RelativePath} is out of date with {PointsTable.RelativePath} or the catalog: run ./run-checks.sh --classroom-workflow");
    }

    [Test]
    public void The_workflow_has_GitHub_Classroom_s_form_a_build_one_grading_step_per_exercise_and_the_reporter()
    {
        var workflow = Workflow();
        var steps = Steps(workflow);
        var table = PointsTable.Load();
        var build = steps.FindIndex(s => HasKey(s, "run") && Text(s, "run") == ClassroomWorkflow.BuildCommand);
        var grading = GradingSteps(workflow);
        Assert.That(build, Is.GreaterThan(0).And.LessThan(steps.IndexOf(grading[0])), "the runner is built once, before the first grading step");
        Assert.That(grading.Select(s => Text(s["with"], "test-name")), Is.EqualTo(Catalog.Exercises.Select(e => e.Name)), "a step per exercise, in order");
        foreach (var (step, exercise) in grading.Zip(Catalog.Exercises))
        {
            var with = step["with"];
            Assert.That(Text(step, "id"), Does.Match("^[A-Za-z_][A-Za-z0-9_-]*$"), "GitHub's step ids");
            Assert.That(Text(with, "setup-command"), Is.Empty, "nothing is built again per step");
            Assert.That(Text(with, "command"), Is.EqualTo($"dotnet {ClassroomWorkflow.RunnerDll} --exercise {exercise.Id}"));
            Assert.That(int.Parse(Text(with, "max-score"), System.Globalization.CultureInfo.InvariantCulture), Is.EqualTo(table[exercise.Id]), exercise.Name);
            Assert.That(int.Parse(Text(with, "timeout"), System.Globalization.CultureInfo.InvariantCulture) * 60, Is.GreaterThan(exercise.Timeout.TotalSeconds + 60), "minutes, with room to compile and start");
        }
        var reporter = steps[^1];
        Assert.That(Text(reporter, "uses"), Is.EqualTo(Reporter));
        var ids = grading.Select(s => Text(s, "id")).ToList();
        Assert.That(ids, Is.Unique);
        Assert.That(Text(reporter["with"], "runners").Split(','), Is.EqualTo(ids));
        var env = (YamlMappingNode)reporter["env"];
        Assert.That(env.Children.ToDictionary(p => ((YamlScalarNode)p.Key).Value!, p => ((YamlScalarNode)p.Value).Value!),
            Is.EqualTo(ids.ToDictionary(id => id.ToUpperInvariant() + "_RESULTS", id => $"${{{{steps.{id}.outputs.result}}}}")),
            "the reporter reads each step's result from <STEP-ID>_RESULTS");
        Assert.That(File.ReadAllText(Path.Combine(Repo.Root, "run-checks.sh")), Does.Contain(ClassroomWorkflow.RunnerDll), "the runner where run-checks.sh builds it");
    }

    /// <summary>
    /// A learner with two exercises right, one wrong, one that does not compile and the rest untouched: each grading
    /// step's command is run in the learner's copy, and the points awarded are the points <c>--classroom</c> gives.
    /// The build step is not run: its runner is this test's own (same code), named in the command in place of
    /// <see cref="ClassroomWorkflow.RunnerDll"/>, with <c>KATA_ROOT</c> set to the learner's copy.
    /// </summary>
    [Test]
    public void Each_step_run_here_awards_the_points_classroom_grading_gives()
    {
        var temp = RunnerHarness.TempFolder();
        try
        {
            var learner = SampleLearner.Make(Path.Combine(temp, "class", "sam"), Tamper.InstructorFiles(Repo.Root),
                ("1.1", "public static double BasicSigmoid(double x) => 1.0 / (1.0 + Math.Exp(-x));"),
                ("1.2", "public static Tensor Sigmoid(Tensor x) => 1.0 / (1.0 + Np.Exp(-x));"),
                ("1.3", "public static Tensor SigmoidDerivative(Tensor x) { var s = Earlier.Sigmoid(x); return s * (1.0 + s); }"),
                ("1.4", "public static Tensor ImageToVector(Tensor image) { return image.Reshape(-1, 1) }"));
            var table = PointsTable.Load();
            var awarded = new Dictionary<string, int>();
            var log = new System.Text.StringBuilder();
            var steps = GradingSteps(Workflow());
            Parallel.ForEach(steps, new ParallelOptions { MaxDegreeOfParallelism = 2 }, step =>
            {
                var with = step["with"];
                var id = Text(with, "command").Split(' ')[^1];
                var (exit, output) = RunStep(Text(with, "command"), learner, Path.Combine(temp, "out"), TimeSpan.FromMinutes(int.Parse(Text(with, "timeout"), System.Globalization.CultureInfo.InvariantCulture)));
                lock (awarded)
                {
                    awarded[id] = exit == 0 ? int.Parse(Text(with, "max-score"), System.Globalization.CultureInfo.InvariantCulture) : 0;
                    log.Append(System.Globalization.CultureInfo.InvariantCulture, $"{id}: exit {exit}\n");
                    if (exit is not 0 and not 1) log.Append(output).Append('\n');
                }
            });

            var json = Path.Combine(temp, "class.json");
            var run = RunnerHarness.Cli("--classroom", Path.Combine(temp, "class"), "--json", json);
            using var doc = JsonDocument.Parse(File.ReadAllText(json));
            var sam = doc.RootElement.GetProperty("learners")[0];
            var graded = sam.GetProperty("exercises").EnumerateArray().ToDictionary(e => e.GetProperty("id").GetString()!, e => e.GetProperty("points").GetInt32());
            Assert.Multiple(() =>
            {
                Assert.That(awarded, Is.EqualTo(graded), $"per exercise: the workflow's steps vs --classroom\n{log}\n{run}");
                Assert.That(awarded.Values.Sum(), Is.EqualTo(sam.GetProperty("points").GetInt32()));
                Assert.That(awarded.Values.Sum(), Is.EqualTo(table["1.1"] + table["1.2"]), "1.1 and 1.2 are right, 1.3 is wrong, 1.4 does not compile");
                Assert.That(doc.RootElement.GetProperty("maxPoints").GetInt32(), Is.EqualTo(table.Total(Catalog.Exercises)));
            });
        }
        finally
        {
            Directory.Delete(temp, recursive: true);
        }
    }

    /// <summary>Runs a step's command as the command grader does: <c>sh -c</c> in the repository, with only its environment variables.</summary>
    private static (int Exit, string Output) RunStep(string command, string root, string output, TimeSpan timeout)
    {
        var runner = typeof(Cli).Assembly.Location;
        Assert.That(command, Does.StartWith($"dotnet {ClassroomWorkflow.RunnerDll} "));
        var start = new ProcessStartInfo("/bin/sh", ["-c", command.Replace(ClassroomWorkflow.RunnerDll, runner, StringComparison.Ordinal)])
        {
            WorkingDirectory = root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment.Clear();
        foreach (var name in new[] { "PATH", "HOME" }) start.Environment[name] = Environment.GetEnvironmentVariable(name);
        start.Environment["FORCE_COLOR"] = "true";
        start.Environment["DOTNET_CLI_HOME"] = Path.GetTempPath();
        start.Environment["DOTNET_NOLOGO"] = "true";
        start.Environment["KATA_ROOT"] = root;
        start.Environment["KATA_OUTPUT"] = output;
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(timeout))
        {
            process.Kill(entireProcessTree: true);
            return (-1, "timed out");
        }
        return (process.ExitCode, stdout.Result + stderr.Result);
    }
}
