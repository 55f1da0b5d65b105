using System.Globalization;
using System.Text.Json;
using DeepLearningKata.Checks;
using DeepLearningKata.Contracts;
using NUnit.Framework;

namespace DeepLearningKata.SelfTest;

/// <summary>
/// The golden-file helper, tested the Verify way: each test points <c>KATA_GOLDEN</c> at a fresh
/// temporary folder, runs <see cref="Golden.Verify"/> or <see cref="Plots.Verify"/> inside a check
/// context of a made-up exercise 9.9, and looks at the files and the messages.
/// </summary>
[TestFixture]
[NonParallelizable] // the tests set process-wide environment variables
public sealed class GoldenTests
{
    private static readonly Exercise Exercise =
        new("9.9", 9, "GoldenSelfTest", typeof(GoldenTests), [], TimeSpan.FromSeconds(10));

    private string _root = "";

    private string Folder => Path.Combine(_root, "Chapter09");
    private string Verified(string name = "examples") => Path.Combine(Folder, $"9.9-GoldenSelfTest.{name}.verified.json");
    private string Received(string name = "examples") => Path.Combine(Folder, $"9.9-GoldenSelfTest.{name}.received.json");

    [SetUp]
    public void CreateGoldenFolder()
    {
        _root = Path.Combine(Path.GetTempPath(), "kata-golden-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_root);
    }

    [TearDown]
    public void DeleteGoldenFolder()
    {
        if (Directory.Exists(_root)) Directory.Delete(_root, recursive: true);
    }

    // ------------------------------------------------------------ helpers

    /// <summary>Runs <paramref name="body"/> with environment variables set (null removes one), restoring them after.</summary>
    private static void WithEnvironment(IReadOnlyDictionary<string, string?> variables, Action body)
    {
        var previous = variables.Keys.ToDictionary(k => k, Environment.GetEnvironmentVariable);
        try
        {
            foreach (var (name, value) in variables) Environment.SetEnvironmentVariable(name, value);
            body();
        }
        finally
        {
            foreach (var (name, value) in previous) Environment.SetEnvironmentVariable(name, value);
        }
    }

    /// <summary>
    /// Runs <paramref name="check"/> as a check of exercise 9.9 against the temporary golden folder, on a
    /// maintainer's machine (CI unset, even when these tests themselves run on CI).
    /// </summary>
    private void InCheck(Subject subject, Action check, bool onCi = false) =>
        WithEnvironment(new Dictionary<string, string?> { ["KATA_GOLDEN"] = _root, ["CI"] = onCi ? "true" : null }, () =>
        {
            using var context = CheckContext.Enter(new CheckContext(subject, Exercise, ReferenceEquals(subject, Subjects.Reference)));
            check();
        });

    private void AsReference(Action check) => InCheck(Subjects.Reference, check);

    private void AsLearner(Action check) => InCheck(Subjects.Learner, check);

    private static GoldenRecord Record(params double[] y) =>
        new() { { "x", Tensor.From(-1.0, 0.0, 1.0) }, { "y", Tensor.From(y) } };

    private void WriteVerified(GoldenRecord record, string name = "examples")
    {
        Directory.CreateDirectory(Folder);
        File.WriteAllText(Verified(name), record.ToJson());
    }

    private string[] FilesInGoldenFolder() =>
        Directory.GetFiles(_root, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(_root, f).Replace('\\', '/')).Order().ToArray();

    private static string FailureOf(Action action) => Assert.Throws<CheckFailure>(() => action())!.Message;

    // ------------------------------------------------------------ the reference

    [Test]
    public void Reference_that_matches_passes_and_writes_nothing()
    {
        WriteVerified(Record(1, 2, 3));
        AsReference(() => Golden.Verify("examples", Record(1, 2, 3), Tolerance.Value));
        Assert.That(FilesInGoldenFolder(), Is.EqualTo(new[] { "Chapter09/9.9-GoldenSelfTest.examples.verified.json" }));
    }

    [Test]
    public void Reference_mismatch_writes_received_beside_verified_and_shows_a_diff()
    {
        WriteVerified(Record(1, 2, 3));
        var verifiedBefore = File.ReadAllText(Verified());
        var message = FailureOf(() => AsReference(() => Golden.Verify("examples", Record(1, 2.5, 3), Tolerance.Value)));

        Assert.That(File.Exists(Received()), "the received file is written beside the verified one");
        Assert.That(File.ReadAllText(Received()), Is.EqualTo(Record(1, 2.5, 3).ToJson()));
        Assert.That(File.ReadAllText(Verified()), Is.EqualTo(verifiedBefore), "the verified file is left alone");
        Assert.That(message, Does.Contain("9.9-GoldenSelfTest.examples.verified.json"));
        Assert.That(message, Does.Contain("received: ").And.Contain("9.9-GoldenSelfTest.examples.received.json"));
        Assert.That(message, Does.Contain("'y' is wrong at index (1)"));
        Assert.That(message, Does.Contain("diff (- verified, + received)"));
        Assert.That(message, Does.Contain("\n    -       2,").And.Contain("\n    +       2.5,"));
        Assert.That(message, Does.Not.Contain("-       1,"), "unchanged lines are context, not removals");
        Assert.That(message, Does.Contain("--accept"));
    }

    [Test]
    public void Reference_that_matches_again_removes_a_stale_received_file()
    {
        WriteVerified(Record(1, 2, 3));
        Assert.Throws<CheckFailure>(() => AsReference(() => Golden.Verify("examples", Record(1, 9, 3), Tolerance.Value)));
        Assert.That(File.Exists(Received()));
        AsReference(() => Golden.Verify("examples", Record(1, 2, 3), Tolerance.Value));
        Assert.That(File.Exists(Received()), Is.False);
    }

    [Test]
    public void Missing_golden_names_the_file_and_says_how_to_accept_it()
    {
        var message = FailureOf(() => AsReference(() => Golden.Verify("examples", Record(1, 2, 3), Tolerance.Value)));
        Assert.That(message, Does.Contain("no golden file yet"));
        Assert.That(message, Does.Contain("9.9-GoldenSelfTest.examples.verified.json"));
        Assert.That(message, Does.Contain("9.9-GoldenSelfTest.examples.received.json"));
        Assert.That(message, Does.Contain("--accept"));
        Assert.That(File.ReadAllText(Received()), Is.EqualTo(Record(1, 2, 3).ToJson()));
        Assert.That(File.Exists(Verified()), Is.False, "only an explicit accept creates a verified file");
    }

    [Test]
    public void Accept_renames_received_to_verified_and_the_next_run_passes()
    {
        Assert.Throws<CheckFailure>(() => AsReference(() => Golden.Verify("examples", Record(1, 2, 3), Tolerance.Value)));
        var received = File.ReadAllText(Received());

        IReadOnlyList<string> accepted = [];
        WithEnvironment(new Dictionary<string, string?> { ["CI"] = null }, () => accepted = Golden.Accept(_root));

        Assert.That(accepted, Is.EqualTo(new[] { "Chapter09/9.9-GoldenSelfTest.examples.verified.json" }));
        Assert.That(File.Exists(Received()), Is.False);
        Assert.That(File.ReadAllText(Verified()), Is.EqualTo(received));
        AsReference(() => Golden.Verify("examples", Record(1, 2, 3), Tolerance.Value));
        AsLearner(() => Golden.Verify("examples", Record(1, 2, 3), Tolerance.Value));
    }

    [Test]
    public void Accept_replaces_an_outdated_verified_file()
    {
        WriteVerified(Record(1, 2, 3));
        Assert.Throws<CheckFailure>(() => AsReference(() => Golden.Verify("examples", Record(1, 4, 3), Tolerance.Value)));
        WithEnvironment(new Dictionary<string, string?> { ["CI"] = null }, () => Golden.Accept(_root));
        Assert.That(File.ReadAllText(Verified()), Is.EqualTo(Record(1, 4, 3).ToJson()));
        Assert.That(FilesInGoldenFolder(), Has.Length.EqualTo(1));
    }

    [TestCase("true")]
    [TestCase("1")]
    public void Accept_refuses_on_CI_and_leaves_the_files_alone(string ci)
    {
        WriteVerified(Record(1, 2, 3));
        Assert.Throws<CheckFailure>(() => AsReference(() => Golden.Verify("examples", Record(1, 4, 3), Tolerance.Value)));
        var before = FilesInGoldenFolder();

        InvalidOperationException? refused = null;
        WithEnvironment(new Dictionary<string, string?> { ["CI"] = ci },
            () => refused = Assert.Throws<InvalidOperationException>(() => Golden.Accept(_root)));

        Assert.That(refused!.Message, Does.Contain("CI"));
        Assert.That(FilesInGoldenFolder(), Is.EqualTo(before));
        Assert.That(File.ReadAllText(Verified()), Is.EqualTo(Record(1, 2, 3).ToJson()));
    }

    [Test]
    public void Accept_of_a_folder_that_does_not_exist_accepts_nothing()
    {
        WithEnvironment(new Dictionary<string, string?> { ["CI"] = null },
            () => Assert.That(Golden.Accept(Path.Combine(_root, "nowhere")), Is.Empty));
    }

    [Test]
    public void The_environment_is_restored_after_each_helper()
    {
        var before = (Environment.GetEnvironmentVariable("CI"), Environment.GetEnvironmentVariable("KATA_GOLDEN"));
        WithEnvironment(new Dictionary<string, string?> { ["CI"] = "true" }, () => { });
        Assert.Throws<CheckFailure>(() => AsReference(() => throw new CheckFailure("inside")));
        Assert.That((Environment.GetEnvironmentVariable("CI"), Environment.GetEnvironmentVariable("KATA_GOLDEN")), Is.EqualTo(before));
    }

    // ------------------------------------------------------------ a learner

    [Test]
    public void Learner_mismatch_names_the_entry_the_index_expected_and_actual_and_writes_nothing()
    {
        WriteVerified(Record(1, 2, 3));
        var before = FilesInGoldenFolder();
        var message = FailureOf(() => AsLearner(() =>
            Golden.Verify("examples", Record(1, 2.5, 3), Tolerance.Value, hint: "did you square it?")));

        Assert.That(FilesInGoldenFolder(), Is.EqualTo(before), "a learner's run never writes a file");
        Assert.That(message, Does.Contain("'y'"));
        Assert.That(message, Does.Contain("index (1)"));
        Assert.That(message, Does.Contain("expected 2,").And.Contain("got 2.5"));
        Assert.That(message, Does.Contain("x = [-1, 0, 1]"), "the inputs before the wrong entry are shown");
        Assert.That(message, Does.Contain("hint: did you square it?"));
        Assert.That(message, Does.Not.Contain("diff (-"), "a learner sees values, not the golden file's text");
    }

    [Test]
    public void Learner_mismatch_in_a_matrix_names_the_two_dimensional_index()
    {
        var expected = new GoldenRecord { { "W", Tensor.From(new double[,] { { 1, 2, 3 }, { 4, 5, 6 } }) } };
        WriteVerified(expected);
        var actual = new GoldenRecord { { "W", Tensor.From(new double[,] { { 1, 2, 3 }, { 4, 5, -6 } }) } };
        var message = FailureOf(() => AsLearner(() => Golden.Verify("examples", actual, Tolerance.Value)));
        Assert.That(message, Does.Contain("'W' is wrong at index (1, 2): expected 6, got -6"));
    }

    [Test]
    public void Learner_with_a_wrong_shape_a_wrong_number_or_a_missing_entry_is_told_which()
    {
        WriteVerified(new GoldenRecord { { "y", Tensor.From(1.0, 2.0) }, { "loss", 0.5 }, { "label", "cat" } });
        var shape = FailureOf(() => AsLearner(() => Golden.Verify("examples",
            new GoldenRecord { { "y", Tensor.From(new double[,] { { 1, 2 } }) }, { "loss", 0.5 }, { "label", "cat" } }, Tolerance.Value)));
        Assert.That(shape, Does.Contain("'y' has shape (1, 2); expected (2,)"));
        var number = FailureOf(() => AsLearner(() => Golden.Verify("examples",
            new GoldenRecord { { "y", Tensor.From(1.0, 2.0) }, { "loss", 0.75 }, { "label", "cat" } }, Tolerance.Value)));
        Assert.That(number, Does.Contain("'loss' is 0.75; expected 0.5"));
        var text = FailureOf(() => AsLearner(() => Golden.Verify("examples",
            new GoldenRecord { { "y", Tensor.From(1.0, 2.0) }, { "loss", 0.5 }, { "label", "dog" } }, Tolerance.Value)));
        Assert.That(text, Does.Contain("'label' is \"dog\""));
        var missing = FailureOf(() => AsLearner(() => Golden.Verify("examples",
            new GoldenRecord { { "y", Tensor.From(1.0, 2.0) }, { "loss", 0.5 } }, Tolerance.Value)));
        Assert.That(missing, Does.Contain("'label' is missing"));
        Assert.That(FilesInGoldenFolder(), Has.Length.EqualTo(1));
    }

    [Test]
    public void Learner_with_a_missing_golden_is_told_it_is_not_their_fault_and_nothing_is_written()
    {
        var message = FailureOf(() => AsLearner(() => Golden.Verify("examples", Record(1, 2, 3), Tolerance.Value)));
        Assert.That(message, Does.Contain("9.9-GoldenSelfTest.examples.verified.json").And.Contain("missing"));
        Assert.That(message, Does.Contain("git checkout"));
        Assert.That(FilesInGoldenFolder(), Is.Empty);
    }

    [Test]
    public void A_mutant_or_any_other_subject_counts_as_a_learner()
    {
        WriteVerified(Record(1, 2, 3));
        var mutant = Subjects.Reference with { Name = "mutant 9.9/Whatever" };
        Assert.Throws<CheckFailure>(() => InCheck(mutant, () => Golden.Verify("examples", Record(1, 5, 3), Tolerance.Value)));
        Assert.That(FilesInGoldenFolder(), Has.Length.EqualTo(1));
    }

    // ------------------------------------------------------------ tolerance

    [Test]
    public void A_difference_within_the_tolerance_passes()
    {
        WriteVerified(Record(1, 2, 3));
        AsLearner(() => Golden.Verify("examples", Record(1, 2 + 1e-12, 3 - 1e-12), Tolerance.Value));
        AsReference(() => Golden.Verify("examples", Record(1, 2 * (1 + 1e-14), 3), Tolerance.Value));
        Assert.That(FilesInGoldenFolder(), Has.Length.EqualTo(1), "a pass writes nothing");
    }

    [Test]
    public void A_difference_beyond_the_tolerance_fails()
    {
        WriteVerified(Record(1, 2, 3));
        var message = FailureOf(() => AsLearner(() => Golden.Verify("examples", Record(1, 2 + 1e-6, 3), Tolerance.Value)));
        Assert.That(message, Does.Contain("tolerance"));
        // The reference is held to the stricter golden tolerance, whatever the check asks of a learner.
        Assert.Throws<CheckFailure>(() => AsReference(() => Golden.Verify("examples", Record(1, 2 + 1e-9, 3), Tolerance.Gradient)));
    }

    [Test]
    public void Special_values_round_trip()
    {
        var record = new GoldenRecord
        {
            { "y", Tensor.From(double.NaN, double.PositiveInfinity, double.NegativeInfinity, -0.0, double.Epsilon, 0.1) },
        };
        WriteVerified(record);
        AsLearner(() => Golden.Verify("examples", record, Tolerance.Value));
        Assert.Throws<CheckFailure>(() => AsLearner(() => Golden.Verify("examples",
            new GoldenRecord { { "y", Tensor.From(0.0, double.PositiveInfinity, double.NegativeInfinity, 0.0, 0.0, 0.1) } }, Tolerance.Value)));
    }

    [Test]
    public void A_verified_file_checked_out_with_CRLF_line_ends_still_matches()
    {
        Directory.CreateDirectory(Folder);
        File.WriteAllText(Verified(), Record(1, 2, 3).ToJson().Replace("\n", "\r\n", StringComparison.Ordinal));
        AsReference(() => Golden.Verify("examples", Record(1, 2, 3), Tolerance.Value));
        Assert.That(File.Exists(Received()), Is.False);
    }

    // ------------------------------------------------------------ text

    [Test]
    public void Json_is_LF_only_and_culture_invariant_under_a_decimal_comma_culture()
    {
        var previous = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = Cultures.DecimalComma();
            Assert.That((-1.5).ToString(CultureInfo.CurrentCulture), Is.EqualTo("\u22121,5"), "the test culture really writes a decimal comma");

            var record = new GoldenRecord
            {
                { "x", Tensor.From(new double[,] { { 0.5, -1.25 }, { 1e-20, 12345.678 } }) },
                { "loss", -0.125 },
                { "note", "a, b" },
            };
            var json = record.ToJson();
            Assert.That(json, Does.Not.Contain("\r"));
            Assert.That(json, Does.EndWith("}\n"));
            Assert.That(json, Does.Contain("0.5,").And.Contain("-1.25,").And.Contain("1E-20,").And.Contain("12345.678\n"));
            Assert.That(json, Does.Contain("\"loss\": -0.125,"));
            Assert.That(json, Does.Not.Contain("0,5").And.Not.Contain("\u2212").And.Not.Contain("12.345"));

            using (var doc = JsonDocument.Parse(json))
            {
                var data = doc.RootElement.GetProperty("x").GetProperty("data").EnumerateArray().Select(e => e.GetDouble()).ToArray();
                Assert.That(data, Is.EqualTo(new[] { 0.5, -1.25, 1e-20, 12345.678 }), "numbers round-trip exactly");
                Assert.That(doc.RootElement.GetProperty("x").GetProperty("shape").EnumerateArray().Select(e => e.GetInt32()), Is.EqualTo(new[] { 2, 2 }));
            }

            // The file the reference writes is the same text, as UTF-8 without a byte order mark.
            var message = FailureOf(() => AsReference(() => Golden.Verify("examples", record, Tolerance.Value)));
            Assert.That(message, Does.Contain("no golden file yet"));
            var bytes = File.ReadAllBytes(Received());
            Assert.That(bytes.Take(3), Is.Not.EqualTo(new byte[] { 0xEF, 0xBB, 0xBF }));
            Assert.That(System.Text.Encoding.UTF8.GetString(bytes), Is.EqualTo(json));

            // A learner's message uses invariant numbers too.
            File.Move(Received(), Verified());
            var wrong = new GoldenRecord
            {
                { "x", Tensor.From(new double[,] { { 0.5, -1.75 }, { 1e-20, 12345.678 } }) },
                { "loss", -0.125 },
                { "note", "a, b" },
            };
            var learner = FailureOf(() => AsLearner(() => Golden.Verify("examples", wrong, Tolerance.Value)));
            Assert.That(learner, Does.Contain("expected -1.25, got -1.75"));
            Assert.That(learner, Does.Not.Contain("1,25").And.Not.Contain("\u2212"));
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
        }
    }

