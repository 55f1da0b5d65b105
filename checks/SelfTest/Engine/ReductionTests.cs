using DeepLearningKata.Checks;
using FsCheck.Fluent;
using NUnit.Framework;

namespace DeepLearningKata.SelfTest.Engine;

/// <summary>Sum, Mean, Max, Min and Argmax, over everything and along an axis, with and without keepdims.</summary>
[TestFixture]
public sealed class ReductionTests
{
    private static readonly Tensor Matrix = Tensor.From(new double[,] { { 1, 5, 3 }, { 4, 2, 6 } });

    [Test]
    public void Reductions_over_all_elements()
    {
        Assert.Multiple(() =>
        {
            Assert.That(Matrix.Sum(), Is.EqualTo(21));
            Assert.That(Matrix.Mean(), Is.EqualTo(3.5));
            Assert.That(Matrix.Max(), Is.EqualTo(6));
            Assert.That(Matrix.Min(), Is.EqualTo(1));
            Assert.That(Matrix.Argmax(), Is.EqualTo(5));
            Assert.That(Np.Sum(Matrix), Is.EqualTo(21));
            Assert.That(Np.Mean(Matrix), Is.EqualTo(3.5));
            Assert.That(Np.Max(Matrix), Is.EqualTo(6));
            Assert.That(Np.Min(Matrix), Is.EqualTo(1));
            Assert.That(Np.Argmax(Matrix), Is.EqualTo(5));
        });
    }

    [Test]
    public void Reductions_of_a_vector_along_axis_0_give_a_scalar_or_keep_one_axis()
    {
        var v = Tensor.From(3.0, -1.0, 7.0, 7.0);
        TensorAssert.Equal(v.Sum(0), [], [16]);
        TensorAssert.Equal(v.Sum(-1, keepdims: true), [1], [16]);
        TensorAssert.Equal(v.Mean(0), [], [4]);
        TensorAssert.Equal(v.Max(0, keepdims: true), [1], [7]);
        TensorAssert.Equal(v.Min(0), [], [-1]);
        TensorAssert.Equal(v.Argmax(0), [], [2]);
    }

    [Test]
    public void Along_axis_0_of_a_matrix_each_column_is_reduced()
    {
        TensorAssert.Equal(Matrix.Sum(0), [3], [5, 7, 9]);
        TensorAssert.Equal(Matrix.Sum(0, keepdims: true), [1, 3], [5, 7, 9]);
        TensorAssert.Equal(Matrix.Mean(0), [3], [2.5, 3.5, 4.5]);
        TensorAssert.Equal(Matrix.Max(0), [3], [4, 5, 6]);
        TensorAssert.Equal(Matrix.Min(0, keepdims: true), [1, 3], [1, 2, 3]);
        TensorAssert.Equal(Matrix.Argmax(0), [3], [1, 0, 1]);
        TensorAssert.Equal(Np.Sum(Matrix, 0), [3], [5, 7, 9]);
        TensorAssert.Equal(Np.Mean(Matrix, 0, keepdims: true), [1, 3], [2.5, 3.5, 4.5]);
        TensorAssert.Equal(Np.Max(Matrix, 0), [3], [4, 5, 6]);
        TensorAssert.Equal(Np.Min(Matrix, 0), [3], [1, 2, 3]);
        TensorAssert.Equal(Np.Argmax(Matrix, 0), [3], [1, 0, 1]);
    }

    [TestCase(1)]
    [TestCase(-1)]
    public void Along_the_last_axis_of_a_matrix_each_row_is_reduced(int axis)
    {
        TensorAssert.Equal(Matrix.Sum(axis), [2], [9, 12]);
        TensorAssert.Equal(Matrix.Sum(axis, keepdims: true), [2, 1], [9, 12]);
        TensorAssert.Equal(Matrix.Mean(axis, keepdims: true), [2, 1], [3, 4]);
        TensorAssert.Equal(Matrix.Max(axis), [2], [5, 6]);
        TensorAssert.Equal(Matrix.Min(axis), [2], [1, 2]);
        TensorAssert.Equal(Matrix.Argmax(axis), [2], [1, 2]);
        TensorAssert.Equal(Matrix.Argmax(axis, keepdims: true), [2, 1], [1, 2]);
    }

