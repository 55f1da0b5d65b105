using DeepLearningKata.Checks;
using DeepLearningKata.Contracts;
using DeepLearningKata.Reference;
using FsCheck.Fluent;
using NUnit.Framework;

namespace DeepLearningKata.SelfTest;

/// <summary>
/// The gradient-check machinery, tested on its own: the tolerance never rejects a correct layer, shrinking keeps
/// cases valid (shapes that fit, values off their kinks), and a failure says in words what the mistake looks like.
/// </summary>
[TestFixture]
public sealed class GradientCheckTests
{
    private static readonly CaseSpec AffineImages = new(
        [new("N", 1, 3), new("C", 1, 2), new("H", 1, 3), new("K", 1, 3), new("M", 1, 3)],
        [
            new("x", ["N", "C", "H", "K"], Values.Between(-2, 2)),
            new("W", ["C*H*K", "M"], Values.Between(-1, 1)),
            new("b", ["M"], Values.Between(-1, 1)),
            new("dout", ["N", "M"], Values.Upstream),
        ]);

    private static readonly CaseSpec ReluRows = new(
        [new("N", 1, 4), new("D", 1, 5)],
        [new("x", ["N", "D"], Values.Between(-3, 3).AwayFrom(0.05, 0)), new("dout", ["N", "D"], Values.Upstream)]);

    private static readonly CaseSpec Labels = new(
        [new("N", 1, 4), new("C", 2, 5)],
        [new("x", ["N", "C"], Values.Between(-1, 1)), new("t", ["N"], Values.Labels("C")), new("dout", [], Values.Between(0.5, 2))]);

    private static readonly GradientHints Hints = new("layer", "hint");

    [Test]
    public void Correct_layers_pass_on_a_thousand_cases_each()
    {
        // The tolerance's claim, put to the test: no false alarm on many random shapes and values.
        var reference = new Chapter5Reference();
        Assert.Multiple(() =>
        {
            Assert.DoesNotThrow(() => GradientCheck.Layer("selftest relu", [ReluRows], _ => reference.CreateRelu(), Hints, tests: 1000));
            Assert.DoesNotThrow(() => GradientCheck.Layer("selftest sigmoid", [ReluRows], _ => reference.CreateSigmoid(), Hints, tests: 1000));
            Assert.DoesNotThrow(() => GradientCheck.Layer("selftest affine", [AffineImages], k => reference.CreateAffine(k["W"], k["b"]), Hints, tests: 1000));
            Assert.DoesNotThrow(() => GradientCheck.LossLayer("selftest softmax", [Labels], reference.CreateSoftmaxWithLoss, Hints, tests: 1000));
        });
    }

    [Test]
    public void A_plain_function_with_its_backward_is_checked_like_a_layer()
    {
        Assert.DoesNotThrow(() => GradientCheck.Function("selftest tanh", [ReluRows], Np.Tanh, (x, dout) => dout * (1.0 - Np.Tanh(x) * Np.Tanh(x)), Hints));
        var failure = Assert.Throws<CheckFailure>(() =>
            GradientCheck.Function("selftest tanh wrong", [ReluRows], Np.Tanh, (x, dout) => dout * (1.0 + Np.Tanh(x) * Np.Tanh(x)), Hints));
        Assert.That(failure!.Message, Does.Contain("dx does not match the numerical gradient").And.Contain("replay: KATA_SEED="));
    }

    [Test]
    public void Shrinking_removes_the_same_slice_from_every_tensor_on_an_axis()
    {
        // x (1, 1, 2, 2) and W (4, 1) whose row r holds r: after dropping the first H, W keeps rows 2 and 3 — the
        // weights of the pixels x still has.
        var dims = new Dictionary<string, int> { ["N"] = 1, ["C"] = 1, ["H"] = 2, ["K"] = 2, ["M"] = 1 };
        var c = new GradientCase(AffineImages, dims, new Dictionary<string, Tensor>
        {
            ["x"] = Tensor.From(new[] { 0.5, 0.25, -0.5, -0.25 }).Reshape(1, 1, 2, 2),
            ["W"] = Tensor.From(new[] { 0.0, 0.125, 0.25, 0.375 }).Reshape(4, 1),
            ["b"] = Tensor.From(0.5),
            ["dout"] = Tensor.From(new[,] { { 1.5 } }),
        });
        var smaller = Gens.ShrinkCase(c).Where(k => k.Dims["H"] == 1).ToList();
        Assert.That(smaller, Has.Count.EqualTo(2));
        var dropFirst = smaller.Single(k => k["x"][0, 0, 0, 0] == -0.5);
        Assert.That(dropFirst["W"].ToArray(), Is.EqualTo(new[] { 0.25, 0.375 }));
        var dropLast = smaller.Single(k => k["x"][0, 0, 0, 0] == 0.5);
        Assert.That(dropLast["W"].ToArray(), Is.EqualTo(new[] { 0.0, 0.125 }));
    }