    [Test]
    public void Json_puts_one_number_per_line_so_a_diff_points_at_the_element()
    {
        var json = new GoldenRecord { { "y", Tensor.From(1.0, 2.0) }, { "s", 0.5 } }.ToJson();
        Assert.That(json, Is.EqualTo("{\n  \"y\": {\n    \"shape\": [2],\n    \"data\": [\n      1,\n      2\n    ]\n  },\n  \"s\": 0.5\n}\n"));
    }

    [Test]
    public void Diff_shows_removed_and_added_lines_with_context()
    {
        var diff = Golden.Diff("a\nb\nc\nd\ne\nf\ng\n", "a\nb\nc\nD\ne\nf\ng\n");
        Assert.That(diff, Does.Contain("- d").And.Contain("+ D"));
        Assert.That(diff, Does.Contain("  c").And.Contain("  e"));
        Assert.That(diff, Does.Not.Contain("  a"), "only two lines of context");
    }

    [Test]
    public void Verify_outside_a_check_is_refused()
    {
        Assert.Throws<InvalidOperationException>(() => Golden.Verify("examples", Record(1), Tolerance.Value));
    }

    // ------------------------------------------------------------ plots

    private static Figure Curve(Func<double, double> f, string title = "sigmoid") =>
        new(title, "x", "y", [new Series("f", Enumerable.Range(0, 101).Select(i => -5 + i * 0.1).ToArray(),
            Enumerable.Range(0, 101).Select(i => f(-5 + i * 0.1)).ToArray())], -0.1, 1.1);

