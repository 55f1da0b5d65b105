using DeepLearningKata.Contracts;
using FsCheck;
using FsCheck.Fluent;

namespace DeepLearningKata.Checks.Chapter03;

/// <summary>A network of any layer sizes and an input for it, printed in full so a failing case can be rebuilt.</summary>
public sealed record NetworkCase(IReadOnlyDictionary<string, Tensor> Network, Tensor X)
{
    /// <summary>The shapes; the values are shown by the failure itself, and KATA_SEED rebuilds the case.</summary>
    public override string ToString() =>
        string.Join(", ", Network.Select(p => $"{p.Key} {p.Value.ShapeText}")) + $", x {X.ShapeText}";
}

[Exercise("3.4", "ThreeLayerForward")]
public sealed class ThreeLayerForwardChecks
{
    internal static readonly string[] Names = ["W1", "b1", "W2", "b2", "W3", "b3"];

    private static string Hint => Say("each layer is a = z·W + b (a matrix product with z first, then the bias); σ after layers 1 and 2, identity " +
                                "after layer 3. More: ./run-checks.sh --hint 3.4", "每一层都是 a = z·W + b（矩阵乘积，z 在前，再加偏置）；第 1、2 层之后接 σ，第 3 层之后接恒等函数。更多：./run-checks.sh --hint 3.4 --lang zh");

    /// <summary>The book's network, built here so the checks of Forward do not depend on InitNetwork.</summary>
    internal static Dictionary<string, Tensor> BookNetwork() => new()
    {
        ["W1"] = new[,] { { 0.1, 0.3, 0.5 }, { 0.2, 0.4, 0.6 } },
        ["b1"] = new[] { 0.1, 0.2, 0.3 },
        ["W2"] = new[,] { { 0.1, 0.4 }, { 0.2, 0.5 }, { 0.3, 0.6 } },
        ["b2"] = new[] { 0.1, 0.2 },
        ["W3"] = new[,] { { 0.1, 0.3 }, { 0.2, 0.4 } },
        ["b3"] = new[] { 0.1, 0.2 },
    };

    /// <summary>The forward pass written out with loops: one sample (1-D x) or a batch (2-D x).</summary>
    internal static Tensor Expected(IReadOnlyDictionary<string, Tensor> network, Tensor x)
    {
        var rows = x.Ndim == 1 ? 1 : x.Dim(0);
        var z = x.Reshape(rows, x.Dim(-1));
        for (var layer = 1; layer <= 3; layer++)
        {
            var w = network["W" + layer];
            var b = network["b" + layer];
            var (k, m) = (w.Dim(0), w.Dim(1));
            var a = Tensor.Zeros(rows, m);
            for (var r = 0; r < rows; r++)
            {
                for (var j = 0; j < m; j++)
                {
                    var sum = b[j];
                    for (var i = 0; i < k; i++) sum += z[r, i] * w[i, j];
                    a[r, j] = layer < 3 ? 1.0 / (1.0 + Math.Exp(-sum)) : sum;
                }
            }
            z = a;
        }
        return x.Ndim == 1 ? z.Reshape(z.Dim(1)) : z;
    }

    [Check("InitNetwork holds the book's weights and biases, W1 to b3",
           "InitNetwork 含有书中的权重和偏置，从 W1 到 b3")]
    public void InitNetworkHoldsTheBooksWeights(IChapter3 c)
    {
        var network = c.InitNetwork();
        Expect.That(network is not null, Say("InitNetwork() returned null.", "InitNetwork() 返回了 null。"), hint: Say("return a new Dictionary<string, Tensor> { [\"W1\"] = …, … }.", "返回一个 new Dictionary<string, Tensor> { [\"W1\"] = …, … }。"));
        var book = BookNetwork();
        foreach (var name in Names)
        {
            Expect.That(network!.ContainsKey(name), Say($"InitNetwork() has no entry \"{name}\".", $"InitNetwork() 里没有 \"{name}\" 这一项。"),
                [(Say("your names", "你的名字"), string.Join(", ", network.Keys.Select(k => $"\"{k}\""))), (Say("expected names", "期望的名字"), "\"W1\", \"b1\", \"W2\", \"b2\", \"W3\", \"b3\"")],
                Say("the names are case-sensitive: capital W for weights, small b for biases.", "名字区分大小写：权重用大写 W，偏置用小写 b。"));
            Expect.Close(network[name], book[name], $"InitNetwork()[\"{name}\"]", Tolerance.Value, hint:
                Say($"copy the book's {name} row by row: row i of a weight matrix holds the weights leaving input i of the layer " +
                "(so W1 has shape (2, 3): 2 inputs, 3 neurons).", $"逐行照抄书中的 {name}：权重矩阵的第 i 行是从该层第 i 个输入出发的权重（所以 W1 的形状是 (2, 3)：2 个输入，3 个神经元）。"));
        }
    }

