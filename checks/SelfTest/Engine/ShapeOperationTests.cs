using DeepLearningKata.Checks;
using FsCheck.Fluent;
using NUnit.Framework;

namespace DeepLearningKata.SelfTest.Engine;

/// <summary>Reshape, transpose and row selection: they move elements, never change them.</summary>
[TestFixture]
public sealed class ShapeOperationTests
{
    [Test]
    public void Reshape_keeps_row_major_order()
    {
        var t = Tensor.Arange(0, 6);
        TensorAssert.Equal(t.Reshape(2, 3), [2, 3], [0, 1, 2, 3, 4, 5]);
        TensorAssert.Equal(t.Reshape(3, 2).Reshape(6), [6], [0, 1, 2, 3, 4, 5]);
        Assert.That(t.Reshape(2, 3)[1, 0], Is.EqualTo(3));
    }

    // Reshape shares the array until a write (copy-on-write); every way of writing must leave the other tensor as it was.
    [Test]
    public void Reshape_behaves_as_a_copy_whichever_of_the_two_is_written_and_however()
    {
        var writes = new (string Name, Action<Tensor> Write)[]
        {
            ("indexer", t => t[new int[t.Ndim]] = 100),
            ("AsSpan", t => t.AsSpan()[0] = 100),
            ("Assign", t => t.Assign(Tensor.Full(100, t.Shape))),
            ("SubtractInPlace", t => t.SubtractInPlace(Tensor.Full(-100, t.Shape))),
        };
        foreach (var (name, write) in writes)
        {
            var x = Tensor.Arange(0, 6);
            var y = x.Reshape(2, 3);
            write(y);
            TensorAssert.Equal(x, [6], [0, 1, 2, 3, 4, 5]);
            Assert.That(y[0, 0], Is.Not.EqualTo(0.0), $"{name} wrote the reshaped tensor");

            var a = Tensor.Arange(0, 6);
            var b = a.Reshape(3, 2);
            var c = b.Reshape(6);
            write(a);
            TensorAssert.Equal(b, [3, 2], [0, 1, 2, 3, 4, 5]);
            TensorAssert.Equal(c, [6], [0, 1, 2, 3, 4, 5]);
            write(c);
            TensorAssert.Equal(b, [3, 2], [0, 1, 2, 3, 4, 5]);
            Assert.That(a[0], Is.Not.EqualTo(0.0), $"{name} wrote the original");
        }
    }

    [TestCase(new[] { -1, 3 }, new[] { 4, 3 })]
    [TestCase(new[] { 2, -1 }, new[] { 2, 6 })]
    [TestCase(new[] { 2, -1, 2 }, new[] { 2, 3, 2 })]
    [TestCase(new[] { -1 }, new[] { 12 })]
    [TestCase(new[] { 1, -1, 1 }, new[] { 1, 12, 1 })]
    public void Reshape_infers_one_size_given_as_minus_one(int[] request, int[] expected)
    {
        Assert.That(Tensor.Zeros(3, 4).Reshape(request).Shape, Is.EqualTo(expected));
    }

    [Test]
    public void Reshape_to_a_different_element_count_names_both_shapes()
    {
        var e = Assert.Throws<ShapeException>(() => Tensor.Zeros(2, 3).Reshape(4, 2));
        Assert.That(e!.Message, Does.Contain("(2, 3)").And.Contain("(4, 2)"));
        e = Assert.Throws<ShapeException>(() => Tensor.Zeros(2, 3).Reshape(4, -1));
        Assert.That(e!.Message, Does.Contain("(2, 3)").And.Contain("(4, -1)"));
    }

    [Test]
    public void Reshape_refuses_two_unknown_sizes_and_other_negative_sizes()
    {
        var e = Assert.Throws<ShapeException>(() => Tensor.Zeros(2, 2).Reshape(-1, -1));
        Assert.That(e!.Message, Does.Contain("(-1, -1)").And.Contain("one"));
        Assert.Throws<ShapeException>(() => Tensor.Zeros(2, 2).Reshape(-2, -2));
        Assert.Throws<ShapeException>(() => Tensor.Zeros(2, 2).Reshape(-4, 1));
    }

    [Test]
    public void Reshape_returns_a_copy()
    {
        var t = Tensor.Zeros(4);
        var r = t.Reshape(2, 2);
        r[0, 0] = 1;
        Assert.That(t[0], Is.Zero);
    }

    [Test]
    public void Flatten_gives_all_elements_in_one_axis()
    {
        TensorAssert.Equal(Tensor.Arange(0, 6).Reshape(1, 2, 3).Flatten(), [6], [0, 1, 2, 3, 4, 5]);
    }

