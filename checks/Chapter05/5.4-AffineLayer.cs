using DeepLearningKata.Contracts;

namespace DeepLearningKata.Checks.Chapter05;

[Exercise("5.4", "AffineLayer")]
public sealed class AffineLayerChecks
{
    private static string Hint => Say("Forward: keep x's shape, flatten x to (N, D), then the matrix product with W plus b. Backward: let the shapes " +
                                "choose the products — dx is (N, D) like the flattened x (then x's own shape), dW (D, M) like W, db (M) like " +
                                "b. More: ./run-checks.sh --hint 5.4", "Forward：记下 x 的形状，把 x 展平成 (N, D)，再与 W 做矩阵乘积并加上 b。Backward：让形状来决定乘积——dx 与展平后的 x 一样是 (N, D)（再变回 x 自己的形状），dW 与 W 一样是 (D, M)，db 与 b 一样是 (M)。更多：./run-checks.sh --hint 5.4 --lang zh");

    private static GradientHints Hints => new("CreateAffine(W, b)", Hint)
    {
        Gradients = new Dictionary<string, string>
        {
            ["dx"] = Say("dx = dout · Wᵀ: (N, M) · (M, D) gives x's (N, D) — without the transpose the shapes only fit by luck, and the " +
                     "numbers are wrong. For an input of shape (N, C, H, W), reshape dx back to that shape.", "dx = dout · Wᵀ：(N, M) · (M, D) 得到 x 的 (N, D)——不转置的话形状只是碰巧对上，数值是错的。输入形状为 (N, C, H, W) 时，要把 dx 变回这个形状。"),
            ["dW"] = Say("dW = xᵀ · dout: (D, N) · (N, M) gives W's (D, M), adding up every sample's contribution. Use the (flattened) x of " +
                     "the last Forward.", "dW = xᵀ · dout：(D, N) · (N, M) 得到 W 的 (D, M)，把每个样本的贡献加起来。用上一次 Forward 的（展平后的）x。"),
            ["db"] = Say("b was added to every row of the batch, so db adds up dout over the rows (the batch axis), of shape (M,) — a " +
                     "sum, not a mean, and not dout itself.", "b 加到了批次的每一行上，所以 db 要沿行（批次轴）把 dout 加起来，形状为 (M,)——是求和，不是求平均，也不是 dout 本身。"),
        },
        Suspects =
        [
            new("dx", k => Np.Dot(k["dout"], k["W"]).Reshape(k["x"].Shape), Say("your dx equals dout · W: the transpose is missing, dout · Wᵀ. " +
                "The shapes fit only because W is square here.", "你的 dx 等于 dout · W：少了转置，应为 dout · Wᵀ。形状能对上只是因为这里 W 是方阵。")),
            new("dx", k => Np.Dot(k["dout"], k["W"].T).Reshape(k["x"].Shape) * -1, Say("your dx is −(dout · Wᵀ): the sign is flipped.", "你的 dx 是 −(dout · Wᵀ)：符号反了。")),
            new("dW", k => Np.Dot(k["dout"].T, k["x"].Reshape(k["x"].Dim(0), -1)), Say("your dW equals doutᵀ · x, the transpose of xᵀ · dout. " +
                "The shapes fit only because W is square here.", "你的 dW 等于 doutᵀ · x，是 xᵀ · dout 的转置。形状能对上只是因为这里 W 是方阵。")),
            new("dW", k => Np.Dot(k["x"].Reshape(k["x"].Dim(0), -1).T, Tensor.Ones(k["dout"].Shape)), Say("your dW equals xᵀ · 1: dout is missing from the product.", "你的 dW 等于 xᵀ · 1：乘积里少了 dout。")),
        ],
    };

    private static readonly CaseSpec Rows = new(
        [new("N", 1, 4), new("D", 1, 5), new("M", 1, 4)],
        [
            new("x", ["N", "D"], Values.Between(-2, 2)),
            new("W", ["D", "M"], Values.Between(-1, 1)),
            new("b", ["M"], Values.Between(-1, 1)),
            new("dout", ["N", "M"], Values.Upstream),
        ]);

