namespace DeepLearningKata.Checks;

/// <summary>
/// Assertions whose failures read like a tutor: what was given, what was expected, what came back,
/// the first element that differs, and a hint. Each throws <see cref="CheckFailure"/>.
/// </summary>
public static class Expect
{
    /// <summary>Fails unless the subject returned a tensor (not null).</summary>
    public static Tensor NotNull(Tensor? actual, string call) =>
        actual ?? throw CheckFailure.Of(Say($"{call} returned null.", $"{call} 返回了 null。"), [],
            Say("return a Tensor; build one with Tensor.Zeros(...), Np.Exp(x), x * 2, …", "要返回一个 Tensor；可以用 Tensor.Zeros(...)、Np.Exp(x)、x * 2 等构造。"));

    /// <summary>Fails unless <paramref name="actual"/> has the expected shape.</summary>
    public static void Shape(Tensor? actual, int[] expected, string call, IEnumerable<(string, string)>? inputs = null, string? hint = null)
    {
        var t = NotNull(actual, call);
        if (t.ShapeSpan.SequenceEqual(expected)) return;
        throw CheckFailure.Of(
            Say($"{call} returned the wrong shape.", $"{call} 返回的形状不对。"),
            [.. inputs ?? [], (Say("expected shape", "期望的形状"), ShapeException.Format(expected)), (Say("your shape", "你的形状"), t.ShapeText)],
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
        throw CheckFailure.Of(
            $"{call} {Returned(a[bad])}",
            [
                .. inputList,
                (Expected, expected + (expectedNote is null ? "" : Say("   (", "   （") + expectedNote + Say(")", "）"))),
                (YourAnswer, actual.ToString()),
                (Say("first mismatch", "第一个不符处"), Say(
                    $"at index {index}: expected {Tensor.FormatNumber(e[bad])}, got {Tensor.FormatNumber(a[bad])}" +
                    $" ({count} of {e.Length} elements off; tolerance {tolerance})",
                    $"索引 {index}：期望 {Tensor.FormatNumber(e[bad])}，得到 {Tensor.FormatNumber(a[bad])}" +
                    $"（{e.Length} 个元素中有 {count} 个不符；容差 {tolerance}）")),
            ],
            hint);
    }

    /// <summary>Fails unless a number is within tolerance of the expected one.</summary>
    public static void Close(
        double actual, double expected, string call, Tolerance tolerance,
        IEnumerable<(string, string)>? inputs = null, string? hint = null)
    {
        if (tolerance.Accepts(actual, expected)) return;
        throw CheckFailure.Of(
            $"{call} {Returned(actual)}",
            [.. inputs ?? [], (Expected, Tensor.FormatNumber(expected)), (YourAnswer, Tensor.FormatNumber(actual)), (Say("tolerance", "容差"), tolerance.ToString())],
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
            Say($"{call} changed its argument {argument} in place.", $"{call} 原地修改了它的参数 {argument}。"),
            [(Say("before the call", "调用前"), before.ToString()), (Say("after the call", "调用后"), after.ToString())],
            Say("compute into a new tensor (x * 2, Np.Exp(x), x.Copy()) instead of writing into the one you were given.",
                "把结果算进一个新的张量（x * 2、Np.Exp(x)、x.Copy()），不要写进传给你的那个张量。"));
    }

    /// <summary>The label of the expected value: <c>expected</c> / <c>期望值</c>.</summary>
    public static string Expected => Say("expected", "期望值");

    /// <summary>The label of the subject's value: <c>your answer</c> / <c>你的结果</c>.</summary>
    public static string YourAnswer => Say("your answer", "你的结果");

    /// <summary>What a wrong value is, after the call: "returned NaN.", "returned a wrong value." …</summary>
    public static string Returned(double value) =>
        double.IsNaN(value) ? Say("returned NaN.", "返回了 NaN。")
        : double.IsInfinity(value) ? Say("returned an infinity.", "返回了无穷大。")
        : Say("returned a wrong value.", "返回了错误的值。");

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
