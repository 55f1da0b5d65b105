using System.Globalization;
using DeepLearningKata.Contracts;
using FsCheck.Fluent;

namespace DeepLearningKata.Checks.Chapter06;

[Exercise("6.3", "BatchNormalization", TimeoutSeconds = 30)]
public sealed class BatchNormalizationChecks
{
    private const double Eps = 1e-6;

    private static string Hint => Say("train: the mean and the variance of each column over the batch (axis 0, divided by N), x̂ = (x − μ)/√(σ² + " +
                                "1e-6), y = γ·x̂ + β, and the running statistics r = momentum·r + (1 − momentum)·batch; test: the running " +
                                "statistics in place of the batch's. Flatten (N, C, H, W) to (N, C·H·W) first and reshape y back. More: " +
                                "./run-checks.sh --hint 6.3", "训练：每一列在批次上的均值和方差（沿轴 0，除以 N），x̂ = (x − μ)/√(σ² + 1e-6)，y = γ·x̂ + β，滑动统计量 r = momentum·r + (1 − momentum)·batch；测试：用滑动统计量代替批次的统计量。先把 (N, C, H, W) 展平成 (N, C·H·W)，再把 y 变回原来的形状。更多：./run-checks.sh --hint 6.3 --lang zh");

    private static GradientHints Hints => new("CreateBatchNormalization(gamma, beta)", Hint)
    {
        Gradients = new Dictionary<string, string>
        {
            ["dx"] = Say("x reaches y three ways: directly through x − μ, through the batch mean μ, and through the variance σ². Go " +
                     "back step by step as the book does (dxn, dxc, dstd, dvar, dmu, then dx), or use the closed form of the " +
                     "Formula; every Σ is over the batch, axis 0.", "x 通过三条路径影响 y：直接通过 x − μ，通过批次均值 μ，以及通过方差 σ²。像书中那样一步步反向（dxn、dxc、dstd、dvar、dmu，最后 dx），或者用 Formula 里的闭式；每个 Σ 都是对批次求和，沿轴 0。"),
            ["dgamma"] = Say("y = gamma·xn + beta, so dgamma = Σ over the batch of xn·dout (axis 0), with the xn of the last Forward.", "y = gamma·xn + beta，所以 dgamma = 对批次求和 xn·dout（沿轴 0），用的是上一次 Forward 的 xn。"),
            ["dbeta"] = Say("beta was added to every row, so dbeta adds up dout over the batch (axis 0).", "beta 加到了每一行上，所以 dbeta 是对批次把 dout 加起来（沿轴 0）。"),
        },
        Suspects =
        [
            new("dx", k => NoMeanTerm(k), Say("your dx leaves out the path through the batch mean: subtract Σ dxc / N at the end (dmu).", "你的 dx 漏掉了经过批次均值的路径：最后要减去 Σ dxc / N（dmu）。")),
            new("dx", k => NoVarianceTerm(k), Say("your dx leaves out the path through the batch variance: the dstd/dvar terms are missing.", "你的 dx 漏掉了经过批次方差的路径：少了 dstd/dvar 这些项。")),
            new("dx", k => Flat(k, "dout") * Flat(k, "gamma") / Std(k), Say("your dx is gamma·dout/std: it treats the mean and the variance " +
                "of the batch as constants, but both depend on x.", "你的 dx 是 gamma·dout/std：它把批次的均值和方差当成了常数，而两者都依赖于 x。")),
        ],
    };

    private static Tensor Flat(GradientCase k, string name) => name is "x" or "dout" ? k[name].Reshape(k[name].Dim(0), -1) : k[name];

    private static Tensor Std(GradientCase k)
    {
        var x = Flat(k, "x");
        var xc = x - x.Mean(axis: 0);
        return Np.Sqrt((xc * xc).Mean(axis: 0) + Eps);
    }

