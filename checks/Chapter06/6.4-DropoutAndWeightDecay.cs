using System.Globalization;
using DeepLearningKata.Contracts;
using FsCheck.Fluent;

namespace DeepLearningKata.Checks.Chapter06;

[Exercise("6.4", "DropoutAndWeightDecay")]
public sealed class DropoutAndWeightDecayChecks
{
    private static string DropoutHint => Say("train: a mask of 1s and 0s from one uniform draw per element (from the Random you are given) compared with " +
                                       "the ratio, and x times that mask (kept elements unchanged); test: x scaled by (1 − ratio); Backward: dout " +
                                       "times the mask of the last Forward. More: ./run-checks.sh --hint 6.4", "训练：每个元素做一次均匀分布抽样（用传给你的 Random），与 ratio 比较得到由 1 和 0 组成的掩码，x 乘以这个掩码（保留的元素不变）；测试：x 乘以 (1 − ratio)；Backward：dout 乘以上一次 Forward 的掩码。更多：./run-checks.sh --hint 6.4 --lang zh");

    private static string DecayHint => Say("WeightDecayLoss adds ½·λ·Σ W² over every W in the list; WeightDecayGradient returns dW + λ·W as a new tensor.", "WeightDecayLoss 对列表中的每个 W 加上 ½·λ·Σ W²；WeightDecayGradient 返回一个新张量 dW + λ·W。");

    private static string R(double v) => v.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>x with no zeros (values in ±[0.5, 2]), so a zero in the output can only come from the mask.</summary>
    private static Tensor NoZeros(Random random, params int[] shape) =>
        Tensor.RandomUniform(random, 0.5, 2, shape) * (Tensor.RandomUniform(random, 0, 1, shape) > 0.5).Apply(v => 2 * v - 1);

    [Check("keeps about 1 − ratio of the elements in training, each unchanged, and zeroes the rest",
           "训练时保留约 1 − ratio 的元素（值不变），其余置零")]
    public void TrainKeepsAShare(IChapter6 c)
    {
        foreach (var ratio in new[] { 0.5, 0.2, 0.8 })
        {
            var x = NoZeros(new Random(64), 100, 200);
            var y = c.CreateDropout(ratio, new Random(65)).Forward(x.Copy());
            var call = $"CreateDropout({R(ratio)}, new Random(65)).Forward(x (100, 200))";
            Expect.Shape(y, [100, 200], call, null, DropoutHint);
            var ys = y.AsSpan();
            var xs = x.AsSpan();
            int kept = 0, scaled = 0, other = 0;
            for (var i = 0; i < ys.Length; i++)
            {
                if (ys[i] == 0) continue;
                if (Math.Abs(ys[i] - xs[i]) <= 1e-12 * Math.Abs(xs[i])) kept++;
                else if (Math.Abs(ys[i] * (1 - ratio) - xs[i]) <= 1e-9 * Math.Abs(xs[i])) scaled++;
                else other++;
            }
            Expect.That(scaled == 0, Say($"{call} divides the kept elements by (1 − ratio).", $"{call} 把保留的元素除以了 (1 − ratio)。"),
                [(Say("elements so scaled", "这样缩放了的元素"), scaled.ToString(CultureInfo.InvariantCulture))],
                Say("this is the book's Dropout, not the inverted one: in training keep x as it is (x * mask), and scale by (1 − ratio) at test time instead.", "这是书中的 Dropout，不是 inverted dropout：训练时保持 x 不变（x * mask），改为在测试时乘以 (1 − ratio)。"));
            Expect.That(other == 0, Say($"{call} changes {other} kept elements.", $"{call} 改变了 {other} 个保留的元素。"), [], Say("a kept element passes unchanged: y = x * mask, with mask of 1s and 0s.", "保留的元素原样通过：y = x * mask，mask 由 1 和 0 组成。"));
            var share = kept / (double)ys.Length;
            var p = 1 - ratio;
            var bound = 5 * Math.Sqrt(p * (1 - p) / ys.Length);
            Expect.That(Math.Abs(share - p) <= bound, Say($"{call} keeps {share:P2} of the elements.", $"{call} 保留了 {share:P2} 的元素。"),
                [(Say("expected", "期望值"), Say($"{p:P0} ± {bound:P2} (1 − ratio, within 5 standard errors)", $"{p:P0} ± {bound:P2}（1 − ratio，误差在 5 个标准误以内）"))],
                Say("keep an element where its uniform draw in [0, 1) is greater than ratio: that happens with probability 1 − ratio. " +
                "(A draw below ratio keeps only ratio of them.)", "在元素的 [0, 1) 均匀抽样大于 ratio 时保留它：这发生的概率是 1 − ratio。（抽样小于 ratio 时保留，只会保留 ratio 那么多。）"));
        }
    }

