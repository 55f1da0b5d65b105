using NUnit.Framework;

namespace DeepLearningKata.SelfTest.Engine;

/// <summary>Assertions on tensors for the engine's own tests: shape first, then every element.</summary>
internal static class TensorAssert
{
    /// <summary>
    /// Asserts the shape exactly and the elements within <paramref name="tolerance"/> (absolute).
    /// Zero tolerance is right where the engine only moves numbers around (reshape, transpose, indexing)
    /// or computes each element with one IEEE operation, as NumPy does.
    /// </summary>
    public static void Equal(Tensor actual, int[] shape, double[] values, double tolerance = 0)
    {
        Assert.That(actual, Is.Not.Null);
        Assert.That(actual.Shape, Is.EqualTo(shape), $"shape of {actual}");
        Assert.That(actual.ToArray(), Is.EqualTo(values).Within(tolerance), $"values of {actual}");
    }

    /// <summary>Asserts that two tensors have the same shape and elements within an absolute tolerance.</summary>
    public static void Equal(Tensor actual, Tensor expected, double tolerance = 0) =>
        Equal(actual, expected.Shape, expected.ToArray(), tolerance);

    /// <summary>A tensor of the given shape filled from a seeded generator with values in [-3, 3).</summary>
    public static Tensor Random(int seed, params int[] shape) =>
        Tensor.RandomUniform(new Random(seed), -3, 3, shape);

    /// <summary>Every index of a shape, in row-major order.</summary>
    public static IEnumerable<int[]> Indices(int[] shape)
    {
        var n = Tensor.SizeOf(shape);
        for (var k = 0; k < n; k++)
        {
            var index = new int[shape.Length];
            var r = k;
            for (var d = shape.Length - 1; d >= 0; d--)
            {
                index[d] = r % shape[d];
                r /= shape[d];
            }
            yield return index;
        }
    }
}