    private static Tensor NoMeanTerm(GradientCase k)
    {
        var x = Flat(k, "x");
        var n = x.Dim(0);
        var xc = x - x.Mean(axis: 0);
        var std = Std(k);
        var dxn = Flat(k, "gamma") * Flat(k, "dout");
        var dvar = 0.5 * -(dxn * xc / (std * std)).Sum(axis: 0) / std;
        return (dxn / std + 2.0 / n * xc * dvar).Reshape(k["x"].Shape);
    }

    private static Tensor NoVarianceTerm(GradientCase k)
    {
        var x = Flat(k, "x");
        var n = x.Dim(0);
        var dxc = Flat(k, "gamma") * Flat(k, "dout") / Std(k);
        return (dxc - dxc.Sum(axis: 0) / n).Reshape(k["x"].Shape);
    }

    /// <summary>Every feature of x spread out (variance ≥ 0.05), so that σ is not tiny and central differences stay accurate.</summary>
    private static bool Spread(GradientCase k)
    {
        var x = k.Peek("x").Reshape(k.Peek("x").Dim(0), -1);
        var xc = x - x.Mean(axis: 0);
        return (xc * xc).Mean(axis: 0).AsSpan().ToArray().All(v => v >= 0.05);
    }

    private static readonly CaseSpec Rows = new(
        [new("N", 2, 5), new("D", 1, 4)],
        [
            new("x", ["N", "D"], Values.Between(-2, 2)),
            new("gamma", ["D"], Values.Between(0.5, 2)),
            new("beta", ["D"], Values.Between(-1, 1)),
            new("dout", ["N", "D"], Values.Upstream),
        ]) { Valid = Spread };

    private static readonly CaseSpec Images = new(
        [new("N", 2, 4), new("C", 1, 2), new("H", 1, 2), new("K", 1, 2)],
        [
            new("x", ["N", "C", "H", "K"], Values.Between(-2, 2)),
            new("gamma", ["C*H*K"], Values.Between(0.5, 2)),
            new("beta", ["C*H*K"], Values.Between(-1, 1)),
            new("dout", ["N", "C", "H", "K"], Values.Upstream),
        ]) { Valid = Spread };

    /// <summary>The statistics of a batch, written out with loops: the mean and the (biased) variance of every column.</summary>
    internal static (double[] Mean, double[] Var) Stats(Tensor x)
    {
        var flat = x.Reshape(x.Dim(0), -1);
        int n = flat.Dim(0), d = flat.Dim(1);
        var mean = new double[d];
        var variance = new double[d];
        for (var j = 0; j < d; j++)
        {
            for (var i = 0; i < n; i++) mean[j] += flat[i, j] / n;
            for (var i = 0; i < n; i++) variance[j] += (flat[i, j] - mean[j]) * (flat[i, j] - mean[j]) / n;
        }
        return (mean, variance);
    }

    /// <summary>y = γ·(x − mean)/√(var + 1e-6) + β for every element, in x's shape.</summary>
    internal static Tensor Normalize(Tensor x, double[] mean, double[] variance, Tensor gamma, Tensor beta)
    {
        var flat = x.Reshape(x.Dim(0), -1);
        var y = Tensor.ZerosLike(flat);
        for (var i = 0; i < flat.Dim(0); i++)
        {
            for (var j = 0; j < flat.Dim(1); j++) y[i, j] = gamma[j] * (flat[i, j] - mean[j]) / Math.Sqrt(variance[j] + Eps) + beta[j];
        }
        return y.Reshape(x.Shape);
    }