    [Test]
    public void Identical_renders_have_no_different_pixels()
    {
        var figure = Curve(v => 1 / (1 + Math.Exp(-v)));
        Assert.That(Plots.DifferentPixelShare(Plots.RenderPng(figure), Plots.RenderPng(figure)), Is.Zero);
    }

    [Test]
    public void Different_curves_differ_in_the_pixels_the_curves_cover()
    {
        var sigmoid = Plots.RenderPng(Curve(v => 1 / (1 + Math.Exp(-v))));
        var step = Plots.RenderPng(Curve(v => v > 0 ? 1 : 0));
        var flat = Plots.RenderPng(Curve(_ => 0.5));
        var retitled = Plots.RenderPng(Curve(v => 1 / (1 + Math.Exp(-v)), "a longer title that moves many pixels"));
        var (toStep, toFlat, toTitle) = (Plots.DifferentPixelShare(sigmoid, step), Plots.DifferentPixelShare(sigmoid, flat),
            Plots.DifferentPixelShare(sigmoid, retitled));
        TestContext.Out.WriteLine($"sigmoid vs step: {toStep:P2}; vs flat: {toFlat:P2}; vs another title: {toTitle:P2}");
        // A 2-pixel line across a 640×420 image covers about 1 % of it, so two different curves differ
        // in 1–2 % of the pixels: clearly detectable, but below the 5 % allowed for other machines' fonts.
        // That is why the points are the golden that decides, and a changed curve rewrites its image
        // (Reference_plot_changes_rewrite_the_image_together_with_the_points).
        Assert.That(toStep, Is.GreaterThan(0.005));
        Assert.That(toFlat, Is.GreaterThan(0.005));
        Assert.That(toTitle, Is.GreaterThan(0));
        Assert.That(Plots.DifferentPixelShare(sigmoid, step), Is.EqualTo(toStep), "the share is symmetric and repeatable");
    }

