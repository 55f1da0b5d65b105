using System.Globalization;
using System.Text;
using DeepLearningKata.Contracts;
using FsCheck.Fluent;

namespace DeepLearningKata.Checks.Chapter06;

/// <summary>Which optimizer a case runs, with its hyperparameters.</summary>
public enum OptimizerKind
{
    Sgd,
    Momentum,
    AdaGrad,
    Adam,
}

/// <summary>
/// A generated run of an optimizer: parameters by name with their start values, one gradient per name for every
/// step, and the hyperparameters. Prints itself with every number exact.
/// </summary>
public sealed record OptimizerCase(OptimizerKind Kind, string[] Names, int[][] Shapes, double[][] Init, double[][][] Grads, double Lr, double A, double B)
{
    public int Steps => Grads.Length;

    /// <summary>How the optimizer is made, for messages: <c>CreateAdam(0.1, 0.9, 0.999)</c>.</summary>
    public string Call => Kind switch
    {
        OptimizerKind.Sgd => $"CreateSgd({N(Lr)})",
        OptimizerKind.Momentum => $"CreateMomentum({N(Lr)}, {N(A)})",
        OptimizerKind.AdaGrad => $"CreateAdaGrad({N(Lr)})",
        _ => $"CreateAdam({N(Lr)}, {N(A)}, {N(B)})",
    };

    public IOptimizer Create(IChapter6 c) => Kind switch
    {
        OptimizerKind.Sgd => c.CreateSgd(Lr),
        OptimizerKind.Momentum => c.CreateMomentum(Lr, A),
        OptimizerKind.AdaGrad => c.CreateAdaGrad(Lr),
        _ => c.CreateAdam(Lr, A, B),
    };

    public Dictionary<string, Tensor> Parameters() =>
        Names.Select((n, i) => (n, t: new Tensor((double[])Init[i].Clone(), Shapes[i]))).ToDictionary(p => p.n, p => p.t);

    public Dictionary<string, Tensor> GradsAt(int step) =>
        Names.Select((n, i) => (n, t: new Tensor((double[])Grads[step][i].Clone(), Shapes[i]))).ToDictionary(p => p.n, p => p.t);

    public override string ToString()
    {
        var sb = new StringBuilder($"{Call}, {Steps} Update(s)");
        for (var i = 0; i < Names.Length; i++)
        {
            sb.Append($"\n    {Names[i]} {ShapeException.Format(Shapes[i])} = [{string.Join(", ", Init[i].Select(N))}]");
            for (var s = 0; s < Steps; s++) sb.Append(Say($"\n      grad of step {s + 1} = [{string.Join(", ", Grads[s][i].Select(N))}]", $"\n      第 {s + 1} 步的梯度 = [{string.Join(", ", Grads[s][i].Select(N))}]"));
        }
        return sb.ToString();
    }

    private static string N(double v) => v.ToString("R", CultureInfo.InvariantCulture);
}

/// <summary>
/// The four update rules written out on plain arrays, independently of the reference: what the checks expect.
/// </summary>
public sealed class OptimizerOracle(OptimizerKind kind, double lr, double a, double b)
{
    private readonly Dictionary<string, double[]> _s1 = [];
    private readonly Dictionary<string, double[]> _s2 = [];
    private int _t;

    public void Update(IReadOnlyDictionary<string, double[]> parameters, IReadOnlyDictionary<string, double[]> grads)
    {
        _t++;
        foreach (var (name, p) in parameters)
        {
            var g = grads[name];
            if (!_s1.TryGetValue(name, out var s1)) _s1[name] = s1 = new double[p.Length];
            if (!_s2.TryGetValue(name, out var s2)) _s2[name] = s2 = new double[p.Length];
            for (var i = 0; i < p.Length; i++)
            {
                switch (kind)
                {
                    case OptimizerKind.Sgd:
                        p[i] -= lr * g[i];
                        break;
                    case OptimizerKind.Momentum:
                        s1[i] = a * s1[i] - lr * g[i];
                        p[i] += s1[i];
                        break;
                    case OptimizerKind.AdaGrad:
                        s1[i] += g[i] * g[i];
                        p[i] -= lr * g[i] / (Math.Sqrt(s1[i]) + 1e-7);
                        break;
                    default:
                        var lrT = lr * Math.Sqrt(1 - Math.Pow(b, _t)) / (1 - Math.Pow(a, _t));
                        s1[i] += (1 - a) * (g[i] - s1[i]);
                        s2[i] += (1 - b) * (g[i] * g[i] - s2[i]);
                        p[i] -= lrT * s1[i] / (Math.Sqrt(s2[i]) + 1e-7);
                        break;
                }
            }
        }
    }