    [Check("gives the worked example: y, dx, dgamma, dbeta, and the test-mode output after one batch",
           "给出示例的结果：y、dx、dgamma、dbeta，以及训练一个批次后测试模式的输出")]
    public void WorkedExample(IChapter6 c)
    {
        Tensor x = new[,] { { 1.0 }, { 2.0 }, { 3.0 } };
        Tensor dout = new[,] { { 1.0 }, { 0.0 }, { 0.0 } };
        var inputs = new[] { ("gamma", "[1]"), ("beta", "[0]"), Expect.Input("x", x), Expect.Input("dout", dout) };
        var layer = c.CreateBatchNormalization(Tensor.From(1.0), Tensor.From(0.0));
        Expect.Close(layer.Forward(x.Copy()), Tensor.From(new[,] { { -1.224743952833969 }, { 0.0 }, { 1.224743952833969 } }),
            "CreateBatchNormalization([1], [0]).Forward(x)", Tolerance.Value, inputs, Hint);
        Expect.Close(layer.Backward(dout.Copy()), Tensor.From(new[,] { { 0.20412491069558175 }, { -0.40824798427798964 }, { 0.20412307358240794 } }),
            "Backward(dout)", Tolerance.Value, inputs, Hints.For("dx"));
        Expect.Close(Grad(layer, "gamma"), Tensor.From(-1.224743952833969), Say("Grads[\"gamma\"] after Backward(dout)", "Backward(dout) 之后的 Grads[\"gamma\"]"), Tolerance.Value, inputs, Hints.For("dgamma"));
        Expect.Close(Grad(layer, "beta"), Tensor.From(1.0), Say("Grads[\"beta\"] after Backward(dout)", "Backward(dout) 之后的 Grads[\"beta\"]"), Tolerance.Value, inputs, Hints.For("dbeta"));
        Expect.Close(layer.Forward(x.Copy(), train: false), Tensor.From(new[,] { { 3.09836343932728 }, { 6.97131773848638 }, { 10.844272037645478 } }),
            Say("Forward(x, train: false) after one training batch", "训练一个批次之后的 Forward(x, train: false)"), Tolerance.Value, inputs,
            Say("after one batch the running mean is 0.9·0 + 0.1·2 = 0.2 and the running variance 0.9·0 + 0.1·(2/3); test mode uses those.", "一个批次之后，滑动均值是 0.9·0 + 0.1·2 = 0.2，滑动方差是 0.9·0 + 0.1·(2/3)；测试模式用的就是它们。"));
    }

    [Check("normalises a training batch with its own mean and variance (over axis 0, divided by N), for (N, D) and (N, C, H, W)",
           "用训练批次自己的均值和方差正规化（沿轴 0，除以 N），(N, D) 和 (N, C, H, W) 都要支持")]
    public void TrainForwardMatchesFormula(IChapter6 c) =>
        Properties.ForAll("6.3 train forward", Gens.Case(Rows, Images), k =>
        {
            var x = k["x"];
            var (mean, variance) = Stats(x);
            var expected = Normalize(x, mean, variance, k["gamma"], k["beta"]);
            var y = c.CreateBatchNormalization(k["gamma"], k["beta"]).Forward(x.Copy());
            var unbiased = variance.Select(v => v * x.Dim(0) / (x.Dim(0) - 1)).ToArray();
            var note = y is not null && y.ShapeSpan.SequenceEqual(expected.ShapeSpan) && AllClose(y, Normalize(x, mean, unbiased, k["gamma"], k["beta"]))
                ? Say(" Yours matches the variance divided by N − 1: σ²_B divides by N (np.mean), the book's and the seed's formula.", " 你的结果与除以 N − 1 的方差一致：σ²_B 要除以 N（np.mean），书中和原作业的公式都是这样。")
                : y is not null && y.ShapeSpan.SequenceEqual(expected.ShapeSpan) && AllClose(y, Normalize(x, mean, variance.Select(v => v - Eps).ToArray(), k["gamma"], k["beta"]))
                    ? Say(" Yours matches σ = √σ²_B without the 1e-6: add it inside the square root.", " 你的结果与不加 1e-6 的 σ = √σ²_B 一致：要在平方根里加上它。") : "";
            Expect.Close(y, expected, "CreateBatchNormalization(gamma, beta).Forward(x)", Tolerance.Value,
                [(Say("shapes", "形状"), k.Shapes), Expect.Input("x", x), Expect.Input("gamma", k["gamma"]), Expect.Input("beta", k["beta"])],
                Hint + note, expectedNote: Say("μ_B, σ²_B of each column over the batch, x̂ = (x − μ_B)/√(σ²_B + 1e-6), y = γ·x̂ + β", "每一列在批次上的 μ_B、σ²_B，x̂ = (x − μ_B)/√(σ²_B + 1e-6)，y = γ·x̂ + β"));
        }, Gens.ShrinkCase);

