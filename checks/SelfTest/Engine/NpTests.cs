using DeepLearningKata.Checks;
using FsCheck.Fluent;
using NUnit.Framework;

namespace DeepLearningKata.SelfTest.Engine;

/// <summary>The NumPy-named functions: products, norms, element-wise maps.</summary>
[TestFixture]
public sealed class NpTests
{
    // ------------------------------------------------------------ Dot

    /// <summary>The textbook triple loop: c[i, j] = Σ_p a[i, p]·b[p, j].</summary>
    private static double[,] NaiveMatMul(Tensor a, Tensor b)
    {
        int m = a.Dim(0), k = a.Dim(1), n = b.Dim(1);
        var c = new double[m, n];
        for (var i = 0; i < m; i++)
        {
            for (var j = 0; j < n; j++)
            {
                var s = 0.0;
                for (var p = 0; p < k; p++) s += a[i, p] * b[p, j];
                c[i, j] = s;
            }
        }
        return c;
    }

    // Summation order differs between the kernel and the naive loop: allow k ulps of the terms' size.
    private static double DotTolerance(int k) => 1e-14 * Math.Max(1, k) * 9;

    [Test]
    public void Dot_of_two_vectors_is_the_inner_product_as_a_scalar()
    {
        var d = Np.Dot(Tensor.From(1.0, 2.0, 3.0), Tensor.From(4.0, -5.0, 6.0));
        TensorAssert.Equal(d, [], [12]);
        Assert.That(d.Item(), Is.EqualTo(12));
    }

    [Test]
    public void Dot_of_a_matrix_and_a_vector_is_a_vector()
    {
        var m = Tensor.From(new double[,] { { 1, 2, 3 }, { 4, 5, 6 } });
        TensorAssert.Equal(Np.Dot(m, Tensor.From(1.0, 0.0, -1.0)), [2], [-2, -2]);
    }

    [Test]
    public void Dot_of_a_vector_and_a_matrix_is_a_vector()
    {
        var m = Tensor.From(new double[,] { { 1, 2, 3 }, { 4, 5, 6 } });
        TensorAssert.Equal(Np.Dot(Tensor.From(1.0, -1.0), m), [3], [-3, -3, -3]);
    }

    [Test]
    public void Dot_of_two_matrices_is_the_matrix_product()
    {
        var a = Tensor.From(new double[,] { { 1, 2 }, { 3, 4 }, { 5, 6 } });
        var b = Tensor.From(new double[,] { { 7, 8, 9, 10 }, { 11, 12, 13, 14 } });
        TensorAssert.Equal(Np.Dot(a, b), Tensor.From(NaiveMatMul(a, b)));
        TensorAssert.Equal(Np.Dot(a, b), [3, 4], [29, 32, 35, 38, 65, 72, 79, 86, 101, 112, 123, 134]);
        TensorAssert.Equal(Np.Matmul(a, b), Np.Dot(a, b));
    }

    [Test]
    public void Dot_with_a_scalar_multiplies()
    {
        TensorAssert.Equal(Np.Dot(Tensor.Scalar(2), Tensor.From(1.0, 3.0)), [2], [2, 6]);
        TensorAssert.Equal(Np.Dot(Tensor.From(1.0, 3.0), Tensor.Scalar(2)), [2], [2, 6]);
    }

    [Test]
    public void Dot_matches_a_naive_triple_loop_on_random_shapes()
    {
        var gen =
            from m in Gen.Choose(1, 40)
            from k in Gen.Choose(1, 70)
            from n in Gen.Choose(1, 40)
            from seed in Gen.Choose(0, 100_000)
            select new ProductCase(TensorAssert.Random(seed, m, k), TensorAssert.Random(seed + 1, k, n));
        Properties.ForAll("engine: Dot matches the naive triple loop", gen, c =>
        {
            var (a, b) = (c.A, c.B);
            var k = a.Dim(1);
            var tolerance = new Tolerance(DotTolerance(k), 0);
            var expected = Tensor.From(NaiveMatMul(a, b));
            Expect.Close(Np.Dot(a, b), expected, "Dot(a, b), 2-D·2-D", tolerance);

            // The vector forms are the matrix product with a row or column of length 1.
            Expect.Close(Np.Dot(a, b.T.Row(0)), expected.T.Row(0), "Dot(a, b[:, 0]), 2-D·1-D", tolerance);
            Expect.Close(Np.Dot(a.Row(0), b), expected.Row(0), "Dot(a[0], b), 1-D·2-D", tolerance);
            var inner = Enumerable.Range(0, k).Sum(p => a[0, p] * b[p, 0]);
            Expect.Close(Np.Dot(a.Row(0), b.T.Row(0)), Tensor.Scalar(inner), "Dot(a[0], b[:, 0]), 1-D·1-D", tolerance);
        }, tests: 60);
    }

