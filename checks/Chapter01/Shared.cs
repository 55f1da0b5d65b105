using DeepLearningKata.Contracts;
using FsCheck.Fluent;

namespace DeepLearningKata.Checks.Chapter01;

/// <summary>Turns an exception the subject throws on a valid input into a failure that explains the likely mistake.</summary>
internal static class Guard
{
    /// <summary>
    /// Runs <paramref name="call"/>; if it throws (other than "not started" and the grader's own signals),
    /// fails (as crashed) with the inputs, the exception and the learner's line, and <paramref name="hint"/> for a shape error.
    /// </summary>
    public static T Call<T>(Func<T> call, string text, IEnumerable<(string, string)> inputs, string hint)
    {
        try
        {
            return call();
        }
        catch (Exception e) when (e is not (CheckFailure or NotImplementedException or BlockNotAllowedException or OutOfMemoryException))
        {
            // The exception, the line of the learner's code it came from, and the exercise's hint only when it is a
            // shape error (the hints are about shapes): a NullReferenceException gets no advice about keepdims.
            throw CheckFailure.Of(Say($"{text} threw {e.GetType().Name}.", $"{text} 抛出了 {e.GetType().Name}。"), [.. inputs, (Say("error", "错误"), Grader.CrashMessage(e))], e is ShapeException ? hint : null, thrown: e);
        }
    }
}

/// <summary>A prediction ŷ and labels y of the same shape, for the losses 1.7 and 1.8.</summary>
internal sealed record LossCase(Tensor Yhat, Tensor Y)
{
    /// <summary>Pairs of rank 1 or 2 with values in [−5, 5].</summary>
    public static FsCheck.Gen<LossCase> Pairs =>
        from yhat in Gen.OneOf(Gens.Tensor(-5, 5, 8), Gens.Tensor(-5, 5, 3, 4))
        from y in Gens.OfShape(-5, 5, yhat.Value.Shape)
        select new LossCase(yhat.Value, y.Value);

    /// <summary>
    /// ŷ and a y that differs from it by +t in one element and −t in another: the differences cancel in a
    /// plain sum, so only a loss that makes each term non-negative sees them.
    /// </summary>
    public static FsCheck.Gen<LossCase> Cancelling =>
        from yhat in Gens.Tensor(-5, 5, 8).Where(t => t.Value.Size >= 2)
        from t in Gens.Double(0.5, 2)
        from i in Gen.Choose(0, yhat.Value.Size - 1)
        from k in Gen.Choose(1, yhat.Value.Size - 1)
        select Shifted(yhat.Value, i, (i + k) % yhat.Value.Size, t);

    /// <summary>Smaller pairs: an element (or row, or column) dropped from both, then values rounded.</summary>
    public static IEnumerable<LossCase> Shrink(LossCase c) => Shrinks.Jointly(c.Yhat, c.Y).Select(p => new LossCase(p.A, p.B));

    private static LossCase Shifted(Tensor yhat, int up, int down, double t)
    {
        var y = yhat.Copy();
        y.AsSpan()[up] += t;
        y.AsSpan()[down] -= t;
        return new LossCase(yhat, y);
    }

    public override string ToString() => $"yhat = {new TensorCase(Yhat)}, y = {new TensorCase(Y)}";
}

/// <summary>Shrinkers for cases made of several tensors, so a failing case is reported small and round.</summary>
internal static class Shrinks
{
    /// <summary>Smaller pairs of same-shape tensors: the last index of an axis dropped from both, then both rounded to one decimal.</summary>
    public static IEnumerable<(Tensor A, Tensor B)> Jointly(Tensor a, Tensor b)
    {
        for (var axis = 0; axis < a.Ndim; axis++)
        {
            if (a.Dim(axis) > 1) yield return (DropLast(a, axis), DropLast(b, axis));
        }
        foreach (var rounded in Rounded(a, b)) yield return rounded;
    }

    /// <summary>Both tensors with their values rounded to one decimal, if that changes anything.</summary>
    public static IEnumerable<(Tensor A, Tensor B)> Rounded(Tensor a, Tensor b)
    {
        var (ra, rb) = (Round(a), Round(b));
        if (!ra.AsSpan().SequenceEqual(a.AsSpan()) || !rb.AsSpan().SequenceEqual(b.AsSpan())) yield return (ra, rb);
    }

    /// <summary>Values rounded to one decimal (and −0 written as 0).</summary>
    public static Tensor Round(Tensor t) => t.Apply(v => Math.Round(v, 1) + 0.0);

    /// <summary>The tensor without the last index along <paramref name="axis"/> (rank 1 or 2).</summary>
    public static Tensor DropLast(Tensor t, int axis)
    {
        var keep = Enumerable.Range(0, t.Dim(axis) - 1).ToArray();
        return axis == 0 ? t.Rows(keep) : t.T.Rows(keep).T;
    }
}
