using DeepLearningKata.Contracts;

namespace DeepLearningKata.Checks.Chapter07;

[Exercise("7.3", "Convolution", TimeoutSeconds = 30)]
public sealed class ConvolutionChecks
{
    private static string Hint => Say("Forward: Im2Col, then the product with the filters as a matrix (FN, C·FH·FW), transposed, plus b, then the " +
                                "filter axis moved from last to second. Backward: the opposite move of dout, then db, dW and dcol from the " +
                                "Formula's products, and Col2Im back to x's shape. More: ./run-checks.sh --hint 7.3", "Forward：Im2Col，再与展成矩阵 (FN, C·FH·FW) 并转置的滤波器相乘，加上 b，然后把滤波器轴从最后移到第二位。Backward：对 dout 做相反的移动，然后按 Formula 中的乘积求 db、dW 和 dcol，再用 Col2Im 变回 x 的形状。更多：./run-checks.sh --hint 7.3 --lang zh");

    private static string MoveAxes => Say("The product's rows are (n, oh, ow) and its columns f: the filter axis has to move (a reshape to (N, OH, OW, " +
                                    "FN), then a transpose of the axes; backward the opposite move). A plain Reshape gives the right shape and " +
                                    "scrambled numbers.", "乘积的行是 (n, oh, ow)，列是 f：滤波器轴必须移动（先 reshape 成 (N, OH, OW, FN)，再转置各轴；反向时做相反的移动）。直接 Reshape 得到的形状是对的，数值却是乱的。");

    private static GradientHints Hints => new("CreateConvolution(W, b, S, P)", Hint)
    {
        Gradients = new Dictionary<string, string>
        {
            ["dx"] = Say("dcol is dout (moved to (N·OH·OW, FN)) times the filters as a matrix (FN, C·FH·FW); Col2Im folds it back to " +
                     "x's shape. ", "dcol 是 dout（移成 (N·OH·OW, FN)）乘以展成矩阵 (FN, C·FH·FW) 的滤波器；Col2Im 把它折回 x 的形状。") + MoveAxes,
            ["dW"] = Say("dW = dout2ᵀ · col, (FN, N·OH·OW) · (N·OH·OW, C·FH·FW), reshaped to W's (FN, C, FH, FW) — not colᵀ · dout2, whose (C·FH·FW, FN) " +
                     "has the same number of elements in another order. ", "dW = dout2ᵀ · col，(FN, N·OH·OW) · (N·OH·OW, C·FH·FW)，再 reshape 成 W 的 (FN, C, FH, FW)——不是 colᵀ · dout2，后者的 (C·FH·FW, FN) 元素个数相同但顺序不同。") + MoveAxes,
            ["db"] = Say("every output of filter f got b[f] added once, so db[f] sums dout[:, f, :, :] over the batch and every position: the column sums of " +
                     "dout2 — a sum, not a mean.", "滤波器 f 的每个输出都加过一次 b[f]，所以 db[f] 要对批次和每个位置把 dout[:, f, :, :] 加起来：即 dout2 的列和——是求和，不是求平均。"),
        },
    };

    private static readonly CaseSpec Layer = new([.. Chapter7Cases.WindowDims("FH", "FW", maxStride: 2), new("FN", 1, 3)],
        [
            new("x", ["N", "C", "H", "Wd"], Values.Between(-1, 1)),
            new("W", ["FN", "C", "FH", "FW"], Values.Between(-1, 1)),
            new("b", ["FN"], Values.Between(-1, 1)),
            new("dout", ["N", "FN", "OH", "OW"], Values.Upstream),
        ])
    {
        Derived = Chapter7Cases.InputFromOutput("FH", "FW"),
    };

    private static (int S, int P) StrideAndPad(GradientCase k) => (k.Dims["S"], k.Dims["P"]);