    private sealed record ProductCase(Tensor A, Tensor B)
    {
        public override string ToString() => $"a {A.ShapeText}, b {B.ShapeText}";
    }

    [Test]
    public void Dot_with_mismatched_inner_sizes_names_both_shapes()
    {
        var e = Assert.Throws<ShapeException>(() => Np.Dot(Tensor.Zeros(2, 3), Tensor.Zeros(2, 3)));
        Assert.That(e!.Message, Does.Contain("(2, 3)").And.Contain("(3)").And.Contain("(2)"));
        e = Assert.Throws<ShapeException>(() => Np.Dot(Tensor.Zeros(2, 3), Tensor.Zeros(4)));
        Assert.That(e!.Message, Does.Contain("(2, 3)").And.Contain("(4,)"));
        e = Assert.Throws<ShapeException>(() => Np.Dot(Tensor.Zeros(3), Tensor.Zeros(4)));
        Assert.That(e!.Message, Does.Contain("(3,)").And.Contain("(4,)"));
        e = Assert.Throws<ShapeException>(() => Np.Dot(Tensor.Zeros(2, 2, 2), Tensor.Zeros(2)));
        Assert.That(e!.Message, Does.Contain("(2, 2, 2)").And.Contain("(2,)"));
    }

    [Test]
    public void Dot_leaves_its_arguments_unchanged()
    {
        var a = Tensor.From(new double[,] { { 1, 2 }, { 3, 4 } });
        var b = Tensor.From(5.0, 6.0);
        _ = Np.Dot(a, b);
        _ = Np.Dot(a, a);
        TensorAssert.Equal(a, [2, 2], [1, 2, 3, 4]);
        TensorAssert.Equal(b, [2], [5, 6]);
    }

    [Test]
    public void Outer_is_every_product_of_an_element_of_a_with_one_of_b()
    {
        TensorAssert.Equal(Np.Outer(Tensor.From(1.0, 2.0), Tensor.From(3.0, 4.0, 5.0)), [2, 3], [3, 4, 5, 6, 8, 10]);
        // np.outer flattens its inputs first.
        var a = Tensor.Arange(1, 5).Reshape(2, 2);
        TensorAssert.Equal(Np.Outer(a, Tensor.From(1.0, -1.0)), [4, 2], [1, -1, 2, -2, 3, -3, 4, -4]);
    }

    // ------------------------------------------------------------ norms and maps

    [Test]
    public void Norm_is_the_euclidean_length()
    {
        Assert.That(Np.Norm(Tensor.From(3.0, 4.0)), Is.EqualTo(5));
        Assert.That(Np.Norm(Tensor.From(new double[,] { { 1, 2 }, { 2, 4 } })), Is.EqualTo(5));
        var m = Tensor.From(new double[,] { { 3, 4 }, { 6, 8 } });
        TensorAssert.Equal(Np.Norm(m, 1), [2], [5, 10]);
        TensorAssert.Equal(Np.Norm(m, -1, keepdims: true), [2, 1], [5, 10]);
        TensorAssert.Equal(Np.Norm(m, 0), [2], [Math.Sqrt(45), Math.Sqrt(80)], 1e-15);
        Assert.That(Np.Norm(Tensor.Zeros(3)), Is.Zero);
    }

    [Test]
    public void Element_wise_functions_match_Math()
    {
        var x = Tensor.From(0.25, 1.0, 2.5, 9.0, 100.0, 1e-300);
        var neg = Tensor.From(-3.0, -0.5, 0.0, 0.5, 700.0, -700.0);
        foreach (var (name, f, g, input) in new (string, Func<Tensor, Tensor>, Func<double, double>, Tensor)[]
                 {
                     ("Exp", Np.Exp, Math.Exp, neg),
                     ("Log", Np.Log, Math.Log, x),
                     ("Sqrt", Np.Sqrt, Math.Sqrt, x),
                     ("Abs", Np.Abs, Math.Abs, neg),
                     ("Tanh", Np.Tanh, Math.Tanh, neg),
                     ("Square", Np.Square, v => v * v, neg),
                     ("Power 3", t => Np.Power(t, 3), v => Math.Pow(v, 3), neg),
                 })
        {
            var y = f(input);
            Assert.That(y.Shape, Is.EqualTo(input.Shape), name);
            for (var i = 0; i < input.Size; i++)
            {
                var expected = g(input[i]);
                Assert.That(y[i], Is.EqualTo(expected).Within(1e-14 * Math.Max(1, Math.Abs(expected))), $"{name}({input[i]})");
            }
        }
    }