    // An image batch: W has one row per pixel of a sample, C·H·K of them.
    private static readonly CaseSpec Images = new(
        [new("N", 1, 3), new("C", 1, 2), new("H", 1, 3), new("K", 1, 3), new("M", 1, 3)],
        [
            new("x", ["N", "C", "H", "K"], Values.Between(-2, 2)),
            new("W", ["C*H*K", "M"], Values.Between(-1, 1)),
            new("b", ["M"], Values.Between(-1, 1)),
            new("dout", ["N", "M"], Values.Upstream),
        ]);

    [Check("gives the worked example: out, dx, dW and db",
           "给出示例的结果：out、dx、dW 和 db")]
    public void WorkedExample(IChapter5 c)
    {
        Tensor x = new[,] { { 1.0, 2.0 } };
        Tensor W = new[,] { { 1.0, 0.0, -1.0 }, { 2.0, 1.0, 0.0 } };
        Tensor b = new[] { 0.5, 0.0, 0.0 };
        Tensor dout = new[,] { { 1.0, 0.0, 2.0 } };
        var inputs = new[] { Expect.Input("x", x), Expect.Input("W", W), Expect.Input("b", b), Expect.Input("dout", dout) };
        var layer = c.CreateAffine(W.Copy(), b.Copy());
        Expect.Close(layer.Forward(x.Copy()), Tensor.From(new[,] { { 5.5, 2.0, -1.0 } }), "CreateAffine(W, b).Forward(x)", Tolerance.Value, inputs, Hint);
        Expect.Close(layer.Backward(dout.Copy()), Tensor.From(new[,] { { -1.0, 2.0 } }), "CreateAffine(W, b).Backward(dout)", Tolerance.Value, inputs,
            Hints.For("dx"));
        Expect.Close(Grad(layer, "W"), Tensor.From(new[,] { { 1.0, 0.0, 2.0 }, { 2.0, 0.0, 4.0 } }), Say("Grads[\"W\"] after Backward(dout)", "Backward(dout) 之后的 Grads[\"W\"]"),
            Tolerance.Value, inputs, Hints.For("dW"));
        Expect.Close(Grad(layer, "b"), Tensor.From(1.0, 0.0, 2.0), Say("Grads[\"b\"] after Backward(dout)", "Backward(dout) 之后的 Grads[\"b\"]"), Tolerance.Value, inputs, Hints.For("db"));
    }

    [Check("forwards x·W + b, for a batch of rows and for a batch of images",
           "对按行排列的批次和图像批次，正向输出 x·W + b")]
    public void ForwardIsAffine(IChapter5 c) =>
        Properties.ForAll("5.4 forward", Gens.Case(Rows, Images), k =>
        {
            var x = k["x"];
            var W = k["W"];
            var b = k["b"];
            var n = x.Dim(0);
            var flat = x.Reshape(n, -1);
            var expected = Tensor.Zeros(n, W.Dim(1));
            for (var i = 0; i < n; i++)
            {
                for (var j = 0; j < W.Dim(1); j++)
                {
                    var sum = b[j];
                    for (var d = 0; d < W.Dim(0); d++) sum += flat[i, d] * W[d, j];
                    expected[i, j] = sum;
                }
            }
            Expect.Close(c.CreateAffine(W, b).Forward(x.Copy()), expected, "CreateAffine(W, b).Forward(x)", Tolerance.Value,
                [(Say("shapes", "形状"), k.Shapes), Expect.Input("x", x), Expect.Input("W", W), Expect.Input("b", b)],
                Say("out[i, j] = b[j] + Σ_d x[i, d] · W[d, j], with x flattened to (N, D) = x.Reshape(x.Dim(0), -1).", "out[i, j] = b[j] + Σ_d x[i, d] · W[d, j]，其中 x 展平为 (N, D) = x.Reshape(x.Dim(0), -1)。"));
        }, Gens.ShrinkCase);

    [Check("backward matches central differences for dx, dW and db, for random shapes, values and dout",
           "对随机的形状、数值和 dout，反向传播求出的 dx、dW 和 db 与中心差分一致")]
    public void BackwardMatchesNumerical(IChapter5 c) =>
        GradientCheck.Layer("5.4 gradient", [Rows, Images], k => c.CreateAffine(k["W"], k["b"]), Hints);