    [Test]
    public void T_of_a_matrix_swaps_rows_and_columns()
    {
        var m = Tensor.From(new double[,] { { 1, 2, 3 }, { 4, 5, 6 } });
        TensorAssert.Equal(m.T, [3, 2], [1, 4, 2, 5, 3, 6]);
    }

    [Test]
    public void T_of_a_vector_or_scalar_is_the_same_values()
    {
        TensorAssert.Equal(Tensor.From(1.0, 2.0).T, [2], [1, 2]);
        TensorAssert.Equal(Tensor.Scalar(3).T, [], [3]);
    }

    [Test]
    public void T_of_a_3d_tensor_reverses_all_axes()
    {
        var x = Tensor.Arange(0, 24).Reshape(2, 3, 4);
        var t = x.T;
        Assert.That(t.Shape, Is.EqualTo(new[] { 4, 3, 2 }));
        foreach (var i in TensorAssert.Indices(x.Shape))
        {
            Assert.That(t[i[2], i[1], i[0]], Is.EqualTo(x[i]));
        }
    }

    [Test]
    public void T_of_a_large_matrix_goes_through_the_tiled_kernel_correctly()
    {
        var x = TensorAssert.Random(5, 70, 45); // not a multiple of the 32-wide tiles
        var t = x.T;
        Assert.That(t.Shape, Is.EqualTo(new[] { 45, 70 }));
        foreach (var i in TensorAssert.Indices(x.Shape)) Assert.That(t[i[1], i[0]], Is.EqualTo(x[i]));
    }

    [Test]
    public void Transpose_with_the_identity_permutation_changes_nothing()
    {
        var m = Tensor.From(new double[,] { { 1, 2, 3 }, { 4, 5, 6 } });
        TensorAssert.Equal(m.Transpose(0, 1), m);
        var x = Tensor.Arange(0, 24).Reshape(2, 3, 4);
        TensorAssert.Equal(x.Transpose(0, 1, 2), x);
    }

    [Test]
    public void Transpose_of_a_3d_tensor_moves_each_axis_where_asked()
    {
        var x = Tensor.Arange(0, 24).Reshape(2, 3, 4);
        var y = x.Transpose(1, 2, 0); // y[j, k, i] = x[i, j, k]
        Assert.That(y.Shape, Is.EqualTo(new[] { 3, 4, 2 }));
        foreach (var i in TensorAssert.Indices(x.Shape)) Assert.That(y[i[1], i[2], i[0]], Is.EqualTo(x[i]));

        var z = x.Transpose(0, 2, 1); // the last two axes swapped, as in a batch of matrices
        Assert.That(z.Shape, Is.EqualTo(new[] { 2, 4, 3 }));
        foreach (var i in TensorAssert.Indices(x.Shape)) Assert.That(z[i[0], i[2], i[1]], Is.EqualTo(x[i]));
    }

    // The convolution's permutations and every other "batch of matrix transposes" take a tiled fast path; the
    // odometer walks the rest. Both must agree with the definition y[i[axes[0]], …] = x[i] on every permutation.
    [TestCase(new[] { 0, 3, 1, 2 })]
    [TestCase(new[] { 0, 2, 3, 1 })]
    [TestCase(new[] { 3, 2, 1, 0 })]
    [TestCase(new[] { 1, 2, 3, 0 })]
    [TestCase(new[] { 3, 0, 1, 2 })]
    [TestCase(new[] { 0, 1, 3, 2 })]
    [TestCase(new[] { 2, 3, 0, 1 })]
    [TestCase(new[] { 1, 0, 3, 2 })]
    [TestCase(new[] { 0, 3, 2, 1 })]
    public void Transpose_of_a_4d_tensor_moves_each_element_where_the_axes_say(int[] axes)
    {
        // Sizes past one tile (32) on some axes, so that partial tiles are covered too.
        var x = Tensor.Arange(0, 3 * 5 * 7 * 37).Reshape(3, 5, 7, 37);
        var y = x.Transpose(axes);
        Assert.That(y.Shape, Is.EqualTo(axes.Select(a => x.Dim(a)).ToArray()));
        foreach (var i in TensorAssert.Indices(x.Shape))
        {
            Assert.That(y[axes.Select(a => i[a]).ToArray()], Is.EqualTo(x[i]));
        }
    }

    [Test]
    public void Transpose_with_axes_of_size_one_or_zero_still_moves_them()
    {
        var x = Tensor.Arange(0, 6).Reshape(2, 1, 3, 1);
        TensorAssert.Equal(x.Transpose(0, 3, 1, 2), [2, 1, 1, 3], [0, 1, 2, 3, 4, 5]);
        TensorAssert.Equal(x.Transpose(0, 2, 3, 1), [2, 3, 1, 1], [0, 1, 2, 3, 4, 5]);
        Assert.That(Tensor.Zeros(0, 3, 4).Transpose(0, 2, 1).Shape, Is.EqualTo(new[] { 0, 4, 3 }));
    }