    [Test]
    public void Keepdims_makes_the_result_broadcast_back_against_the_input()
    {
        // The softmax idiom: x - x.max(axis=1, keepdims=True).
        var shifted = Matrix - Matrix.Max(1, keepdims: true);
        TensorAssert.Equal(shifted, [2, 3], [-4, 0, -2, -2, -4, 0]);
        var normalised = Matrix / Matrix.Sum(0, keepdims: true);
        TensorAssert.Equal(normalised.Sum(0), [3], [1, 1, 1], 1e-15);
    }

    [Test]
    public void Reductions_of_a_3d_tensor_along_each_axis_match_a_naive_loop()
    {
        var x = TensorAssert.Random(31, 2, 3, 4);
        foreach (var axis in new[] { 0, 1, 2, -1, -2, -3 })
        {
            foreach (var keepdims in new[] { false, true })
            {
                AssertMatchesNaive(x, axis, keepdims);
            }
        }
    }

    [Test]
    public void Reductions_match_a_naive_loop_on_random_tensors()
    {
        var gen =
            from rank in Gen.Choose(1, 4)
            from dims in Gen.ArrayOf(Gen.Choose(1, 5), rank)
            from axis in Gen.Choose(-rank, rank - 1)
            from keepdims in Gen.Elements(false, true)
            from seed in Gen.Choose(0, 100_000)
            select new ReductionCase(TensorAssert.Random(seed, dims), axis, keepdims);
        Properties.ForAll("engine: reductions match a naive loop", gen,
            c => AssertMatchesNaive(c.X, c.Axis, c.Keepdims, (message) => throw new CheckFailure(message)), tests: 200);
    }

    private sealed record ReductionCase(Tensor X, int Axis, bool Keepdims)
    {
        public override string ToString() => $"x {X.ShapeText} = {X}, axis {Axis}, keepdims {Keepdims}";
    }

    private static void AssertMatchesNaive(Tensor x, int axis, bool keepdims, Action<string>? fail = null)
    {
        fail ??= message => Assert.Fail(message);
        var a = axis < 0 ? axis + x.Ndim : axis;
        var n = x.Shape[a];
        int[] outShape = keepdims
            ? x.Shape.Select((s, d) => d == a ? 1 : s).ToArray()
            : x.Shape.Where((_, d) => d != a).ToArray();
        var sum = Tensor.Zeros(outShape);
        var max = Tensor.Full(double.NegativeInfinity, outShape);
        var min = Tensor.Full(double.PositiveInfinity, outShape);
        var argmax = Tensor.Zeros(outShape);
        foreach (var i in TensorAssert.Indices(x.Shape))
        {
            var o = keepdims ? i.Select((v, d) => d == a ? 0 : v).ToArray() : i.Where((_, d) => d != a).ToArray();
            var v = x[i];
            sum[o] += v;
            if (v > max[o]) { max[o] = v; argmax[o] = i[a]; }
            min[o] = Math.Min(min[o], v);
        }
        var what = $"shape {x.ShapeText}, axis {axis}, keepdims {keepdims}";
        Check(x.Sum(axis, keepdims), sum, $"Sum ({what})", 1e-12);
        Check(x.Mean(axis, keepdims), sum / n, $"Mean ({what})", 1e-12);
        Check(x.Max(axis, keepdims), max, $"Max ({what})", 0);
        Check(x.Min(axis, keepdims), min, $"Min ({what})", 0);
        Check(x.Argmax(axis, keepdims), argmax, $"Argmax ({what})", 0);

        void Check(Tensor actual, Tensor expected, string label, double tolerance)
        {
            if (!actual.ShapeSpan.SequenceEqual(expected.ShapeSpan))
            {
                fail($"{label}: shape {actual.ShapeText}, expected {expected.ShapeText}");
                return;
            }
            var e = expected.ToArray();
            var g = actual.ToArray();
            for (var k = 0; k < e.Length; k++)
            {
                if (Math.Abs(e[k] - g[k]) > tolerance) fail($"{label}: element {k} is {g[k]}, expected {e[k]}");
            }
        }
    }

