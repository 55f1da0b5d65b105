using DeepLearningKata.Contracts;

namespace DeepLearningKata.Checks.Chapter07;

[Exercise("7.4", "Pooling", TimeoutSeconds = 30)]
public sealed class PoolingChecks
{
    private static string MaxHint => Say("out[n, c, oh, ow] is the largest value of the window at (oh·S − P, ow·S − P), of PH×PW places, padding counted as 0; " +
                                   "backward adds dout[n, c, oh, ow] to that one place only (+=: overlapping windows may share it).", "out[n, c, oh, ow] 是位于 (oh·S − P, ow·S − P)、共 PH×PW 个位置的窗口中的最大值，填充按 0 计；反向时只把 dout[n, c, oh, ow] 加到那一个位置上（+=：重叠的窗口可能共用它）。");

    private static string AverageHint => Say("out[n, c, oh, ow] is the sum of the window's PH·PW places (padding counted as 0) divided by PH·PW; backward adds " +
                                       "dout[n, c, oh, ow] / (PH·PW) to each place of the window inside x (+=: overlapping windows add up).", "out[n, c, oh, ow] 是窗口 PH·PW 个位置之和（填充按 0 计）除以 PH·PW；反向时把 dout[n, c, oh, ow] / (PH·PW) 加到窗口在 x 内的每个位置上（+=：重叠的窗口要累加）。");

    private static GradientHints MaxHints => new("CreateMaxPooling(PH, PW, S, P)", MaxHint)
    {
        Gradients = new Dictionary<string, string>
        {
            ["dx"] = Say("only the maximum of a window moved the output, so only that element gets dout — every other element of the window gets 0 " +
                     "from it. Remember in Forward where each maximum was, and add (+=) dout there. ", "只有窗口的最大值影响了输出，所以只有那个元素得到 dout——窗口中的其他元素从它那里得到 0。在 Forward 里记下每个最大值的位置，在那里加上（+=）dout。") + MaxHint,
        },
    };

    private static GradientHints AverageHints => new("CreateAveragePooling(PH, PW, S, P)", AverageHint)
    {
        Gradients = new Dictionary<string, string>
        {
            ["dx"] = Say("each place of a window counted 1/(PH·PW) in the mean, so it gets dout/(PH·PW) — without the division the gradient is PH·PW " +
                     "times too large. ", "窗口的每个位置在平均值中占 1/(PH·PW)，所以它得到 dout/(PH·PW)——不除的话梯度会大 PH·PW 倍。") + AverageHint,
        },
    };

    private static CaseSpec Spec(bool max) => new(Chapter7Cases.WindowDims("PH", "PW", maxOut: 3, maxFilter: 3, maxStride: 3, maxPad: 1),
        [
            new("x", ["N", "C", "H", "Wd"], max ? Values.Between(-2, 2).AwayFrom(0.05, 0) : Values.Between(-2, 2)),
            new("dout", ["N", "C", "OH", "OW"], Values.Upstream),
        ])
    {
        Derived = Chapter7Cases.InputFromOutput("PH", "PW"),
        // No ties for the largest value of a window, and a nudge of 1e-5 never changes which one it is.
        Valid = max ? k => Chapter7Cases.NoTies(k.Peek("x"), k.Dims["PH"], k.Dims["PW"], k.Dims["S"], k.Dims["P"], 1e-3) : null,
    };

    private static readonly CaseSpec MaxCases = Spec(max: true);
    private static readonly CaseSpec AverageCases = Spec(max: false);

    private static ILayer Create(IChapter7 c, GradientCase k, bool max) =>
        max ? c.CreateMaxPooling(k.Dims["PH"], k.Dims["PW"], k.Dims["S"], k.Dims["P"]) : c.CreateAveragePooling(k.Dims["PH"], k.Dims["PW"], k.Dims["S"], k.Dims["P"]);

    private static string Call(GradientCase k, bool max) =>
        $"{(max ? "CreateMaxPooling" : "CreateAveragePooling")}({k.Dims["PH"]}, {k.Dims["PW"]}, {k.Dims["S"]}, {k.Dims["P"]})";

    private static readonly Tensor ExampleX = Tensor.From(new[,] { { 1.0, 2, 5, 0 }, { 3, 4, 1, 2 }, { 0, 6, 3, 1 }, { 2, 1, 7, 8 } }).Reshape(1, 1, 4, 4);
    private static readonly Tensor ExampleDout = Tensor.From(new[,] { { 1.0, 2 }, { 3, 4 } }).Reshape(1, 1, 2, 2);