    [Test]
    public void Reference_plot_is_golden_as_points_and_as_image_and_changes_rewrite_both()
    {
        var sigmoid = Curve(v => 1 / (1 + Math.Exp(-v)));
        void Accept() => WithEnvironment(new Dictionary<string, string?> { ["CI"] = null }, () => Golden.Accept(_root));
        var png = Path.Combine(Folder, "9.9-GoldenSelfTest.curve.verified.png");

        var first = FailureOf(() => AsReference(() => Plots.Verify("curve", sigmoid, Tolerance.Value)));
        Assert.That(first, Does.Contain("9.9-GoldenSelfTest.curve.verified.json"));
        Assert.That(FilesInGoldenFolder(), Is.EqualTo(new[]
        {
            "Chapter09/9.9-GoldenSelfTest.curve.received.json", "Chapter09/9.9-GoldenSelfTest.curve.received.png",
        }));
        Accept();
        AsReference(() => Plots.Verify("curve", sigmoid, Tolerance.Value));
        Assert.That(File.ReadAllText(Verified("curve")), Does.Contain("\"f: x\"").And.Contain("\"f: y\""));

        // The curve changes: the points fail, and the new image is written with them.
        var step = Curve(v => v > 0 ? 1 : 0);
        var changed = FailureOf(() => AsReference(() => Plots.Verify("curve", step, Tolerance.Value)));
        Assert.That(changed, Does.Contain("no longer reproduces"));
        Accept();
        Assert.That(Plots.DifferentPixelShare(File.ReadAllBytes(png), Plots.RenderPng(step)), Is.Zero,
            "after accepting, the verified image shows the new curve");
        AsReference(() => Plots.Verify("curve", step, Tolerance.Value));
        Assert.That(FilesInGoldenFolder(), Has.Length.EqualTo(2));
    }

