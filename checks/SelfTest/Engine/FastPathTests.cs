using NUnit.Framework;

namespace DeepLearningKata.SelfTest.Engine;

/// <summary>
/// The engine's fast paths for the shapes of a convolution, against element-by-element loops: a matrix combined
/// with one row (rows repeated into strips), sums down the columns (several rows per SIMD call), transposes in
/// 4×4 register blocks and short-row argmax without branches. The shapes straddle every edge: no rows, one row,
/// fewer rows than a strip, rows longer than a strip, sizes that are not multiples of 4.
/// </summary>
[TestFixture]
public sealed class FastPathTests
{
    private static readonly int[] RowCounts = [0, 1, 7, 341, 700];
    private static readonly int[] RowLengths = [1, 3, 30, 511, 1023, 1025, 2000];

    [Test]
    public void A_matrix_and_a_row_combine_as_element_by_element_loops_in_either_order()
    {
        foreach (var m in RowCounts)
        foreach (var n in RowLengths)
        {
            var a = TensorAssert.Random(m * 31 + n, m, n);
            var row = TensorAssert.Random(n + 5, n) + 3.0; // away from 0, for the divisions
            (string Name, Tensor Got, Func<double, double, double> F, bool RowFirst)[] cases =
            [
                ("a + row", a + row, (x, r) => x + r, false),
                ("a - row", a - row, (x, r) => x - r, false),
                ("row - a", row - a, (x, r) => r - x, true),
                ("a / row", a / row, (x, r) => x / r, false),
                ("row / a", row / (a + 10.0), (x, r) => r / (x + 10.0), true),
                ("row * a", row * a, (x, r) => r * x, true),
            ];
            foreach (var (name, got, f, _) in cases)
            {
                Assert.That(got.Shape, Is.EqualTo(new[] { m, n }), $"{name}, a {a.ShapeText}");
                for (var i = 0; i < m; i++)
                for (var j = 0; j < n; j++)
                {
                    Assert.That(got[i, j], Is.EqualTo(f(a[i, j], row[j])).Within(1e-12), $"{name}, a {a.ShapeText}, element ({i}, {j})");
                }
            }
        }
    }

    [Test]
    public void Column_sums_match_a_loop_down_each_column()
    {
        foreach (var m in RowCounts)
        foreach (var n in RowLengths)
        {
            var a = TensorAssert.Random(m + 17 * n, m, n);
            var sums = a.Sum(axis: 0);
            Assert.That(sums.Shape, Is.EqualTo(new[] { n }));
            for (var j = 0; j < n; j++)
            {
                var expected = 0.0;
                for (var i = 0; i < m; i++) expected += a[i, j];
                Assert.That(sums[j], Is.EqualTo(expected).Within(1e-9), $"column {j} of {a.ShapeText}");
            }
        }
        // A 3-D tensor summed over its middle axis: each of the outer blocks separately.
        var t = TensorAssert.Random(3, 4, 300, 9);
        var s = t.Sum(axis: 1);
        for (var o = 0; o < 4; o++)
        for (var j = 0; j < 9; j++)
        {
            var expected = 0.0;
            for (var i = 0; i < 300; i++) expected += t[o, i, j];
            Assert.That(s[o, j], Is.EqualTo(expected).Within(1e-9));
        }
    }

    [Test]
    public void Batched_transposes_move_every_element_whatever_the_sizes()
    {
        foreach (var (rows, cols) in new[] { (1, 1), (3, 5), (4, 4), (30, 576), (576, 30), (37, 41), (64, 33) })
        {
            var x = TensorAssert.Random(rows * cols, 3, rows, cols);
            var t = x.Transpose(0, 2, 1);
            Assert.That(t.Shape, Is.EqualTo(new[] { 3, cols, rows }));
            for (var b = 0; b < 3; b++)
            for (var i = 0; i < rows; i++)
            for (var j = 0; j < cols; j++)
            {
                Assert.That(t[b, j, i], Is.EqualTo(x[b, i, j]), $"({rows}, {cols}): element ({b}, {i}, {j})");
            }
        }
    }

    [Test]
    public void Argmax_of_short_rows_is_the_first_maximum_and_the_first_NaN()
    {
        var rows = Tensor.From(new double[,]
        {
            { 1, 4, 4, 2 },                             // tie: the first
            { 5, 1, 2, 3 },                             // at the start
            { -3, -2, -1, -0.5 },                       // at the end
            { 1, double.NaN, 9, double.NaN },           // the first NaN, even before a larger number
            { double.NaN, 1, 2, 3 },
            { double.NegativeInfinity, double.NegativeInfinity, -1e308, double.NegativeInfinity },
        });
        TensorAssert.Equal(rows.Argmax(axis: 1), [6], [1, 0, 3, 1, 0, 2]);
        var random = TensorAssert.Random(9, 1000, 4);
        var argmax = random.Argmax(axis: 1);
        for (var i = 0; i < 1000; i++)
        {
            var best = 0;
            for (var j = 1; j < 4; j++) if (random[i, j] > random[i, best]) best = j;
            Assert.That(argmax[i], Is.EqualTo(best), $"row {i}");
        }
    }

    [Test]
    public void A_large_gather_of_rows_shared_by_two_threads_copies_every_row_to_its_place()
    {
        var data = TensorAssert.Random(3, 1000, 784);
        var random = new Random(4);
        foreach (var count in new[] { 83, 100, 257 }) // 83·784 values stay on one thread; the others are cut into parts
        {
            var picked = Enumerable.Range(0, count).Select(_ => random.Next(-1000, 1000)).ToArray();
            var batch = data.Rows(picked);
            Assert.That(batch.Shape, Is.EqualTo(new[] { count, 784 }));
            for (var r = 0; r < count; r++)
            {
                Assert.That(batch.Row(r).ToArray(), Is.EqualTo(data.Row(picked[r]).ToArray()), $"row {r} of {count} (data row {picked[r]})");
            }
        }
    }
}