    [Check("gives the worked example: max and average pooling of a 4×4 image with 2×2 windows and stride 2, forward and backward",
           "给出示例的结果：对 4×4 图像用 2×2 窗口、步幅 2 做 Max 池化和平均池化，正向和反向")]
    public void WorkedExample(IChapter7 c)
    {
        var inputs = new[] { Expect.Input("x", ExampleX), Expect.Input("dout", ExampleDout) };
        var max = c.CreateMaxPooling(2, 2, 2);
        Expect.Close(max.Forward(ExampleX.Copy()), Tensor.From(new[,] { { 4.0, 5 }, { 6, 8 } }).Reshape(1, 1, 2, 2), "CreateMaxPooling(2, 2, 2).Forward(x)",
            Tolerance.Value, inputs, MaxHint);
        Expect.Close(max.Backward(ExampleDout.Copy()),
            Tensor.From(new[,] { { 0.0, 0, 2, 0 }, { 0, 1, 0, 0 }, { 0, 3, 0, 0 }, { 0, 0, 0, 4 } }).Reshape(1, 1, 4, 4), "CreateMaxPooling(2, 2, 2).Backward(dout)",
            Tolerance.Value, inputs, MaxHints.For("dx"));
        var average = c.CreateAveragePooling(2, 2, 2);
        Expect.Close(average.Forward(ExampleX.Copy()), Tensor.From(new[,] { { 2.5, 2 }, { 2.25, 4.75 } }).Reshape(1, 1, 2, 2),
            "CreateAveragePooling(2, 2, 2).Forward(x)", Tolerance.Value, inputs, AverageHint);
        Expect.Close(average.Backward(ExampleDout.Copy()),
            Tensor.From(new[,] { { 0.25, 0.25, 0.5, 0.5 }, { 0.25, 0.25, 0.5, 0.5 }, { 0.75, 0.75, 1, 1 }, { 0.75, 0.75, 1, 1 } }).Reshape(1, 1, 4, 4),
            "CreateAveragePooling(2, 2, 2).Backward(dout)", Tolerance.Value, inputs, AverageHints.For("dx"));
    }

    [Check("max pooling forwards each window's largest value, for generated shapes, strides (also ≠ the window) and pads",
           "对生成的形状、步幅（也有不等于窗口的）和填充，Max 池化正向输出每个窗口的最大值")]
    public void MaxForward(IChapter7 c) => Forward(c, max: true);

    [Check("average pooling forwards each window's mean over PH·PW places, padding zeros included",
           "平均池化正向输出每个窗口 PH·PW 个位置的平均值，填充的零也算在内")]
    public void AverageForward(IChapter7 c) => Forward(c, max: false);

    private static void Forward(IChapter7 c, bool max) =>
        Properties.ForAll(max ? "7.4 max forward" : "7.4 average forward", Gens.Case(max ? MaxCases : AverageCases), k =>
        {
            var (ph, pw, s, p) = (k.Dims["PH"], k.Dims["PW"], k.Dims["S"], k.Dims["P"]);
            var x = k["x"];
            Expect.Close(Create(c, k, max).Forward(x.Copy()), Chapter7Cases.Pool(x, null, ph, pw, s, p, max).Output, $"{Call(k, max)}.Forward(x)", Tolerance.Value,
                [(Say("shapes", "形状"), k.Shapes), Expect.Input("x", x)], max ? MaxHint : AverageHint);
        }, Gens.ShrinkCase, tests: 60);

    [Check("max pooling's backward sends each dout to its window's maximum only, adding where windows share it",
           "Max 池化的反向传播只把每个 dout 传给窗口的最大值，窗口共用同一最大值时累加")]
    public void MaxBackward(IChapter7 c) => Backward(c, max: true);

    [Check("average pooling's backward shares each dout equally, dout/(PH·PW), over its window",
           "平均池化的反向传播把每个 dout 平均分给窗口，每处 dout/(PH·PW)")]
    public void AverageBackward(IChapter7 c) => Backward(c, max: false);

    private static void Backward(IChapter7 c, bool max) =>
        Properties.ForAll(max ? "7.4 max backward" : "7.4 average backward", Gens.Case(max ? MaxCases : AverageCases), k =>
        {
            var (ph, pw, s, p) = (k.Dims["PH"], k.Dims["PW"], k.Dims["S"], k.Dims["P"]);
            var x = k["x"];
            var dout = k["dout"];
            var layer = Create(c, k, max);
            layer.Forward(x.Copy());
            var expected = Chapter7Cases.Pool(x, dout, ph, pw, s, p, max).Dx;
            var dx = layer.Backward(dout.Copy());
            var hint = (max ? MaxHints : AverageHints).For("dx");
            if (dx is not null && dx.ShapeSpan.SequenceEqual(expected.ShapeSpan) && max)
            {
                var everywhere = Chapter7Cases.Pool(x, dout, ph, pw, s, p, max: false).Dx * (ph * pw);
                if (AllClose(dx, everywhere) && !AllClose(dx, expected))
                {
                    hint = Say("looks like: your dx gives dout to every element of the window. ", "看起来像：你的 dx 把 dout 分给了窗口中的每个元素。") + hint;
                }
            }
            Expect.Close(dx, expected, Say($"{Call(k, max)}.Backward(dout) after Forward(x)", $"Forward(x) 之后的 {Call(k, max)}.Backward(dout)"), Tolerance.Value,
                [(Say("shapes", "形状"), k.Shapes), Expect.Input("x", x), Expect.Input("dout", dout)], hint);
        }, Gens.ShrinkCase, tests: 60);

