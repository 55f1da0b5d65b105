using NUnit.Framework;

namespace DeepLearningKata.SelfTest.Engine;

/// <summary>Building tensors, reading their shape, and indexing them.</summary>
[TestFixture]
public sealed class TensorConstructionTests
{
    [Test]
    public void A_tensor_wraps_its_data_in_row_major_order()
    {
        var t = new Tensor([1, 2, 3, 4, 5, 6], 2, 3);
        Assert.Multiple(() =>
        {
            Assert.That(t.Shape, Is.EqualTo(new[] { 2, 3 }));
            Assert.That(t.Ndim, Is.EqualTo(2));
            Assert.That(t.Size, Is.EqualTo(6));
            Assert.That(t.ShapeText, Is.EqualTo("(2, 3)"));
            Assert.That(t[0, 2], Is.EqualTo(3));
            Assert.That(t[1, 0], Is.EqualTo(4));
        });
    }

    [Test]
    public void Data_that_does_not_fill_the_shape_is_a_shape_error_naming_both_sizes()
    {
        var e = Assert.Throws<ShapeException>(() => _ = new Tensor([1, 2, 3, 4, 5], 2, 3));
        Assert.That(e!.Message, Does.Contain("5 values").And.Contain("(2, 3)").And.Contain("6 values"));
    }

    [Test]
    public void A_negative_size_is_a_shape_error()
    {
        Assert.Throws<ShapeException>(() => _ = new Tensor([], 2, -1, 0));
        Assert.Throws<ShapeException>(() => Tensor.Zeros(-1));
        Assert.Throws<ShapeException>(() => Tensor.Zeros(-2, -3));
    }

    [Test]
    public void Shape_is_a_copy_and_changing_it_changes_nothing()
    {
        var t = Tensor.Zeros(2, 3);
        var shape = t.Shape;
        shape[0] = 7;
        Assert.That(t.Shape, Is.EqualTo(new[] { 2, 3 }));
    }