    /// <summary>The parameters after every step of the case: [step][name] → values.</summary>
    public static double[][][] Run(OptimizerCase c)
    {
        var oracle = new OptimizerOracle(c.Kind, c.Lr, c.A, c.B);
        var p = c.Names.Select((n, i) => (n, v: (double[])c.Init[i].Clone())).ToDictionary(x => x.n, x => x.v);
        var result = new double[c.Steps][][];
        for (var s = 0; s < c.Steps; s++)
        {
            oracle.Update(p, c.Names.Select((n, i) => (n, v: c.Grads[s][i])).ToDictionary(x => x.n, x => x.v));
            result[s] = c.Names.Select(n => (double[])p[n].Clone()).ToArray();
        }
        return result;
    }
}

[Exercise("6.1", "Optimizers", TimeoutSeconds = 30)]
public sealed class OptimizersChecks
{
    internal static IReadOnlyDictionary<OptimizerKind, string> Hints => new Dictionary<OptimizerKind, string>
    {
        [OptimizerKind.Sgd] = Say("SGD: a step of lr against the gradient, for every parameter, in place (the network's own tensor must change).", "SGD：对每个参数原地逆着梯度走 lr 一步（网络自己的张量必须发生变化）。") + More,
        [OptimizerKind.Momentum] = Say("Momentum: a velocity per parameter (zeros at first), decayed by the momentum and pushed by −lr·g, then added to " +
                                   "the parameter; keep the α·v term, and subtract lr·g (adding it climbs uphill).", "Momentum：每个参数一个速度（一开始是零），按 momentum 衰减，再加上 −lr·g，然后加到参数上；保留 α·v 这一项，并减去 lr·g（加上它就是往上坡走）。") + More,
        [OptimizerKind.AdaGrad] = Say("AdaGrad: h accumulates g·g — a running sum over all steps, never reset — and the step is lr·g divided by " +
                                  "(√h + 1e-7), with the 1e-7 after the square root.", "AdaGrad：h 累加 g·g——对所有步的累计和，从不清零——每一步是 lr·g 除以 (√h + 1e-7)，1e-7 放在平方根外面。") + More,
        [OptimizerKind.Adam] = Say("Adam: the step counter grows once per Update, not per parameter; the bias correction is folded into lr_t (see the " +
                               "Formula); m and v are moving averages of g and g²; the 1e-7 goes after the square root.", "Adam：步数计数器每次 Update 加一，而不是每个参数加一；偏差修正并入 lr_t（见 Formula）；m 和 v 是 g 和 g² 的移动平均；1e-7 放在平方根外面。") + More,
    };

    private const string More = " More: ./run-checks.sh --hint 6.1";

    private static readonly string[] AllNames = ["W1", "b1", "W2", "b2"];

    internal static FsCheck.Gen<OptimizerCase> Cases(OptimizerKind kind, int maxNames = 3, int maxSteps = 5) =>
        from count in Gen.Choose(1, maxNames)
        from shapes in Gen.ArrayOf(from r in Gen.Choose(1, 3) from c in Gen.Choose(1, 3) select new[] { r, c }, count)
        from init in Gen.CollectToArray(shapes.Select(s => Gen.ArrayOf(Gens.Double(-3, 3), s[0] * s[1])))
        from steps in Gen.Choose(1, maxSteps)
        from scales in Gen.ArrayOf(Gen.Choose(-3, 1).Select(k => Math.Pow(10, k)), count)
        from grads in Gen.CollectToArray(Enumerable.Range(0, steps).Select(_ =>
            Gen.CollectToArray(shapes.Select((s, i) => Gen.ArrayOf(Gens.Double(-2, 2).Select(v => v * scales[i]), s[0] * s[1])))))
        from lr in Gens.Double(0.001, 0.5)
        from a in Gens.Double(0.5, 0.95)
        from b in Gens.Double(0.9, 0.999)
        select new OptimizerCase(kind, AllNames[..count], shapes, init, grads, lr, a, b);

    internal static IEnumerable<OptimizerCase> Shrink(OptimizerCase c)
    {
        if (c.Steps > 1) yield return c with { Grads = c.Grads[..1] };
        if (c.Steps > 2) yield return c with { Grads = c.Grads[..^1] };
        if (c.Names.Length > 1)
        {
            yield return c with { Names = c.Names[..1], Shapes = c.Shapes[..1], Init = c.Init[..1], Grads = c.Grads.Select(g => g[..1]).ToArray() };
        }
    }