    [Check("gives the worked example: out, dx, dW and db of a 2×2 filter on a 3×3 image",
           "给出示例的结果：2×2 滤波器作用于 3×3 图像的 out、dx、dW 和 db")]
    public void WorkedExample(IChapter7 c)
    {
        var x = Tensor.Arange(1, 10).Reshape(1, 1, 3, 3);
        var W = Tensor.From(new[,] { { 1.0, 0.0 }, { 0.0, -1.0 } }).Reshape(1, 1, 2, 2);
        var b = Tensor.From(0.5);
        var dout = Tensor.Ones(1, 1, 2, 2);
        var inputs = new[] { Expect.Input("x", x), Expect.Input("W", W), Expect.Input("b", b), Expect.Input("dout", dout) };
        var layer = c.CreateConvolution(W.Copy(), b.Copy());
        Expect.Close(layer.Forward(x.Copy()), Tensor.Full(-3.5, 1, 1, 2, 2), "CreateConvolution(W, b).Forward(x)", Tolerance.Value, inputs,
            Say("each output is x[i, j] − x[i + 1, j + 1] + 0.5 = −4 + 0.5. ", "每个输出都是 x[i, j] − x[i + 1, j + 1] + 0.5 = −4 + 0.5。") + Hint);
        Expect.Close(layer.Backward(dout.Copy()), Tensor.From(new[,] { { 1.0, 1, 0 }, { 1, 0, -1 }, { 0, -1, -1 } }).Reshape(1, 1, 3, 3),
            "CreateConvolution(W, b).Backward(dout)", Tolerance.Value, inputs, Hints.For("dx"));
        Expect.Close(Grad(layer, "W"), Tensor.From(new[,] { { 12.0, 16 }, { 24, 28 } }).Reshape(1, 1, 2, 2), Say("Grads[\"W\"] after Backward(dout)", "Backward(dout) 之后的 Grads[\"W\"]"),
            Tolerance.Value, inputs, Say("dW[0, 0, u, v] adds up the pixel at (u, v) of every window: 1 + 2 + 4 + 5 = 12 for (0, 0). ", "dW[0, 0, u, v] 把每个窗口在 (u, v) 处的像素加起来：(0, 0) 处是 1 + 2 + 4 + 5 = 12。") + Hints.For("dW"));
        Expect.Close(Grad(layer, "b"), Tensor.From(4.0), Say("Grads[\"b\"] after Backward(dout)", "Backward(dout) 之后的 Grads[\"b\"]"), Tolerance.Value, inputs, Hints.For("db"));
    }

    [Check("forwards the convolution of its definition, for generated shapes, strides and pads",
           "对生成的形状、步幅和填充，正向输出按定义计算的卷积")]
    public void ForwardIsConvolution(IChapter7 c) =>
        Properties.ForAll("7.3 forward", Gens.Case(Layer), k =>
        {
            var (s, p) = StrideAndPad(k);
            var x = k["x"];
            var W = k["W"];
            var b = k["b"];
            Expect.Close(c.CreateConvolution(W, b, s, p).Forward(x.Copy()), Chapter7Cases.Convolve(x, W, b, s, p), $"CreateConvolution(W, b, {s}, {p}).Forward(x)",
                Tolerance.Value, [(Say("shapes", "形状"), k.Shapes), Expect.Input("x", x), Expect.Input("W", W), Expect.Input("b", b)],
                Say("out[n, f, oh, ow] = b[f] + Σ_{c, fh, fw} W[f, c, fh, fw] · x[n, c, oh·S + fh − P, ow·S + fw − P] (0 in the padding). ", "out[n, f, oh, ow] = b[f] + Σ_{c, fh, fw} W[f, c, fh, fw] · x[n, c, oh·S + fh − P, ow·S + fw − P]（填充处为 0）。") + MoveAxes);
        }, Gens.ShrinkCase, tests: 60);

    [Check("backward matches central differences for dx, dW and db, with strides and pads",
           "有步幅和填充时，反向传播求出的 dx、dW 和 db 与中心差分一致")]
    public void BackwardMatchesNumerical(IChapter7 c) =>
        GradientCheck.Layer("7.3 gradient", [Layer], k => c.CreateConvolution(k["W"], k["b"], k.Dims["S"], k.Dims["P"]), Hints, tests: 40);

    [Check("computes with the W and b it was given, so updating them in place updates the layer",
           "用传给它的 W 和 b 计算，因此原地更新它们就更新了这一层")]
    public void UsesTheGivenTensors(IChapter7 c)
    {
        var W = Tensor.Ones(1, 1, 2, 2);
        var b = Tensor.From(0.5);
        var x = Tensor.Ones(1, 1, 2, 2);
        var layer = c.CreateConvolution(W, b);
        Expect.That(ReferenceEquals(layer.Params["W"], W) && ReferenceEquals(layer.Params["b"], b),
            Say("CreateConvolution(W, b).Params does not hold the W and b it was given.", "CreateConvolution(W, b).Params 里不是传给它的那个 W 和 b。"), [],
            Say("Params[\"W\"] is W itself, not a copy: the network and the optimizer reach the layer's parameters through it.", "Params[\"W\"] 就是 W 本身，不是副本：网络和优化器通过它访问该层的参数。"));
        layer.Forward(x.Copy());
        W.Assign(W * 2);
        b.Assign(b + 1);
        Expect.Close(layer.Forward(x.Copy()), Tensor.Full(9.5, 1, 1, 1, 1), "Forward(x) after W.Assign(W * 2) and b.Assign(b + 1)", Tolerance.Value,
            [Expect.Input("x", x), ("W now", W.ToString()), (Say("b now", "现在的 b"), b.ToString())],
            Say("reshape W on every Forward (W.Reshape(FN, −1) is a copy): a copy made in the constructor never sees the optimizer's updates.", "每次 Forward 都要 reshape W（W.Reshape(FN, −1) 是一个副本）：在构造函数里做的副本永远看不到优化器的更新。"));
    }

