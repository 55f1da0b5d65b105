using System.Runtime.CompilerServices;
using NUnit.Framework;

namespace DeepLearningKata.SelfTest.Engine;

/// <summary>
/// The pool of large arrays under Tensor (engine/Engine/Tensor.Storage.cs): a dead tensor's array is used again,
/// and never while a live tensor or a span handed out still refers to it.
/// </summary>
[TestFixture]
[NonParallelizable] // they force collections and read the pool's counters
public sealed class StorageTests
{
    // 512×512 doubles, 2 MB: large enough to be pooled.
    private const int Side = 512;

    private static Tensor Large(double value) => Tensor.Full(value, Side, Side);

    // Runs the collector and the finalizers, which return the arrays of dead tensors to the pool.
    private static void Collect()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
    }

    // Made in a method of their own, so no local of the test keeps the temporaries alive.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void MakeGarbage(int count)
    {
        for (var i = 0; i < count; i++) _ = Large(1) + 1.0;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static Tensor ReshapedTemporary() => (Large(2) + 1.0).Reshape(Side * Side); // the original dies here

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static Span<double> SpanOfTemporary() => (Large(2) + 1.0).AsSpan(); // the tensor dies here

    [Test]
    public void The_array_of_a_dead_result_is_used_again_for_the_next_result_of_its_size()
    {
        MakeGarbage(4);
        Collect();
        var reused = LargeArrays.Reused;
        var sum = Large(1) + 1.0;
        Assert.That(LargeArrays.Reused, Is.GreaterThan(reused), "a result of a size that was freed should come from the pool");
        Assert.That(sum[0, 0], Is.EqualTo(2));
    }

    // A size no other test uses, 600×600 doubles (2.9 MB), so the pool starts with none of it.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void MakeGarbageOfANewSize(int count)
    {
        for (var i = 0; i < count; i++) _ = Tensor.Full(1, 600, 600) + 1.0;
    }

    [Test]
    public void A_program_that_starts_dropping_results_of_a_new_size_is_served_by_the_pool_after_16_MB_of_fresh_arrays()
    {
        Collect();
        var (rented, reused) = (LargeArrays.Rented, LargeArrays.Reused);
        MakeGarbageOfANewSize(40); // 40 arrays of 2.9 MB: 115 MB, less than the 128 MB after which the pool collects anyway
        Assert.That(LargeArrays.Rented - rented, Is.EqualTo(40));
        // About 16 MB fresh (6 arrays), a collection, and from then on the arrays the collections find.
        Assert.That(LargeArrays.Reused - reused, Is.GreaterThanOrEqualTo(30), "arrays rented again instead of allocated fresh");
    }

    [Test]
    public void A_loop_of_temporaries_runs_on_a_few_recycled_arrays_without_waiting_for_the_collector()
    {
        Collect();
        var (rented, reused) = (LargeArrays.Rented, LargeArrays.Reused);
        MakeGarbage(200); // 200 rented results of 2 MB, each dead at once: 400 MB, three times what the pool rents between collections
        Assert.That(LargeArrays.Rented - rented, Is.EqualTo(200));
        Assert.That(LargeArrays.Reused - reused, Is.GreaterThan(100), "most temporaries should reuse a dead one's array");
    }

    [Test]
    public void A_reshaped_tensor_keeps_the_array_it_shares_after_the_original_is_gone()
    {
        var reshaped = ReshapedTemporary();
        Collect();
        MakeGarbage(1);
        var churn = new[] { Large(7) * 1.0, Large(8) * 1.0 }; // would take the array if it had gone back to the pool
        Assert.That(reshaped.Max(), Is.EqualTo(3));
        Assert.That(reshaped.Min(), Is.EqualTo(3));
        GC.KeepAlive(churn);
    }

    [Test]
    public void A_span_handed_out_keeps_its_values_after_its_tensor_is_gone()
    {
        var span = SpanOfTemporary();
        Collect();
        var churn = new[] { Large(7) * 1.0, Large(8) * 1.0 };
        Assert.That(span[0], Is.EqualTo(3));
        Assert.That(span[^1], Is.EqualTo(3));
        GC.KeepAlive(churn);
    }

    [Test]
    public void Copy_on_write_of_a_reshaped_pooled_tensor_leaves_the_other_alone()
    {
        var a = Large(1) + 1.0;
        var r = a.Reshape(Side * Side);
        r[0] = 9;
        a[1, 1] = 5;
        Assert.That(a[0, 0], Is.EqualTo(2));
        Assert.That(r[Side + 1], Is.EqualTo(2));
    }

    [Test]
    public void Zeros_made_from_a_recycled_array_are_zeros()
    {
        MakeGarbage(2);
        Collect();
        var reused = LargeArrays.Reused;
        var zeros = Tensor.Zeros(Side, Side);
        Assert.That(LargeArrays.Reused, Is.GreaterThan(reused), "the array should have come from the pool");
        Assert.That(zeros.Max(), Is.EqualTo(0));
        Assert.That(zeros.Min(), Is.EqualTo(0));
    }

    [Test]
    public void A_product_is_computed_when_its_result_is_first_read_and_not_before()
    {
        var a = Tensor.Ones(Side, 1);
        var b = Tensor.Ones(1, Side);
        var rented = LargeArrays.Rented;
        var product = Np.Dot(a, b); // 512×512: a result the pool would hand out
        Assert.That(LargeArrays.Rented, Is.EqualTo(rented), "nothing should be computed before the result is read");
        Assert.That(product.Sum(), Is.EqualTo(Side * Side));
        Assert.That(LargeArrays.Rented, Is.EqualTo(rented + 1));
    }
}