    /// <summary>Runs the subject on a case, comparing every parameter with the oracle after every step.</summary>
    internal static void RunAndCompare(IChapter6 chapter, OptimizerCase c, string hint)
    {
        var optimizer = c.Create(chapter);
        var parameters = c.Parameters();
        var expected = OptimizerOracle.Run(c);
        for (var s = 0; s < c.Steps; s++)
        {
            optimizer.Update(parameters, c.GradsAt(s));
            for (var i = 0; i < c.Names.Length; i++)
            {
                Expect.Close(parameters[c.Names[i]], new Tensor(expected[s][i], c.Shapes[i]),
                    Say($"parameters[\"{c.Names[i]}\"] after Update {s + 1} of {c.Steps} ({c.Call})", $"第 {s + 1} 次 Update（共 {c.Steps} 次）之后的 parameters[\"{c.Names[i]}\"]（{c.Call}）"), Tolerance.Value, [(Say("case", "用例"), c.ToString())], hint);
            }
        }
    }

    [Check("gives the worked example: p = [1, -2], g = [0.5, -1], lr = 0.1, two Updates of each optimizer",
           "给出示例的结果：p = [1, -2]，g = [0.5, -1]，lr = 0.1，每个优化器调用两次 Update")]
    public void WorkedExample(IChapter6 c)
    {
        var cases = new (OptimizerKind Kind, Func<IOptimizer> Create, string Call, double[] First, double[] Second)[]
        {
            (OptimizerKind.Sgd, () => c.CreateSgd(0.1), "CreateSgd(0.1)", [0.95, -1.9], [0.9, -1.8]),
            (OptimizerKind.Momentum, () => c.CreateMomentum(0.1), "CreateMomentum(0.1)", [0.95, -1.9], [0.855, -1.71]),
            (OptimizerKind.AdaGrad, () => c.CreateAdaGrad(0.1), "CreateAdaGrad(0.1)", [0.900000019999996, -1.900000009999999], [0.8292893518813398, -1.8292893368813439]),
            (OptimizerKind.Adam, () => c.CreateAdam(0.1), "CreateAdam(0.1)", [0.9000006324515321, -1.900000316226766], [0.8000010797749726, -1.800000539888987]),
        };
        foreach (var (kind, create, call, first, second) in cases)
        {
            var p = Tensor.From(1.0, -2.0);
            var g = Tensor.From(0.5, -1.0);
            var optimizer = create();
            var parameters = new Dictionary<string, Tensor> { ["W"] = p };
            IEnumerable<(string, string)> inputs = [("p", "[1, -2]"), ("g", Say("[0.5, -1] (both steps)", "[0.5, -1]（两步都是）"))];
            optimizer.Update(parameters, new Dictionary<string, Tensor> { ["W"] = g.Copy() });
            Expect.Close(p, Tensor.From(first), Say($"{call}: p after one Update", $"{call}：一次 Update 之后的 p"), Tolerance.Value, inputs, Hints[kind]);
            optimizer.Update(parameters, new Dictionary<string, Tensor> { ["W"] = g.Copy() });
            Expect.Close(p, Tensor.From(second), Say($"{call}: p after two Updates", $"{call}：两次 Update 之后的 p"), Tolerance.Value, inputs, Hints[kind]);
        }
    }

    [Check("SGD steps p −= lr·g, for random parameters, gradients and learning rates",
           "对随机的参数、梯度和学习率，SGD 按 p −= lr·g 更新")]
    public void SgdMatchesOracle(IChapter6 c) =>
        Properties.ForAll("6.1 sgd", Cases(OptimizerKind.Sgd), k => RunAndCompare(c, k, Hints[OptimizerKind.Sgd]), Shrink);

    [Check("Momentum steps v = α·v − lr·g, p += v, over several Updates",
           "多次 Update 中，Momentum 按 v = α·v − lr·g、p += v 更新")]
    public void MomentumMatchesOracle(IChapter6 c) =>
        Properties.ForAll("6.1 momentum", Cases(OptimizerKind.Momentum), k => RunAndCompare(c, k, Hints[OptimizerKind.Momentum]), Shrink);

