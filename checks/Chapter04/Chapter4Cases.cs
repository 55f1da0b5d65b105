using FsCheck;
using FsCheck.Fluent;

namespace DeepLearningKata.Checks.Chapter04;

/// <summary>Two tensors of the same shape, printed fully so a shrunk case can be pasted into code.</summary>
public sealed record PairCase(Tensor Y, Tensor T)
{
    public override string ToString() => $"y = {Cases.Full(Y)}, t = {Cases.Full(T)}";
}

/// <summary>A batch of probabilities (rows of a softmax) and a label per row.</summary>
public sealed record ProbCase(Tensor Y, Tensor Labels)
{
    public int N => Y.Dim(0);
    public int C => Y.Dim(1);

    public override string ToString() => $"y = {Cases.Full(Y)}, labels = {Cases.Full(Labels)}";
}

/// <summary>A cubic f(x) = a0 + a1·x + a2·x² + a3·x³ and a point x.</summary>
public sealed record CubicCase(double A0, double A1, double A2, double A3, double X)
{
    public double F(double x) => A0 + x * (A1 + x * (A2 + x * A3));

    public double Derivative(double x) => A1 + x * (2 * A2 + x * 3 * A3);

    public override string ToString() =>
        $"f(x) = {Tensor.FormatNumber(A0)} + {Tensor.FormatNumber(A1)}·x + {Tensor.FormatNumber(A2)}·x² + {Tensor.FormatNumber(A3)}·x³ at x = {Tensor.FormatNumber(X)}";
}

/// <summary>Generators, shrinkers and small helpers shared by chapter 4's checks.</summary>
public static class Cases
{
    /// <summary>Every element, with the shape: <c>[1, 2, 3, 4] shape (2, 2)</c>.</summary>
    public static string Full(Tensor t) =>
        $"[{string.Join(", ", t.ToArray().Select(Tensor.FormatNumber))}]" + (t.Ndim == 1 ? "" : $" shape {t.ShapeText}");

    /// <summary>Two 2-D tensors of one shape (rows, cols ≤ the maxima), values in [lo, hi].</summary>
    public static Gen<PairCase> Pair(double lo, double hi, int maxRows, int maxCols) =>
        from rows in Gen.Choose(1, maxRows)
        from cols in Gen.Choose(1, maxCols)
        from y in Gens.OfShape(lo, hi, rows, cols)
        from t in Gens.OfShape(lo, hi, rows, cols)
        select new PairCase(y.Value, t.Value);

    /// <summary>Smaller pairs: one row fewer, one column fewer, values rounded to one decimal.</summary>
    public static IEnumerable<PairCase> ShrinkPair(PairCase c)
    {
        var (rows, cols) = (c.Y.Dim(0), c.Y.Dim(1));
        if (rows > 1) yield return new PairCase(DropLastRow(c.Y), DropLastRow(c.T));
        if (cols > 1) yield return new PairCase(DropLastRow(c.Y.T).T, DropLastRow(c.T.T).T);
        var y = c.Y.Apply(v => Math.Round(v, 1));
        var t = c.T.Apply(v => Math.Round(v, 1));
        if (!y.AsSpan().SequenceEqual(c.Y.AsSpan()) || !t.AsSpan().SequenceEqual(c.T.AsSpan())) yield return new PairCase(y, t);
    }

    /// <summary>A batch (N ≤ maxN rows, 2 ≤ C ≤ maxC classes) of softmax probabilities of random scores, and random labels.</summary>
    public static Gen<ProbCase> Probabilities(int maxN, int maxC) =>
        from n in Gen.Choose(1, maxN)
        from c in Gen.Choose(2, maxC)
        from scores in Gens.OfShape(-3, 3, n, c)
        from labels in Gen.ArrayOf(Gen.Choose(0, c - 1), n)
        select new ProbCase(SoftmaxRows(scores.Value), new Tensor(labels.Select(l => (double)l).ToArray(), n));

    /// <summary>Smaller batches: the last row dropped.</summary>
    public static IEnumerable<ProbCase> ShrinkProbabilities(ProbCase c)
    {
        if (c.N > 1) yield return new ProbCase(DropLastRow(c.Y), DropLastRow(c.Labels));
    }

    /// <summary>A cubic with coefficients in [−1, 1] and a point in [−2, 2]: |f| ≤ 15 and |f'''| ≤ 6.</summary>
    public static Gen<CubicCase> Cubic() =>
        from a in Gen.ArrayOf(Gens.Double(-1, 1), 4)
        from x in Gens.Double(-2, 2)
        select new CubicCase(a[0], a[1], a[2], a[3], x);

    /// <summary>Simpler cubics: one coefficient set to 0, or the point moved to 0 or 1.</summary>
    public static IEnumerable<CubicCase> ShrinkCubic(CubicCase c)
    {
        if (c.A3 != 0) yield return c with { A3 = 0 };
        if (c.A0 != 0) yield return c with { A0 = 0 };
        if (c.A1 != 0) yield return c with { A1 = 0 };
        if (c.X != 1 && c.X != 0) yield return c with { X = 1 };
        var r = c with { A0 = Math.Round(c.A0, 1), A1 = Math.Round(c.A1, 1), A2 = Math.Round(c.A2, 1), A3 = Math.Round(c.A3, 1), X = Math.Round(c.X, 1) };
        if (r != c) yield return r;
    }

    /// <summary>The rows of <paramref name="t"/> but the last.</summary>
    public static Tensor DropLastRow(Tensor t) => t.Rows(Enumerable.Range(0, t.Dim(0) - 1).ToArray());

    /// <summary>Softmax of every row (independent of any subject).</summary>
    public static Tensor SoftmaxRows(Tensor a) => Oracle.Softmax(a);

    /// <summary>One-hot rows (N, C) for labels (N,).</summary>
    public static Tensor OneHot(Tensor labels, int classes)
    {
        var t = Tensor.Zeros(labels.Size, classes);
        for (var i = 0; i < labels.Size; i++) t[i, (int)labels.AsSpan()[i]] = 1.0;
        return t;
    }
}