    [Check("draws a new mask from the given Random in every training Forward: same seed, same mask",
           "每次训练时的 Forward 都用传入的 Random 生成新的掩码：种子相同，掩码相同")]
    public void MasksAreRandomAndRepeatable(IChapter6 c)
    {
        var x = NoZeros(new Random(66), 4, 50);
        var a = c.CreateDropout(0.5, new Random(67));
        var b = c.CreateDropout(0.5, new Random(67));
        var first = a.Forward(x.Copy());
        Expect.Close(b.Forward(x.Copy()), first, Say("a second CreateDropout(0.5, new Random(67)).Forward(x)", "第二个 CreateDropout(0.5, new Random(67)).Forward(x)"), Tolerance.Value, null,
            Say("draw the mask from the Random you are given (Tensor.RandomUniform(random, …)), not from new Random() or Random.Shared, " +
            "so that a seeded run can be repeated.", "从传给你的 Random 生成掩码（Tensor.RandomUniform(random, …)），不要用 new Random() 或 Random.Shared，这样带种子的运行才能重复。"));
        var second = a.Forward(x.Copy());
        Expect.That(!first.AsSpan().SequenceEqual(second.AsSpan()), Say("two training Forward calls of one Dropout layer drop the same elements.", "同一个 Dropout 层的两次训练 Forward 丢弃了相同的元素。"),
            [(Say("first", "第一次"), first.ToString()), (Say("second", "第二次"), second.ToString())],
            Say("draw a fresh mask in every training Forward: each mini-batch trains another thinned network.", "每次训练 Forward 都生成新的掩码：每个 mini-batch 训练的是另一个被稀疏化的网络。"));
    }

    [Check("lets dout through the very mask of the last Forward in Backward",
           "Backward 中让 dout 恰好通过上一次 Forward 的那个掩码")]
    public void BackwardUsesTheMask(IChapter6 c) =>
        Properties.ForAll("6.4 dropout backward",
            from shape in Gen.ArrayOf(Gen.Choose(1, 6), 2)
            from seed in Gen.Choose(0, 100000)
            from ratio in Gens.Double(0.2, 0.8)
            select (shape, seed, ratio),
            p =>
            {
                var random = new Random(p.seed);
                var x = NoZeros(random, p.shape);
                var dout = NoZeros(random, p.shape);
                var layer = c.CreateDropout(p.ratio, new Random(p.seed + 1));
                layer.Forward(NoZeros(random, p.shape));
                var y = layer.Forward(x.Copy());
                var mask = y.Apply(v => v == 0 ? 0.0 : 1.0);
                Expect.Close(layer.Backward(dout.Copy()), dout * mask, Say($"CreateDropout({R(p.ratio)}, random).Backward(dout) after Forward(x)", $"Forward(x) 之后的 CreateDropout({R(p.ratio)}, random).Backward(dout)"), Tolerance.Value,
                    [Expect.Input("x", x), ("Forward(x)", y.ToString()), Expect.Input("dout", dout)],
                    Say("the gradient flows exactly where Forward kept x, and nowhere else: return dout * mask with the mask Forward kept " +
                    "(a new draw in Backward picks other elements; the mask of an older Forward belongs to another batch).", "梯度恰好在 Forward 保留 x 的地方流过，别处都没有：用 Forward 保存的掩码返回 dout * mask（在 Backward 里重新抽样会选中别的元素；更早的 Forward 的掩码属于另一个批次）。"));
                CallerTensors.ExpectLayerKeepsItsOwn($"CreateDropout({R(p.ratio)}, random)", () => c.CreateDropout(p.ratio, new Random(p.seed + 1)), x, dout);
            });

