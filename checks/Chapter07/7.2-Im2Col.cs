using DeepLearningKata.Contracts;

namespace DeepLearningKata.Checks.Chapter07;

[Exercise("7.2", "Im2Col")]
public sealed class Im2ColChecks
{
    private static string Hint => Say("col[(n·OH + oh)·OW + ow, (c·FH + fh)·FW + fw] = x[n, c, oh·S + fh − P, ow·S + fw − P], and 0 where that is in the padding.", "col[(n·OH + oh)·OW + ow, (c·FH + fh)·FW + fw] = x[n, c, oh·S + fh − P, ow·S + fw − P]，落在填充里时为 0。");

    private static string Col2ImHint => Say("Col2Im walks the same windows as Im2Col and adds (+=) each element of col to the pixel it came from; " +
                                      "elements that came from the padding are dropped.", "Col2Im 遍历与 Im2Col 相同的窗口，把 col 的每个元素加（+=）回它来自的像素；来自填充的元素丢弃。");

    private static readonly CaseSpec Windows = new(Chapter7Cases.WindowDims("FH", "FW", maxPad: 2),
        [
            new("x", ["N", "C", "H", "Wd"], Values.Between(-1, 1)),
            new("y", ["N*OH*OW", "C*FH*FW"], Values.Between(-1, 1)),
        ])
    {
        Derived = Chapter7Cases.InputFromOutput("FH", "FW"),
    };

    // Windows that tile the input: stride = filter, no padding.
    private static readonly CaseSpec Tiles = new([new("N", 1, 2), new("C", 1, 2), new("OH", 1, 3), new("OW", 1, 3), new("F", 1, 3)],
        [new("x", ["N", "C", "OH*F", "OW*F"], Values.Between(-1, 1))]);

    private static string Describe(GradientCase k) =>
        $"x {k.Peek("x").ShapeText}, FH = {k.Dims["FH"]}, FW = {k.Dims["FW"]}, S = {k.Dims["S"]}, P = {k.Dims["P"]}";

    private static (int FH, int FW, int S, int P) Window(GradientCase k) => (k.Dims["FH"], k.Dims["FW"], k.Dims["S"], k.Dims["P"]);

    [Check("gives the worked example: the four 2×2 windows of a 3×3 image, and col2im's counts",
           "给出示例的结果：3×3 图像的四个 2×2 窗口，以及 col2im 的计数")]
    public void WorkedExample(IChapter7 c)
    {
        var x = Tensor.Arange(1, 10).Reshape(1, 1, 3, 3);
        var col = c.Im2Col(x.Copy(), 2, 2);
        Expect.Close(col, Tensor.From(new[,] { { 1.0, 2, 4, 5 }, { 2, 3, 5, 6 }, { 4, 5, 7, 8 }, { 5, 6, 8, 9 } }), "Im2Col(x, 2, 2)", Tolerance.Value,
            [Expect.Input("x", x)], Say("row r is the window at (oh, ow) = (r / OW, r % OW), read row by row: ", "第 r 行是位于 (oh, ow) = (r / OW, r % OW) 的窗口，逐行读取：") + Hint);
        Expect.Close(c.Col2Im(Tensor.Ones(4, 4), [1, 1, 3, 3], 2, 2), Tensor.From(new[,] { { 1.0, 2, 1 }, { 2, 4, 2 }, { 1, 2, 1 } }).Reshape(1, 1, 3, 3),
            "Col2Im(ones (4, 4), [1, 1, 3, 3], 2, 2)", Tolerance.Value, [],
            Say("the middle pixel lies in all four windows, so it collects four ones: ", "中间的像素位于全部四个窗口中，所以它收集到四个 1：") + Col2ImHint);
    }