    [Check("works for batches of changing sizes: one layer forwards and backwards each batch as a fresh layer does",
           "批大小变化时也能用：同一个层对每个批次的正向和反向结果与新建的层相同")]
    public void ChangingBatchSizes(IChapter7 c)
    {
        // A network meets batches of other sizes (a shorter last batch, a test set, single images); state kept from
        // the last Forward must never leak into the next one.
        var random = new Random(7303);
        var W = Tensor.RandomUniform(random, -1, 1, 2, 1, 2, 2);
        var b = Tensor.RandomUniform(random, -1, 1, 2);
        var layer = c.CreateConvolution(W, b);
        int[][] shapes = [[2, 1, 3, 3], [1, 1, 3, 3], [1, 1, 2, 2], [2, 1, 2, 3], [3, 1, 4, 4], [1, 1, 2, 2], [2, 1, 3, 3]];
        var seen = new List<string>();
        foreach (var shape in shapes)
        {
            var x = Tensor.RandomUniform(random, -1, 1, shape);
            var dout = Tensor.RandomUniform(random, -1, 1, shape[0], 2, shape[2] - 1, shape[3] - 1);
            var fresh = c.CreateConvolution(W.Copy(), b.Copy());
            var what = Say($"x {x.ShapeText} after Forward of {(seen.Count == 0 ? "nothing" : string.Join(", ", seen))}", $"在 Forward 过 {(seen.Count == 0 ? "（无）" : string.Join(", ", seen))} 之后的 x {x.ShapeText}");
            var hint = Say("keep nothing from an earlier batch that depends on its size: a buffer of the last batch's rows is too short or too long for this one.", "不要保留之前批次中依赖于其大小的东西：按上一批的行数建的缓冲区对这一批来说会太短或太长。");
            Expect.Close(layer.Forward(x.Copy()), fresh.Forward(x.Copy()), Say($"Forward({what}), against a fresh layer's", $"Forward({what})，与新建的层比较"), Tolerance.Value, [Expect.Input("x", x)], hint);
            Expect.Close(layer.Backward(dout.Copy()), fresh.Backward(dout.Copy()), Say($"Backward(dout) for {what}, against a fresh layer's", $"对 {what} 的 Backward(dout)，与新建的层比较"), Tolerance.Value,
                [Expect.Input("x", x), Expect.Input("dout", dout)], hint);
            seen.Add(x.ShapeText);
        }
    }

    [Check("reproduces the golden examples",
           "重现黄金文件中的例子")]
    public void GoldenExamples(IChapter7 c)
    {
        var random = new Random(73);
        var x = Tensor.RandomNormal(random, 2, 3, 5, 5);
        var W = Tensor.RandomNormal(random, 4, 3, 3, 3);
        var b = Tensor.RandomNormal(random, 4);
        var layer = c.CreateConvolution(W.Copy(), b.Copy(), 2, 1);
        var output = layer.Forward(x.Copy());
        var dout = Tensor.RandomNormal(random, output.Shape);
        var dx = layer.Backward(dout.Copy());
        Golden.Verify("examples", new GoldenRecord
        {
            { "x", x }, { "W", W }, { "b", b }, { "dout", dout },
            { "Forward(x), stride 2, pad 1", output }, { "Backward(dout)", dx }, { "Grads[W]", Grad(layer, "W") }, { "Grads[b]", Grad(layer, "b") },
        }, Tolerance.Value, Hint);
    }

    private static Tensor Grad(ILayer layer, string name) =>
        layer.Grads is { } g && g.TryGetValue(name, out var t) && t is not null
            ? t
            : throw new CheckFailure(Say($"Grads has no \"{name}\" after Backward.\n  hint: Backward stores dW and db; Grads returns them by the names \"W\" and \"b\".", $"Backward 之后 Grads 里没有 \"{name}\"。\n  提示: Backward 保存 dW 和 db；Grads 以 \"W\" 和 \"b\" 这两个名字返回它们。"));
}