    [Check("multiplies by 1 − ratio at test time, without dropping anything",
           "测试时乘以 1 − ratio，不丢弃任何元素")]
    public void TestModeScales(IChapter6 c)
    {
        var x = NoZeros(new Random(68), 3, 4);
        foreach (var ratio in new[] { 0.5, 0.3 })
        {
            Expect.Close(c.CreateDropout(ratio, new Random(69)).Forward(x.Copy(), train: false), x * (1 - ratio),
                $"CreateDropout({R(ratio)}, random).Forward(x, train: false)", Tolerance.Value, [Expect.Input("x", x)],
                Say("at test time every unit is on, so scale x by (1 − ratio): the share training kept on average. No mask, no division.", "测试时每个单元都工作，所以 x 乘以 (1 − ratio)：即训练时平均保留的比例。没有掩码，也不做除法。"));
        }
    }

    [Check("leaves x and dout unchanged",
           "不修改 x 和 dout")]
    public void LeavesInputsAlone(IChapter6 c)
    {
        var x = NoZeros(new Random(70), 5, 6);
        var dout = NoZeros(new Random(71), 5, 6);
        var layer = c.CreateDropout(0.5, new Random(72));
        var xIn = x.Copy();
        layer.Forward(xIn);
        Expect.Unchanged(x, xIn, "CreateDropout(0.5, random).Forward(x)", "x");
        var doutIn = dout.Copy();
        layer.Backward(doutIn);
        Expect.Unchanged(dout, doutIn, "Backward(dout)", "dout");
        Expect.Unchanged(x, xIn, "Backward(dout)", Say("x (handed to Forward before)", "x（之前传给 Forward 的）"));
        var xTest = x.Copy();
        layer.Forward(xTest, train: false);
        Expect.Unchanged(x, xTest, "Forward(x, train: false)", "x");
    }

    [Check("gives the weight-decay worked example: loss 0.7 and gradient [0.6, 0.3]",
           "给出权值衰减示例的结果：损失 0.7，梯度 [0.6, 0.3]")]
    public void WeightDecayExample(IChapter6 c)
    {
        Tensor w1 = new[,] { { 1.0, -2.0 } };
        var w2 = Tensor.From(3.0);
        Expect.Close(c.WeightDecayLoss([w1, w2], 0.1), 0.7, "WeightDecayLoss([[[1, -2]], [3]], 0.1)", Tolerance.Value,
            [(Say("weights", "权重"), "[[1, -2]] and [3]"), ("λ", "0.1")], Say("½·0.1·(1 + 4) + ½·0.1·9 = 0.25 + 0.45 = 0.7: every matrix counts, and the ½ too.", "½·0.1·(1 + 4) + ½·0.1·9 = 0.25 + 0.45 = 0.7：每个矩阵都要算，½ 也不能少。"));
        Expect.Close(c.WeightDecayGradient(Tensor.From(0.5, 0.5), Tensor.From(1.0, -2.0), 0.1), Tensor.From(0.6, 0.3),
            "WeightDecayGradient([0.5, 0.5], [1, -2], 0.1)", Tolerance.Value, [("dW", "[0.5, 0.5]"), ("W", "[1, -2]"), ("λ", "0.1")],
            Say("the derivative of ½·λ·W² is λ·W: dW + λ·W = [0.5 + 0.1, 0.5 − 0.2].", "½·λ·W² 的导数是 λ·W：dW + λ·W = [0.5 + 0.1, 0.5 − 0.2]。"));
    }

    private static FsCheck.Gen<(Tensor[] Weights, double Lambda)> DecayCases() =>
        from count in Gen.Choose(0, 3)
        from weights in Gen.CollectToArray(Enumerable.Range(0, count).Select(_ => Gens.Tensor(-3, 3, 3, 4)))
        from lambda in Gens.Double(0.0, 1.0)
        select (weights.Select(w => w.Value).ToArray(), lambda);

