using DeepLearningKata.Checks;
using FsCheck.Fluent;
using NUnit.Framework;

namespace DeepLearningKata.SelfTest.Engine;

/// <summary>
/// Element-wise arithmetic with NumPy broadcasting. Every fast path of <c>Tensor.Broadcast</c> (equal
/// shapes, one side a single element, one side a trailing block) and the general odometer path are
/// compared with a naive element-by-element computation.
/// </summary>
[TestFixture]
public sealed class ArithmeticTests
{
    private static readonly (string Symbol, Func<Tensor, Tensor, Tensor> Op, Func<double, double, double> F)[] Ops =
    [
        ("+", (a, b) => a + b, (a, b) => a + b),
        ("-", (a, b) => a - b, (a, b) => a - b),
        ("*", (a, b) => a * b, (a, b) => a * b),
        ("/", (a, b) => a / b, (a, b) => a / b),
    ];

    /// <summary>NumPy's broadcasting, spelled out: align at the last axis, a size-1 or missing axis repeats.</summary>
    private static Tensor Naive(Tensor a, Tensor b, Func<double, double, double> f)
    {
        var rank = Math.Max(a.Ndim, b.Ndim);
        var shape = new int[rank];
        for (var d = 0; d < rank; d++)
        {
            var da = d >= rank - a.Ndim ? a.Shape[d - (rank - a.Ndim)] : 1;
            var db = d >= rank - b.Ndim ? b.Shape[d - (rank - b.Ndim)] : 1;
            shape[d] = Math.Max(da, db);
        }
        var result = Tensor.Zeros(shape);
        foreach (var i in TensorAssert.Indices(shape))
        {
            result[i] = f(a[Pick(i, a.Shape)], b[Pick(i, b.Shape)]);
        }
        return result;
    }

    private static int[] Pick(int[] outIndex, int[] shape)
    {
        var offset = outIndex.Length - shape.Length;
        return shape.Select((n, d) => n == 1 ? 0 : outIndex[d + offset]).ToArray();
    }

    private static void AllOpsMatchNaive(Tensor a, Tensor b, int[] expectedShape)
    {
        foreach (var (symbol, op, f) in Ops)
        {
            var actual = op(a, b);
            Assert.That(actual.Shape, Is.EqualTo(expectedShape), $"{a.ShapeText} {symbol} {b.ShapeText}");
            TensorAssert.Equal(actual, Naive(a, b, f));
        }
    }

    // Values away from 0, so that division is well defined everywhere.
    private static Tensor Values(int seed, params int[] shape) =>
        Tensor.RandomUniform(new Random(seed), 0.5, 2, shape) * ((Tensor.RandomUniform(new Random(seed + 1), 0, 1, shape) > 0.5) * 2 - 1);

    [Test]
    public void Equal_shapes_combine_element_by_element()
    {
        var a = Tensor.From(new double[,] { { 1, 2, 3 }, { 4, 5, 6 } });
        var b = Tensor.From(new double[,] { { 6, 5, 4 }, { 3, 2, 1 } });
        TensorAssert.Equal(a + b, [2, 3], [7, 7, 7, 7, 7, 7]);
        TensorAssert.Equal(a - b, [2, 3], [-5, -3, -1, 1, 3, 5]);
        TensorAssert.Equal(a * b, [2, 3], [6, 10, 12, 12, 10, 6]);
        TensorAssert.Equal(a / b, [2, 3], [1.0 / 6, 2.0 / 5, 3.0 / 4, 4.0 / 3, 5.0 / 2, 6.0 / 1]);
        AllOpsMatchNaive(Values(1, 3, 4, 5), Values(2, 3, 4, 5), [3, 4, 5]);
    }

