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

    // ------------------------------------------------------------------ cases for gradient checks

    /// <summary>
    /// Cases for a gradient check (<see cref="GradientCheck"/>): axis sizes from the spec, then every tensor
    /// on those axes with values drawn as its <see cref="Values"/> say; one of several layouts when given more.
    /// </summary>
    public static Gen<GradientCase> Case(params CaseSpec[] specs) => Case((IReadOnlyList<CaseSpec>)specs);

    /// <inheritdoc cref="Case(CaseSpec[])"/>
    public static Gen<GradientCase> Case(IReadOnlyList<CaseSpec> specs)
    {
        ArgumentNullException.ThrowIfNull(specs);
        if (specs.Count == 0) throw new ArgumentException("Give at least one case layout.", nameof(specs));
        return specs.Count == 1 ? CaseOf(specs[0]) : Gen.OneOf(specs.Select(CaseOf));
    }

    private static Gen<GradientCase> CaseOf(CaseSpec spec) =>
        Sequence(spec.Dims.Select(d => Gen.Choose(d.Min, d.Max)))
            .Select(sizes => spec.Dims.Select((d, i) => (d.Name, Size: sizes[i])).ToDictionary(p => p.Name, p => p.Size))
            .Where(spec.Derive)
            .SelectMany(dims =>
            {
                return Gen.CollectToArray(spec.Tensors.Select(t => TensorOf(t, dims)))
                    .Select(values => new GradientCase(spec, dims, spec.Tensors.Select((t, i) => (t.Name, values[i])).ToDictionary(p => p.Name, p => p.Item2)));
            })
            .Where(c => spec.Valid?.Invoke(c) ?? true);

    private static Gen<Tensor> TensorOf(TensorSpec spec, IReadOnlyDictionary<string, int> dims)
    {
        var shape = spec.ShapeFor(dims);
        var size = DeepLearningKata.Tensor.SizeOf(shape);
        var v = spec.Values;
        switch (v.Kind)
        {
            case ValueKind.Labels:
                var classes = dims[v.ClassDim!];
                return Gen.ArrayOf(Gen.Choose(0, classes - 1).Select(k => (double)k), size).Select(a => new Tensor(a, shape));
            case ValueKind.OneHot:
                var c = shape[^1];
                return Gen.ArrayOf(Gen.Choose(0, c - 1), size / c).Select(labels =>
                {
                    var data = new double[size];
                    for (var r = 0; r < labels.Length; r++) data[r * c + labels[r]] = 1.0;
                    return new Tensor(data, shape);
                });
            default:
                return Gen.ArrayOf(Double(v.Lo, v.Hi).Where(v.Allows), size).Select(a => new Tensor(a, shape));
        }
    }

    /// <summary>
    /// Smaller cases, each still valid for its spec: one fewer index along a named axis, the first or the last
    /// (every tensor on that axis loses the same slice, so the shapes still fit), then one real tensor at a time set to zeros,
    /// rounded to integers, or rounded to one decimal — element by element only where the rounded value is
    /// still allowed, so shrinking never moves a value onto a kink.
    /// </summary>
    public static IEnumerable<GradientCase> ShrinkCase(GradientCase c)
    {
        ArgumentNullException.ThrowIfNull(c);
        var spec = c.Spec;
        var candidates = new List<GradientCase>();
        foreach (var d in spec.Dims)
        {
            if (c.Dims[d.Name] <= d.Min) continue;
            var smaller = c.Dims.ToDictionary(p => p.Key, p => p.Key == d.Name ? p.Value - 1 : p.Value);
            if (!spec.Derive(smaller) || spec.Derived.Any(x => smaller[x.Name] > c.Dims[x.Name])) continue;
            candidates.Add(Restrict(c, d.Name, dropFirst: false));
            candidates.Add(Restrict(c, d.Name, dropFirst: true));
        }
        foreach (var t in spec.Tensors.Where(t => t.Values.Kind == ValueKind.Real))
        {
            foreach (var round in new Func<double, double>[] { _ => 0.0, v => Math.Round(v) + 0.0, v => Math.Round(v, 1) + 0.0 })
            {
                var original = c.Peek(t.Name);
                var changed = original.Apply(v => t.Values.Allows(round(v)) ? round(v) : v);
                if (changed.AsSpan().SequenceEqual(original.AsSpan())) continue;
                candidates.Add(Replace(c, t.Name, changed));
            }
        }
        return candidates.Where(k => spec.Valid?.Invoke(k) ?? true);
    }

    private static GradientCase Replace(GradientCase c, string name, Tensor value) =>
        new(c.Spec, c.Dims, c.Spec.Tensors.ToDictionary(t => t.Name, t => t.Name == name ? value : c.Peek(t.Name)));

    /// <summary>The case with the last (or first) index of axis <paramref name="dim"/> removed from every tensor that has it.</summary>
    private static GradientCase Restrict(GradientCase c, string dim, bool dropFirst)
    {
        var dims = c.Dims.ToDictionary(p => p.Key, p => p.Key == dim ? p.Value - 1 : p.Value);
        c.Spec.Derive(dims); // a derived axis that shrinks keeps its first indices
        var tensors = new Dictionary<string, Tensor>();
        foreach (var t in c.Spec.Tensors)
        {
            var old = c.Peek(t.Name);
            var factors = t.Axes.Select(a => a.Split('*')).ToArray();
            var shape = t.ShapeFor(dims);
            var result = DeepLearningKata.Tensor.Zeros(shape);
            var src = old.AsSpan();
            var dst = result.AsSpan();
            var oldShape = old.Shape;
            var index = new int[shape.Length];
            for (var k = 0; k < dst.Length; k++)
            {
                var r = k;
                for (var ax = shape.Length - 1; ax >= 0; ax--) { index[ax] = r % shape[ax]; r /= shape[ax]; }
                var offset = 0;
                for (var ax = 0; ax < shape.Length; ax++)
                {
                    // Split this axis's index into one index per factor (row-major, new sizes), then join them with the old sizes.
                    var rest = index[ax];
                    var parts = new int[factors[ax].Length];
                    for (var f = factors[ax].Length - 1; f >= 0; f--) { parts[f] = rest % dims[factors[ax][f]]; rest /= dims[factors[ax][f]]; }
                    var oldIndex = 0;
                    for (var f = 0; f < parts.Length; f++)
                    {
                        var shift = dropFirst && factors[ax][f] == dim ? 1 : 0;
                        oldIndex = oldIndex * c.Dims[factors[ax][f]] + parts[f] + shift;
                    }
                    offset = offset * oldShape[ax] + oldIndex;
                }
                dst[k] = src[offset];
            }
            if (t.Values.Kind == ValueKind.Labels && t.Values.ClassDim == dim)
            {
                // Labels follow their class; a label of the removed class becomes class 0.
                for (var k = 0; k < dst.Length; k++)
                {
                    if (dropFirst) dst[k] = Math.Max(0, dst[k] - 1);
                    else if (dst[k] >= dims[dim]) dst[k] = 0;
                }
            }
            if (t.Values.Kind == ValueKind.OneHot && t.Values.ClassDim == dim)
            {
                var classes = shape[^1];
                for (var row = 0; row < dst.Length / classes; row++)
                {
                    var any = false;
                    for (var j = 0; j < classes; j++) any |= dst[row * classes + j] != 0;
                    if (!any) dst[row * classes] = 1.0;
                }
            }
            tensors[t.Name] = result;
        }
        return new GradientCase(c.Spec, dims, tensors);
    }

    private static Gen<int[]> Sequence(IEnumerable<Gen<int>> gens) =>
        gens.Aggregate(Gen.Constant(Array.Empty<int>()), (acc, g) => from xs in acc from x in g select (int[])[.. xs, x]);
}