    [Test]
    public void Reference_plot_whose_image_differs_a_lot_writes_a_received_image()
    {
        var sigmoid = Curve(v => 1 / (1 + Math.Exp(-v)));
        Assert.Throws<CheckFailure>(() => AsReference(() => Plots.Verify("curve", sigmoid, Tolerance.Value)));
        WithEnvironment(new Dictionary<string, string?> { ["CI"] = null }, () => Golden.Accept(_root));
        // Damage the verified image: it no longer matches the rendering.
        File.WriteAllBytes(Path.Combine(Folder, "9.9-GoldenSelfTest.curve.verified.png"), [1, 2, 3]);
        var message = FailureOf(() => AsReference(() => Plots.Verify("curve", sigmoid, Tolerance.Value)));
        Assert.That(message, Does.Contain("rendered plot differs").And.Contain("9.9-GoldenSelfTest.curve.received.png"));
        Assert.That(File.Exists(Path.Combine(Folder, "9.9-GoldenSelfTest.curve.received.png")));
    }

    [Test]
    public void Learner_plot_writes_nothing_in_the_golden_folder()
    {
        var sigmoid = Curve(v => 1 / (1 + Math.Exp(-v)));
        Assert.Throws<CheckFailure>(() => AsReference(() => Plots.Verify("curve", sigmoid, Tolerance.Value)));
        WithEnvironment(new Dictionary<string, string?> { ["CI"] = null }, () => Golden.Accept(_root));
        var before = FilesInGoldenFolder();
        var learner = Subjects.Learner with { Name = "golden-selftest-learner" };
        var learnerPlots = Path.Combine(Repo.Output, "plots", "golden-selftest-learner");
        var created = new[] { Repo.Output, Path.Combine(Repo.Output, "plots") }.Where(d => !Directory.Exists(d)).Reverse().ToList();
        try
        {
            InCheck(learner, () => Plots.Verify("curve", sigmoid, Tolerance.Value));
            var message = FailureOf(() => InCheck(learner, () => Plots.Verify("curve", Curve(_ => 0.5), Tolerance.Value)));
            Assert.That(message, Does.Contain("'f: y' is wrong at index"));
            Assert.That(FilesInGoldenFolder(), Is.EqualTo(before));
        }
        finally
        {
            // The learner's own plot (drawn over the reference's, to look at) goes to .kata/plots/.
            if (Directory.Exists(learnerPlots)) Directory.Delete(learnerPlots, recursive: true);
            foreach (var dir in created.Where(d => Directory.Exists(d) && !Directory.EnumerateFileSystemEntries(d).Any())) Directory.Delete(dir);
        }
    }