    private static bool AllClose(Tensor a, Tensor b)
    {
        var x = a.AsSpan();
        var y = b.AsSpan();
        for (var i = 0; i < x.Length; i++) if (!Tolerance.Value.Accepts(x[i], y[i])) return false;
        return true;
    }

    private static readonly CaseSpec Batches = new(
        [new("N", 2, 5), new("D", 1, 3)],
        [
            new("x1", ["N", "D"], Values.Between(-2, 3)),
            new("x2", ["N", "D"], Values.Between(-1, 4)),
            new("xt", ["N", "D"], Values.Between(-2, 2)),
            new("gamma", ["D"], Values.Between(0.5, 2)),
            new("beta", ["D"], Values.Between(-1, 1)),
        ]);

    [Check("uses running statistics in test mode: r = momentum·r + (1 − momentum)·batch after each training batch, from zeros",
           "测试模式使用滑动统计量：每个训练批次后 r = momentum·r + (1 − momentum)·batch，从零开始")]
    public void TestModeUsesRunningStatistics(IChapter6 c) =>
        Properties.ForAll("6.3 running statistics", from k in Gens.Case(Batches) from m in FsCheck.Fluent.Gen.Elements(0.9, 0.5) select (k, m), p =>
        {
            var (k, momentum) = p;
            var layer = c.CreateBatchNormalization(k["gamma"], k["beta"], momentum);
            var d = k["x1"].Dim(1);
            var mean = new double[d];
            var variance = new double[d];
            var inputs = new List<(string, string)> { ("momentum", momentum.ToString(CultureInfo.InvariantCulture)), Expect.Input("gamma", k["gamma"]), Expect.Input("beta", k["beta"]) };
            foreach (var name in new[] { "x1", "x2" })
            {
                var x = k[name];
                layer.Forward(x.Copy());
                var (bm, bv) = Stats(x);
                for (var j = 0; j < d; j++)
                {
                    mean[j] = momentum * mean[j] + (1 - momentum) * bm[j];
                    variance[j] = momentum * variance[j] + (1 - momentum) * bv[j];
                }
                inputs.Add((Say($"Forward({name}) in training, {name}", $"训练中的 Forward({name})，{name}"), x.ToString()));
                var xt = k["xt"];
                var expected = Normalize(xt, mean, variance, k["gamma"], k["beta"]);
                var y = layer.Forward(xt.Copy(), train: false);
                string diagnosis;
                if (y is not null && y.ShapeSpan.SequenceEqual(expected.ShapeSpan))
                {
                    var (tm, tv) = Stats(xt);
                    var (lm, lv) = Stats(x);
                    diagnosis = AllClose(y, Normalize(xt, tm, tv, k["gamma"], k["beta"]))
                        ? Say(" Yours normalises the test batch with its own statistics: test mode uses the running ones.", " 你的结果用测试批次自己的统计量做正规化：测试模式要用滑动统计量。")
                        : AllClose(y, Normalize(xt, new double[d], new double[d], k["gamma"], k["beta"]))
                            ? Say(" Yours still uses running statistics of zeros: update them in every training Forward.", " 你的结果仍在用全零的滑动统计量：每次训练时的 Forward 都要更新它们。")
                            : AllClose(y, Normalize(xt, lm, lv, k["gamma"], k["beta"]))
                                ? Say(" Yours uses the last training batch's statistics as they are: blend them in, r = momentum·r + (1 − momentum)·batch.", " 你的结果直接用了最后一个训练批次的统计量：要混合进来，r = momentum·r + (1 − momentum)·batch。")
                                : "";
                }
                else
                {
                    diagnosis = "";
                }
                Expect.Close(y, expected, Say($"Forward(xt, train: false) after training Forward on {(name == "x1" ? "x1" : "x1, then x2")}", $"在 {(name == "x1" ? "x1" : "x1 之后再在 x2")} 上训练 Forward 之后的 Forward(xt, train: false)"), Tolerance.Value,
                    [.. inputs, Expect.Input("xt", xt), (Say("running mean", "滑动均值"), Tensor.From(mean).ToString()), (Say("running var", "滑动方差"), Tensor.From(variance).ToString())],
                    Say("test mode: y = γ·(x − running_mean)/√(running_var + 1e-6) + β; the running statistics start at zeros and after each training " +
                    "batch become momentum·r + (1 − momentum)·(the batch's mean or variance).", "测试模式：y = γ·(x − running_mean)/√(running_var + 1e-6) + β；滑动统计量从零开始，每个训练批次之后变为 momentum·r + (1 − momentum)·（该批次的均值或方差）。") + diagnosis);
            }
        });

