using FsCheck;
using FsCheck.Fluent;

namespace DeepLearningKata.Checks;

/// <summary>A generated tensor that prints itself fully, so a shrunk failing case can be pasted into code.</summary>
public sealed record TensorCase(Tensor Value)
{
    public override string ToString() =>
        $"Tensor {Value.ShapeText} = [{string.Join(", ", Value.ToArray().Select(Tensor.FormatNumber))}]";
}

/// <summary>Generators of shapes and tensors for properties, with shrinkers toward small, round cases.</summary>
public static class Gens
{
    /// <summary>A value in [lo, hi], drawn uniformly on a grid of 1/1024 so printed cases are exact.</summary>
    public static Gen<double> Double(double lo, double hi) =>
        Gen.Choose(0, 1 << 20).Select(k => lo + (hi - lo) * k / (1 << 20));

    /// <summary>A tensor with each dimension between 1 and the given maximum, values in [lo, hi].</summary>
    public static Gen<TensorCase> Tensor(double lo, double hi, params int[] maxDims) =>
        from dims in Sequence(maxDims.Select(m => Gen.Choose(1, m)))
        from values in Gen.ArrayOf(Double(lo, hi), DeepLearningKata.Tensor.SizeOf(dims))
        select new TensorCase(new Tensor(values, dims));

    /// <summary>A tensor of exactly this shape with values in [lo, hi].</summary>
    public static Gen<TensorCase> OfShape(double lo, double hi, params int[] shape) =>
        Gen.ArrayOf(Double(lo, hi), DeepLearningKata.Tensor.SizeOf(shape)).Select(v => new TensorCase(new Tensor(v, shape)));

    /// <summary>Smaller cases: one fewer index along any axis of size &gt; 1, then values rounded to one decimal.</summary>
    public static IEnumerable<TensorCase> Shrink(TensorCase c)
    {
        var t = c.Value;
        var shape = t.Shape;
        for (var axis = 0; axis < shape.Length; axis++)
        {
            if (shape[axis] <= 1) continue;
            yield return new TensorCase(DropLast(t, axis));
        }
        var rounded = t.Apply(v => Math.Round(v, 1) + 0.0); // + 0.0 turns −0 into 0 for printing
        if (!rounded.AsSpan().SequenceEqual(t.AsSpan())) yield return new TensorCase(rounded);
    }

    private static Tensor DropLast(Tensor t, int axis)
    {
        var shape = t.Shape;
        var smaller = (int[])shape.Clone();
        smaller[axis]--;
        var result = DeepLearningKata.Tensor.Zeros(smaller);
        var index = new int[shape.Length];
        for (var k = 0; k < result.Size; k++)
        {
            var r = k;
            for (var d = smaller.Length - 1; d >= 0; d--) { index[d] = r % smaller[d]; r /= smaller[d]; }
            result.AsSpan()[k] = t[index];
        }
        return result;
    }

    private static Gen<int[]> Sequence(IEnumerable<Gen<int>> gens) =>
        gens.Aggregate(Gen.Constant(Array.Empty<int>()), (acc, g) => from xs in acc from x in g select (int[])[.. xs, x]);
}