    [Check("AdaGrad steps h += g², p −= lr·g/(√h + 1e-7), over several Updates",
           "多次 Update 中，AdaGrad 按 h += g²、p −= lr·g/(√h + 1e-7) 更新")]
    public void AdaGradMatchesOracle(IChapter6 c) =>
        Properties.ForAll("6.1 adagrad", Cases(OptimizerKind.AdaGrad), k => RunAndCompare(c, k, Hints[OptimizerKind.AdaGrad]), Shrink);

    [Check("Adam steps with its moments and the bias correction folded into lr_t, over several Updates",
           "多次 Update 中，Adam 用它的矩估计更新，偏差修正并入 lr_t")]
    public void AdamMatchesOracle(IChapter6 c) =>
        Properties.ForAll("6.1 adam", Cases(OptimizerKind.Adam), k => RunAndCompare(c, k, Hints[OptimizerKind.Adam]), Shrink);

    [Check("Adam's first step moves each parameter by about lr against the sign of its gradient, whatever the gradient's scale",
           "不论梯度大小如何，Adam 的第一步都把每个参数朝梯度符号的反方向移动约 lr")]
    public void AdamFirstStepIsBiasCorrected(IChapter6 c) =>
        Properties.ForAll("6.1 adam first step",
            from p in Gens.OfShape(-3, 3, 4)
            from g in Gens.OfShape(0.5, 2, 4)
            from signs in Gen.ArrayOf(Gen.Elements(-1.0, 1.0), 4)
            from scale in Gen.Choose(-2, 3).Select(k => Math.Pow(10, k))
            from lr in Gens.Double(0.01, 0.5)
            select (p: p.Value, g: g.Value * Tensor.From(signs) * scale, lr),
            k =>
            {
                var parameters = new Dictionary<string, Tensor> { ["W"] = k.p.Copy() };
                c.CreateAdam(k.lr).Update(parameters, new Dictionary<string, Tensor> { ["W"] = k.g.Copy() });
                var step = parameters["W"] - k.p;
                var expected = k.g.Apply(v => -Math.Sign(v) * k.lr);
                // |g| ≥ 0.005 here, so 1e-7 / (√(1 − β2)·|g|) ≤ 6.4e-4 is all the step may fall short of lr.
                Expect.Close(step, expected, Say("the first step of CreateAdam(lr): p after Update − p before", "CreateAdam(lr) 的第一步：Update 之后的 p − 之前的 p"), new Tolerance(0, 1e-3),
                    [Expect.Input("p", k.p), Expect.Input("g", k.g), ("lr", Tensor.FormatNumber(k.lr))],
                    Say("after one step m = (1 − β1)·g and v = (1 − β2)·g², both far too small; lr_t = lr·√(1 − β2)/(1 − β1) corrects exactly " +
                    "that, so the first step is lr·g/|g|. Without the correction it is √(1 − β2)/(1 − β1) ≈ 0.32 of that or, without " +
                    "the square root in lr_t, far off; with the 1e-7 inside the square root it shrinks for small gradients.", "一步之后 m = (1 − β1)·g，v = (1 − β2)·g²，两者都太小了；lr_t = lr·√(1 − β2)/(1 − β1) 正好修正这一点，所以第一步是 lr·g/|g|。没有修正的话只有它的 √(1 − β2)/(1 − β1) ≈ 0.32 倍；lr_t 里没有平方根的话会差得很远；把 1e-7 放进平方根里，梯度小时步子会缩小。"));
            });

    [Check("keeps the state of each parameter name apart: W and b with different gradients each get their own v, h, m",
           "按参数名分别保存状态：梯度不同的 W 和 b 各有自己的 v、h、m")]
    public void StatePerName(IChapter6 c)
    {
        foreach (var kind in new[] { OptimizerKind.Momentum, OptimizerKind.AdaGrad, OptimizerKind.Adam })
        {
            var k = new OptimizerCase(kind, ["W", "b"], [[2], [2]], [[1.0, -1.0], [1.0, -1.0]],
                [[[0.5, -0.25], [-2.0, 4.0]], [[0.5, -0.25], [-2.0, 4.0]], [[0.5, -0.25], [-2.0, 4.0]]], 0.1, 0.9, 0.999);
            var optimizer = k.Create(c);
            var parameters = k.Parameters();
            var expected = OptimizerOracle.Run(k);
            for (var s = 0; s < k.Steps; s++)
            {
                optimizer.Update(parameters, k.GradsAt(s));
                for (var i = 0; i < 2; i++)
                {
                    Expect.Close(parameters[k.Names[i]], Tensor.From(expected[s][i]), Say($"parameters[\"{k.Names[i]}\"] after Update {s + 1} ({k.Call})", $"第 {s + 1} 次 Update 之后的 parameters[\"{k.Names[i]}\"]（{k.Call}）"),
                        Tolerance.Value, [(Say("case", "用例"), k.ToString())],
                        Say("W and b start equal but get different gradients, so each needs its own state: keep v, h (and m) in a " +
                        "Dictionary<string, Tensor> by the parameter's name, not in one field shared by all parameters. Adam's iter " +
                        "counts Updates, not parameters.", "W 和 b 初始值相同但梯度不同，所以各自需要自己的状态：把 v、h（和 m）按参数名存在 Dictionary<string, Tensor> 里，不要放在所有参数共用的一个字段里。Adam 的 iter 数的是 Update 的次数，不是参数的个数。"));
                }
            }
        }
    }