    [Test]
    public void A_matrix_and_a_row_vector_2x3_and_3()
    {
        var a = Tensor.From(new double[,] { { 1, 2, 3 }, { 4, 5, 6 } });
        Tensor b = new[] { 10.0, 20.0, 30.0 };
        TensorAssert.Equal(a + b, [2, 3], [11, 22, 33, 14, 25, 36]);
        TensorAssert.Equal(b - a, [2, 3], [9, 18, 27, 6, 15, 24]);
        AllOpsMatchNaive(Values(3, 2, 3), Values(4, 3), [2, 3]);
        AllOpsMatchNaive(Values(5, 3), Values(6, 2, 3), [2, 3]);
        AllOpsMatchNaive(Values(7, 4, 3), Values(8, 1, 3), [4, 3]);
        AllOpsMatchNaive(Values(7, 2, 4, 3), Values(8, 4, 3), [2, 4, 3]);
        AllOpsMatchNaive(Values(7, 2, 3, 1), Values(8, 3, 1), [2, 3, 1]);
    }

    [Test]
    public void A_column_and_a_row_make_a_table_2x1_and_1x3()
    {
        Tensor col = new[,] { { 1.0 }, { 2.0 } };
        Tensor row = new[,] { { 10.0, 20.0, 30.0 } };
        TensorAssert.Equal(col + row, [2, 3], [11, 21, 31, 12, 22, 32]);
        TensorAssert.Equal(row - col, [2, 3], [9, 19, 29, 8, 18, 28]);
        AllOpsMatchNaive(Values(9, 2, 1), Values(10, 1, 3), [2, 3]);
        AllOpsMatchNaive(Values(9, 1, 3), Values(10, 2, 1), [2, 3]);
    }

    [Test]
    public void A_3d_tensor_and_a_column_4x1x3_and_2x1()
    {
        AllOpsMatchNaive(Values(11, 4, 1, 3), Values(12, 2, 1), [4, 2, 3]);
        AllOpsMatchNaive(Values(13, 2, 1), Values(14, 4, 1, 3), [4, 2, 3]);
        var a = Tensor.Arange(0, 12).Reshape(4, 1, 3);
        Tensor b = new[,] { { 100.0 }, { 200.0 } };
        var sum = a + b;
        Assert.That(sum[3, 1, 2], Is.EqualTo(211));
        Assert.That(sum[0, 0, 1], Is.EqualTo(101));
    }

    [Test]
    public void A_column_against_a_matrix_goes_through_the_general_path()
    {
        AllOpsMatchNaive(Values(15, 3, 4), Values(16, 3, 1), [3, 4]);
        AllOpsMatchNaive(Values(17, 3, 1), Values(18, 3, 4), [3, 4]);
        AllOpsMatchNaive(Values(19, 2, 3, 4), Values(20, 2, 1, 4), [2, 3, 4]);
    }

    [Test]
    public void A_single_element_tensor_on_either_side_acts_as_a_scalar()
    {
        var x = Values(21, 2, 3);
        foreach (var one in new[] { Tensor.Scalar(-1.5), Tensor.From(-1.5), Tensor.Full(-1.5, 1, 1) })
        {
            AllOpsMatchNaive(x, one, one.Ndim > 2 ? [1, 2, 3] : [2, 3]);
            AllOpsMatchNaive(one, x, one.Ndim > 2 ? [1, 2, 3] : [2, 3]);
        }
        AllOpsMatchNaive(Values(22, 3), Tensor.Full(2, 1, 1), [1, 3]);
        AllOpsMatchNaive(Tensor.Scalar(2), Tensor.Scalar(-3), []);
    }

    [Test]
    public void Numbers_on_either_side()
    {
        var x = Tensor.From(1.0, 2.0, 4.0);
        TensorAssert.Equal(x + 1, [3], [2, 3, 5]);
        TensorAssert.Equal(1 + x, [3], [2, 3, 5]);
        TensorAssert.Equal(x - 1, [3], [0, 1, 3]);
        TensorAssert.Equal(x * 3, [3], [3, 6, 12]);
        TensorAssert.Equal(3 * x, [3], [3, 6, 12]);
        TensorAssert.Equal(x / 2, [3], [0.5, 1, 2]);
        TensorAssert.Equal(-x, [3], [-1, -2, -4]);
    }