    [Test]
    public void Argmax_on_ties_gives_the_first_index_as_NumPy_does()
    {
        Assert.That(Tensor.From(1.0, 3.0, 3.0, 2.0).Argmax(), Is.EqualTo(1));
        Assert.That(Tensor.From(0.0, 0.0, 0.0).Argmax(), Is.EqualTo(0));
        var m = Tensor.From(new double[,] { { 2, 2, 1 }, { 0, 5, 5 }, { 2, 5, 5 } });
        TensorAssert.Equal(m.Argmax(1), [3], [0, 1, 1]);
        TensorAssert.Equal(m.Argmax(0), [3], [0, 1, 1]);
        // A long last axis (the contiguous path) with the maximum repeated at both ends.
        var longRow = Tensor.Zeros(1, 40);
        longRow[0, 3] = 1; longRow[0, 39] = 1;
        TensorAssert.Equal(longRow.Argmax(1), [1], [3]);
    }

    [Test]
    public void NaN_wins_Max_Min_and_Argmax_as_in_NumPy()
    {
        var x = Tensor.From(1.0, double.NaN, 3.0, double.NaN);
        Assert.That(x.Max(), Is.NaN);
        Assert.That(x.Min(), Is.NaN);
        Assert.That(x.Argmax(), Is.EqualTo(1));
        Assert.That(x.Argmax(0).Item(), Is.EqualTo(1));
        var m = Tensor.From(new double[,] { { 1, double.NaN }, { 3, 2 } });
        TensorAssert.Equal(m.Max(0), [2], [3, double.NaN]);
        TensorAssert.Equal(m.Min(0), [2], [1, double.NaN]);
        TensorAssert.Equal(m.Argmax(0), [2], [1, 0]);
        TensorAssert.Equal(m.Max(1), [2], [double.NaN, 3]);
    }

    [Test]
    public void Reductions_of_an_empty_tensor_follow_NumPy()
    {
        var empty = Tensor.Zeros(0);
        Assert.That(empty.Sum(), Is.Zero);
        Assert.That(empty.Mean(), Is.NaN);
        Assert.Throws<ShapeException>(() => empty.Max());
        Assert.Throws<ShapeException>(() => empty.Min());
        Assert.Throws<ShapeException>(() => empty.Argmax());
        TensorAssert.Equal(Tensor.Zeros(0, 3).Sum(0), [3], [0, 0, 0]);
        Assert.Throws<ShapeException>(() => Tensor.Zeros(0, 3).Max(0));
        TensorAssert.Equal(Tensor.Zeros(0, 3).Max(1), [0], []);
    }

    [Test]
    public void A_missing_axis_names_the_axis_and_the_shape()
    {
        var e = Assert.Throws<ShapeException>(() => Matrix.Sum(2));
        Assert.That(e!.Message, Does.Contain("Axis 2").And.Contain("(2, 3)"));
        Assert.Throws<ShapeException>(() => Matrix.Max(-3));
        Assert.Throws<ShapeException>(() => Matrix.Argmax(5));
        Assert.Throws<ShapeException>(() => Tensor.Scalar(1).Sum(0));
    }

    [Test]
    public void Large_sums_are_accurate()
    {
        var x = Tensor.Full(0.1, 100_000);
        Assert.That(x.Sum(), Is.EqualTo(10_000).Within(1e-6));
        Assert.That(x.Reshape(1000, 100).Sum(0).Sum(), Is.EqualTo(10_000).Within(1e-6));
    }
}
