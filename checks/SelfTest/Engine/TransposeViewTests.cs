using NUnit.Framework;

namespace DeepLearningKata.SelfTest.Engine;

/// <summary>
/// x.T of a matrix is computed only when read, and Np.Dot reads it in place (Tensor.Storage.cs): it must behave
/// exactly like a copy, whatever is written to x or to the transpose afterwards.
/// </summary>
[TestFixture]
public sealed class TransposeViewTests
{
    private static Tensor Matrix(int rows, int cols, double start) =>
        Tensor.Arange(start, start + rows * cols).Reshape(rows, cols);

    // The product by definition, one sum per element.
    private static double[] Naive(Tensor a, Tensor b)
    {
        int m = a.Dim(0), k = a.Dim(1), n = b.Dim(1);
        var c = new double[m * n];
        for (var i = 0; i < m; i++)
            for (var j = 0; j < n; j++)
                for (var p = 0; p < k; p++) c[i * n + j] += a[i, p] * b[p, j];
        return c;
    }

    private static Tensor Transposed(Tensor x)
    {
        var t = Tensor.Zeros(x.Dim(1), x.Dim(0));
        for (var i = 0; i < x.Dim(0); i++)
            for (var j = 0; j < x.Dim(1); j++) t[j, i] = x[i, j];
        return t;
    }

    [TestCase(7, 9, 5)]
    [TestCase(40, 13, 33)]
    public void Dot_of_transposes_equals_the_product_of_the_transposed_matrices(int m, int k, int n)
    {
        var x = Matrix(k, m, 1) / 50.0;   // x.T is (m, k)
        var w = Matrix(n, k, -3) / 70.0;  // w.T is (k, n)
        var a = Matrix(m, k, 2) / 40.0;
        var b = Matrix(k, n, 5) / 60.0;
        TensorAssert.Equal(Np.Dot(x.T, b), [m, n], Naive(Transposed(x), b), tolerance: 1e-9);
        TensorAssert.Equal(Np.Dot(a, w.T), [m, n], Naive(a, Transposed(w)), tolerance: 1e-9);
        TensorAssert.Equal(Np.Dot(x.T, w.T), [m, n], Naive(Transposed(x), Transposed(w)), tolerance: 1e-9);
    }

    [Test]
    public void A_transpose_keeps_the_values_it_was_taken_of_when_the_matrix_is_written_later()
    {
        var x = Matrix(2, 3, 1);
        var byIndexer = x.T;
        x[0, 1] = 99;
        var bySubtract = x.T;
        x.SubtractInPlace(Tensor.Ones(2, 3), 10);
        var byAssign = x.T;
        x.Assign(Tensor.Zeros(2, 3));
        var bySpan = x.T;
        x.AsSpan()[0] = 7;
        TensorAssert.Equal(byIndexer, [3, 2], [1, 4, 2, 5, 3, 6]);
        TensorAssert.Equal(bySubtract, [3, 2], [1, 4, 99, 5, 3, 6]);
        TensorAssert.Equal(byAssign, [3, 2], [-9, -6, 89, -5, -7, -4]);
        TensorAssert.Equal(bySpan, [3, 2], [0, 0, 0, 0, 0, 0]);
        TensorAssert.Equal(x, [2, 3], [7, 0, 0, 0, 0, 0]);
        TensorAssert.Equal(Np.Dot(byAssign, Tensor.Ones(2, 1)), [3, 1], [-15, 84, -11]);
    }

    [Test]
    public void Writing_to_a_transpose_leaves_the_matrix_alone_and_reshaping_it_reads_in_its_order()
    {
        var x = Matrix(2, 3, 1);
        var t = x.T;
        TensorAssert.Equal(t.Reshape(-1), [6], [1, 4, 2, 5, 3, 6]);
        t[0, 1] = 50;
        TensorAssert.Equal(t, [3, 2], [1, 50, 2, 5, 3, 6]);
        TensorAssert.Equal(x, [2, 3], [1, 2, 3, 4, 5, 6]);
        TensorAssert.Equal(x.T.T, [2, 3], [1, 2, 3, 4, 5, 6]);
    }