    [Test]
    public void Reverse_operations_put_the_number_first()
    {
        var x = Tensor.From(new double[,] { { 1, 2 }, { 4, 8 } });
        TensorAssert.Equal(1 - x, [2, 2], [0, -1, -3, -7]);
        TensorAssert.Equal(1 / x, [2, 2], [1, 0.5, 0.25, 0.125]);
        TensorAssert.Equal(Tensor.Scalar(1) - x, [2, 2], [0, -1, -3, -7]);
        TensorAssert.Equal(Tensor.Scalar(1) / x, [2, 2], [1, 0.5, 0.25, 0.125]);
        TensorAssert.Equal(Tensor.From(1.0) / Tensor.From(0.0, -0.0), [2], [double.PositiveInfinity, double.NegativeInfinity]);
    }

    [Test]
    public void Arithmetic_leaves_its_operands_unchanged()
    {
        var a = Tensor.From(new double[,] { { 1, 2 }, { 3, 4 } });
        var b = Tensor.From(5.0, 6.0);
        _ = a + b; _ = a - 1; _ = 1 / a; _ = -a; _ = a * a;
        TensorAssert.Equal(a, [2, 2], [1, 2, 3, 4]);
        TensorAssert.Equal(b, [2], [5, 6]);
    }

    [Test]
    public void Shapes_that_do_not_broadcast_are_an_error_naming_both_shapes()
    {
        var e = Assert.Throws<ShapeException>(() => _ = Tensor.Zeros(2, 3) + Tensor.Zeros(2));
        Assert.That(e!.Message, Does.Contain("(2, 3)").And.Contain("(2,)").And.Contain("'+'"));
        e = Assert.Throws<ShapeException>(() => _ = Tensor.Zeros(4, 1, 3) * Tensor.Zeros(2, 2));
        Assert.That(e!.Message, Does.Contain("(4, 1, 3)").And.Contain("(2, 2)").And.Contain("axis 2"));
        Assert.Throws<ShapeException>(() => _ = Tensor.Zeros(3) / Tensor.Zeros(4));
        Assert.Throws<ShapeException>(() => _ = Tensor.Zeros(3, 1) - Tensor.Zeros(2, 1));
    }

    [Test]
    public void BroadcastShape_follows_NumPy()
    {
        Assert.That(Tensor.BroadcastShape([2, 3], [3]), Is.EqualTo(new[] { 2, 3 }));
        Assert.That(Tensor.BroadcastShape([4, 1, 3], [2, 1]), Is.EqualTo(new[] { 4, 2, 3 }));
        Assert.That(Tensor.BroadcastShape([], [2]), Is.EqualTo(new[] { 2 }));
        Assert.That(Tensor.BroadcastShape([0, 3], [1, 3]), Is.EqualTo(new[] { 0, 3 }));
    }

    [Test]
    public void Empty_tensors_broadcast_to_empty_results()
    {
        TensorAssert.Equal(Tensor.Zeros(0, 3) + Tensor.Ones(3), [0, 3], []);
        TensorAssert.Equal(Tensor.Zeros(0, 3) + Tensor.Ones(2, 1, 1), [2, 0, 3], []);
    }

    [Test]
    public void Broadcasting_matches_the_naive_definition_on_random_compatible_shapes()
    {
        // An output shape, then each operand keeps a suffix of its axes, each either the full size or 1.
        var gen =
            from rank in Gen.Choose(1, 4)
            from dims in Gen.ArrayOf(Gen.Choose(1, 4), rank)
            from rankA in Gen.Choose(0, rank)
            from rankB in Gen.Choose(0, rank)
            from onesA in Gen.ArrayOf(Gen.Choose(0, 2), rank)
            from onesB in Gen.ArrayOf(Gen.Choose(0, 2), rank)
            from seed in Gen.Choose(0, 100_000)
            let shapeA = dims.Select((n, d) => onesA[d] == 0 ? 1 : n).Skip(rank - rankA).ToArray()
            let shapeB = dims.Select((n, d) => onesB[d] == 0 ? 1 : n).Skip(rank - rankB).ToArray()
            select new PairCase(Values(seed, shapeA), Values(seed + 7, shapeB));
        Properties.ForAll("engine: broadcasting matches the naive definition", gen, c =>
        {
            foreach (var (symbol, op, f) in Ops)
            {
                Expect.Close(op(c.A, c.B), Naive(c.A, c.B, f), $"a {symbol} b", new Tolerance(0, 0));
            }
        }, tests: 300);
    }