    [Check("changes the very parameter tensors in place, and leaves the gradients unchanged",
           "原地修改参数张量本身，不修改梯度")]
    public void UpdatesInPlace(IChapter6 c)
    {
        foreach (var kind in Enum.GetValues<OptimizerKind>())
        {
            var k = new OptimizerCase(kind, ["W", "b"], [[2, 2], [2]], [[1.0, -2.0, 0.5, 3.0], [0.25, -0.5]],
                [[[0.5, -1.0, 2.0, -0.1], [1.0, 0.5]]], 0.1, 0.9, 0.999);
            var parameters = k.Parameters();
            var held = parameters.ToDictionary(p => p.Key, p => p.Value);
            var grads = k.GradsAt(0);
            var gradsBefore = grads.ToDictionary(g => g.Key, g => g.Value.Copy());
            var view = new Dictionary<string, Tensor>(parameters);
            k.Create(c).Update(view, grads);
            var expected = OptimizerOracle.Run(k)[0];
            for (var i = 0; i < 2; i++)
            {
                var name = k.Names[i];
                Expect.That(ReferenceEquals(view[name], held[name]), Say($"{k.Call}.Update replaced parameters[\"{name}\"] with another tensor.", $"{k.Call}.Update 把 parameters[\"{name}\"] 换成了另一个张量。"),
                    [(Say("case", "用例"), k.ToString())],
                    Say("update the tensor that is there, in place (p.Assign(...), p.SubtractInPlace(...)); the network holds that very tensor.", "原地更新已有的那个张量（p.Assign(...)、p.SubtractInPlace(...)）；网络持有的正是这个张量。"));
                Expect.Close(held[name], new Tensor(expected[i], k.Shapes[i]), Say($"the network's own tensor \"{name}\" after {k.Call}.Update", $"{k.Call}.Update 之后网络自己的张量 \"{name}\""),
                    Tolerance.Value, [(Say("case", "用例"), k.ToString())],
                    Say("the tensor in parameters must itself change: p = p − lr·g only makes a new tensor and leaves the network's " +
                    "weights as they were. Write p.SubtractInPlace(g, lr) or p.Assign(p − lr·g).", "parameters 里的张量本身必须改变：p = p − lr·g 只是创建一个新张量，网络的权重保持原样。要写 p.SubtractInPlace(g, lr) 或 p.Assign(p − lr·g)。"));
                Expect.Unchanged(gradsBefore[name], grads[name], $"{k.Call}.Update(parameters, grads)", $"grads[\"{name}\"]");
            }
        }
    }

    /// <summary>f(x, y) = x²/20 + y², the book's bowl that is 20 times flatter along x.</summary>
    internal static double F(double x, double y) => x * x / 20 + y * y;

    internal static readonly (OptimizerKind Kind, string Title, double Lr)[] BookRuns =
        [(OptimizerKind.Sgd, "SGD", 0.95), (OptimizerKind.Momentum, "Momentum", 0.1), (OptimizerKind.AdaGrad, "AdaGrad", 1.5), (OptimizerKind.Adam, "Adam", 0.3)];

    /// <summary>The path of 30 updates from (−7, 2) on f: 31 points, the start first.</summary>
    internal static (double[] X, double[] Y) BookPath(IOptimizer optimizer)
    {
        var x = Tensor.Scalar(-7.0);
        var y = Tensor.Scalar(2.0);
        var parameters = new Dictionary<string, Tensor> { ["x"] = x, ["y"] = y };
        var xs = new double[31];
        var ys = new double[31];
        for (var i = 0; ; i++)
        {
            xs[i] = x.Item();
            ys[i] = y.Item();
            if (i == 30) return (xs, ys);
            optimizer.Update(parameters, new Dictionary<string, Tensor> { ["x"] = Tensor.Scalar(xs[i] / 10), ["y"] = Tensor.Scalar(2 * ys[i]) });
        }
    }

