using NUnit.Framework;

namespace DeepLearningKata.SelfTest.Engine;

/// <summary>
/// The matrix product (<see cref="Np.Dot"/>, <see cref="Np.DotTransposeA"/>, <see cref="Np.DotTransposeB"/>)
/// against a naive triple loop. The fast kernel has many paths (full tiles, row and column tails, zero-padded
/// panels, B read in place or packed, several blocks of the shared dimension, two threads, matrix–vector
/// shapes), so the shapes below are chosen to reach each of them.
/// </summary>
/// <remarks>
/// The kernel adds the products in another order than the naive loop, so results are compared with the
/// rounding-error bound of a sum of k products: |fast − naive| ≤ 4·k·ε·Σ|a·b| (ε = 2⁻⁵²).
/// To test the AVX2, 128-bit and scalar micro-kernels on an AVX-512 machine, run these tests with
/// <c>DOTNET_EnableAVX512=0</c>, <c>DOTNET_EnableAVX2=0</c> or <c>DOTNET_EnableHWIntrinsic=0</c>.
/// </remarks>
[TestFixture]
public sealed class MatMulTests
{
    // Around the tile sizes: 6 rows; panels of 8, 16 and 32 columns (AVX-512), 4 and 8 (AVX2).
    private static readonly int[] Sizes = [1, 2, 3, 4, 5, 6, 7, 8, 9, 12, 13, 16, 17, 23, 24, 25, 31, 32, 33, 47, 50, 64, 65, 100];

    /// <summary>C = A·B by the definition, with the bound on the rounding error of each element.</summary>
    private static (double[] C, double[] Bound) Naive(double[] a, double[] b, int m, int k, int n)
    {
        var c = new double[m * n];
        var bound = new double[m * n];
        for (var i = 0; i < m; i++)
        {
            for (var j = 0; j < n; j++)
            {
                double sum = 0, magnitude = 0;
                for (var p = 0; p < k; p++)
                {
                    var term = a[i * k + p] * b[p * n + j];
                    sum += term;
                    magnitude += Math.Abs(term);
                }
                c[i * n + j] = sum;
                bound[i * n + j] = 4 * Math.Max(k, 1) * Math.Pow(2, -52) * magnitude + 1e-300;
            }
        }
        return (c, bound);
    }

    private static void AssertMatchesNaive(string call, Tensor actual, double[] expected, double[] bound, int m, int n)
    {
        Assert.That(actual.Shape, Is.EqualTo(new[] { m, n }), $"{call}: shape");
        var values = actual.ToArray();
        for (var e = 0; e < values.Length; e++)
        {
            var error = Math.Abs(values[e] - expected[e]);
            if (!(error <= bound[e]))
            {
                Assert.Fail($"{call}: element ({e / n}, {e % n}) is {values[e]:R}, the naive loop gives {expected[e]:R} " +
                    $"(difference {error:G3}, allowed {bound[e]:G3}).");
            }
        }
    }

    /// <summary>Checks all three entry points on one shape: A·B, (Aᵀ)ᵀ·B and A·(Bᵀ)ᵀ.</summary>
    private static void CheckShape(Random random, int m, int k, int n)
    {
        var a = Tensor.RandomNormal(random, m, k);
        var b = Tensor.RandomNormal(random, k, n);
        var (expected, bound) = Naive(a.ToArray(), b.ToArray(), m, k, n);
        var aT = a.T;
        var bT = b.T;
        AssertMatchesNaive($"Np.Dot(({m}×{k}), ({k}×{n}))", Np.Dot(a, b), expected, bound, m, n);
        AssertMatchesNaive($"Np.DotTransposeA(({k}×{m}), ({k}×{n}))", Np.DotTransposeA(aT, b), expected, bound, m, n);
        AssertMatchesNaive($"Np.DotTransposeB(({m}×{k}), ({n}×{k}))", Np.DotTransposeB(a, bT), expected, bound, m, n);
        // Np.Gemm on flat buffers, all four ways of storing A and B; C starts as garbage and must be overwritten.
        foreach (var (transposeA, transposeB) in new[] { (false, false), (true, false), (false, true), (true, true) })
        {
            var c = new double[m * n];
            Array.Fill(c, double.NaN);
            Np.Gemm((transposeA ? aT.Copy() : a).AsSpan(), transposeA, (transposeB ? bT.Copy() : b).AsSpan(), transposeB, c, m, k, n);
            AssertMatchesNaive($"Np.Gemm(transposeA: {transposeA}, transposeB: {transposeB}) for ({m}×{k})·({k}×{n})",
                new Tensor(c, m, n), expected, bound, m, n);
        }
    }