    [Test]
    public void From_arrays_of_one_two_and_three_dimensions()
    {
        TensorAssert.Equal(Tensor.From(1.0, 2.0, 3.0), [3], [1, 2, 3]);
        TensorAssert.Equal(Tensor.From(new double[,] { { 1, 2, 3 }, { 4, 5, 6 } }), [2, 3], [1, 2, 3, 4, 5, 6]);
        TensorAssert.Equal(Tensor.From(new double[,,] { { { 1, 2 }, { 3, 4 } }, { { 5, 6 }, { 7, 8 } }, { { 9, 10 }, { 11, 12 } } }),
            [3, 2, 2], [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
        Tensor implicit1 = new[] { 4.0, 5.0 };
        Tensor implicit2 = new[,] { { 1.0 }, { 2.0 } };
        TensorAssert.Equal(implicit1, [2], [4, 5]);
        TensorAssert.Equal(implicit2, [2, 1], [1, 2]);
    }

    [Test]
    public void From_copies_the_array_so_later_changes_do_not_leak_in()
    {
        var values = new[] { 1.0, 2.0 };
        var t = Tensor.From(values);
        values[0] = 99;
        Assert.That(t[0], Is.EqualTo(1.0));
    }

    [Test]
    public void From_null_is_an_argument_error_not_a_null_reference()
    {
        Assert.Throws<ArgumentNullException>(() => Tensor.From((double[])null!));
        Assert.Throws<ArgumentNullException>(() => Tensor.From((double[,])null!));
        Assert.Throws<ArgumentNullException>(() => Tensor.From((double[,,])null!));
    }

    [Test]
    public void A_scalar_is_zero_dimensional_with_one_item()
    {
        var s = Tensor.Scalar(2.5);
        Assert.Multiple(() =>
        {
            Assert.That(s.Shape, Is.Empty);
            Assert.That(s.Ndim, Is.Zero);
            Assert.That(s.Size, Is.EqualTo(1));
            Assert.That(s.ShapeText, Is.EqualTo("()"));
            Assert.That(s.Item(), Is.EqualTo(2.5));
            Assert.That(s[Array.Empty<int>()], Is.EqualTo(2.5));
        });
    }

    [Test]
    public void Item_of_more_than_one_element_names_the_shape()
    {
        var e = Assert.Throws<ShapeException>(() => Tensor.Zeros(2, 2).Item());
        Assert.That(e!.Message, Does.Contain("(2, 2)"));
    }

    [Test]
    public void Zeros_ones_full_and_zeros_like()
    {
        TensorAssert.Equal(Tensor.Zeros(2, 2), [2, 2], [0, 0, 0, 0]);
        TensorAssert.Equal(Tensor.Ones(3), [3], [1, 1, 1]);
        TensorAssert.Equal(Tensor.Full(7, 1, 2), [1, 2], [7, 7]);
        TensorAssert.Equal(Tensor.ZerosLike(Tensor.Ones(2, 1, 3)), [2, 1, 3], new double[6]);
        TensorAssert.Equal(Tensor.Zeros(0, 3), [0, 3], []);
    }

    [Test]
    public void Copy_is_deep()
    {
        var t = Tensor.From(1.0, 2.0);
        var c = t.Copy();
        c[0] = 5;
        Assert.That(t[0], Is.EqualTo(1.0));
    }

    [Test]
    public void ToArray_is_a_copy_and_AsSpan_writes_in_place()
    {
        var t = Tensor.From(1.0, 2.0);
        t.ToArray()[0] = 9;
        Assert.That(t[0], Is.EqualTo(1.0));
        t.AsSpan()[1] = 9;
        Assert.That(t[1], Is.EqualTo(9.0));
    }

    [Test]
    public void Indexer_reads_and_writes_with_one_index_per_axis()
    {
        var t = Tensor.Arange(0, 24).Reshape(2, 3, 4);
        Assert.That(t[1, 2, 3], Is.EqualTo(23));
        Assert.That(t[0, 1, 2], Is.EqualTo(6));
        t[1, 0, 0] = -1;
        Assert.That(t.AsSpan()[12], Is.EqualTo(-1));
    }

    // x[i] and x[i, j] have their own overloads (no array of indices per access); they must behave as the general one.
    [Test]
    public void One_and_two_indices_read_write_and_fail_as_the_general_indexer_does()
    {
        var v = Tensor.Arange(0, 5);
        var m = Tensor.Arange(0, 6).Reshape(2, 3);
        Assert.Multiple(() =>
        {
            Assert.That(v[3], Is.EqualTo(3));
            Assert.That(v[-1], Is.EqualTo(4));
            Assert.That(m[1, 2], Is.EqualTo(5));
            Assert.That(m[-1, 0], Is.EqualTo(3));
        });
        v[1] = 10;
        m[0, 2] = 20;
        Assert.That(v.AsSpan()[1], Is.EqualTo(10));
        Assert.That(m.AsSpan()[2], Is.EqualTo(20));
        Assert.Throws<IndexOutOfRangeException>(() => _ = v[5]);
        Assert.Throws<IndexOutOfRangeException>(() => _ = v[-6]);
        Assert.Throws<IndexOutOfRangeException>(() => _ = m[2, 0]);
        Assert.Throws<IndexOutOfRangeException>(() => _ = m[0, 3]);
        Assert.Throws<IndexOutOfRangeException>(() => _ = m[0, -4]);
        Assert.Throws<ShapeException>(() => _ = m[1]);        // a 2-D tensor needs two indices, as before
        Assert.Throws<ShapeException>(() => _ = v[0, 0]);
        Assert.Throws<ShapeException>(() => _ = Tensor.Zeros(2, 2, 2)[0, 0]);
    }

    // x[i, j, k] and x[n, c, h, w] too: chapter 7's loops over pixels index 4-D batches of images.
    [Test]
    public void Three_and_four_indices_read_write_and_fail_as_the_general_indexer_does()
    {
        var t = Tensor.Arange(0, 24).Reshape(2, 3, 4);
        var images = Tensor.Arange(0, 120).Reshape(2, 3, 4, 5);
        Assert.Multiple(() =>
        {
            Assert.That(t[1, 2, 3], Is.EqualTo(t[[1, 2, 3]]));
            Assert.That(t[-1, -3, 1], Is.EqualTo(13));
            Assert.That(images[1, 2, 3, 4], Is.EqualTo(119));
            Assert.That(images[0, 1, 2, 3], Is.EqualTo(33));
            Assert.That(images[-2, -2, -2, -2], Is.EqualTo(images[[0, 1, 2, 3]]));
        });
        t[0, 2, 1] = -5;
        images[1, 0, 3, 2] = -7;
        Assert.That(t.AsSpan()[9], Is.EqualTo(-5));
        Assert.That(images.AsSpan()[60 + 15 + 2], Is.EqualTo(-7));
        Assert.Throws<IndexOutOfRangeException>(() => _ = t[2, 0, 0]);
        Assert.Throws<IndexOutOfRangeException>(() => _ = t[0, 0, 4]);
        Assert.Throws<IndexOutOfRangeException>(() => _ = images[0, 3, 0, 0]);
        Assert.Throws<IndexOutOfRangeException>(() => _ = images[0, 0, 0, -6]);
        var e = Assert.Throws<IndexOutOfRangeException>(() => images[0, 0, 4, 0] = 1);
        Assert.That(e!.Message, Does.Contain("axis 2 of size 4").And.Contain("(2, 3, 4, 5)"));
        Assert.Throws<ShapeException>(() => _ = t[0, 0, 0, 0]);
        Assert.Throws<ShapeException>(() => _ = images[0, 0, 0]);
    }

    // The book's im2col fills a 6-D array col[n, c, y, x, i, j]: the general indexer takes its indices on the stack.
    [Test]
    public void Six_indices_read_and_write_without_allocating()
    {
        var col = Tensor.Zeros(2, 1, 3, 3, 2, 2);
        col[1, 0, 2, 1, 1, 0] = 4;
        Assert.That(col.AsSpan()[66], Is.EqualTo(4)); // ((((1·1 + 0)·3 + 2)·3 + 1)·2 + 1)·2 + 0
        // Indices from variables, as in a loop (constant indices make the test's own unoptimised code allocate).
        int n = 1, c = 0, y = 2, x = 1, i0 = 1, j0 = 0;
        var sum = 0.0;
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 1000; i++) sum += col[n, c, y, x, i0, j0] + col[-n, c - 1, -1, x - 3, -i0, j0 - 2];
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.Multiple(() =>
        {
            Assert.That(sum, Is.EqualTo(8000));
            Assert.That(allocated, Is.Zero, "bytes allocated by 2,000 reads");
        });
        Assert.Throws<IndexOutOfRangeException>(() => _ = col[0, 1, 0, 0, 0, 0]);
        Assert.Throws<ShapeException>(() => _ = col[0, 0, 0, 0, 0]);
    }

    [Test]
    public void Negative_indices_count_from_the_end_as_in_NumPy()
    {
        var t = Tensor.Arange(0, 6).Reshape(2, 3);
        Assert.Multiple(() =>
        {
            Assert.That(t[-1, -1], Is.EqualTo(5));
            Assert.That(t[-2, 0], Is.EqualTo(0));
            Assert.That(t[0, -3], Is.EqualTo(0));
            Assert.That(t[-1, 1], Is.EqualTo(4));
        });
        t[-1, -1] = 50;
        Assert.That(t[1, 2], Is.EqualTo(50));
    }

    [TestCase(2, 0)]
    [TestCase(0, 3)]
    [TestCase(-3, 0)]
    [TestCase(0, -4)]
    public void An_index_out_of_range_names_the_index_the_axis_and_the_shape(int i, int j)
    {
        var t = Tensor.Zeros(2, 3);
        var e = Assert.Throws<IndexOutOfRangeException>(() => _ = t[i, j]);
        var (bad, axis) = i is >= 2 or < -2 ? (i, 0) : (j, 1);
        Assert.That(e!.Message, Does.Contain($"Index {bad}").And.Contain($"axis {axis}").And.Contain("(2, 3)"));
    }

    [Test]
    public void The_wrong_number_of_indices_is_a_shape_error()
    {
        var e = Assert.Throws<ShapeException>(() => _ = Tensor.Zeros(2, 3)[1]);
        Assert.That(e!.Message, Does.Contain("(2, 3)").And.Contain("2 indices").And.Contain("got 1"));
    }

    [Test]
    public void Dim_accepts_negative_axes_and_rejects_missing_ones()
    {
        var t = Tensor.Zeros(2, 3, 4);
        Assert.That(t.Dim(0), Is.EqualTo(2));
        Assert.That(t.Dim(-1), Is.EqualTo(4));
        Assert.That(t.Dim(-3), Is.EqualTo(2));
        var e = Assert.Throws<ShapeException>(() => t.Dim(3));
        Assert.That(e!.Message, Does.Contain("Axis 3").And.Contain("(2, 3, 4)"));
        Assert.Throws<ShapeException>(() => t.Dim(-4));
    }

    [Test]
    public void ShapeException_formats_shapes_as_NumPy_prints_them()
    {
        Assert.That(ShapeException.Format([]), Is.EqualTo("()"));
        Assert.That(ShapeException.Format([3]), Is.EqualTo("(3,)"));
        Assert.That(ShapeException.Format([2, 3]), Is.EqualTo("(2, 3)"));
    }

    // ------------------------------------------------------------ creation helpers

    [TestCase(0, 10, 1, 10)]
    [TestCase(0, 1, 0.1, 10)]
    [TestCase(-5, 5, 0.5, 20)]
    [TestCase(1, 1.3, 0.1, 4)] // NumPy gives 4 too: (1.3 - 1) / 0.1 = 3.0000000000000004, rounded up
    [TestCase(5, 0, -1, 5)]
    [TestCase(5, 0, 1, 0)]
    [TestCase(0, 0, 1, 0)]
    [TestCase(0, 2.5, 1, 3)]
    public void Arange_has_NumPys_length(double start, double stop, double step, int length)
    {
        var t = Tensor.Arange(start, stop, step);
        Assert.That(t.Shape, Is.EqualTo(new[] { length }));
        for (var i = 0; i < length; i++) Assert.That(t[i], Is.EqualTo(start + i * step));
    }

    [Test]
    public void Arange_with_step_zero_is_refused()
    {
        Assert.Throws<ArgumentException>(() => Tensor.Arange(0, 1, 0));
        Assert.Throws<ArgumentException>(() => Tensor.Arange(0, 1, double.NaN));
    }

    [Test]
    public void RandomNormal_has_mean_near_0_and_std_near_1_with_a_fixed_seed()
    {
        var x = Tensor.RandomNormal(new Random(42), 200, 100);
        var mean = x.Mean();
        var std = Math.Sqrt(((x - mean) * (x - mean)).Mean());
        Assert.That(x.Shape, Is.EqualTo(new[] { 200, 100 }));
        // 20 000 samples: the standard error of the mean is 0.007 and of the std 0.005.
        Assert.That(mean, Is.EqualTo(0).Within(0.03));
        Assert.That(std, Is.EqualTo(1).Within(0.03));
        // About 68.3 % of normal samples lie within one standard deviation.
        Assert.That((Np.Abs(x) < 1.0).Mean(), Is.EqualTo(0.6827).Within(0.015));
    }

    [Test]
    public void RandomNormal_with_an_odd_count_fills_every_element()
    {
        var x = Tensor.RandomNormal(new Random(1), 3, 3);
        Assert.That(x.ToArray(), Has.None.EqualTo(0.0));
        Assert.That(x.ToArray().All(double.IsFinite));
    }

    [Test]
    public void Random_tensors_repeat_with_the_same_seed()
    {
        TensorAssert.Equal(Tensor.RandomNormal(new Random(7), 5), Tensor.RandomNormal(new Random(7), 5));
        TensorAssert.Equal(Tensor.RandomUniform(new Random(7), -1, 1, 5), Tensor.RandomUniform(new Random(7), -1, 1, 5));
        Assert.That(Tensor.RandomNormal(new Random(7), 5).ToArray(), Is.Not.EqualTo(Tensor.RandomNormal(new Random(8), 5).ToArray()));
    }

    [Test]
    public void RandomUniform_stays_in_its_half_open_interval_and_is_spread_out()
    {
        var x = Tensor.RandomUniform(new Random(3), 2, 5, 10_000);
        Assert.That(x.Min(), Is.GreaterThanOrEqualTo(2));
        Assert.That(x.Max(), Is.LessThan(5));
        Assert.That(x.Mean(), Is.EqualTo(3.5).Within(0.05));
    }

    // ------------------------------------------------------------ text

    [Test]
    public void ToString_of_a_vector_is_one_bracketed_line()
    {
        Assert.That(Tensor.From(1.0, 2.5, -3.0).ToString(), Is.EqualTo("[1, 2.5, -3]"));
        Assert.That(Tensor.From(0.23500371).ToString(), Is.EqualTo("[0.23500371]"));
    }

    [Test]
    public void ToString_of_a_matrix_puts_rows_on_lines_and_names_the_shape()
    {
        var text = Tensor.From(new double[,] { { 1, 2 }, { 3, 4 } }).ToString();
        Assert.That(text, Is.EqualTo("[[1, 2],\n [3, 4]]  shape (2, 2)"));
    }

    [Test]
    public void ToString_of_a_3d_tensor_nests_brackets()
    {
        var text = Tensor.Arange(0, 8).Reshape(2, 2, 2).ToString();
        Assert.That(text, Is.EqualTo("[[[0, 1],\n  [2, 3]],\n [[4, 5],\n  [6, 7]]]  shape (2, 2, 2)"));
    }

    [Test]
    public void ToString_of_a_scalar_is_the_number()
    {
        Assert.That(Tensor.Scalar(-0.5).ToString(), Is.EqualTo("-0.5"));
    }

    [Test]
    public void ToString_elides_the_middle_of_long_axes()
    {
        Assert.That(Tensor.Arange(0, 10).ToString(), Is.EqualTo("[0, 1, 2, ..., 7, 8, 9]"));
        var text = Tensor.Arange(0, 20).Reshape(10, 2).ToString();
        Assert.That(text, Does.StartWith("[[0, 1],\n [2, 3],\n [4, 5],\n ...\n [14, 15],\n"));
        Assert.That(text, Does.EndWith("[18, 19]]  shape (10, 2)"));
    }

    [Test]
    public void ToString_of_empty_tensors()
    {
        Assert.That(Tensor.Zeros(0).ToString(), Is.EqualTo("[]"));
        Assert.That(Tensor.Zeros(0, 3).ToString(), Is.EqualTo("[]  shape (0, 3)"));
    }

    [Test]
    public void Numbers_are_formatted_with_8_significant_digits_and_NumPys_exponent()
    {
        Assert.Multiple(() =>
        {
            Assert.That(Tensor.FormatNumber(1.0 / 3), Is.EqualTo("0.33333333"));
            Assert.That(Tensor.FormatNumber(-1e-7), Is.EqualTo("-1e-07"));
            Assert.That(Tensor.FormatNumber(1.5e20), Is.EqualTo("1.5e+20"));
            Assert.That(Tensor.FormatNumber(double.NaN), Is.EqualTo("NaN"));
            Assert.That(Tensor.FormatNumber(double.NegativeInfinity), Is.EqualTo("-Infinity"));
        });
    }

    [Test]
    public void ToString_ignores_the_current_culture()
    {
        var previous = System.Globalization.CultureInfo.CurrentCulture;
        try
        {
            System.Globalization.CultureInfo.CurrentCulture = Cultures.DecimalComma();
            Assert.That(Tensor.From(1.5, -2.25).ToString(), Is.EqualTo("[1.5, -2.25]"));
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentCulture = previous;
        }
    }
}