    [Check("starts its running statistics at zeros, and test mode does not change them",
           "滑动统计量从零开始，测试模式不改变它们")]
    public void TestModeLeavesStatisticsAlone(IChapter6 c)
    {
        Tensor x = new[,] { { 0.001, -0.002 }, { 0.003, 0.0 } };
        Tensor gamma = new[] { 1.0, 2.0 };
        Tensor beta = new[] { 0.5, 0.0 };
        var layer = c.CreateBatchNormalization(gamma.Copy(), beta.Copy());
        var fresh = layer.Forward(x.Copy(), train: false);
        Expect.Close(fresh, Normalize(x, [0, 0], [0, 0], gamma, beta), Say("Forward(x, train: false) of a fresh layer", "新建的层的 Forward(x, train: false)"), Tolerance.Value,
            [Expect.Input("x", x), Expect.Input("gamma", gamma), Expect.Input("beta", beta)],
            Say("before any training batch the running mean and variance are zeros (as the book's layer makes them), so test mode gives " +
            "γ·x/√(0 + 1e-6) + β. Start them at Tensor.Zeros(D), not ones.", "在任何训练批次之前，滑动均值和方差都是零（书中的层就是这样），所以测试模式给出 γ·x/√(0 + 1e-6) + β。用 Tensor.Zeros(D) 初始化它们，不要用 1。"));
        Tensor train = new[,] { { 1.0, 2.0 }, { 3.0, -1.0 }, { 0.5, 0.5 } };
        layer.Forward(train.Copy());
        var first = layer.Forward(x.Copy(), train: false);
        layer.Forward((x * 100 + 7).Copy(), train: false);
        var again = layer.Forward(x.Copy(), train: false);
        Expect.Close(again, first, Say("Forward(x, train: false) after another test-mode Forward", "又做了一次测试模式 Forward 之后的 Forward(x, train: false)"), Tolerance.Value,
            [Expect.Input("x", x), (Say("in between", "中间一次"), "Forward(100·x + 7, train: false)")],
            Say("test mode only reads the running statistics; updating them belongs to training (train: true) alone.", "测试模式只读取滑动统计量；更新它们只属于训练（train: true）。"));
    }

    [Check("backward matches central differences for dx, dgamma and dbeta, for (N, D) and (N, C, H, W) and random dout",
           "对 (N, D)、(N, C, H, W) 和随机的 dout，反向传播求出的 dx、dgamma 和 dbeta 与中心差分一致")]
    public void BackwardMatchesNumerical(IChapter6 c) =>
        GradientCheck.Layer("6.3 gradient", [Rows, Images], k => c.CreateBatchNormalization(k["gamma"], k["beta"]), Hints);