    [TestCase(30, 25, 576, TestName = "Gemm: a convolution's filters times one image's windows transposed (W·col_nᵀ)")]
    [TestCase(30, 576, 25, TestName = "Gemm: a convolution's weight gradient for one image (dout_n·col_n)")]
    [TestCase(576, 30, 25, TestName = "Gemm: a convolution's window gradient for one image (dout_nᵀ·W)")]
    public void Convolution_shapes_match_the_naive_loop(int m, int k, int n) => CheckShape(new Random(m + k + n), m, k, n);

    [Test]
    public void Gemm_rejects_buffers_too_small_for_the_sizes() =>
        Assert.Throws<ArgumentException>(() => Np.Gemm(new double[5], false, new double[6], false, new double[6], 2, 3, 3));

    [Test]
    public void Random_shapes_with_odd_tails_match_the_naive_loop()
    {
        var random = new Random(20240611);
        for (var trial = 0; trial < 150; trial++)
        {
            CheckShape(random, Sizes[random.Next(Sizes.Length)], Sizes[random.Next(Sizes.Length)], Sizes[random.Next(Sizes.Length)]);
        }
    }

    [TestCase(1, 1, 1)]
    [TestCase(1, 7, 1, TestName = "Row vector times column vector (1×k · k×1)")]
    [TestCase(1, 9, 13, TestName = "One row of A (1×k · k×n)")]
    [TestCase(13, 9, 1, TestName = "One column of B (m×k · k×1)")]
    [TestCase(11, 1, 17, TestName = "Outer product (m×1 · 1×n)")]
    [TestCase(1, 300, 70, TestName = "One long row of A")]
    [TestCase(70, 300, 1, TestName = "One long column of B")]
    [TestCase(2, 2, 2)]
    [TestCase(6, 1, 32, TestName = "Exactly one full tile")]
    [TestCase(7, 3, 33, TestName = "One more than a full tile each way")]
    public void Thin_and_tiny_shapes_match_the_naive_loop(int m, int k, int n) => CheckShape(new Random(m * 1000 + k * 10 + n), m, k, n);

    [TestCase(100, 784, 50, TestName = "The two-layer net's forward x·W1 (cut in two along the shared dimension)")]
    [TestCase(7, 1000, 13, TestName = "A long shared dimension in four blocks, odd sizes (cut in two)")]
    [TestCase(37, 513, 40, TestName = "A long shared dimension in three blocks (cut after the second)")]
    [TestCase(784, 100, 50, TestName = "The two-layer net's weight gradient xᵀ·dout (two threads)")]
    [TestCase(100, 50, 784, TestName = "The two-layer net's input gradient dout·W1ᵀ (two threads, columns split)")]
    [TestCase(61, 600, 70, TestName = "A shared dimension longer than one block (results accumulate)")]
    [TestCase(19, 300, 601, TestName = "More columns than one packed block, with a tail")]
    [TestCase(200, 200, 200, TestName = "A square large enough to pack B")]
    public void Large_shapes_that_run_blocked_and_threaded_match_the_naive_loop(int m, int k, int n)
    {
        // The engine picks one or two threads by measuring; both ways are forced here so both are tested.
        foreach (var threads in new object?[] { 2, 1, null })
        {
            AppContext.SetData("DeepLearningKata.MatMul.Threads", threads);
            try
            {
                CheckShape(new Random(m + k + n), m, k, n);
            }
            finally
            {
                AppContext.SetData("DeepLearningKata.MatMul.Threads", null);
            }
        }
    }

    [TestCase(100, 784, 50)]
    [TestCase(37, 513, 40)]
    [TestCase(200, 200, 200)]
    [TestCase(784, 100, 50)]
    public void One_thread_and_two_give_the_same_bits(int m, int k, int n)
    {
        // How a product is cut depends on its shape only, so the sums are added in the same order either way.
        var random = new Random(m * 7 + k * 3 + n);
        var a = TensorAssert.Random(random.Next(), m, k);
        var b = TensorAssert.Random(random.Next(), k, n);
        double[] On(int threads)
        {
            AppContext.SetData("DeepLearningKata.MatMul.Threads", threads);
            try
            {
                return Np.Dot(a, b).ToArray();
            }
            finally
            {
                AppContext.SetData("DeepLearningKata.MatMul.Threads", null);
            }
        }
        Assert.That(On(2), Is.EqualTo(On(1)), $"({m}×{k})·({k}×{n}) on two threads against one");
    }