    [Check("gives col the shape (N·OH·OW, C·FH·FW) and col2im the input's shape",
           "col 的形状为 (N·OH·OW, C·FH·FW)，col2im 的结果与输入形状相同")]
    public void Shapes(IChapter7 c) =>
        Properties.ForAll("7.2 shapes", Gens.Case(Windows), k =>
        {
            var (fh, fw, s, p) = Window(k);
            var x = k["x"];
            Expect.Shape(c.Im2Col(x, fh, fw, s, p), k.Peek("y").Shape, "Im2Col(x, FH, FW, S, P)", [(Say("case", "用例"), Describe(k))],
                Say("one row per window position (N·OH·OW, with OH = (H + 2P − FH)/S + 1), one column per element of a window (C·FH·FW).", "每个窗口位置一行（N·OH·OW，其中 OH = (H + 2P − FH)/S + 1），窗口的每个元素一列（C·FH·FW）。"));
            Expect.Shape(c.Col2Im(k["y"], x.Shape, fh, fw, s, p), x.Shape, "Col2Im(col, x.Shape, FH, FW, S, P)", [(Say("case", "用例"), Describe(k))],
                Say("col2im returns an image batch of inputShape — without the padding.", "col2im 返回形状为 inputShape 的图像批次——不含填充。"));
        }, Gens.ShrinkCase);

    [Check("puts every element where the definition says: rows (n, oh, ow), columns (c, fh, fw), zeros in the padding",
           "每个元素都放在定义规定的位置：行 (n, oh, ow)，列 (c, fh, fw)，填充处为零")]
    public void ElementOrder(IChapter7 c) =>
        Properties.ForAll("7.2 element order", Gens.Case(Windows), k =>
        {
            var (fh, fw, s, p) = Window(k);
            var x = k["x"];
            Expect.Close(c.Im2Col(x, fh, fw, s, p), Chapter7Cases.Im2Col(x, fh, fw, s, p), "Im2Col(x, FH, FW, S, P)", Tolerance.Value,
                [(Say("case", "用例"), Describe(k)), Expect.Input("x", x)],
                Hint + Say(" The index [r, q] of the first difference decodes as r = (n·OH + oh)·OW + ow and q = (c·FH + fh)·FW + fw.", " 第一个不同处的索引 [r, q] 这样解读：r = (n·OH + oh)·OW + ow，q = (c·FH + fh)·FW + fw。"));
        }, Gens.ShrinkCase);

    [Check("col2im adds every element of col back to the pixel it came from, dropping the padding",
           "col2im 把 col 的每个元素加回它来自的像素，去掉填充")]
    public void Col2ImByDefinition(IChapter7 c) =>
        Properties.ForAll("7.2 col2im", Gens.Case(Windows), k =>
        {
            var (fh, fw, s, p) = Window(k);
            var y = k["y"];
            var shape = k.Peek("x").Shape;
            Expect.Close(c.Col2Im(y, shape, fh, fw, s, p), Chapter7Cases.Col2Im(y, shape, fh, fw, s, p), "Col2Im(col, x.Shape, FH, FW, S, P)", Tolerance.Value,
                [(Say("case", "用例"), Describe(k)), Expect.Input("col", y)], Col2ImHint);
        }, Gens.ShrinkCase);

    [Check("round trip: col2im(im2col(x)) is x times the number of windows each pixel lies in",
           "往返：col2im(im2col(x)) 等于 x 乘以每个像素所在的窗口数")]
    public void RoundTrip(IChapter7 c) =>
        Properties.ForAll("7.2 round trip", Gens.Case(Windows), k =>
        {
            var (fh, fw, s, p) = Window(k);
            var x = k["x"];
            var count = Chapter7Cases.Coverage(x.Shape, fh, fw, s, p);
            var back = c.Col2Im(c.Im2Col(x.Copy(), fh, fw, s, p), x.Shape, fh, fw, s, p);
            Expect.Close(back, x * count, "Col2Im(Im2Col(x, FH, FW, S, P), x.Shape, FH, FW, S, P)", Tolerance.Value,
                [(Say("case", "用例"), Describe(k)), (Say("windows per pixel", "每个像素所在的窗口数"), count.ToString())],
                Say("a pixel that lies in k windows is copied k times by im2col, and col2im adds all k copies back (+=, not =). " +
                "If you got x itself where windows overlap, col2im assigns instead of adding.", "位于 k 个窗口中的像素被 im2col 复制 k 次，col2im 要把 k 个副本全部加回去（+=，不是 =）。如果在窗口重叠处你得到的是 x 本身，说明 col2im 用了赋值而不是相加。"));
        }, Gens.ShrinkCase);