    [Check("adds ½·λ·ΣW² over every weight matrix of the list (random lists, shapes and λ)",
           "对列表中的每个权重矩阵加上 ½·λ·ΣW²（随机的列表、形状和 λ）")]
    public void WeightDecayLossMatchesFormula(IChapter6 c) =>
        Properties.ForAll("6.4 weight decay loss", DecayCases(), p =>
        {
            var expected = 0.0;
            foreach (var w in p.Weights) foreach (var v in w.AsSpan()) expected += 0.5 * p.Lambda * v * v;
            var copies = p.Weights.Select(w => w.Copy()).ToArray();
            var loss = c.WeightDecayLoss(copies, p.Lambda);
            var inputs = p.Weights.Select((w, i) => Expect.Input($"weights[{i}]", w)).Append(("λ", R(p.Lambda))).ToList();
            Expect.Close(loss, expected, Say($"WeightDecayLoss(weights ({p.Weights.Length} of them), λ)", $"WeightDecayLoss(weights（共 {p.Weights.Length} 个）, λ)"), Tolerance.Value, inputs,
                DecayHint + (Math.Abs(loss - 2 * expected) <= 1e-9 * Math.Abs(expected) && expected != 0 ? Say(" Yours is twice that: the ½ is missing.", " 你的是它的两倍：少了 ½。") : ""));
            for (var i = 0; i < copies.Length; i++) Expect.Unchanged(p.Weights[i], copies[i], "WeightDecayLoss(weights, λ)", $"weights[{i}]");
        });

    [Check("returns dW + λ·W, the derivative of ½·λ·ΣW², without changing dW or W",
           "返回 ½·λ·ΣW² 的导数 dW + λ·W，不修改 dW 或 W")]
    public void WeightDecayGradientMatchesDerivative(IChapter6 c) =>
        Properties.ForAll("6.4 weight decay gradient",
            from w in Gens.Tensor(-3, 3, 3, 4)
            from dw in Gens.OfShape(-1, 1, w.Value.Shape)
            from lambda in Gens.Double(0.01, 1.0)
            select (W: w.Value, dW: dw.Value, lambda),
            p =>
            {
                // The derivative of ½·λ·ΣW², by central differences, plus the loss's own dW.
                var numerical = p.dW + Numerical.Gradient(t => 0.5 * p.lambda * (t * t).Sum(), p.W.Copy());
                var dW = p.dW.Copy();
                var W = p.W.Copy();
                var g = c.WeightDecayGradient(dW, W, p.lambda);
                Expect.Close(g, numerical, "WeightDecayGradient(dW, W, λ)", Tolerance.Gradient,
                    [Expect.Input("dW", p.dW), Expect.Input("W", p.W), ("λ", R(p.lambda))],
                    DecayHint + Say(" The ½ in the loss cancels the 2 of W²'s derivative: λ·W, not λ·W/2 or 2·λ·W.", " 损失里的 ½ 抵消了 W² 求导得到的 2：是 λ·W，不是 λ·W/2 或 2·λ·W。"),
                    expectedNote: Say("dW + the central difference of ½·λ·ΣW²", "dW + ½·λ·ΣW² 的中心差分"));
                Expect.Unchanged(p.dW, dW, "WeightDecayGradient(dW, W, λ)", "dW");
                Expect.Unchanged(p.W, W, "WeightDecayGradient(dW, W, λ)", "W");
            });

    [Check("reproduces the golden examples",
           "重现黄金文件中的例子")]
    public void GoldenExamples(IChapter6 c)
    {
        var random = new Random(73);
        var x = NoZeros(random, 3, 4);
        var W1 = Tensor.RandomNormal(random, 3, 2);
        var W2 = Tensor.RandomNormal(random, 2, 2);
        var dW = Tensor.RandomNormal(random, 3, 2);
        Golden.Verify("examples", new GoldenRecord
        {
            { "x", x }, { "W1", W1 }, { "W2", W2 }, { "dW1", dW },
            { "Dropout(0.4).Forward(x, train: false)", c.CreateDropout(0.4, new Random(1)).Forward(x.Copy(), train: false) },
            { "WeightDecayLoss([W1, W2], 0.05)", c.WeightDecayLoss([W1.Copy(), W2.Copy()], 0.05) },
            { "WeightDecayGradient(dW1, W1, 0.05)", c.WeightDecayGradient(dW.Copy(), W1.Copy(), 0.05) },
        }, Tolerance.Value, DropoutHint + " " + DecayHint);
    }
}