    [Test]
    public void Element_wise_functions_keep_the_shape_of_a_matrix()
    {
        var m = Tensor.From(new double[,] { { 1, 4 }, { 9, 16 } });
        TensorAssert.Equal(Np.Sqrt(m), [2, 2], [1, 2, 3, 4]);
        TensorAssert.Equal(Np.Log(Np.Exp(m)), [2, 2], [1, 4, 9, 16], 1e-13);
    }

    [Test]
    public void Special_values_follow_IEEE_as_NumPy_does()
    {
        TensorAssert.Equal(Np.Log(Tensor.From(0.0, -1.0)), [2], [double.NegativeInfinity, double.NaN]);
        TensorAssert.Equal(Np.Sqrt(Tensor.From(-1.0)), [1], [double.NaN]);
        TensorAssert.Equal(Np.Exp(Tensor.From(1000.0, -1000.0)), [2], [double.PositiveInfinity, 0]);
    }

    [Test]
    public void Maximum_with_a_number_is_relu_for_zero()
    {
        var x = Tensor.From(new double[,] { { -2, -0.5 }, { 0.5, 3 } });
        TensorAssert.Equal(Np.Maximum(0.0, x), [2, 2], [0, 0, 0.5, 3]);
        TensorAssert.Equal(Np.Maximum(x, 1.0), [2, 2], [1, 1, 1, 3]);
        TensorAssert.Equal(Np.Maximum(0.0, Tensor.From(double.NaN)), [1], [double.NaN]);
    }

    [Test]
    public void Maximum_of_two_tensors_broadcasts_and_returns_one_of_the_inputs_exactly()
    {
        var a = Tensor.From(new double[,] { { 1, 5 }, { -3, 0.1 } });
        var b = Tensor.From(0.0, 1e17);
        TensorAssert.Equal(Np.Maximum(a, b), [2, 2], [1, 1e17, 0, 1e17]);
        // Exactly a or b, never a rounded b + (a - b).
        var x = Tensor.From(0.1 + 0.2, 1e16 + 2, 3.0);
        var y = Tensor.From(0.1, 1.0, -1e-300);
        TensorAssert.Equal(Np.Maximum(x, y), [3], [0.1 + 0.2, 1e16 + 2, 3.0]);
        TensorAssert.Equal(Np.Maximum(Tensor.From(double.PositiveInfinity, 1.0), Tensor.From(double.PositiveInfinity, double.NegativeInfinity)),
            [2], [double.PositiveInfinity, 1.0]);
        TensorAssert.Equal(Np.Maximum(Tensor.From(double.NaN, 1.0), Tensor.From(1.0, double.NaN)), [2], [double.NaN, double.NaN]);
        var e = Assert.Throws<ShapeException>(() => Np.Maximum(Tensor.Zeros(2, 3), Tensor.Zeros(2)));
        Assert.That(e!.Message, Does.Contain("(2, 3)").And.Contain("(2,)"));
    }

    [Test]
    public void Equal_gives_a_float_mask_with_broadcasting()
    {
        var a = Tensor.From(new double[,] { { 1, 2 }, { 3, 2 } });
        TensorAssert.Equal(Np.Equal(a, Tensor.From(1.0, 2.0)), [2, 2], [1, 1, 0, 1]);
        TensorAssert.Equal(Np.Equal(Tensor.From(double.NaN), Tensor.From(double.NaN)), [1], [0]);
    }

    [Test]
    public void Multiply_is_the_element_wise_product()
    {
        TensorAssert.Equal(Np.Multiply(Tensor.From(1.0, 2.0), Tensor.From(3.0, 4.0)), [2], [3, 8]);
    }

    [Test]
    public void Np_functions_leave_their_argument_unchanged()
    {
        var x = Tensor.From(-1.0, 4.0);
        _ = Np.Exp(x); _ = Np.Sqrt(x); _ = Np.Abs(x); _ = Np.Maximum(0.0, x); _ = Np.Norm(x); _ = Np.Power(x, 2);
        TensorAssert.Equal(x, [2], [-1, 4]);
    }
}