    [Test]
    public void A_product_keeps_the_values_of_its_operands_when_they_are_written_before_it_is_read()
    {
        var a = Matrix(3, 4, 1) / 10.0;
        var b = Matrix(4, 2, -2) / 10.0;
        var expected = Naive(a, b);
        var c = Np.Dot(a, b);
        var d = Np.Dot(a, b.T.T);
        a[0, 0] = 100;
        b.SubtractInPlace(Tensor.Ones(4, 2), 3);
        a.AsSpan()[1] = -50;
        TensorAssert.Equal(c, [3, 2], expected, tolerance: 1e-12);
        TensorAssert.Equal(d, [3, 2], expected, tolerance: 1e-12);
    }

    [Test]
    public void A_reshaped_product_is_computed_once_and_each_tensor_then_writes_its_own_copy()
    {
        var a = Matrix(2, 3, 1);
        var b = Matrix(3, 2, 0);
        var c = Np.Dot(a, b);
        var flat = c.Reshape(-1);
        var expected = Naive(a, b);
        flat[0] = -1;
        TensorAssert.Equal(c, [2, 2], expected);
        c[1, 1] = -2;
        TensorAssert.Equal(flat, [4], [-1, expected[1], expected[2], expected[3]]);
        TensorAssert.Equal(c, [2, 2], [expected[0], expected[1], expected[2], -2]);
    }

    [TestCase(3, 4, 2)]
    [TestCase(1, 5, 7)]
    [TestCase(9, 1, 1)]
    [TestCase(100, 784, 50)]
    [TestCase(200, 30, 61)]
    [TestCase(5, 0, 3)]
    public void A_product_plus_a_row_has_the_bits_of_the_product_and_then_the_sum(int m, int k, int n)
    {
        // x·W + b adds b to each tile of the product as it is finished: the same bits as adding it afterwards.
        var a = TensorAssert.Random(m + k, m, k);
        var w = TensorAssert.Random(k + n, k, n);
        var b = TensorAssert.Random(n, n);
        double[] ThenAdded(Tensor product) // the product read at once (computed on its own), then b added
        {
            var values = product.ToArray();
            for (var i = 0; i < m; i++)
                for (var j = 0; j < n; j++) values[i * n + j] += b[j];
            return values;
        }
        foreach (var threads in new object?[] { 1, 2 })
        {
            AppContext.SetData("DeepLearningKata.MatMul.Threads", threads);
            try
            {
                Assert.That((Np.Dot(a, w) + b).ToArray(), Is.EqualTo(ThenAdded(Np.Dot(a, w))), $"({m}×{k})·({k}×{n}) + b, {threads} thread(s)");
                Assert.That((b.Reshape(1, n) + Np.Dot(a, w)).ToArray(), Is.EqualTo(ThenAdded(Np.Dot(a, w))), "b as (1, n), on the left");
                Assert.That((Np.Dot(a.T.T, w.T.T) + b).ToArray(), Is.EqualTo(ThenAdded(Np.Dot(a.T.T, w.T.T))), "operands read through transposes");
            }
            finally
            {
                AppContext.SetData("DeepLearningKata.MatMul.Threads", null);
            }
        }
    }

    [Test]
    public void A_product_plus_a_row_keeps_the_values_of_the_row_and_of_the_product_as_they_were()
    {
        var a = Matrix(3, 4, 1) / 10.0;
        var w = Matrix(4, 2, -2) / 10.0;
        var b = Tensor.From(1.0, 2.0);
        var product = Np.Dot(a, w);
        var sum = product + b;
        b[0] = 100; // written before the sum is read
        var expected = Naive(a, w);
        TensorAssert.Equal(sum, [3, 2], expected.Select((v, i) => v + (i % 2 == 0 ? 1.0 : 2.0)).ToArray(), tolerance: 1e-12);
        TensorAssert.Equal(product, [3, 2], expected, tolerance: 1e-12); // the product itself has no bias
        TensorAssert.Equal(Np.Dot(a, w) + Tensor.Ones(1, 1, 2), [1, 3, 2], expected.Select(v => v + 1).ToArray(), tolerance: 1e-12);
        TensorAssert.Equal(Np.Dot(a, w) + Tensor.Ones(3, 2), [3, 2], expected.Select(v => v + 1).ToArray(), tolerance: 1e-12);
    }
}
