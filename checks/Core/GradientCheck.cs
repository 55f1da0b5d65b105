using System.Globalization;
using System.Text;
using DeepLearningKata.Contracts;

namespace DeepLearningKata.Checks;

/// <summary>A size the generator picks for a named axis: the batch <c>N</c>, the features <c>D</c>, the classes <c>C</c>.</summary>
public sealed record Dim(string Name, int Min, int Max);

/// <summary>What kind of numbers a generated tensor holds.</summary>
public enum ValueKind
{
    /// <summary>Real numbers in a range, kept away from kinks.</summary>
    Real,

    /// <summary>Class labels <c>0 … C−1</c> (stored as doubles), one per row.</summary>
    Labels,

    /// <summary>One-hot rows: a single 1 at the class, zeros elsewhere.</summary>
    OneHot,
}

/// <summary>
/// How the values of one generated tensor are drawn: uniformly in <c>[Lo, Hi]</c> on a grid of 2⁻²⁰, and
/// at least <c>Gap</c> away from every kink (ReLU's 0), so that <c>x ± h</c> never crosses one and the
/// central difference is the true derivative. Labels and one-hot targets name the axis of the classes.
/// </summary>
public sealed record Values(ValueKind Kind, double Lo, double Hi, double Gap, IReadOnlyList<double> Kinks, string? ClassDim)
{
    /// <summary>Real values in <c>[lo, hi]</c>.</summary>
    public static Values Between(double lo, double hi) => new(ValueKind.Real, lo, hi, 0, [], null);

    /// <summary>
    /// A random upstream gradient <c>dout</c>: values in [−2, 2], at least 0.25 away from 0. Random, so a backward
    /// that ignores <c>dout</c> (or treats it as all ones) fails; away from 0, because a zero in <c>dout</c> hides
    /// whatever a wrong backward does at that place (and the shrinker would otherwise make every <c>dout</c> zero).
    /// </summary>
    public static Values Upstream => Between(-2, 2).AwayFrom(0.25, 0);

    /// <summary>Class labels <c>0 … C−1</c>, where <c>C</c> is the size of axis <paramref name="classDim"/>.</summary>
    public static Values Labels(string classDim) => new(ValueKind.Labels, 0, 0, 0, [], classDim);

    /// <summary>One-hot rows over axis <paramref name="classDim"/>.</summary>
    public static Values OneHot(string classDim) => new(ValueKind.OneHot, 0, 1, 0, [], classDim);

    /// <summary>The same range, keeping every value at least <paramref name="gap"/> away from each of <paramref name="kinks"/>.</summary>
    public Values AwayFrom(double gap, params double[] kinks) => this with { Gap = gap, Kinks = [.. Kinks, .. kinks] };

    /// <summary>Whether a real value may appear: inside the range and off every kink.</summary>
    public bool Allows(double v) =>
        Kind != ValueKind.Real || (v >= Lo && v <= Hi && Kinks.All(k => Math.Abs(v - k) >= Gap));

    public override string ToString() => Kind switch
    {
        ValueKind.Labels => Say($"labels 0…{ClassDim}−1", $"标签 0…{ClassDim}−1"),
        ValueKind.OneHot => Say($"one-hot over {ClassDim}", $"{ClassDim} 类的 one-hot"),
        _ => Kinks.Count == 0
            ? $"[{Num(Lo)}, {Num(Hi)}]"
            : Say($"[{Num(Lo)}, {Num(Hi)}] with |v − k| ≥ {Num(Gap)} for k in {{{string.Join(", ", Kinks.Select(Num))}}}",
                  $"[{Num(Lo)}, {Num(Hi)}]，对 k ∈ {{{string.Join(", ", Kinks.Select(Num))}}} 有 |v − k| ≥ {Num(Gap)}"),
    };

    private static string Num(double v) => v.ToString("R", CultureInfo.InvariantCulture);
}

/// <summary>
/// One tensor of a generated case: its name (<c>x</c>, <c>dout</c>, <c>t</c>, or a parameter such as <c>W</c>),
/// the names of its axes (an axis <c>"C*H*K"</c> is the product of three sizes, as when an affine layer
/// flattens a 4-D input), and how its values are drawn.
/// </summary>
public sealed record TensorSpec(string Name, IReadOnlyList<string> Axes, Values Values)
{
    /// <summary>The shape for the given axis sizes.</summary>
    public int[] ShapeFor(IReadOnlyDictionary<string, int> dims) =>
        Axes.Select(a => a.Split('*').Aggregate(1, (p, d) => p * dims[d])).ToArray();
}

/// <summary>
/// The layout of generated cases: the named axes with their size ranges, and the tensors built on them.
/// By convention <c>x</c> is the input, <c>dout</c> the upstream gradient (its shape is the output's),
/// <c>t</c> the targets, and every other tensor is a parameter of the layer or model under test.
/// </summary>
/// <param name="Dims">Axis sizes; keep them small (≤ 5), which also keeps the float error of the sums small.</param>
/// <param name="Tensors">The tensors in the order they are printed.</param>
public sealed record CaseSpec(IReadOnlyList<Dim> Dims, IReadOnlyList<TensorSpec> Tensors)
{
    /// <summary>Further conditions a case must meet (e.g. hidden units away from ReLU's kink); shrinking respects them too.</summary>
    public Func<GradientCase, bool>? Valid { get; init; }

    /// <summary>The axis of the batch, so a gradient off by the batch size can be named as such.</summary>
    public string Batch { get; init; } = "N";

    /// <summary>
    /// Axis sizes computed from the drawn ones, in order (a convolution's input height <c>H = S·(OH − 1) + FH − 2P</c>
    /// from its output height, filter, stride and pad). A case whose derived size is below 1 is never drawn; shrinking
    /// recomputes them and never lets one grow, so a derived axis keeps a prefix of its old values.
    /// </summary>
    public IReadOnlyList<(string Name, Func<IReadOnlyDictionary<string, int>, int> Size)> Derived { get; init; } = [];

    /// <summary>Adds (or recomputes) the derived sizes in <paramref name="dims"/>; false if one is below 1.</summary>
    internal bool Derive(Dictionary<string, int> dims)
    {
        foreach (var (name, size) in Derived) dims[name] = size(dims);
        return Derived.All(d => dims[d.Name] >= 1);
    }

    /// <summary>The spec of the tensor called <paramref name="name"/>.</summary>
    public TensorSpec this[string name] =>
        Tensors.FirstOrDefault(t => t.Name == name) ?? throw new KeyNotFoundException($"The case has no tensor '{name}'.");
}

/// <summary>
/// A generated case for a gradient check: axis sizes and tensors. It prints itself in full, with every
/// number exact, so the smallest failing case can be pasted into a test.
/// </summary>
public sealed class GradientCase
{
    private readonly Dictionary<string, Tensor> _tensors;

    public GradientCase(CaseSpec spec, IReadOnlyDictionary<string, int> dims, IReadOnlyDictionary<string, Tensor> tensors)
    {
        Spec = spec ?? throw new ArgumentNullException(nameof(spec));
        Dims = dims ?? throw new ArgumentNullException(nameof(dims));
        ArgumentNullException.ThrowIfNull(tensors);
        _tensors = spec.Tensors.ToDictionary(t => t.Name, t => tensors[t.Name]);
    }

    /// <summary>The layout this case was generated from.</summary>
    public CaseSpec Spec { get; }

    /// <summary>The size of every named axis.</summary>
    public IReadOnlyDictionary<string, int> Dims { get; }