    [Test]
    public void Transpose_accepts_negative_axes_and_no_axes_as_NumPy_does()
    {
        var x = Tensor.Arange(0, 24).Reshape(2, 3, 4);
        TensorAssert.Equal(x.Transpose(0, -1, -2), x.Transpose(0, 2, 1));
        TensorAssert.Equal(x.Transpose(), x.T);
    }

    [Test]
    public void Transpose_with_a_wrong_permutation_names_the_shape_and_the_axes()
    {
        var x = Tensor.Zeros(2, 3, 4);
        var e = Assert.Throws<ShapeException>(() => x.Transpose(0, 0, 1));
        Assert.That(e!.Message, Does.Contain("(2, 3, 4)").And.Contain("(0, 0, 1)"));
        Assert.Throws<ShapeException>(() => x.Transpose(0, 1));
        Assert.Throws<ShapeException>(() => x.Transpose(0, 1, 3));
    }

    [Test]
    public void Transpose_is_undone_by_the_inverse_permutation_for_random_tensors()
    {
        var gen =
            from rank in Gen.Choose(2, 4)
            from dims in Gen.ArrayOf(Gen.Choose(1, 4), rank)
            from keys in Gen.ArrayOf(Gen.Choose(0, 1000), rank)
            from seed in Gen.Choose(0, 10_000)
            select new PermutationCase(TensorAssert.Random(seed, dims),
                Enumerable.Range(0, rank).OrderBy(a => keys[a]).ThenBy(a => a).ToArray());
        Properties.ForAll("engine: transpose by a permutation and back", gen, c =>
        {
            var y = c.X.Transpose(c.Axes);
            var inverse = new int[c.Axes.Length];
            for (var i = 0; i < c.Axes.Length; i++) inverse[c.Axes[i]] = i;
            Expect.Close(y.Transpose(inverse), c.X, "x.Transpose(axes).Transpose(inverse)", new Tolerance(0, 0));
            foreach (var i in TensorAssert.Indices(c.X.Shape))
            {
                var j = c.Axes.Select(a => i[a]).ToArray();
                Expect.That(y[j] == c.X[i], $"y{ShapeException.Format(j)} should be x{ShapeException.Format(i)}");
            }
        });
    }

    private sealed record PermutationCase(Tensor X, int[] Axes)
    {
        public override string ToString() => $"x of shape {X.ShapeText}, axes ({string.Join(", ", Axes)})";
    }

    [Test]
    public void Row_is_a_copy_of_one_row_with_one_axis_fewer()
    {
        var x = Tensor.Arange(0, 6).Reshape(3, 2);
        TensorAssert.Equal(x.Row(1), [2], [2, 3]);
        TensorAssert.Equal(x.Row(-1), [2], [4, 5]);
        TensorAssert.Equal(Tensor.Arange(0, 24).Reshape(2, 3, 4).Row(1), Tensor.Arange(12, 24).Reshape(3, 4));
        TensorAssert.Equal(Tensor.From(7.0, 8.0).Row(1), [], [8]);
        var row = x.Row(0);
        row[0] = 100;
        Assert.That(x[0, 0], Is.Zero);
    }

    [Test]
    public void Row_out_of_range_names_the_row_asked_for()
    {
        var x = Tensor.Zeros(3, 2);
        var e = Assert.Throws<IndexOutOfRangeException>(() => x.Row(3));
        Assert.That(e!.Message, Does.Contain("Row 3").And.Contain("(3, 2)"));
        e = Assert.Throws<IndexOutOfRangeException>(() => x.Row(-5));
        Assert.That(e!.Message, Does.Contain("Row -5").And.Contain("(3, 2)"));
        Assert.Throws<ShapeException>(() => Tensor.Scalar(1).Row(0));
    }

    [Test]
    public void Rows_stacks_the_chosen_rows_in_the_order_given()
    {
        var x = Tensor.Arange(0, 8).Reshape(4, 2);
        TensorAssert.Equal(x.Rows([2, 0, 2]), [3, 2], [4, 5, 0, 1, 4, 5]);
        TensorAssert.Equal(x.Rows([]), [0, 2], []);
        TensorAssert.Equal(Tensor.From(1.0, 2.0, 3.0).Rows([2, 1]), [2], [3, 2]);
        TensorAssert.Equal(Tensor.Arange(0, 12).Reshape(3, 2, 2).Rows([1]), [1, 2, 2], [4, 5, 6, 7]);
    }