    private sealed record PairCase(Tensor A, Tensor B)
    {
        public override string ToString() => $"a {A.ShapeText} = {A}, b {B.ShapeText} = {B}";
    }

    [Test]
    public void Comparisons_give_float_masks()
    {
        var x = Tensor.From(new double[,] { { -1, 0 }, { 0.5, 2 } });
        TensorAssert.Equal(x > 0, [2, 2], [0, 0, 1, 1]);
        TensorAssert.Equal(x >= 0, [2, 2], [0, 1, 1, 1]);
        TensorAssert.Equal(x < 0.5, [2, 2], [1, 1, 0, 0]);
        TensorAssert.Equal(x <= 0.5, [2, 2], [1, 1, 1, 0]);
        TensorAssert.Equal(x * (x > 0), [2, 2], [0, 0, 0.5, 2]); // the ReLU idiom
        TensorAssert.Equal(Tensor.From(double.NaN) > 0, [1], [0]);
        TensorAssert.Equal(Tensor.From(double.NaN) <= 0, [1], [0]);
    }

    [Test]
    public void Apply_maps_every_element_and_keeps_the_shape()
    {
        TensorAssert.Equal(Tensor.Arange(0, 6).Reshape(3, 2).Apply(v => v * v), [3, 2], [0, 1, 4, 9, 16, 25]);
    }

    [Test]
    public void SubtractInPlace_is_W_minus_equals_lr_times_dW_and_every_holder_sees_it()
    {
        var w = Tensor.From(new double[,] { { 1, 2 }, { 3, 4 } });
        var holder = new Dictionary<string, Tensor> { ["W"] = w };
        w.SubtractInPlace(Tensor.From(new double[,] { { 10, 20 }, { 30, 40 } }), 0.1);
        TensorAssert.Equal(holder["W"], [2, 2], [0, 0, 0, 0]);
        Assert.Throws<ShapeException>(() => w.SubtractInPlace(Tensor.Zeros(4)));
    }

    [Test]
    public void AddInPlace_is_m_plus_equals_scale_times_g_and_every_holder_sees_it()
    {
        var m = Tensor.From(new double[,] { { 1, 2 }, { 3, 4 } });
        var holder = new Dictionary<string, Tensor> { ["m"] = m };
        var reshaped = m.Reshape(4); // shares m's array until one of them is written
        m.AddInPlace(Tensor.From(new double[,] { { 10, 20 }, { 30, 40 } }), 0.5);
        TensorAssert.Equal(holder["m"], [2, 2], [6, 12, 18, 24]);
        TensorAssert.Equal(reshaped, [4], [1, 2, 3, 4]);
        m.AddInPlace(Tensor.Ones(2, 2));
        TensorAssert.Equal(m, [2, 2], [7, 13, 19, 25]);
        var e = Assert.Throws<ShapeException>(() => m.AddInPlace(Tensor.Zeros(4)));
        Assert.That(e!.Message, Does.Contain("(4,)").And.Contain("(2, 2)"));
    }

    [Test]
    public void Arange_computed_when_read_has_the_values_of_start_plus_i_times_step()
    {
        TensorAssert.Equal(Tensor.Arange(0, 5), [5], [0, 1, 2, 3, 4]);
        TensorAssert.Equal(Tensor.Arange(1, 2, 0.25), [4], [1, 1.25, 1.5, 1.75]);
        TensorAssert.Equal(Tensor.Arange(5, 0, -2), [3], [5, 3, 1]);
        TensorAssert.Equal(Tensor.Arange(0, 6).Reshape(2, 3), [2, 3], [0, 1, 2, 3, 4, 5]);
        var a = Tensor.Arange(0, 3);
        a[1] = 7; // written like any tensor
        TensorAssert.Equal(a, [3], [0, 7, 2]);
        var x = Tensor.Arange(0, 6).Reshape(3, 2);
        TensorAssert.Equal(x[Tensor.Arange(2, -1, -1), Tensor.Arange(0, 3) * 0 + 1], [3], [5, 3, 1]);
    }
}
