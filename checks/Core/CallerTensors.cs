using DeepLearningKata.Contracts;

namespace DeepLearningKata.Checks;

/// <summary>
/// The layer contract on the tensors a layer shares with its caller: once Forward has returned, the x it was
/// handed (and a loss layer's t) and the tensor it returned belong to the caller, who may change them — a network
/// hands its output to the next layer, a training loop refills its batch. A layer keeps its own copies of what
/// Backward needs (<c>x.Copy()</c>, <c>y.Copy()</c>, a mask of its own), as the stubs of chapter 5 say.
/// </summary>
/// <remarks>
/// The checks hold a layer to that by overwriting those tensors between Forward and Backward (<see cref="Scramble"/>)
/// and comparing Backward's gradients with those of a run where nothing was overwritten. Each run uses a fresh
/// layer from the same factory, so a correct layer gives the very same numbers; and a difference counts only when
/// a second untouched run repeats the first, so a layer's own randomness is never taken for a broken contract.
/// </remarks>
public static class CallerTensors
{
    /// <summary>
    /// Overwrites every element of <paramref name="t"/> in place: each value goes to the other side of 0 and
    /// 1 to 2 further from it. Every sign flips and every magnitude changes, by uneven amounts, so a mask, a
    /// maximum, a product or a sum computed from the overwritten tensor comes out different.
    /// </summary>
    public static void Scramble(Tensor t)
    {
        ArgumentNullException.ThrowIfNull(t);
        var random = new Random(2024); // fixed: the same scramble every time, so a failure replays
        var v = t.AsSpan();
        for (var i = 0; i < v.Length; i++)
        {
            var away = 1 + random.NextDouble();
            v[i] = v[i] >= 0 ? -v[i] - away : -v[i] + away;
        }
    }

    /// <summary>
    /// Fails unless a layer's Backward gives the same dx and <c>Grads</c> when the caller overwrites, after
    /// Forward, the x it handed in — and, in another run, the tensor Forward returned.
    /// </summary>
    /// <param name="subject">How the layer is made, for messages: <c>CreateSigmoid()</c>.</param>
    /// <param name="create">Makes a fresh layer; two layers from it must compute alike (a seeded Random, not a shared one).</param>
    public static void ExpectLayerKeepsItsOwn(string subject, Func<ILayer> create, Tensor x, Tensor dout, bool train = true)
    {
        ArgumentNullException.ThrowIfNull(create);
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(dout);

        Gradients? Run(bool overwriteX, bool overwriteOutput) => Attempt(() =>
        {
            var layer = create();
            var xIn = x.Copy();
            var output = layer.Forward(xIn, train);
            if (overwriteX) Scramble(xIn);
            if (overwriteOutput && output is not null) Scramble(output);
            var result = new Gradients { ["dx"] = layer.Backward(dout.Copy()).Copy() };
            foreach (var name in layer.Params.Keys) result["d" + name] = layer.Grads[name].Copy();
            return result;
        });

        var untouched = Run(false, false);
        if (untouched is null) return;
        Judge($"{subject}.Forward(x)", untouched, () => Run(false, false), Run(true, false), "x",
            Say($"{subject}.Backward(dout) read the x passed to Forward after Forward returned.",
                $"{subject}.Backward(dout) 在 Forward 返回之后还读取了传给 Forward 的 x。"),
            Say("keep your own copy of what Backward needs (x.Copy(), or what Forward computes from x, such as a mask): the caller owns x " +
                "and may change it once Forward returns.",
                "Backward 需要的东西要自己保存一份（x.Copy()，或者 Forward 由 x 算出的东西，比如掩码）：x 属于调用者，" +
                "Forward 返回后调用者可能会改动它。"));
        Judge($"{subject}.Forward(x)", untouched, () => Run(false, false), Run(false, true), Say("the tensor Forward returned", "Forward 返回的张量"),
            Say($"{subject}.Forward(x) returned the tensor it keeps for Backward.", $"{subject}.Forward(x) 返回的正是它为 Backward 保存的那个张量。"),
            Say("return a copy or a new tensor, and keep your own (y.Copy()) for Backward: the caller owns the tensor you return and may change it.",
                "返回一个副本或新张量，并为 Backward 自己留一份（y.Copy()）：你返回的张量属于调用者，调用者可能会改动它。"));
    }