    [Test]
    public void Rows_accepts_negative_indices_as_NumPy_does()
    {
        var x = Tensor.Arange(0, 8).Reshape(4, 2);
        TensorAssert.Equal(x.Rows([-1, -4]), [2, 2], [6, 7, 0, 1]);
    }

    [Test]
    public void Rows_out_of_range_names_the_row_and_the_shape()
    {
        var x = Tensor.Zeros(4, 2);
        var e = Assert.Throws<IndexOutOfRangeException>(() => x.Rows([0, 4]));
        Assert.That(e!.Message, Does.Contain("Row 4").And.Contain("(4, 2)"));
        e = Assert.Throws<IndexOutOfRangeException>(() => x.Rows([-5]));
        Assert.That(e!.Message, Does.Contain("Row -5"));
    }

    [Test]
    public void Pairs_of_rows_and_columns_pick_one_element_each_as_NumPy_does()
    {
        var x = Tensor.Arange(0, 12).Reshape(4, 3);
        TensorAssert.Equal(x[Tensor.From(0.0, 1.0, 3.0), Tensor.From(2.0, 0.0, 1.0)], [3], [2, 3, 10]);
        TensorAssert.Equal(x[Tensor.From(-1.0, 0.0), Tensor.From(-1.0, -3.0)], [2], [11, 0]);
        TensorAssert.Equal(x[Tensor.From(1.0, 2.0).Reshape(2, 1), Tensor.From(1.0, 1.0).Reshape(2, 1)], [2, 1], [4, 7]);
        TensorAssert.Equal(x[Tensor.Zeros(0), Tensor.Zeros(0)], [0], []);
    }

    [Test]
    public void Setting_pairs_of_rows_and_columns_writes_each_value_in_its_place_and_nothing_else()
    {
        var dmax = Tensor.Zeros(3, 4);
        dmax[Tensor.Arange(0, 3), Tensor.From(3.0, 0.0, 2.0)] = Tensor.From(5.0, 6.0, 7.0);
        TensorAssert.Equal(dmax, [3, 4], [0, 0, 0, 5, 6, 0, 0, 0, 0, 0, 7, 0]);

        dmax[Tensor.From(-1.0, 0.0), Tensor.From(-1.0, 0.0)] = Tensor.From(9.0); // one value for every place
        TensorAssert.Equal(dmax, [3, 4], [9, 0, 0, 5, 6, 0, 0, 0, 0, 0, 7, 9]);

        var shared = dmax.Reshape(12); // copy-on-write: the reshaped tensor keeps its values
        dmax[Tensor.From(1.0), Tensor.From(1.0)] = Tensor.From(8.0);
        Assert.That(dmax[1, 1], Is.EqualTo(8));
        Assert.That(shared[5], Is.EqualTo(0));
    }

    [Test]
    public void Pairs_that_do_not_fit_are_named_and_nothing_is_written()
    {
        var x = Tensor.Zeros(2, 3);
        var e = Assert.Throws<IndexOutOfRangeException>(() => x[Tensor.From(0.0, 1.0), Tensor.From(0.0, 3.0)] = Tensor.From(1.0, 2.0));
        Assert.That(e!.Message, Does.Contain("columns[1] is 3").And.Contain("axis 1 of size 3"));
        Assert.That(x.Max(), Is.EqualTo(0), "an index out of range is found before anything is written");

        var notWhole = Assert.Throws<ArgumentException>(() => _ = x[Tensor.From(0.5), Tensor.From(0.0)]);
        Assert.That(notWhole!.Message, Does.Contain("rows[0] is 0.5").And.Contain("not a whole number"));
        Assert.Throws<ArgumentException>(() => _ = x[Tensor.From(double.NaN), Tensor.From(0.0)]);

        var pairs = Assert.Throws<ShapeException>(() => _ = x[Tensor.From(0.0, 1.0), Tensor.From(0.0)]);
        Assert.That(pairs!.Message, Does.Contain("rows has 2 indices and columns 1"));

        var values = Assert.Throws<ShapeException>(() => x[Tensor.From(0.0, 1.0), Tensor.From(0.0, 1.0)] = Tensor.From(1.0, 2.0, 3.0));
        Assert.That(values!.Message, Does.Contain("3 values").And.Contain("2 places"));

        var flat = Assert.Throws<ShapeException>(() => _ = Tensor.Zeros(6)[Tensor.From(0.0), Tensor.From(0.0)]);
        Assert.That(flat!.Message, Does.Contain("needs a 2-D tensor").And.Contain("(6,)"));
    }
}