    /// <summary>A fresh copy of the tensor <paramref name="name"/>: hand it to the code under test, which may keep it.</summary>
    public Tensor this[string name] => Peek(name).Copy();

    /// <summary>Whether the case has a tensor called <paramref name="name"/>.</summary>
    public bool Has(string name) => _tensors.ContainsKey(name);

    /// <summary>The case's own tensor, not a copy: only for reading.</summary>
    internal Tensor Peek(string name) =>
        _tensors.TryGetValue(name, out var t) ? t : throw new KeyNotFoundException($"The case has no tensor '{name}'.");

    /// <summary>The names of the parameters: every tensor but <c>x</c>, <c>dout</c> and <c>t</c>.</summary>
    public IReadOnlyList<string> ParameterNames =>
        Spec.Tensors.Select(t => t.Name).Where(n => n is not ("x" or "dout" or "t")).ToList();

    /// <summary>The size of the batch axis, or 1 if the case has none.</summary>
    public int BatchSize => Dims.TryGetValue(Spec.Batch, out var n) ? n : 1;

    /// <summary>The shapes of all tensors on one line: <c>x (2, 3), W (3, 4), …</c>.</summary>
    public string Shapes => string.Join(", ", Spec.Tensors.Select(t => $"{t.Name} {_tensors[t.Name].ShapeText}"));

    public override string ToString()
    {
        var sb = new StringBuilder(Dims.Count == 0 ? "" : string.Join(", ", Dims.Select(d => $"{d.Key}={d.Value}")));
        var width = Spec.Tensors.Max(t => t.Name.Length);
        foreach (var t in Spec.Tensors)
        {
            var value = _tensors[t.Name];
            sb.Append("\n    ").Append(t.Name.PadRight(width));
            if (value.Ndim > 0) sb.Append(' ').Append(value.ShapeText.PadRight(9));
            sb.Append(" = ").Append(Exact(value));
        }
        return sb.ToString();
    }

    /// <summary>Every element in nested brackets, in round-trip form (so the printed case is the case).</summary>
    public static string Exact(Tensor t)
    {
        ArgumentNullException.ThrowIfNull(t);
        var values = t.AsSpan().ToArray();
        if (t.Ndim == 0) return Number(values[0]);
        var sb = new StringBuilder();
        var pos = 0;
        Append(sb, t.Shape, 0, values, ref pos);
        return sb.ToString();
    }

    private static void Append(StringBuilder sb, int[] shape, int dim, double[] values, ref int pos)
    {
        sb.Append('[');
        for (var i = 0; i < shape[dim]; i++)
        {
            if (i > 0) sb.Append(", ");
            if (dim == shape.Length - 1) sb.Append(Number(values[pos++]));
            else Append(sb, shape, dim + 1, values, ref pos);
        }
        sb.Append(']');
    }

    private static string Number(double v) => v.ToString("R", CultureInfo.InvariantCulture);
}

/// <summary>What to tell a learner when a gradient check fails.</summary>
/// <param name="Subject">How the learner's code is called, for messages: <c>CreateRelu()</c>, <c>CreateAffine(W, b)</c>.</param>
/// <param name="General">The hint for any failure.</param>
public sealed record GradientHints(string Subject, string General)
{
    /// <summary>A more precise hint per gradient (<c>dx</c>, <c>dW</c>, <c>db</c>), used when that gradient is the worst one.</summary>
    public IReadOnlyDictionary<string, string> Gradients { get; init; } = new Dictionary<string, string>();

    /// <summary>The hint when the code changes a tensor it was handed (<c>x</c>, <c>dout</c>, <c>t</c>).</summary>
    public string InPlace { get; init; } = Say(
        "a layer leaves the tensors it is handed alone — Forward its x, Backward its dout, and x later too: compute " +
        "into new tensors (x * mask, dout * mask, x.Copy()) instead of writing into them; the caller still needs them.",
        "层不能改动传给它的张量 — Forward 的 x、Backward 的 dout，之后的 x 也一样：把结果算进新的张量" +
        "（x * mask、dout * mask、x.Copy()），不要写进它们；调用者还要用它们。");

    /// <summary>
    /// Classic wrong gradients, each computed for the case: when a learner's gradient equals one of them, the
    /// failure says so in words ("your dx equals dout · y: the factor (1 − y) is missing").
    /// </summary>
    public IReadOnlyList<Suspect> Suspects { get; init; } = [];

    /// <summary>The hint for the gradient called <paramref name="name"/>.</summary>
    public string For(string name) => Gradients.TryGetValue(name, out var h) ? h : General;
}

/// <summary>A classic mistake, as the wrong gradient it produces for a case.</summary>
/// <param name="Gradient">Which gradient it concerns: <c>dx</c>, <c>dW</c>, <c>db</c>, <c>dy</c>.</param>
/// <param name="Compute">The wrong gradient for a case; it may throw or return null where the mistake cannot be told apart (shapes that do not fit).</param>
/// <param name="Message">What to tell the learner when theirs equals it.</param>
public sealed record Suspect(string Gradient, Func<GradientCase, Tensor?> Compute, string Message);

/// <summary>What the checks need to see of a model for a gradient check: its parameters, its loss, its backprop gradient.</summary>
/// <param name="Params">The very tensors the model computes with (perturbed in place, then restored).</param>
/// <param name="Loss">The scalar whose gradient is checked, for the current parameter values.</param>
/// <param name="Gradient">The gradient by backpropagation, by parameter name.</param>
/// <param name="Objective">What <paramref name="Loss"/> computes, for messages.</param>
/// <param name="Output">The model's output for the case (its scores), when it has one: it proves whether a parameter is computed with at all.</param>
public sealed record ModelProbe(
    IReadOnlyDictionary<string, Tensor> Params, Func<double> Loss, Func<IReadOnlyDictionary<string, Tensor>> Gradient, string Objective = "Loss(x, t)",
    Func<Tensor>? Output = null);

/// <summary>
/// Gradient checks: a backward pass against central finite differences, in double precision, on
/// shapes and values FsCheck generates — for layers (<see cref="ILayer"/>), loss layers (<see cref="ILossLayer"/>),
/// the book's scalar nodes (<see cref="IScalarLayer"/>), plain functions and whole models.
/// </summary>
/// <remarks>
/// <para>The quantity differentiated is <c>L = Σ Forward(x) ⊙ dout</c> with a random <c>dout</c> (not all
/// ones): its gradient with respect to <c>x</c> is exactly what <c>Backward(dout)</c> must return, and with
/// respect to a parameter <c>W</c> exactly what <c>Grads["W"]</c> must hold. A random <c>dout</c> catches a
/// backward that ignores it, which an all-ones <c>dout</c> would hide. Each element of <c>x</c> and of every
/// parameter is nudged by <c>±h</c> (<see cref="Tolerance.GradientStep"/>) — parameters in place, in the
/// layer's own tensors, and restored after each nudge.</para>
/// <para>An element passes when <c>|a − n| ≤ Tolerance.Gradient.Absolute</c> or when the relative error
/// <c>|a − n| / max(|a| + |n|, tiny)</c> (cs231n's, which is 0 when both are 0) is at most
/// <c>Tolerance.Gradient.Relative</c>; see <see cref="Tolerance.Gradient"/> for why these numbers. Generators
/// keep values away from kinks rather than loosening the tolerance.</para>
/// <para>Before any gradient is compared, the check also makes sure the layer did not change the tensors
/// it was handed (<c>x</c> in Forward or later in Backward, <c>dout</c> in Backward), that Backward answers
/// for the last Forward (a different input is forwarded first), that <c>Grads</c> has every name of
/// <c>Params</c> with the right shape, and that Backward does not read the caller's tensors after Forward
/// returned — the <c>x</c> (and <c>t</c>) handed in, the output handed back (<see cref="CallerTensors"/>).
/// On failure the message names the worst element — which gradient, its
/// index, yours, the numerical one, the relative error — says what the difference looks like (the sign, a
/// factor of the batch size, <c>dout</c> ignored, a copy of a parameter), and the property runner adds the
/// smallest failing case and a replay seed.</para>
/// </remarks>
public static class GradientCheck
{
    private const double Tiny = 1e-300;