    private static bool AllClose(Tensor a, Tensor b) =>
        a.AsSpan().ToArray().Zip(b.AsSpan().ToArray()).All(e => Tolerance.Value.Accepts(e.First, e.Second));

    [Check("max pooling's backward matches central differences (values away from ties)",
           "Max 池化的反向传播与中心差分一致（数值之间没有并列）")]
    public void MaxGradient(IChapter7 c) => GradientCheck.Layer("7.4 max gradient", [MaxCases], k => Create(c, k, max: true), MaxHints, tests: 50);

    [Check("average pooling's backward matches central differences",
           "平均池化的反向传播与中心差分一致")]
    public void AverageGradient(IChapter7 c) => GradientCheck.Layer("7.4 average gradient", [AverageCases], k => Create(c, k, max: false), AverageHints, tests: 50);

    [Check("works for batches of changing sizes: one pooling layer forwards and backwards each batch as a fresh layer does",
           "批大小变化时也能用：同一个池化层对每个批次的正向和反向结果与新建的层相同")]
    public void ChangingBatchSizes(IChapter7 c)
    {
        // A network meets batches of other sizes (a shorter last batch, a test set, single images); state kept from
        // the last Forward must never leak into the next one.
        var random = new Random(7404);
        int[][] shapes = [[2, 1, 4, 4], [1, 1, 4, 4], [1, 2, 2, 2], [3, 1, 6, 4], [1, 1, 2, 2], [2, 1, 4, 4]];
        foreach (var max in new[] { true, false })
        {
            var name = max ? "CreateMaxPooling(2, 2, 2)" : "CreateAveragePooling(2, 2, 2)";
            ILayer Make() => max ? c.CreateMaxPooling(2, 2, 2) : c.CreateAveragePooling(2, 2, 2);
            var layer = Make();
            var seen = new List<string>();
            foreach (var shape in shapes)
            {
                var x = Tensor.RandomUniform(random, -1, 1, shape);
                var dout = Tensor.RandomUniform(random, -1, 1, shape[0], shape[1], shape[2] / 2, shape[3] / 2);
                var fresh = Make();
                var what = Say($"x {x.ShapeText} after Forward of {(seen.Count == 0 ? "nothing" : string.Join(", ", seen))}", $"在 Forward 过 {(seen.Count == 0 ? "（无）" : string.Join(", ", seen))} 之后的 x {x.ShapeText}");
                var hint = Say("keep nothing from an earlier batch that depends on its size: an array of the last batch's maxima positions is too short or too long for this one.", "不要保留之前批次中依赖于其大小的东西：按上一批记录最大值位置的数组对这一批来说会太短或太长。");
                Expect.Close(layer.Forward(x.Copy()), fresh.Forward(x.Copy()), Say($"{name}: Forward({what}), against a fresh layer's", $"{name}：Forward({what})，与新建的层比较"), Tolerance.Value, [Expect.Input("x", x)], hint);
                Expect.Close(layer.Backward(dout.Copy()), fresh.Backward(dout.Copy()), Say($"{name}: Backward(dout) for {what}, against a fresh layer's", $"{name}：对 {what} 的 Backward(dout)，与新建的层比较"), Tolerance.Value,
                    [Expect.Input("x", x), Expect.Input("dout", dout)], hint);
                seen.Add(x.ShapeText);
            }
        }
    }

    [Check("reproduces the golden examples",
           "重现黄金文件中的例子")]
    public void GoldenExamples(IChapter7 c)
    {
        var random = new Random(74);
        var x = Tensor.RandomNormal(random, 2, 2, 5, 5);
        var max = c.CreateMaxPooling(3, 3, 2, 1);
        var average = c.CreateAveragePooling(3, 3, 2, 1);
        var outMax = max.Forward(x.Copy());
        var outAverage = average.Forward(x.Copy());
        var dout = Tensor.RandomNormal(random, outMax.Shape);
        Golden.Verify("examples", new GoldenRecord
        {
            { "x", x }, { "dout", dout },
            { "max 3×3, stride 2, pad 1: Forward(x)", outMax }, { "max: Backward(dout)", max.Backward(dout.Copy()) },
            { "average 3×3, stride 2, pad 1: Forward(x)", outAverage }, { "average: Backward(dout)", average.Backward(dout.Copy()) },
        }, Tolerance.Value, MaxHint + " " + AverageHint);
    }
}
