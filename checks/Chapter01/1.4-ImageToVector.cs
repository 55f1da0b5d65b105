using DeepLearningKata.Contracts;

namespace DeepLearningKata.Checks.Chapter01;

[Exercise("1.4", "ImageToVector")]
public sealed class ImageToVectorChecks
{
    private static string ShapeHint => Say("the result is one column: (h·w·c, 1), with the number of rows first. (1, h·w·c) would be a row, and (h·w·c) a " +
                                     "1-D tensor with no second axis. More: ./run-checks.sh --hint 1.4", "结果是一列：(h·w·c, 1)，行数在前。(1, h·w·c) 是一行，而 (h·w·c) 是没有第二个轴的一维张量。更多：./run-checks.sh --hint 1.4 --lang zh");

    private static string OrderHint => Say("keep the elements in storage (C) order: the channel (last axis) changes fastest, then the column, then the " +
                                     "row, so v[(i·w + j)·c + k, 0] = image[i, j, k]. Reshape keeps that order; transposing first (image.T, " +
                                     "Transpose) reorders the elements.", "按存储顺序（C 顺序）排列元素：通道（最后一个轴）变化最快，其次是列，然后是行，所以 v[(i·w + j)·c + k, 0] = image[i, j, k]。Reshape 保持这个顺序；先转置（image.T、Transpose）会打乱元素的顺序。");

    /// <summary>The seed's image of shape (3, 3, 2), as Andrew Ng's assignment gives it.</summary>
    private static Tensor SeedImage() => Tensor.From(new double[,,]
    {
        { { 0.67826139, 0.29380381 }, { 0.90714982, 0.52835647 }, { 0.4215251, 0.45017551 } },
        { { 0.92814219, 0.96677647 }, { 0.85304703, 0.52351845 }, { 0.19981397, 0.27417313 } },
        { { 0.60659855, 0.00533165 }, { 0.10820313, 0.49978937 }, { 0.34144279, 0.94630077 } },
    });

    /// <summary>The expected column, built element by element from the formula v[(i·w + j)·c + k, 0] = image[i, j, k].</summary>
    private static Tensor Column(Tensor image)
    {
        int h = image.Dim(0), w = image.Dim(1), ch = image.Dim(2);
        var v = Tensor.Zeros(h * w * ch, 1);
        for (var i = 0; i < h; i++)
        {
            for (var j = 0; j < w; j++)
            {
                for (var k = 0; k < ch; k++) v[(i * w + j) * ch + k, 0] = image[i, j, k];
            }
        }
        return v;
    }

    [Check("unrolls the seed's (3, 3, 2) image into an (18, 1) column",
           "把原作业中 (3, 3, 2) 的图像展开成 (18, 1) 的列向量")]
    public void WorkedExample(IChapter1 c)
    {
        var image = SeedImage();
        var v = c.ImageToVector(image.Copy());
        Expect.Shape(v, [18, 1], Say("ImageToVector(image of shape (3, 3, 2))", "ImageToVector(形状为 (3, 3, 2) 的图像)"), [Expect.Input("image", image)], ShapeHint);
        var expected = new Tensor(
            [0.67826139, 0.29380381, 0.90714982, 0.52835647, 0.4215251, 0.45017551, 0.92814219, 0.96677647, 0.85304703,
             0.52351845, 0.19981397, 0.27417313, 0.60659855, 0.00533165, 0.10820313, 0.49978937, 0.34144279, 0.94630077], 18, 1);
        Expect.Close(v, expected, Say("ImageToVector(image of shape (3, 3, 2))", "ImageToVector(形状为 (3, 3, 2) 的图像)"), Tolerance.Value, [Expect.Input("image", image)], OrderHint);
    }

    [Check("returns shape (h·w·c, 1) for random image sizes",
           "对随机的图像尺寸，返回形状 (h·w·c, 1)")]
    public void ColumnShape(IChapter1 c) =>
        Properties.ForAll("1.4 shape", Gens.Tensor(0, 1, 4, 4, 3), tc =>
        {
            var image = tc.Value;
            Expect.Shape(c.ImageToVector(image.Copy()), [image.Size, 1], Say($"ImageToVector(image of shape {image.ShapeText})", $"ImageToVector(形状为 {image.ShapeText} 的图像)"),
                [Expect.Input("image", image)], ShapeHint);
        }, Gens.Shrink);

    [Check("keeps the elements in C order: v[(i·w + j)·c + k] = image[i, j, k]",
           "按 C 顺序排列元素：v[(i·w + j)·c + k] = image[i, j, k]")]
    public void KeepsOrder(IChapter1 c) =>
        Properties.ForAll("1.4 order", Gens.Tensor(0, 1, 4, 4, 3), tc =>
        {
            var image = tc.Value;
            var v = c.ImageToVector(image.Copy());
            Expect.Shape(v, [image.Size, 1], Say($"ImageToVector(image of shape {image.ShapeText})", $"ImageToVector(形状为 {image.ShapeText} 的图像)"), [Expect.Input("image", image)], ShapeHint);
            Expect.Close(v, Column(image), Say($"ImageToVector(image of shape {image.ShapeText})", $"ImageToVector(形状为 {image.ShapeText} 的图像)"),
                Tolerance.Value, [Expect.Input("image", image)], OrderHint);
        }, Gens.Shrink);

    [Check("leaves its input unchanged",
           "不修改输入")]
    public void LeavesInputAlone(IChapter1 c)
    {
        var image = SeedImage();
        var before = image.Copy();
        c.ImageToVector(image);
        Expect.Unchanged(before, image, "ImageToVector(image)", "image");
    }

    [Check("reproduces the golden examples",
           "重现黄金文件中的例子")]
    public void GoldenExamples(IChapter1 c)
    {
        var image = Tensor.Arange(0, 24).Reshape(2, 3, 4);
        Golden.Verify("examples", new GoldenRecord { { "image", image }, { "ImageToVector(image)", c.ImageToVector(image.Copy()) } },
            Tolerance.Value, ShapeHint + Say(" And ", " 另外，") + OrderHint);
    }
}