    [Check("computes with the W and b it was given, so updating them in place updates the layer",
           "用传给它的 W 和 b 计算，因此原地更新它们就更新了这一层")]
    public void UsesTheGivenTensors(IChapter5 c)
    {
        Tensor W = new[,] { { 1.0, 2.0 }, { 3.0, 4.0 } };
        Tensor b = new[] { 0.5, -0.5 };
        Tensor x = new[,] { { 1.0, 1.0 } };
        var layer = c.CreateAffine(W, b);
        Expect.That(ReferenceEquals(layer.Params["W"], W) && ReferenceEquals(layer.Params["b"], b),
            Say("CreateAffine(W, b).Params does not hold the W and b it was given.", "CreateAffine(W, b).Params 里不是传给它的那个 W 和 b。"), [],
            Say("Params[\"W\"] is W itself, not a copy: the network and the optimizer reach the layer's parameters through it.", "Params[\"W\"] 就是 W 本身，不是副本：网络和优化器通过它访问该层的参数。"));
        layer.Forward(x.Copy());
        W.Assign(W * 2);
        b.Assign(b + 1);
        Expect.Close(layer.Forward(x.Copy()), Tensor.From(new[,] { { 9.5, 12.5 } }), "Forward(x) after W.Assign(W * 2) and b.Assign(b + 1)",
            Tolerance.Value, [Expect.Input("x", x), ("W now", W.ToString()), (Say("b now", "现在的 b"), b.ToString())],
            Say("keep W and b themselves in the layer (this.W = W), not copies: training updates them in place, and the layer must see it.", "在层中保存 W 和 b 本身（this.W = W），不要保存副本：训练会原地更新它们，层必须看到更新。"));
    }

    [Check("gives dx the shape of an image batch it was given",
           "dx 的形状与传入的图像批次相同")]
    public void ImageBatchKeepsItsShape(IChapter5 c)
    {
        var x = Tensor.Arange(0, 12).Reshape(2, 1, 2, 3) / 10;
        var layer = c.CreateAffine(Tensor.Arange(0, 12).Reshape(6, 2) / 10, Tensor.Zeros(2));
        var output = layer.Forward(x.Copy());
        Expect.Shape(output, [2, 2], "CreateAffine(W (6, 2), b).Forward(x (2, 1, 2, 3))", [(Say("x shape", "x 的形状"), x.ShapeText)],
            Say("flatten each sample first: x.Reshape(x.Dim(0), -1) is (2, 6).", "先把每个样本展平：x.Reshape(x.Dim(0), -1) 是 (2, 6)。"));
        Expect.Shape(layer.Backward(Tensor.Ones(2, 2)), [2, 1, 2, 3], Say("Backward(dout (2, 2)) after Forward(x (2, 1, 2, 3))", "Forward(x (2, 1, 2, 3)) 之后的 Backward(dout (2, 2))"), [(Say("x shape", "x 的形状"), x.ShapeText)],
            Say("dx has the shape of the x Forward was given: remember x.Shape in Forward, and return dx.Reshape(that shape).", "dx 的形状与传给 Forward 的 x 相同：在 Forward 里记下 x.Shape，返回 dx.Reshape(那个形状)。"));
    }

    [Check("reproduces the golden examples",
           "重现黄金文件中的例子")]
    public void GoldenExamples(IChapter5 c)
    {
        var random = new Random(5);
        var x = Tensor.RandomNormal(random, 3, 4);
        var W = Tensor.RandomNormal(random, 4, 2);
        var b = Tensor.RandomNormal(random, 2);
        var dout = Tensor.RandomNormal(random, 3, 2);
        var layer = c.CreateAffine(W.Copy(), b.Copy());
        var output = layer.Forward(x.Copy());
        var dx = layer.Backward(dout.Copy());
        Golden.Verify("examples", new GoldenRecord
        {
            { "x", x }, { "W", W }, { "b", b }, { "dout", dout },
            { "Forward(x)", output }, { "Backward(dout)", dx }, { "Grads[W]", Grad(layer, "W") }, { "Grads[b]", Grad(layer, "b") },
        }, Tolerance.Value, Hint);
    }

    private static Tensor Grad(ILayer layer, string name) =>
        layer.Grads is { } g && g.TryGetValue(name, out var t) && t is not null
            ? t
            : throw new CheckFailure(Say($"Grads has no \"{name}\" after Backward.\n  hint: Backward stores dW and db; Grads returns them by the names \"W\" and \"b\".", $"Backward 之后 Grads 里没有 \"{name}\"。\n  提示: Backward 保存 dW 和 db；Grads 以 \"W\" 和 \"b\" 这两个名字返回它们。"));
}