    /// <summary>
    /// Fails unless a loss layer's Backward gives the same dx when the caller overwrites, after Forward, the scores
    /// x it handed in — and, in another run, the targets t (one-hot rows or labels).
    /// </summary>
    public static void ExpectLossLayerKeepsItsOwn(string subject, Func<ILossLayer> create, Tensor x, Tensor t, double dout = 1.0)
    {
        ArgumentNullException.ThrowIfNull(create);
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(t);

        Gradients? Run(bool overwriteX, bool overwriteT) => Attempt(() =>
        {
            var layer = create();
            var xIn = x.Copy();
            var tIn = t.Copy();
            layer.Forward(xIn, tIn);
            if (overwriteX) Scramble(xIn);
            if (overwriteT) Scramble(tIn);
            return new Gradients { ["dx"] = layer.Backward(dout).Copy() };
        });

        var untouched = Run(false, false);
        if (untouched is null) return;
        Judge($"{subject}.Forward(x, t)", untouched, () => Run(false, false), Run(true, false), "x",
            Say($"{subject}.Backward(dout) read the x passed to Forward after Forward returned.",
                $"{subject}.Backward(dout) 在 Forward 返回之后还读取了传给 Forward 的 x。"),
            Say("keep what Backward needs in tensors of your own (y computed in Forward, t.Copy()): the caller owns x and t and may change " +
                "them once Forward returns.",
                "把 Backward 需要的东西存在你自己的张量里（Forward 中算出的 y、t.Copy()）：x 和 t 属于调用者，" +
                "Forward 返回后调用者可能会改动它们。"));
        Judge($"{subject}.Forward(x, t)", untouched, () => Run(false, false), Run(false, true), "t",
            Say($"{subject}.Backward(dout) read the t passed to Forward after Forward returned.",
                $"{subject}.Backward(dout) 在 Forward 返回之后还读取了传给 Forward 的 t。"),
            Say("keep a copy (t.Copy()) of what Backward needs: the caller owns x and t and may change them once Forward returns.",
                "Backward 需要的东西要保存一份副本（t.Copy()）：x 和 t 属于调用者，Forward 返回后调用者可能会改动它们。"));
    }

    /// <summary>dx and the parameters' gradients (<c>dW</c>, …) of one run, by name.</summary>
    private sealed class Gradients : Dictionary<string, Tensor>;

    /// <summary>The gradients of a run, or null when it threw (a crash is for the other checks to report).</summary>
    private static Gradients? Attempt(Func<Gradients> run)
    {
        try
        {
            return run();
        }
        catch (Exception e) when (e is not (CheckFailure or NotImplementedException or BlockNotAllowedException))
        {
            return null;
        }
    }

    /// <summary>
    /// Fails if the run with <paramref name="what"/> overwritten gave other gradients than the untouched one (or threw),
    /// unless a second untouched run differs too: then the layer is random by itself, and the overwrite proves nothing.
    /// </summary>
    private static void Judge(string call, Gradients untouched, Func<Gradients?> again, Gradients? overwritten, string what, string summary, string hint)
    {
        var differing = overwritten is null ? null : FirstDifference(untouched, overwritten);
        if (overwritten is not null && differing is null) return;
        var repeated = again();
        if (repeated is null || FirstDifference(untouched, repeated) is not null) return;

        var lines = new List<(string, string)>
        {
            (Say("what the check did", "检查做了什么"), Say($"called {call}, overwrote {what}, then called Backward(dout)", $"调用 {call}，覆盖{what}，再调用 Backward(dout)")),
        };
        if (overwritten is null || differing is null) lines.Add((Say("your Backward", "你的 Backward"), Say("threw, while it runs when nothing is overwritten", "抛出了异常，而什么都不覆盖时它能正常运行")));
        else
        {
            lines.AddRange([
                (Say($"your {differing}", $"你的 {differing}"), untouched[differing].ToString()),
                (Say($"your {differing}, {what} overwritten", $"你的 {differing}（覆盖{what}后）"), overwritten[differing].ToString()),
            ]);
        }
        throw CheckFailure.Of(summary, lines, hint);
    }

    /// <summary>The name of the first gradient that differs between two runs, or null when all agree.</summary>
    private static string? FirstDifference(Gradients a, Gradients b) =>
        a.Keys.FirstOrDefault(k => !b.TryGetValue(k, out var g) || !Same(a[k], g));

    /// <summary>Whether two runs gave the same tensor: same shape, every element equal within <see cref="Tolerance.Value"/> (NaN to NaN).</summary>
    private static bool Same(Tensor a, Tensor b)
    {
        if (!a.ShapeSpan.SequenceEqual(b.ShapeSpan)) return false;
        var x = a.AsSpan();
        var y = b.AsSpan();
        for (var i = 0; i < x.Length; i++) if (!Tolerance.Value.Accepts(y[i], x[i])) return false;
        return true;
    }
}