    [TestCase(0, 3, 4)]
    [TestCase(3, 0, 4)]
    [TestCase(3, 4, 0)]
    [TestCase(0, 0, 0)]
    public void Empty_dimensions_give_an_empty_or_zero_result(int m, int k, int n)
    {
        var random = new Random(7);
        var a = Tensor.RandomNormal(random, m, k);
        var b = Tensor.RandomNormal(random, k, n);
        foreach (var (call, c) in new[]
                 {
                     ("Np.Dot", Np.Dot(a, b)),
                     ("Np.DotTransposeA", Np.DotTransposeA(a.T, b)),
                     ("Np.DotTransposeB", Np.DotTransposeB(a, b.T)),
                 })
        {
            Assert.That(c.Shape, Is.EqualTo(new[] { m, n }), call);
            Assert.That(c.ToArray(), Is.All.EqualTo(0.0), $"{call}: an empty sum is 0");
        }
    }

    [Test]
    public void Vector_shapes_of_Dot_match_the_naive_loop()
    {
        var random = new Random(3);
        var v = Tensor.RandomNormal(random, 37);
        var w = Tensor.RandomNormal(random, 37);
        var mat = Tensor.RandomNormal(random, 37, 21);
        var matT = mat.T;

        var (inner, innerBound) = Naive(v.ToArray(), w.ToArray(), 1, 37, 1);
        Assert.That(Np.Dot(v, w).Shape, Is.Empty, "1-D·1-D is a 0-D tensor");
        Assert.That(Math.Abs(Np.Dot(v, w).Item() - inner[0]), Is.LessThanOrEqualTo(innerBound[0]));

        var (vm, vmBound) = Naive(v.ToArray(), mat.ToArray(), 1, 37, 21);
        AssertMatchesNaive("Np.Dot((37,), (37×21))", Np.Dot(v, mat).Reshape(1, 21), vm, vmBound, 1, 21);

        var (mv, mvBound) = Naive(matT.ToArray(), v.ToArray(), 21, 37, 1);
        AssertMatchesNaive("Np.Dot((21×37), (37,))", Np.Dot(matT, v).Reshape(21, 1), mv, mvBound, 21, 1);
    }

    [Test]
    public void NaN_and_infinity_spread_as_in_the_naive_loop()
    {
        // Zero padding of the last panel must not turn into visible NaNs (∞·0), and a NaN in A must reach its row.
        var random = new Random(5);
        var a = Tensor.RandomNormal(random, 9, 11);
        var b = Tensor.RandomNormal(random, 11, 19);
        a[2, 3] = double.NaN;
        a[5, 0] = double.PositiveInfinity;
        var c = Np.Dot(a, b);
        var cT = Np.DotTransposeB(a, b.T);
        for (var j = 0; j < 19; j++)
        {
            Assert.That(c[2, j], Is.NaN, $"row 2 has a NaN in A, column {j}");
            Assert.That(double.IsInfinity(c[5, j]), Is.True, $"row 5 has ∞ in A, column {j}");
            Assert.That(double.IsFinite(c[4, j]), Is.True, $"row 4 is finite, column {j}");
            Assert.That(cT[2, j], Is.NaN, $"DotTransposeB: row 2, column {j}");
        }
    }

    [Test]
    public void The_inputs_are_left_unchanged()
    {
        var random = new Random(11);
        var a = Tensor.RandomNormal(random, 100, 60);
        var b = Tensor.RandomNormal(random, 60, 50);
        var (a0, b0) = (a.ToArray(), b.ToArray());
        _ = Np.Dot(a, b);
        _ = Np.DotTransposeA(a, Tensor.RandomNormal(random, 100, 7));
        _ = Np.DotTransposeB(a, Tensor.RandomNormal(random, 9, 60));
        Assert.That(a.ToArray(), Is.EqualTo(a0));
        Assert.That(b.ToArray(), Is.EqualTo(b0));
    }

    [Test]
    public void Mismatched_shapes_name_both_shapes()
    {
        var a = Tensor.Zeros(3, 4);
        var b = Tensor.Zeros(5, 6);
        var ta = Assert.Throws<ShapeException>(() => Np.DotTransposeA(a, b))!;
        Assert.That(ta.Message, Does.Contain("(3, 4)").And.Contain("(5, 6)"));
        var tb = Assert.Throws<ShapeException>(() => Np.DotTransposeB(a, b))!;
        Assert.That(tb.Message, Does.Contain("(3, 4)").And.Contain("(5, 6)"));
        Assert.Throws<ShapeException>(() => Np.DotTransposeA(Tensor.Zeros(3), Tensor.Zeros(3, 2)));
        Assert.Throws<ShapeException>(() => Np.DotTransposeB(Tensor.Zeros(2, 3), Tensor.Zeros(3)));
    }
}