    [Test]
    public void Images_of_different_sizes_or_not_images_at_all_count_as_entirely_different()
    {
        var png = Plots.RenderPng(Curve(v => v));
        using var small = new SkiaSharp.SKBitmap(10, 10);
        using var image = SkiaSharp.SKImage.FromBitmap(small);
        using var encoded = image.Encode(SkiaSharp.SKEncodedImageFormat.Png, 100);
        Assert.That(Plots.DifferentPixelShare(png, encoded.ToArray()), Is.EqualTo(1.0));
        Assert.That(Plots.DifferentPixelShare(png, [1, 2, 3]), Is.EqualTo(1.0));
    }

    [Test]
    public void On_CI_the_reference_writes_no_received_file_and_still_shows_the_diff()
    {
        Assert.Throws<CheckFailure>(() => AsReference(() => Golden.Verify("examples", Record(1, 2, 3), Tolerance.Value)));
        File.Move(Received(), Verified());
        var failure = Assert.Throws<CheckFailure>(() =>
            InCheck(Subjects.Reference, () => Golden.Verify("examples", Record(1, 2, 4), Tolerance.Value), onCi: true))!;
        Assert.Multiple(() =>
        {
            Assert.That(File.Exists(Received()), Is.False, "CI must never write a golden file");
            Assert.That(failure.Message, Does.Contain("not written: on CI"));
            Assert.That(failure.Message, Does.Contain("+       4"));
        });
    }
}