    [Check("gives y and dx an image batch's shape (N, C, H, W), normalising its C·H·W features",
           "y 和 dx 具有图像批次的形状 (N, C, H, W)，对其 C·H·W 个特征正规化")]
    public void ImageBatchKeepsItsShape(IChapter6 c)
    {
        var x = Tensor.Arange(0, 24).Reshape(2, 2, 2, 3).Apply(v => Math.Sin(v) * 2);
        var gamma = Tensor.Arange(1, 13) / 4;
        var beta = Tensor.Arange(0, 12) / 10;
        var layer = c.CreateBatchNormalization(gamma.Copy(), beta.Copy());
        var y = layer.Forward(x.Copy());
        Expect.Shape(y, [2, 2, 2, 3], "CreateBatchNormalization(gamma (12,), beta (12,)).Forward(x (2, 2, 2, 3))", [(Say("x shape", "x 的形状"), x.ShapeText)],
            Say("flatten to (N, C·H·W) = x.Reshape(x.Dim(0), -1) to normalise, then reshape y to x's shape.", "先展平成 (N, C·H·W) = x.Reshape(x.Dim(0), -1) 再正规化，然后把 y 变回 x 的形状。"));
        var (mean, variance) = Stats(x);
        Expect.Close(y, Normalize(x, mean, variance, gamma, beta), "Forward(x (2, 2, 2, 3))", Tolerance.Value, [Expect.Input("x", x)],
            Say("each of the C·H·W = 12 features is normalised over the batch of N = 2, with its own gamma and beta.", "C·H·W = 12 个特征中的每一个都在 N = 2 的批次上正规化，各有自己的 gamma 和 beta。"));
        Expect.Shape(layer.Backward(Tensor.Ones(2, 2, 2, 3)), [2, 2, 2, 3], "Backward(dout (2, 2, 2, 3))", [(Say("x shape", "x 的形状"), x.ShapeText)],
            Say("flatten dout the same way, and give dx x's shape.", "用同样的方法展平 dout，并让 dx 具有 x 的形状。"));
    }

    [Check("reproduces the golden examples",
           "重现黄金文件中的例子")]
    public void GoldenExamples(IChapter6 c)
    {
        var random = new Random(63);
        var x = Tensor.RandomNormal(random, 4, 3) * 2 + 1;
        var gamma = Tensor.RandomUniform(random, 0.5, 1.5, 3);
        var beta = Tensor.RandomNormal(random, 3);
        var dout = Tensor.RandomNormal(random, 4, 3);
        var xt = Tensor.RandomNormal(random, 2, 3);
        var layer = c.CreateBatchNormalization(gamma.Copy(), beta.Copy());
        var y = layer.Forward(x.Copy());
        var dx = layer.Backward(dout.Copy());
        Golden.Verify("examples", new GoldenRecord
        {
            { "x", x }, { "gamma", gamma }, { "beta", beta }, { "dout", dout }, { "xt", xt },
            { "Forward(x)", y }, { "Backward(dout)", dx }, { "Grads[gamma]", Grad(layer, "gamma") }, { "Grads[beta]", Grad(layer, "beta") },
            { "Forward(xt, train: false)", layer.Forward(xt.Copy(), train: false) },
        }, Tolerance.Value, Hint);
    }

    private static Tensor Grad(ILayer layer, string name) =>
        layer.Grads is { } g && g.TryGetValue(name, out var t) && t is not null
            ? t
            : throw new CheckFailure(Say($"Grads has no \"{name}\" after Backward.\n  hint: Backward stores dgamma and dbeta; Grads returns them by the names \"gamma\" and \"beta\".", $"Backward 之后 Grads 里没有 \"{name}\"。\n  提示: Backward 保存 dgamma 和 dbeta；Grads 以 \"gamma\" 和 \"beta\" 这两个名字返回它们。"));
}