    // ------------------------------------------------------------------ layers

    /// <summary>
    /// Checks a layer's Backward (and its <c>Grads</c>) against central differences of its Forward, on cases
    /// from <paramref name="specs"/> (each needs tensors <c>x</c> and <c>dout</c>; the others are parameters).
    /// </summary>
    /// <param name="property">The property's name; it also seeds the generator.</param>
    /// <param name="create">Makes a fresh layer for a case, e.g. <c>c => chapter.CreateAffine(c["W"], c["b"])</c>.</param>
    /// <param name="train">Passed to Forward.</param>
    public static void Layer(string property, IReadOnlyList<CaseSpec> specs, Func<GradientCase, ILayer> create, GradientHints hints,
        int tests = Properties.DefaultTests, bool train = true)
    {
        ArgumentNullException.ThrowIfNull(create);
        ArgumentNullException.ThrowIfNull(hints);
        Properties.ForAll(property, Gens.Case(specs), c => CheckLayer(c, create, hints, train), Gens.ShrinkCase, tests);
    }

    /// <summary>
    /// Checks a function with a hand-written backward, <c>backward(x, dout) = dout · ∂f/∂x</c> (the
    /// vector–Jacobian product), against central differences of <c>Σ f(x) ⊙ dout</c>.
    /// </summary>
    public static void Function(string property, IReadOnlyList<CaseSpec> specs, Func<Tensor, Tensor> forward,
        Func<Tensor, Tensor, Tensor> backward, GradientHints hints, int tests = Properties.DefaultTests)
    {
        ArgumentNullException.ThrowIfNull(forward);
        ArgumentNullException.ThrowIfNull(backward);
        Layer(property, specs, _ => new FunctionLayer(forward, backward), hints, tests);
    }

    private static void CheckLayer(GradientCase c, Func<GradientCase, ILayer> create, GradientHints hints, bool train)
    {
        var x = c.Peek("x");
        var dout = c.Peek("dout");
        var s = hints.Subject;
        var layer = Call(() => create(c), s, c, hints.General) ?? throw Failure(Say($"{s} returned null instead of a layer.", $"{s} 返回了 null，而不是一个层。"), c, hints.General);
        var parameters = CheckParams(layer, c, hints);

        // A different input first: Backward must answer for the last Forward, not for a cache left over.
        Call(() => layer.Forward(-x, train), $"{s}.Forward(x)", c, hints.General);
        var xIn = x.Copy();
        var output = Call(() => layer.Forward(xIn, train), $"{s}.Forward(x)", c, hints.General);
        ExpectShape(output, dout.Shape, $"{s}.Forward(x)", Say("the output", "输出"), c,
            Say("the output has the shape of dout, which the case gives for it; check the axes of your product or reduction.",
                "输出的形状与 dout 相同（用例给出了 dout）；检查你的乘积或求和所沿的轴。"));
        ExpectUnchanged(x, xIn, $"{s}.Forward(x)", "x", c, hints.InPlace);

        var doutIn = dout.Copy();
        var dx = Call(() => layer.Backward(doutIn), $"{s}.Backward(dout)", c, hints.General);
        ExpectUnchanged(dout, doutIn, $"{s}.Backward(dout)", "dout", c, hints.InPlace);
        ExpectUnchanged(x, xIn, $"{s}.Backward(dout)", Say("x (the one handed to Forward before)", "x（之前传给 Forward 的那个）"), c, hints.InPlace);
        ExpectShape(dx, x.Shape, $"{s}.Backward(dout)", "dx", c, Say("dx is the gradient with respect to x, so it has x's shape.", "dx 是关于 x 的梯度，所以形状与 x 相同。"));

        var grads = GradsOf(layer, parameters, c, hints);
        var analytic = new List<(string Name, Tensor Value)> { ("dx", dx!.Copy()) };
        analytic.AddRange(parameters.Select(p => ("d" + p.Key, grads[p.Key].Copy())));

        double Objective(Tensor input, Tensor weights) =>
            Dot(Call(() => layer.Forward(input, train), $"{s}.Forward(x)", c, hints.General), weights, $"{s}.Forward(x)", c);

        Tensor NumericalFor(string gradient, Tensor weights)
        {
            if (gradient == "dx") return Nudge(x.Copy(), probe => Objective(probe, weights));
            var p = parameters[gradient[1..]];
            return Nudge(p, _ => Objective(x.Copy(), weights));
        }

        var pairs = analytic.Select(a => new Pair(a.Name, a.Value, NumericalFor(a.Name, dout))).ToList();
        RestoredOrFail(parameters, c, hints);

        IReadOnlyDictionary<string, Tensor> Fresh()
        {
            var again = create(c);
            again.Forward(x.Copy(), train);
            var result = new Dictionary<string, Tensor> { ["dx"] = again.Backward(dout.Copy()) };
            foreach (var name in parameters.Keys) result["d" + name] = again.Grads[name];
            return result;
        }
        CallerTensors.ExpectLayerKeepsItsOwn(s, () => create(c), x, dout, train);
        // Whether a parameter moves the output at all, for a weighting other than dout (a dout can hide a parameter: a
        // bias under a dout whose every channel sums to 0): only then is "computed with a copy" proven.
        var probe = Tensor.Zeros(dout.Shape);
        var probeSpan = probe.AsSpan();
        for (var i = 0; i < probeSpan.Length; i++) probeSpan[i] = 1.0 + (i * 7919 % 13) / 13.0;
        Verify(pairs, c, hints, "Σ Forward(x) ⊙ dout", name => name != "dx", name => !Negligible(NumericalFor(name, probe)),
            FreshLayer("Forward(x)", Say("Forward(−x) then Forward(x)", "Forward(−x) 再 Forward(x)"), "mask, x, …", Fresh),
            IgnoresDout(name => NumericalFor(name, Tensor.Ones(dout.Shape))));
    }