    [Check("Forward of the book's network gives [0.31682708, 0.69627909] for x = [1.0, 0.5]",
           "书中网络的 Forward 对 x = [1.0, 0.5] 给出 [0.31682708, 0.69627909]")]
    public void BooksExample(IChapter3 c)
    {
        Tensor x = new[] { 1.0, 0.5 };
        var expected = Expected(BookNetwork(), x);
        Expect.Close(c.Forward(BookNetwork(), x.Copy()), expected, Say("Forward(book network, [1.0, 0.5])", "Forward(书中的网络, [1.0, 0.5])"), Tolerance.Value,
            [Expect.Input("x", x)], Hint, expectedNote: "a1 = [0.3, 0.7, 1.1], z1 = σ(a1), …");
    }

    [Check("Forward of the book's network works on a batch: (N, 2) in, (N, 2) out, one row per sample",
           "书中网络的 Forward 能处理批次：输入 (N, 2)，输出 (N, 2)，每个样本一行")]
    public void BooksNetworkOnABatch(IChapter3 c)
    {
        var gen = from n in Gen.Choose(1, 6) from x in Gens.OfShape(-3, 3, n, 2) select x;
        Properties.ForAll("3.4 forward batch", gen, tc =>
        {
            var x = tc.Value;
            Expect.Close(c.Forward(BookNetwork(), x.Copy()), Expected(BookNetwork(), x), Say("Forward(book network, x)", "Forward(书中的网络, x)"), Tolerance.Value,
                [Expect.Input("x", x)],
                Say("a batch has one sample per row: Np.Dot(x, W1) is then (N, 3), b1 broadcasts over the rows, and so on; " +
                "the output keeps one row per sample.", "批次每行一个样本：这时 Np.Dot(x, W1) 是 (N, 3)，b1 沿各行广播，以此类推；输出保持每个样本一行。"));
        }, ShrinkRows);
    }

    /// <summary>Fewer rows, then rounder values; the two columns the network needs stay.</summary>
    private static IEnumerable<TensorCase> ShrinkRows(TensorCase c) =>
        Gens.Shrink(c).Where(s => s.Value.Dim(1) == c.Value.Dim(1));

    [Check("Forward agrees with the three-layer formula for random networks of any layer sizes",
           "对各层大小任意的随机网络，Forward 与三层网络的公式一致")]
    public void RandomNetworks(IChapter3 c)
    {
        var gen =
            from d0 in Gen.Choose(1, 4)
            from d1 in Gen.Choose(1, 5)
            from d2 in Gen.Choose(1, 5)
            from d3 in Gen.Choose(1, 4)
            from batch in Gen.Choose(0, 4)
            from w1 in Gens.OfShape(-2, 2, d0, d1)
            from b1 in Gens.OfShape(-2, 2, d1)
            from w2 in Gens.OfShape(-2, 2, d1, d2)
            from b2 in Gens.OfShape(-2, 2, d2)
            from w3 in Gens.OfShape(-2, 2, d2, d3)
            from b3 in Gens.OfShape(-2, 2, d3)
            from x in batch == 0 ? Gens.OfShape(-3, 3, d0) : Gens.OfShape(-3, 3, batch, d0)
            select new NetworkCase(new Dictionary<string, Tensor>
            {
                ["W1"] = w1.Value, ["b1"] = b1.Value, ["W2"] = w2.Value, ["b2"] = b2.Value, ["W3"] = w3.Value, ["b3"] = b3.Value,
            }, x.Value);
        Properties.ForAll("3.4 forward random networks", gen, p =>
        {
            var shapes = string.Join(", ", Names.Select(n => $"{n} {p.Network[n].ShapeText}"));
            Expect.Close(c.Forward(Copy(p.Network), p.X.Copy()), Expected(p.Network, p.X), "Forward(network, x)", Tolerance.Value,
                [(Say("network", "网络"), shapes), Expect.Input("x", p.X), .. Weights(p.Network)], Hint);
        });
    }

    [Check("reproduces the golden forward pass of the book's network",
           "重现黄金文件中书中网络的前向传播")]
    public void GoldenForward(IChapter3 c)
    {
        Tensor x = new[] { 1.0, 0.5 };
        var batch = Tensor.Arange(-2, 2, 0.5).Reshape(4, 2);
        Golden.Verify("forward", new GoldenRecord
        {
            { "x", x },
            { "Forward(book network, x)", c.Forward(BookNetwork(), x.Copy()) },
            { "batch", batch },
            { "Forward(book network, batch)", c.Forward(BookNetwork(), batch.Copy()) },
        }, Tolerance.Value, Hint);
    }

    private static IEnumerable<(string, string)> Weights(IReadOnlyDictionary<string, Tensor> network) =>
        network.Select(p => Expect.Input(p.Key, p.Value));

    private static Dictionary<string, Tensor> Copy(IReadOnlyDictionary<string, Tensor> network) =>
        network.ToDictionary(p => p.Key, p => p.Value.Copy());
}