    [Check("round trip: col2im(im2col(x)) is x itself when the windows tile the input (stride = filter, no padding)",
           "往返：窗口恰好铺满输入时（步幅 = 滤波器大小，无填充），col2im(im2col(x)) 就是 x 本身")]
    public void RoundTripTiles(IChapter7 c) =>
        Properties.ForAll("7.2 tiles", Gens.Case(Tiles), k =>
        {
            var f = k.Dims["F"];
            var x = k["x"];
            var back = c.Col2Im(c.Im2Col(x.Copy(), f, f, f, 0), x.Shape, f, f, f, 0);
            Expect.Close(back, x, $"Col2Im(Im2Col(x, {f}, {f}, stride: {f}, pad: 0), x.Shape, {f}, {f}, {f}, 0)", Tolerance.Value, [Expect.Input("x", x)],
                Say("with stride = filter and no padding every pixel lies in exactly one window, so the round trip gives x back.", "步幅 = 滤波器大小且没有填充时，每个像素恰好位于一个窗口中，所以往返之后得到 x 本身。"));
        }, Gens.ShrinkCase, tests: 30);

    [Check("col2im is the adjoint of im2col: ⟨im2col(x), y⟩ = ⟨x, col2im(y)⟩ for any x and y",
           "col2im 是 im2col 的伴随：对任意 x 和 y，⟨im2col(x), y⟩ = ⟨x, col2im(y)⟩")]
    public void Adjoint(IChapter7 c) =>
        Properties.ForAll("7.2 adjoint", Gens.Case(Windows), k =>
        {
            var (fh, fw, s, p) = Window(k);
            var x = k["x"];
            var y = k["y"];
            var left = (c.Im2Col(x.Copy(), fh, fw, s, p) * y).Sum();
            var right = (x * c.Col2Im(y.Copy(), x.Shape, fh, fw, s, p)).Sum();
            Expect.That(Tolerance.Value.Accepts(left, right), Say("⟨Im2Col(x), y⟩ differs from ⟨x, Col2Im(y)⟩.", "⟨Im2Col(x), y⟩ 与 ⟨x, Col2Im(y)⟩ 不相等。"),
                [(Say("case", "用例"), Describe(k)), ("⟨Im2Col(x), y⟩", Tensor.FormatNumber(left)), ("⟨x, Col2Im(y)⟩", Tensor.FormatNumber(right))],
                Say("col2im must send each element of col exactly where im2col took it from, and add it (+=): then the two sums are the same " +
                "products in another order. This is what makes dx = Col2Im(dcol) the right gradient of a convolution.", "col2im 必须把 col 的每个元素恰好送回 im2col 取它的地方，并且相加（+=）：这样两个和就是相同乘积换了个顺序相加。正因如此，dx = Col2Im(dcol) 才是卷积的正确梯度。"));
        }, Gens.ShrinkCase);

    [Check("leaves x and col unchanged",
           "不修改 x 和 col")]
    public void LeavesInputsAlone(IChapter7 c)
    {
        var x = Tensor.Arange(0, 32).Reshape(1, 2, 4, 4) / 10;
        var xIn = x.Copy();
        var col = c.Im2Col(xIn, 3, 3, 1, 1);
        Expect.Unchanged(x, xIn, "Im2Col(x, 3, 3, 1, 1)", "x");
        var colIn = col.Copy();
        c.Col2Im(colIn, x.Shape, 3, 3, 1, 1);
        Expect.Unchanged(col, colIn, "Col2Im(col, x.Shape, 3, 3, 1, 1)", "col");
    }

    [Check("reproduces the golden examples",
           "重现黄金文件中的例子")]
    public void GoldenExamples(IChapter7 c)
    {
        var random = new Random(72);
        var x = Tensor.RandomNormal(random, 2, 2, 5, 4);
        var col = c.Im2Col(x.Copy(), 3, 2, 2, 1);
        var y = Tensor.RandomNormal(random, col.Shape);
        Golden.Verify("examples", new GoldenRecord
        {
            { "x", x }, { "Im2Col(x, 3, 2, stride 2, pad 1)", col },
            { "y", y }, { "Col2Im(y, x.Shape, 3, 2, stride 2, pad 1)", c.Col2Im(y.Copy(), x.Shape, 3, 2, 2, 1) },
            { "Im2Col(x, 2, 2, stride 1, pad 0)", c.Im2Col(x.Copy(), 2, 2, 1, 0) },
        }, Tolerance.Value, Hint);
    }
}