    private static IReadOnlyDictionary<string, Tensor> CheckParams(ILayer layer, GradientCase c, GradientHints hints)
    {
        var s = hints.Subject;
        var given = Call(() => layer.Params, $"{s}.Params", c, hints.General)
            ?? throw Failure(Say($"{s}.Params is null.", $"{s}.Params 是 null。"), c,
                Say("Params is a dictionary of the layer's parameters by name; an empty one for a layer without any.", "Params 是按名字存放该层参数的字典；没有参数的层给一个空字典。"));
        var expected = c.ParameterNames;
        var names = given.Keys.ToList();
        if (!names.ToHashSet().SetEquals(expected))
        {
            throw Failure(Say($"{s}.Params has the wrong names.", $"{s}.Params 里的名字不对。"), c,
                expected.Count == 0
                    ? Say("this layer has no parameters, so Params is an empty dictionary.", "这一层没有参数，所以 Params 是空字典。")
                    : Say($"Params holds the layer's parameters by the book's names: {string.Join(", ", expected.Select(n => $"\"{n}\""))}.",
                          $"Params 按书中的名字存放该层的参数：{string.Join("、", expected.Select(n => $"\"{n}\""))}。"),
                (Say("expected names", "期望的名字"), expected.Count == 0 ? Say("(none)", "（无）") : string.Join(", ", expected)),
                (Say("your names", "你的名字"), names.Count == 0 ? Say("(none)", "（无）") : string.Join(", ", names)));
        }
        var result = new Dictionary<string, Tensor>();
        foreach (var name in expected)
        {
            var p = given[name] ?? throw Failure(Say($"{s}.Params[\"{name}\"] is null.", $"{s}.Params[\"{name}\"] 是 null。"), c,
                Say("keep the tensor you were given in Params.", "把传给你的张量放进 Params。"));
            var want = c.Peek(name);
            if (!p.ShapeSpan.SequenceEqual(want.ShapeSpan) || !p.AsSpan().SequenceEqual(want.AsSpan()))
            {
                throw Failure(Say($"{s}.Params[\"{name}\"] is not the {name} the layer was given.", $"{s}.Params[\"{name}\"] 不是传给该层的那个 {name}。"), c,
                    Say($"Params[\"{name}\"] must be the very tensor handed to the layer, so that an optimizer updating it in place updates the layer.",
                        $"Params[\"{name}\"] 必须正是传给该层的那个张量，这样优化器原地更新它时才会更新这一层。"),
                    (Say("given", "传入的"), want.ToString()), (Say("in Params", "Params 中的"), p.ToString()));
            }
            result[name] = p;
        }
        return result;
    }

    private static IReadOnlyDictionary<string, Tensor> GradsOf(ILayer layer, IReadOnlyDictionary<string, Tensor> parameters, GradientCase c, GradientHints hints)
    {
        var s = hints.Subject;
        if (parameters.Count == 0) return new Dictionary<string, Tensor>();
        var grads = Call(() => layer.Grads, $"{s}.Grads", c, hints.General)
            ?? throw Failure(Say($"{s}.Grads is null after Backward.", $"Backward 之后 {s}.Grads 是 null。"), c,
                Say("Backward fills Grads with the gradient of every parameter, by the same names as Params.", "Backward 把每个参数的梯度按与 Params 相同的名字填进 Grads。"));
        foreach (var (name, p) in parameters)
        {
            if (!grads.TryGetValue(name, out var g) || g is null)
            {
                throw Failure(Say($"{s}.Grads has no \"{name}\" after Backward.", $"Backward 之后 {s}.Grads 里没有 \"{name}\"。"), c,
                    Say($"Backward sets the gradient of every parameter: Grads[\"{name}\"] = d{name}, with {name}'s shape.",
                        $"Backward 要设置每个参数的梯度：Grads[\"{name}\"] = d{name}，形状与 {name} 相同。"),
                    (Say("Grads has", "Grads 中有"), grads.Count == 0 ? Say("(nothing)", "（什么都没有）") : string.Join(", ", grads.Keys)));
            }
            if (!g.ShapeSpan.SequenceEqual(p.ShapeSpan))
            {
                throw Failure(Say($"{s}.Grads[\"{name}\"] has shape {g.ShapeText}, but {name} has shape {p.ShapeText}.",
                                  $"{s}.Grads[\"{name}\"] 的形状是 {g.ShapeText}，而 {name} 的形状是 {p.ShapeText}。"), c,
                    hints.For("d" + name) + Say($" A gradient has the shape of what it is the gradient of: d{name} has {name}'s shape.",
                                                $" 梯度的形状与求梯度的对象相同：d{name} 的形状就是 {name} 的形状。"));
            }
        }
        return grads;
    }

    private static void RestoredOrFail(IReadOnlyDictionary<string, Tensor> parameters, GradientCase c, GradientHints hints)
    {
        foreach (var (name, p) in parameters)
        {
            // The nudges restore each element; a mismatch here means the layer itself changed its parameter.
            if (!p.AsSpan().SequenceEqual(c.Peek(name).AsSpan()))
            {
                throw Failure(Say($"{hints.Subject} changed its parameter {name} during Forward or Backward.", $"{hints.Subject} 在 Forward 或 Backward 中改变了它的参数 {name}。"), c,
                    Say("Forward and Backward compute; only an optimizer changes parameters (after Backward, from Grads).",
                        "Forward 和 Backward 只做计算；只有优化器才改变参数（在 Backward 之后，根据 Grads）。"),
                    (Say("given", "传入的"), c.Peek(name).ToString()), (Say("now", "现在"), p.ToString()));
            }
        }
    }

    // ------------------------------------------------------------------ loss layers

    /// <summary>
    /// Checks a loss layer's <c>Backward(dout)</c> against central differences of <c>dout · Forward(x, t)</c>,
    /// on cases with tensors <c>x</c> (scores), <c>t</c> (targets) and a 0-D <c>dout</c>.
    /// </summary>
    public static void LossLayer(string property, IReadOnlyList<CaseSpec> specs, Func<ILossLayer> create, GradientHints hints,
        int tests = Properties.DefaultTests)
    {
        ArgumentNullException.ThrowIfNull(create);
        ArgumentNullException.ThrowIfNull(hints);
        Properties.ForAll(property, Gens.Case(specs), c => CheckLossLayer(c, create, hints), Gens.ShrinkCase, tests);
    }

    private static void CheckLossLayer(GradientCase c, Func<ILossLayer> create, GradientHints hints)
    {
        var s = hints.Subject;
        var x = c.Peek("x");
        var t = c.Peek("t");
        var dout = c.Peek("dout").Item();
        var layer = Call(create, s, c, hints.General) ?? throw Failure(Say($"{s} returned null instead of a layer.", $"{s} 返回了 null，而不是一个层。"), c, hints.General);

        Call(() => layer.Forward(-x, t.Copy()), $"{s}.Forward(x, t)", c, hints.General);
        var xIn = x.Copy();
        var tIn = t.Copy();
        Call(() => layer.Forward(xIn, tIn), $"{s}.Forward(x, t)", c, hints.General);
        ExpectUnchanged(x, xIn, $"{s}.Forward(x, t)", "x", c, hints.InPlace);
        ExpectUnchanged(t, tIn, $"{s}.Forward(x, t)", "t", c, hints.InPlace);
        var dx = Call(() => layer.Backward(dout), $"{s}.Backward(dout)", c, hints.General);
        ExpectUnchanged(x, xIn, $"{s}.Backward(dout)", Say("x (the one handed to Forward before)", "x（之前传给 Forward 的那个）"), c, hints.InPlace);
        ExpectUnchanged(t, tIn, $"{s}.Backward(dout)", Say("t (the one handed to Forward before)", "t（之前传给 Forward 的那个）"), c, hints.InPlace);
        ExpectShape(dx, x.Shape, $"{s}.Backward(dout)", "dx", c, Say("dx is the gradient with respect to the scores x, so it has x's shape (N, C).", "dx 是关于得分 x 的梯度，所以形状与 x 相同，为 (N, C)。"));

        Tensor NumericalFor(double weight) =>
            Nudge(x.Copy(), probe => weight * Call(() => layer.Forward(probe, t.Copy()), $"{s}.Forward(x, t)", c, hints.General));

        var pairs = new List<Pair> { new("dx", dx!.Copy(), NumericalFor(dout)) };
        IReadOnlyDictionary<string, Tensor> Fresh()
        {
            var again = create();
            again.Forward(x.Copy(), t.Copy());
            return new Dictionary<string, Tensor> { ["dx"] = again.Backward(dout) };
        }
        CallerTensors.ExpectLossLayerKeepsItsOwn(s, create, x, t, dout);
        Verify(pairs, c, hints, "dout · Forward(x, t)", _ => false, null,
            FreshLayer("Forward(x, t)", Say("Forward(−x, t) then Forward(x, t)", "Forward(−x, t) 再 Forward(x, t)"), "y, t", Fresh),
            IgnoresDout(_ => NumericalFor(1.0)));
    }

    // ------------------------------------------------------------------ scalar nodes

    /// <summary>
    /// Checks a node of the book's computational graph on numbers: <c>Backward(dout)</c> must be
    /// <c>dout · (∂f/∂x, ∂f/∂y)</c> of its Forward, on cases with 0-D tensors <c>x</c>, <c>y</c>, <c>dout</c>.
    /// </summary>
    public static void ScalarLayer(string property, IReadOnlyList<CaseSpec> specs, Func<IScalarLayer> create, GradientHints hints,
        int tests = Properties.DefaultTests)
    {
        ArgumentNullException.ThrowIfNull(create);
        ArgumentNullException.ThrowIfNull(hints);
        Properties.ForAll(property, Gens.Case(specs), c => CheckScalarLayer(c, create, hints), Gens.ShrinkCase, tests);
    }

    private static void CheckScalarLayer(GradientCase c, Func<IScalarLayer> create, GradientHints hints)
    {
        var s = hints.Subject;
        double x = c.Peek("x").Item(), y = c.Peek("y").Item(), dout = c.Peek("dout").Item();
        var layer = Call(create, s, c, hints.General) ?? throw Failure(Say($"{s} returned null instead of a layer.", $"{s} 返回了 null，而不是一个层。"), c, hints.General);
        Call(() => layer.Forward(-x + 1, -y - 1), $"{s}.Forward(x, y)", c, hints.General);
        Call(() => layer.Forward(x, y), $"{s}.Forward(x, y)", c, hints.General);
        var (dx, dy) = Call(() => layer.Backward(dout), $"{s}.Backward(dout)", c, hints.General);

        const double h = Tolerance.GradientStep;
        double F(double a, double b) => Call(() => layer.Forward(a, b), $"{s}.Forward(x, y)", c, hints.General);
        Tensor NumericalFor(string name, double weight) => Tensor.Scalar(weight * (name == "dx"
            ? (F(x + h, y) - F(x - h, y)) / (2 * h)
            : (F(x, y + h) - F(x, y - h)) / (2 * h)));

        var pairs = new List<Pair>
        {
            new("dx", Tensor.Scalar(dx), NumericalFor("dx", dout)),
            new("dy", Tensor.Scalar(dy), NumericalFor("dy", dout)),
        };
        IReadOnlyDictionary<string, Tensor> Fresh()
        {
            var again = create();
            again.Forward(x, y);
            var (fx, fy) = again.Backward(dout);
            return new Dictionary<string, Tensor> { ["dx"] = Tensor.Scalar(fx), ["dy"] = Tensor.Scalar(fy) };
        }
        Verify(pairs, c, hints, "dout · Forward(x, y)", _ => false, null,
            FreshLayer("Forward(x, y)", Say("Forward(1 − x, −1 − y) then Forward(x, y)", "Forward(1 − x, −1 − y) 再 Forward(x, y)"), "x, y", Fresh),
            IgnoresDout(name => NumericalFor(name, 1.0)));
    }

    // ------------------------------------------------------------------ models

    /// <summary>
    /// Checks a model's gradient by backpropagation against central differences of its loss, nudging each
    /// element of each parameter in place. <paramref name="create"/> builds the model for a case and sets
    /// its parameters to the case's tensors of the same names.
    /// </summary>
    public static void Model(string property, IReadOnlyList<CaseSpec> specs, Func<GradientCase, ModelProbe> create, GradientHints hints,
        int tests = Properties.DefaultTests)
    {
        ArgumentNullException.ThrowIfNull(create);
        ArgumentNullException.ThrowIfNull(hints);
        Properties.ForAll(property, Gens.Case(specs), c => CheckModel(c, create, hints), Gens.ShrinkCase, tests);
    }

    /// <summary>
    /// <see cref="Model"/> for an <see cref="ITwoLayerNet"/>: the net is made by <paramref name="create"/>, its
    /// <c>Params</c> are set in place to the case's tensors of the same names, and <c>Gradient(x, t)</c> is
    /// compared with central differences of <c>Loss(x, t)</c> — or of <paramref name="objective"/>, when given
    /// (named by <paramref name="objectiveName"/>). Also fails if Gradient changes a parameter, x or t.
    /// </summary>
    /// <remarks>
    /// Why another objective: the book's loss is <c>−log(y + δ)</c> with δ = 1e-7, whose exact derivative is
    /// <c>y/(y + δ)</c> times the <c>(y − t)/N</c> that backpropagation computes. Per row that is a relative
    /// difference of δ/y, harmless; but a parameter's gradient sums rows of opposite signs, and the sum can be
    /// far smaller than its terms, so the δ's share of it is unbounded. Differentiating the same network's
    /// <c>Predict</c> under the δ-free cross-entropy compares backpropagation with the very function it differentiates.
    /// </remarks>
    public static void Network(string property, IReadOnlyList<CaseSpec> specs, Func<GradientCase, ITwoLayerNet> create, GradientHints hints,
        Func<ITwoLayerNet, Tensor, Tensor, double>? objective = null, string objectiveName = "Loss(x, t)", int tests = Properties.DefaultTests)
    {
        ArgumentNullException.ThrowIfNull(create);
        Model(property, specs, c =>
        {
            var s = hints.Subject;
            var net = Call(() => create(c), s, c, hints.General) ?? throw Failure(Say($"{s} returned null instead of a network.", $"{s} 返回了 null，而不是一个网络。"), c, hints.General);
            var ps = Call(() => net.Params, $"{s}.Params", c, hints.General) ?? throw Failure(Say($"{s}.Params is null.", $"{s}.Params 是 null。"), c, hints.General);
            foreach (var name in c.ParameterNames)
            {
                if (!ps.TryGetValue(name, out var p) || p is null)
                {
                    throw Failure(Say($"{s}.Params has no \"{name}\".", $"{s}.Params 里没有 \"{name}\"。"), c,
                        Say("the network keeps W1, b1, W2, b2 in Params by these names.", "网络按 W1、b1、W2、b2 这些名字把参数存放在 Params 中。"),
                        (Say("Params has", "Params 中有"), string.Join(", ", ps.Keys)));
                }
                if (!p.ShapeSpan.SequenceEqual(c.Peek(name).ShapeSpan))
                {
                    throw Failure(Say($"{s}.Params[\"{name}\"] has shape {p.ShapeText}; expected {c.Peek(name).ShapeText}.",
                                      $"{s}.Params[\"{name}\"] 的形状是 {p.ShapeText}，期望 {c.Peek(name).ShapeText}。"), c, hints.General);
                }
                p.Assign(c.Peek(name));
            }
            var x = c.Peek("x");
            var t = c.Peek("t");
            Tensor? xIn = null, tIn = null;
            return new ModelProbe(ps,
                () => Call(() => objective is null ? net.Loss(x.Copy(), t.Copy()) : objective(net, x.Copy(), t.Copy()), $"{s}.{objectiveName}", c, hints.General),
                () =>
                {
                    xIn = x.Copy();
                    tIn = t.Copy();
                    var g = Call(() => net.Gradient(xIn, tIn), $"{s}.Gradient(x, t)", c, hints.General);
                    ExpectUnchanged(x, xIn, $"{s}.Gradient(x, t)", "x", c, hints.InPlace);
                    ExpectUnchanged(t, tIn, $"{s}.Gradient(x, t)", "t", c, hints.InPlace);
                    return g;
                }, objective is null ? "Loss(x, t)" : objectiveName,
                () => Call(() => net.Predict(x.Copy()), $"{s}.Predict(x)", c, hints.General));
        }, hints, tests);
    }

    private static void CheckModel(GradientCase c, Func<GradientCase, ModelProbe> create, GradientHints hints)
    {
        var s = hints.Subject;
        var model = create(c);
        var names = c.ParameterNames;
        var grads = model.Gradient() ?? throw Failure(Say($"{s}.Gradient(x, t) returned null.", $"{s}.Gradient(x, t) 返回了 null。"), c, hints.General);
        foreach (var name in names)
        {
            if (!model.Params[name].AsSpan().SequenceEqual(c.Peek(name).AsSpan()))
            {
                throw Failure(Say($"{s}.Gradient(x, t) changed the parameter {name}.", $"{s}.Gradient(x, t) 改变了参数 {name}。"), c,
                    Say("Gradient only computes; the training loop updates the parameters afterwards.", "Gradient 只做计算；参数由之后的训练循环更新。"),
                    (Say("before", "之前"), c.Peek(name).ToString()), (Say("after", "之后"), model.Params[name].ToString()));
            }
            if (!grads.TryGetValue(name, out var g) || g is null)
            {
                throw Failure(Say($"{s}.Gradient(x, t) has no \"{name}\".", $"{s}.Gradient(x, t) 里没有 \"{name}\"。"), c,
                    Say($"the gradient holds one entry per parameter, by the same names: {string.Join(", ", names)}.",
                        $"梯度对每个参数有一项，名字相同：{string.Join("、", names)}。"),
                    (Say("it has", "其中有"), grads.Count == 0 ? Say("(nothing)", "（什么都没有）") : string.Join(", ", grads.Keys)));
            }
            if (!g.ShapeSpan.SequenceEqual(c.Peek(name).ShapeSpan))
            {
                throw Failure(Say($"{s}.Gradient(x, t)[\"{name}\"] has shape {g.ShapeText}, but {name} has shape {c.Peek(name).ShapeText}.",
                                  $"{s}.Gradient(x, t)[\"{name}\"] 的形状是 {g.ShapeText}，而 {name} 的形状是 {c.Peek(name).ShapeText}。"), c,
                    hints.For("d" + name) + Say(" A gradient has the shape of what it is the gradient of.", " 梯度的形状与求梯度的对象相同。"));
            }
        }
        var pairs = names.Select(n => new Pair("d" + n, grads[n].Copy(), Nudge(model.Params[n], _ => model.Loss()))).ToList();
        foreach (var n in names)
        {
            if (!model.Params[n].AsSpan().SequenceEqual(c.Peek(n).AsSpan()))
            {
                throw Failure(Say($"{s}: {model.Objective} changed the parameter {n}.", $"{s}：{model.Objective} 改变了参数 {n}。"), c,
                    Say("a forward pass only computes; it changes no parameter.", "前向传播只做计算，不改变任何参数。"));
            }
        }
        Verify(pairs, c, hints, model.Objective, _ => true, model.Output is { } output ? name => Moves(model.Params[name[1..]], output) : null);
    }

    /// <summary>True when changing <paramref name="parameter"/> in place changes <paramref name="output"/> at all (it is restored after).</summary>
    private static bool Moves(Tensor parameter, Func<Tensor> output)
    {
        var before = output().Copy();
        var saved = parameter.Copy();
        var span = parameter.AsSpan();
        for (var i = 0; i < span.Length; i++) span[i] += 0.5 + 0.25 * (i % 3);
        try
        {
            var after = output();
            return !Tolerance.Golden.AcceptsAll(after, before);
        }
        finally
        {
            parameter.Assign(saved);
        }
    }

    // ------------------------------------------------------------------ numerical gradient and comparison

    /// <summary>Central differences of <paramref name="f"/> with respect to every element of <paramref name="t"/>, nudged in place and restored.</summary>
    private static Tensor Nudge(Tensor t, Func<Tensor, double> f)
    {
        const double h = Tolerance.GradientStep;
        var grad = Tensor.ZerosLike(t);
        for (var i = 0; i < t.Size; i++)
        {
            var keep = t.AsSpan()[i];
            t.AsSpan()[i] = keep + h;
            var plus = f(t);
            t.AsSpan()[i] = keep - h;
            var minus = f(t);
            t.AsSpan()[i] = keep;
            grad.AsSpan()[i] = (plus - minus) / (2 * h);
        }
        return grad;
    }

    private static double Dot(Tensor? output, Tensor weights, string call, GradientCase c)
    {
        if (output is null) throw Failure(Say($"{call} returned null.", $"{call} 返回了 null。"), c, Say("return the output tensor.", "要返回输出张量。"));
        if (!output.ShapeSpan.SequenceEqual(weights.ShapeSpan))
        {
            throw Failure(Say($"{call} returned shape {output.ShapeText} for a nudged input, {weights.ShapeText} before.",
                              $"{call} 对微调后的输入返回了形状 {output.ShapeText}，之前是 {weights.ShapeText}。"), c,
                Say("the output's shape depends only on the input's shape.", "输出的形状只取决于输入的形状。"));
        }
        var o = output.AsSpan();
        var w = weights.AsSpan();
        var sum = 0.0;
        for (var i = 0; i < o.Length; i++) sum += o[i] * w[i];
        return sum;
    }

    private sealed record Pair(string Name, Tensor Analytic, Tensor Numerical);

    /// <summary>One element's verdict: how many times over the tolerance it is (≤ 1 passes).</summary>
    internal static double Excess(double a, double n)
    {
        if (!double.IsFinite(a)) return double.PositiveInfinity;
        var tol = Tolerance.Gradient;
        var diff = Math.Abs(a - n);
        var relative = diff / Math.Max(Math.Abs(a) + Math.Abs(n), Tiny);
        return Math.Min(diff / tol.Absolute, relative / tol.Relative);
    }

    /// <summary>The cs231n relative error <c>|a − n| / max(|a| + |n|, tiny)</c>.</summary>
    public static double RelativeError(double a, double n) => Math.Abs(a - n) / Math.Max(Math.Abs(a) + Math.Abs(n), Tiny);

    /// <summary>A cause a failing gradient may have, with a test for it and what to tell the learner.</summary>
    private sealed record Explanation(Func<Pair, bool> Applies, Func<string, string> Message);

    /// <summary>
    /// Stale caches: a fresh layer that sees only the case's Forward gets the gradient right, while the layer that
    /// first saw another input does not — so Backward still uses something kept from the earlier Forward.
    /// </summary>
    private static Explanation FreshLayer(string once, string twice, string caches, Func<IReadOnlyDictionary<string, Tensor>> fresh)
    {
        IReadOnlyDictionary<string, Tensor>? result = null;
        var tried = false;
        return new Explanation(p =>
        {
            if (!tried)
            {
                tried = true;
                try { result = fresh(); }
                catch (Exception e) when (e is not (NotImplementedException or BlockNotAllowedException or OutOfMemoryException)) { result = null; }
            }
            return result is not null && result.TryGetValue(p.Name, out var g) && g is not null && AllClose(g, p.Numerical);
        }, name => Say($"a fresh layer given only {once} gets {name} right, but after {twice} yours does not: Backward answers for an " +
                       $"earlier Forward. Overwrite everything Forward keeps ({caches}) on every call.",
                       $"新建的层只调用 {once} 时 {name} 是对的，但先调用 {twice} 后你的就不对了：Backward 用的是更早那次 " +
                       $"Forward 的结果。每次调用 Forward 都要覆盖它保存的所有东西（{caches}）。"));
    }

    /// <summary>Backward ignores its dout: the gradient equals the one for dout = all ones.</summary>
    private static Explanation IgnoresDout(Func<string, Tensor> withUnitDout) =>
        new(p => AllClose(p.Analytic, withUnitDout(p.Name)),
            name => Say($"your {name} is the gradient for dout = all ones: Backward ignores dout. Multiply by dout (the chain rule).",
                        $"你的 {name} 是 dout 全为 1 时的梯度：Backward 忽略了 dout。要乘以 dout（链式法则）。"));

    private static bool AllClose(Tensor a, Tensor n)
    {
        if (!a.ShapeSpan.SequenceEqual(n.ShapeSpan)) return false;
        var x = a.AsSpan();
        var y = n.AsSpan();
        for (var i = 0; i < x.Length; i++) if (Excess(x[i], y[i]) > 1) return false;
        return true;
    }

    private static void Verify(List<Pair> pairs, GradientCase c, GradientHints hints, string objective,
        Func<string, bool> isParameter, Func<string, bool>? outputMoves, params Explanation[] explanations)
    {
        var worst = (Pair: (Pair?)null, Index: -1, Excess: 0.0);
        var off = new Dictionary<string, int>();
        foreach (var p in pairs)
        {
            var a = p.Analytic.AsSpan();
            var n = p.Numerical.AsSpan();
            var count = 0;
            for (var i = 0; i < a.Length; i++)
            {
                var e = Excess(a[i], n[i]);
                if (e <= 1) continue;
                count++;
                if (e > worst.Excess) worst = (p, i, e);
            }
            off[p.Name] = count;
        }
        if (worst.Pair is null) return;

        var w = worst.Pair;
        var shape = w.Analytic.Shape;
        var index = w.Analytic.Ndim == 0 ? "" : "[" + string.Join(", ", Expect.Unravel(worst.Index, shape)) + "]";
        double av = w.Analytic.AsSpan()[worst.Index], nv = w.Numerical.AsSpan()[worst.Index];
        var tol = Tolerance.Gradient;
        var summary = string.Join(" · ", pairs.Select(p => off[p.Name] == 0 ? $"{p.Name} ✓"
            : Say($"{p.Name} ✗ {off[p.Name]} of {p.Analytic.Size} off", $"{p.Name} ✗ {p.Analytic.Size} 个中 {off[p.Name]} 个不符")));
        var relative = RelativeError(av, nv).ToString("G3", CultureInfo.InvariantCulture);
        var lines = new List<(string, string)>
        {
            (Say("worst element", "最差的元素"), Say(
                $"{w.Name}{index}: yours {Tensor.FormatNumber(av)}, numerical {Tensor.FormatNumber(nv)}, relative error {relative}",
                $"{w.Name}{index}：你的 {Tensor.FormatNumber(av)}，数值的 {Tensor.FormatNumber(nv)}，相对误差 {relative}")),
            (Say("tolerance", "容差"), Say(
                $"|yours − numerical| ≤ {Tensor.FormatNumber(tol.Absolute)} or |yours − numerical| / (|yours| + |numerical|) ≤ {Tensor.FormatNumber(tol.Relative)}",
                $"|你的 − 数值的| ≤ {Tensor.FormatNumber(tol.Absolute)}，或 |你的 − 数值的| / (|你的| + |数值的|) ≤ {Tensor.FormatNumber(tol.Relative)}")),
            (Say($"{w.Name} yours", $"你的 {w.Name}"), w.Analytic.ToString()),
            (Say($"{w.Name} numerical", $"数值的 {w.Name}"), Say(
                $"{w.Numerical}   (central differences of {objective}, h = {Tensor.FormatNumber(Tolerance.GradientStep)})",
                $"{w.Numerical}   （{objective} 的中心差分，h = {Tensor.FormatNumber(Tolerance.GradientStep)}）")),
            (Say("gradients", "各梯度"), summary),
        };
        var diagnosis = Diagnose(w, c, isParameter(w.Name), outputMoves, hints.Suspects, explanations, objective);
        if (diagnosis is not null) lines.Add((Say("looks like", "看起来像"), diagnosis));
        throw CheckFailure.Of(Say($"{hints.Subject}: {w.Name} does not match the numerical gradient.", $"{hints.Subject}：{w.Name} 与数值梯度不一致。"), lines, hints.For(w.Name));
    }

    /// <summary>True when the case's tensor <paramref name="name"/> has <paramref name="batch"/> rows that are all the same (within tolerance).</summary>
    private static bool RowsAlike(GradientCase c, string name, int batch)
    {
        if (!c.Has(name)) return false;
        var t = c.Peek(name);
        if (t.Ndim < 2 || t.Dim(0) != batch) return false;
        var v = t.AsSpan();
        var row = v.Length / batch;
        for (var i = row; i < v.Length; i++)
        {
            if (Excess(v[i], v[i % row]) > 1) return false;
        }
        return true;
    }

    /// <summary>True when every element is below the gradient tolerance's floor.</summary>
    private static bool Negligible(Tensor t)
    {
        foreach (var e in t.AsSpan()) if (!(Math.Abs(e) <= Tolerance.Gradient.Absolute)) return false;
        return true;
    }

    /// <summary>Says what a wrong gradient looks like, when the failing case proves it (else nothing).</summary>
    /// <param name="outputMoves">Whether nudging a parameter in place moves the output at all; null when that cannot be told.</param>
    private static string? Diagnose(Pair p, GradientCase c, bool isParameter, Func<string, bool>? outputMoves, IReadOnlyList<Suspect> suspects,
        Explanation[] explanations, string objective)
    {
        var floor = Tolerance.Gradient.Absolute;
        var name = p.Name;
        var of = name.Length > 1 ? name[1..] : name;
        bool AllSmall(ReadOnlySpan<double> v) { foreach (var e in v) if (!(Math.Abs(e) <= floor)) return false; return true; }

        // A parameter that does not move the output at all (not only this objective) is not the one computed with.
        if (isParameter && AllSmall(p.Numerical.AsSpan()) && !AllSmall(p.Analytic.AsSpan()) && outputMoves is not null && !outputMoves(p.Name))
        {
            return Say($"nudging Params[\"{of}\"] in place does not change {objective} at all: it is computed with another " +
                       $"tensor than the one in Params (a copy?). Keep the very {of} in Params that Forward computes with.",
                       $"原地微调 Params[\"{of}\"] 完全不改变 {objective}：计算用的是另一个张量，而不是 Params 里的那个" +
                       $"（一个副本？）。Params 里放的必须正是 Forward 计算时用的那个 {of}。");
        }
        foreach (var suspect in suspects.Where(x => x.Gradient == p.Name))
        {
            Tensor? wrong;
            try { wrong = suspect.Compute(c); }
            catch (Exception e) when (e is ShapeException or IndexOutOfRangeException or ArgumentException or InvalidOperationException) { wrong = null; }
            if (wrong is not null && AllClose(p.Analytic, wrong) && !AllClose(p.Numerical, wrong)) return suspect.Message;
        }
        foreach (var e in explanations)
        {
            if (e.Applies(p)) return e.Message(p.Name);
        }

        var a = p.Analytic.AsSpan();
        var n = p.Numerical.AsSpan();

        if (AllSmall(a) && !AllSmall(n))
        {
            return isParameter
                ? Say($"your {name} is all zeros: does Backward compute it and store it in Grads[\"{of}\"]?",
                      $"你的 {name} 全是零：Backward 算出它并存进 Grads[\"{of}\"] 了吗？")
                : Say($"your {name} is all zeros, while {objective} does change with {of}.",
                      $"你的 {name} 全是零，可是 {objective} 确实随 {of} 变化。");
        }
        if (AllSmall(n) && !AllSmall(a)) return Say($"{objective} does not change with {of}, yet your {name} is not zero.", $"{objective} 不随 {of} 变化，你的 {name} 却不是零。");

        // A constant factor: yours = k · numerical. One number is always a multiple of another, so it takes two.
        double an = 0, nn = 0;
        var informative = 0;
        for (var i = 0; i < a.Length; i++)
        {
            an += a[i] * n[i];
            nn += n[i] * n[i];
            if (Math.Abs(n[i]) > floor) informative++;
        }
        if (informative >= 1 && double.IsFinite(an))
        {
            var k = an / nn;
            var fits = true;
            for (var i = 0; i < a.Length && fits; i++) fits = Excess(a[i], k * n[i]) <= 1;
            if (fits && Math.Abs(k - 1) > 1e-6)
            {
                // With one number any ratio fits; only the telling ones (−1, the batch size) are worth a word then.
                var batch = c.BatchSize;
                string K(double v) => v.ToString("G4", CultureInfo.InvariantCulture);
                if (Math.Abs(k + 1) < 1e-6) return Say($"your {name} is exactly −1 × the numerical one: the sign is flipped.", $"你的 {name} 恰好是数值梯度的 −1 倍：符号反了。");
                if (batch > 1 && Math.Abs(k - batch) < 1e-6 * batch)
                {
                    return Say($"your {name} is {batch} × the numerical one, and the batch has N = {batch} rows: a division by the batch size is missing.",
                               $"你的 {name} 是数值梯度的 {batch} 倍，而批次正好有 N = {batch} 行：少了除以批大小这一步。");
                }
                // With every row of dout alike, one row of dout is also 1/N of the sum: then the case cannot tell the two apart.
                if (batch > 1 && Math.Abs(k * batch - 1) < 1e-6 && !RowsAlike(c, "dout", batch))
                {
                    return Say($"your {name} is 1/{batch} of the numerical one, and the batch has N = {batch} rows: it is divided by the batch size " +
                               "once too often (an average where a sum belongs?).",
                               $"你的 {name} 是数值梯度的 1/{batch}，而批次正好有 N = {batch} 行：多除了一次批大小（该求和的地方求了平均？）。");
                }
                // A factor far from 1 (10⁵) says the two are unrelated, not that a constant is off: then say nothing.
                if (informative >= 2 && Math.Abs(k) is > 1e-2 and < 1e2)
                {
                    return Say($"your {name} is {K(k)} × the numerical one everywhere: a constant factor is wrong.", $"你的 {name} 处处是数值梯度的 {K(k)} 倍：某个常数因子错了。");
                }
            }
        }

        if (p.Analytic.Ndim == 2 && p.Analytic.Dim(0) == p.Analytic.Dim(1) && p.Analytic.Dim(0) > 1)
        {
            var nt = p.Numerical.T.AsSpan();
            var transposed = true;
            for (var i = 0; i < a.Length && transposed; i++) transposed = Excess(a[i], nt[i]) <= 1;
            if (transposed) return Say($"your {name} is the transpose of the numerical one: check which factor is transposed, and their order.", $"你的 {name} 是数值梯度的转置：检查转置的是哪个因子，以及因子的顺序。");
        }

        bool offOnlyWhere(Func<double, double, bool> where, ReadOnlySpan<double> aa, ReadOnlySpan<double> nn2)
        {
            var any = false;
            for (var i = 0; i < aa.Length; i++)
            {
                if (Excess(aa[i], nn2[i]) <= 1) continue;
                if (!where(aa[i], nn2[i])) return false;
                any = true;
            }
            return any;
        }
        if (offOnlyWhere((_, nv) => Math.Abs(nv) <= floor, a, n))
            return Say($"your {name} is wrong only where the numerical gradient is 0: gradient leaks through where it should be blocked.", $"你的 {name} 只在数值梯度为 0 的地方出错：该挡住梯度的地方漏过去了。");
        if (offOnlyWhere((av, _) => Math.Abs(av) <= floor, a, n))
            return Say($"your {name} is 0 in places where the numerical gradient is not: gradient is blocked where it should pass.", $"你的 {name} 在数值梯度不为 0 的地方是 0：该通过梯度的地方被挡住了。");
        return null;
    }

    // ------------------------------------------------------------------ guarded calls and messages

    /// <summary>Runs the learner's code; an exception (other than "not started") becomes a failure naming the call and the case's shapes.</summary>
    private static T Call<T>(Func<T> f, string call, GradientCase c, string hint)
    {
        try
        {
            return f();
        }
        catch (Exception e) when (e is not (CheckFailure or NotImplementedException or BlockNotAllowedException or OutOfMemoryException))
        {
            throw CheckFailure.Of(Say($"{call} threw {e.GetType().Name}.", $"{call} 抛出了 {e.GetType().Name}。"), [(Say("shapes", "形状"), c.Shapes), (Say("error", "错误"), Grader.CrashMessage(e))], hint, thrown: e);
        }
    }

    private static void ExpectShape(Tensor? actual, int[] expected, string call, string what, GradientCase c, string hint)
    {
        if (actual is null) throw Failure(Say($"{call} returned null.", $"{call} 返回了 null。"), c, Say($"return {what} as a tensor.", $"把{what}作为张量返回。"));
        if (actual.ShapeSpan.SequenceEqual(expected)) return;
        throw Failure(Say($"{call} returned {what} of the wrong shape.", $"{call} 返回的{what}形状不对。"), c, hint,
            (Say("shapes", "形状"), c.Shapes), (Say("expected shape", "期望的形状"), ShapeException.Format(expected)), (Say("your shape", "你的形状"), actual.ShapeText));
    }

    private static void ExpectUnchanged(Tensor original, Tensor handed, string call, string argument, GradientCase c, string hint)
    {
        if (original.AsSpan().SequenceEqual(handed.AsSpan()) && original.ShapeSpan.SequenceEqual(handed.ShapeSpan)) return;
        throw Failure(Say($"{call} changed {argument} in place.", $"{call} 原地修改了 {argument}。"), c, hint,
            (Say("before the call", "调用前"), original.ToString()), (Say("after the call", "调用后"), handed.ToString()));
    }

    private static CheckFailure Failure(string summary, GradientCase c, string hint, params (string, string)[] lines) =>
        CheckFailure.Of(summary, lines, hint);

    /// <summary>A plain function with a hand-written backward, seen as a layer without parameters.</summary>
    private sealed class FunctionLayer(Func<Tensor, Tensor> forward, Func<Tensor, Tensor, Tensor> backward) : ILayer
    {
        private Tensor? _x;

        public Tensor Forward(Tensor x, bool train = true)
        {
            _x = x.Copy();
            return forward(x);
        }

        public Tensor Backward(Tensor dout) => backward(_x ?? throw new InvalidOperationException("Backward before Forward."), dout);

        public IReadOnlyDictionary<string, Tensor> Params { get; } = new Dictionary<string, Tensor>();

        public IReadOnlyDictionary<string, Tensor> Grads { get; } = new Dictionary<string, Tensor>();
    }
}