    [Check("follows the book's paths on f(x, y) = x²/20 + y² from (−7, 2): 30 updates of each optimizer",
           "在 f(x, y) = x²/20 + y² 上从 (−7, 2) 出发沿书中的路径前进：每个优化器更新 30 次")]
    public void BookTrajectories(IChapter6 c)
    {
        foreach (var (kind, title, lr) in BookRuns)
        {
            var k = new OptimizerCase(kind, ["x", "y"], [[], []], [[-7.0], [2.0]], [], lr, 0.9, 0.999);
            var (xs, ys) = BookPath(k.Create(c));
            var oracle = new OptimizerOracle(kind, lr, 0.9, 0.999);
            var p = new Dictionary<string, double[]> { ["x"] = [-7.0], ["y"] = [2.0] };
            var ex = new double[31];
            var ey = new double[31];
            for (var i = 0; ; i++)
            {
                ex[i] = p["x"][0];
                ey[i] = p["y"][0];
                if (i == 30) break;
                oracle.Update(p, new Dictionary<string, double[]> { ["x"] = [ex[i] / 10], ["y"] = [2 * ey[i]] });
            }
            var call = Say($"{k.Call} on f(x, y) = x²/20 + y² from (−7, 2), gradient (x/10, 2y)", $"{k.Call} 在 f(x, y) = x²/20 + y² 上从 (−7, 2) 出发，梯度 (x/10, 2y)");
            Expect.Close(new Tensor(xs, 31), new Tensor(ex, 31), Say($"the x of the path of {call}", $"{call} 路径的 x"), Tolerance.Trajectory, null, Hints[kind]);
            Expect.Close(new Tensor(ys, 31), new Tensor(ey, 31), Say($"the y of the path of {call}", $"{call} 路径的 y"), Tolerance.Trajectory, null, Hints[kind]);
        }
    }

    [Check("draws the book's figure of the four paths (SGD, Momentum, AdaGrad, Adam), one panel each",
           "画出书中四条路径的插图（SGD、Momentum、AdaGrad、Adam），每个一幅")]
    public void BookFigure(IChapter6 c)
    {
        var panels = new List<Figure>();
        foreach (var (kind, title, lr) in BookRuns)
        {
            var k = new OptimizerCase(kind, ["x", "y"], [[], []], [[-7.0], [2.0]], [], lr, 0.9, 0.999);
            var (xs, ys) = BookPath(k.Create(c));
            var series = new List<Series>(Contours());
            series.Add(new Series("path", xs, ys) { Style = SeriesStyle.LineWithMarkers, Color = "#e41a1c" });
            series.Add(new Series("minimum", [0.0], [0.0]) { Style = SeriesStyle.Markers, Color = "#1f77b4", Backdrop = true });
            panels.Add(new Figure(title, "x", "y", series, -10, 10) { XMin = -10, XMax = 10 });
        }
        Plots.VerifyPanels("paths", panels, 2, 480, 400, Tolerance.Trajectory,
            Say("each panel is one optimizer's path of 30 updates on x²/20 + y² from (−7, 2); compare yours with the reference drawn beneath it.", "每一幅是一个优化器在 x²/20 + y² 上从 (−7, 2) 出发更新 30 次的路径；把你的路径与画在下面的参考路径比较。"));
    }

    /// <summary>Contour lines f = level, as ellipses x = √(20·level)·cos θ, y = √level·sin θ, coloured from dark to light.</summary>
    private static IEnumerable<Series> Contours()
    {
        string[] colors = ["#440154", "#46327e", "#365c8d", "#277f8e", "#1fa187", "#4ac16d", "#a0da39", "#fde725"];
        double[] levels = [0.25, 0.5, 1, 2, 3, 4, 5.5, 7];
        for (var l = 0; l < levels.Length; l++)
        {
            var angles = Enumerable.Range(0, 121).Select(i => 2 * Math.PI * i / 120).ToArray();
            var a = Math.Sqrt(20 * levels[l]);
            var b = Math.Sqrt(levels[l]);
            yield return new Series($"f = {levels[l].ToString(CultureInfo.InvariantCulture)}",
                angles.Select(t => a * Math.Cos(t)).ToArray(), angles.Select(t => b * Math.Sin(t)).ToArray())
            { Color = colors[l], Backdrop = true };
        }
    }
}
