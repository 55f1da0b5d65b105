namespace DeepLearningKata.Checks;

/// <summary>
/// Assertions whose failures read like a tutor: what was given, what was expected, what came back,
/// the first element that differs, and a hint. Each throws <see cref="CheckFailure"/>.
/// </summary>
public static class Expect
{
    /// <summary>Fails unless the subject returned a tensor (not null).</summary>
    public static Tensor NotNull(Tensor? actual, string call) =>
        actual ?? throw CheckFailure.Of($"{call} returned null.", [], "return a Tensor; build one with Tensor.Zeros(...), Np.Exp(x), x * 2, …");

    /// <summary>Fails unless <paramref name="actual"/> has the expected shape.</summary>
    public static void Shape(Tensor? actual, int[] expected, string call, IEnumerable<(string, string)>? inputs = null, string? hint = null)
    {
        var t = NotNull(actual, call);
        if (t.ShapeSpan.SequenceEqual(expected)) return;
        throw CheckFailure.Of(
            $"{call} returned the wrong shape.",
            [.. inputs ?? [], ("expected shape", ShapeException.Format(expected)), ("your shape", t.ShapeText)],
            hint);
    }

    /// <summary>Fails unless <paramref name="actual"/> has <paramref name="expected"/>'s shape and every element is within tolerance.</summary>
    public static void Close(
        Tensor? actual, Tensor expected, string call, Tolerance tolerance,
        IEnumerable<(string, string)>? inputs = null, string? hint = null, string? expectedNote = null)
    {
        var inputList = (inputs ?? []).ToList();
        Shape(actual, expected.Shape, call, inputList, hint);
        var a = actual!.AsSpan();
        var e = expected.AsSpan();
        var bad = -1;
        var count = 0;
        for (var i = 0; i < e.Length; i++)
        {
            if (tolerance.Accepts(a[i], e[i])) continue;
            if (bad < 0) bad = i;
            count++;
        }
        if (bad < 0) return;
        var index = ShapeException.Format(Unravel(bad, expected.Shape)).Replace(",)", ")", StringComparison.Ordinal);
        var what = double.IsNaN(a[bad]) ? "returned NaN" : double.IsInfinity(a[bad]) ? "returned an infinity" : "returned a wrong value";
        throw CheckFailure.Of(
            $"{call} {what}.",
            [
                .. inputList,
                ("expected", expected + (expectedNote is null ? "" : "   (" + expectedNote + ")")),
                ("your answer", actual.ToString()),
                ("first mismatch", $"at index {index}: expected {Tensor.FormatNumber(e[bad])}, got {Tensor.FormatNumber(a[bad])}" +
                                   $" ({count} of {e.Length} elements off; tolerance {tolerance})"),
            ],
            hint);
    }

    /// <summary>Fails unless a number is within tolerance of the expected one.</summary>
    public static void Close(
        double actual, double expected, string call, Tolerance tolerance,
        IEnumerable<(string, string)>? inputs = null, string? hint = null)
    {
        if (tolerance.Accepts(actual, expected)) return;
        var what = double.IsNaN(actual) ? "returned NaN" : double.IsInfinity(actual) ? "returned an infinity" : "returned a wrong value";
        throw CheckFailure.Of(
            $"{call} {what}.",
            [.. inputs ?? [], ("expected", Tensor.FormatNumber(expected)), ("your answer", Tensor.FormatNumber(actual)), ("tolerance", tolerance.ToString())],
            hint);
    }

    /// <summary>Fails with the given summary unless <paramref name="condition"/> holds.</summary>
    public static void That(bool condition, string summary, IEnumerable<(string, string)>? lines = null, string? hint = null)
    {
        if (!condition) throw CheckFailure.Of(summary, lines ?? [], hint);
    }

    /// <summary>Fails unless <paramref name="after"/> still equals the copy taken before the call: the subject changed its input.</summary>
    public static void Unchanged(Tensor before, Tensor after, string call, string argument)
    {
        if (before.AsSpan().SequenceEqual(after.AsSpan()) && before.ShapeSpan.SequenceEqual(after.ShapeSpan)) return;
        throw CheckFailure.Of(
            $"{call} changed its argument {argument} in place.",
            [("before the call", before.ToString()), ("after the call", after.ToString())],
            "compute into a new tensor (x * 2, Np.Exp(x), x.Copy()) instead of writing into the one you were given.");
    }

    /// <summary>Formats a tensor for an input line.</summary>
    public static (string, string) Input(string name, Tensor value) => (name, value.ToString());

    internal static int[] Unravel(int flat, int[] shape)
    {
        var index = new int[shape.Length];
        for (var d = shape.Length - 1; d >= 0; d--)
        {
            index[d] = shape[d] == 0 ? 0 : flat % shape[d];
            flat = shape[d] == 0 ? 0 : flat / shape[d];
        }
        return index;
    }
}