    [Test]
    public void Shrinking_never_moves_a_value_onto_a_kink_nor_a_label_out_of_range()
    {
        Properties.ForAll("selftest shrink relu", Gens.Case(ReluRows), c =>
        {
            foreach (var k in Gens.ShrinkCase(c))
            {
                var x = k["x"].ToArray();
                Expect.That(x.All(v => Math.Abs(v) >= 0.05), "a shrunk x came within 0.05 of ReLU's kink.", [("x", k["x"].ToString())]);
                Expect.That(k["dout"].ToArray().All(v => Math.Abs(v) >= 0.25), "a shrunk dout came near 0.", [("dout", k["dout"].ToString())]);
            }
        });
        Properties.ForAll("selftest shrink labels", Gens.Case(Labels), c =>
        {
            foreach (var k in Gens.ShrinkCase(c))
            {
                Expect.That(k["t"].ToArray().All(v => v >= 0 && v < k.Dims["C"] && v == Math.Floor(v)), "a shrunk label is not a class.",
                    [("t", k["t"].ToString()), ("C", k.Dims["C"].ToString(System.Globalization.CultureInfo.InvariantCulture))]);
                Expect.Shape(k["x"], [k.Dims["N"], k.Dims["C"]], "shrunk x");
            }
        });
    }

    [Test]
    public void The_printed_case_is_exact()
    {
        var value = 0.1 + 0.2; // 0.30000000000000004: G8 would print 0.3
        var c = new GradientCase(ReluRows, new Dictionary<string, int> { ["N"] = 1, ["D"] = 1 },
            new Dictionary<string, Tensor> { ["x"] = Tensor.From(new[,] { { value } }), ["dout"] = Tensor.From(new[,] { { -1.0 } }) });
        Assert.That(c.ToString(), Does.Contain("0.30000000000000004").And.Contain("N=1, D=1"));
    }

    /// <summary>
    /// A diagnosis only when the failing case proves it: with every row of dout alike, "the mean over the batch" and
    /// "one row of dout" give the same db, so neither is named. (Each mutant's diagnosis is pinned by
    /// <see cref="MutantAttribute.Diagnosis"/> in CheckSuiteTests.)
    /// </summary>
    [Test]
    public void A_case_that_cannot_tell_two_mistakes_apart_names_neither()
    {
        var m = Subjects.Mutants.Single(x => x.Key == "5.4/AffineDbAveraged");
        var report = Report.Describe(Grader.Grade(Catalog.Get(m.ExerciseId), m.Subject, TimeSpan.FromSeconds(120)), verbose: true);
        Assert.That(report, Does.Contain("db does not match the numerical gradient"), report);
        Assert.That(report, Does.Not.Contain("once too often").And.Not.Contain("looks like"), "the shrunk case has equal rows of dout");
    }

    /// <summary>The caller's tensors are overwritten between Forward and Backward; a layer that still reads them is told which one.</summary>
    [TestCase("5.2/ReluKeepsCallersX", "Backward(dout) read the x passed to Forward after Forward returned")]
    [TestCase("5.3/SigmoidReturnsItsOwnY", "Forward(x) returned the tensor it keeps for Backward")]
    [TestCase("5.4/AffineKeepsCallersX", "Backward(dout) read the x passed to Forward after Forward returned")]
    [TestCase("5.5/SoftmaxLossKeepsCallersT", "Backward(dout) read the t passed to Forward after Forward returned")]
    [TestCase("6.3/BatchNormNormalizesCallersXInBackward", "Backward(dout) read the x passed to Forward after Forward returned")]
    [TestCase("6.4/DropoutMaskFromReturnedOutput", "Forward(x) returned the tensor it keeps for Backward")]
    [TestCase("7.3/ConvUnfoldsCallersXInBackward", "Backward(dout) read the x passed to Forward after Forward returned")]
    [TestCase("7.4/MaxPoolFindsMaximaInBackward", "Backward(dout) read the x passed to Forward after Forward returned")]
    public void A_layer_reading_the_callers_tensors_after_Forward_is_told_so(string mutant, string words)
    {
        var m = Subjects.Mutants.Single(x => x.Key == mutant);
        var report = Report.Describe(Grader.Grade(Catalog.Get(m.ExerciseId), m.Subject, TimeSpan.FromSeconds(120)), verbose: true);
        Assert.That(report, Does.Contain(words), report);
    }

    [Test]
    public void Values_away_from_a_kink_are_never_generated_near_it()
    {
        var values = Values.Between(-1, 1).AwayFrom(0.1, 0, 0.5);
        var sample = Gen.Sample(Gens.Case(new CaseSpec([new("N", 50, 50)], [new("x", ["N"], values)])), 20);
        Assert.That(sample.SelectMany(c => c["x"].ToArray()), Has.All.Matches<double>(v => Math.Abs(v) >= 0.1 && Math.Abs(v - 0.5) >= 0.1));
    }
}
