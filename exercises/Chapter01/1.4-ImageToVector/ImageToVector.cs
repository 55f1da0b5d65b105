namespace DeepLearningKata.Exercises;

public static partial class Chapter1
{
    /// <summary>
    /// Exercise 1.4 — unroll an image of shape (h, w, c) into one column vector of shape (h·w·c, 1).
    /// 练习 1.4 — 把形状为 (h, w, c) 的图像展开成一个形状为 (h·w·c, 1) 的列向量。
    /// </summary>
    /// <remarks>
    /// <code>
    /// Formula:  v[(i·w + j)·c + k, 0] = image[i, j, k]      (row-major, C order: image.reshape(h·w·c, 1))
    /// Shapes:   image (h, w, c)  →  v (h·w·c, 1)
    /// Example:  image (2, 2, 2) = [[[1, 2], [3, 4]],
    ///                              [[5, 6], [7, 8]]]
    ///           ImageToVector(image) = [[1], [2], [3], [4], [5], [6], [7], [8]]   (8, 1)
    /// Hint:     Nothing moves: only the shape changes. Reshape keeps the elements in the order they are stored
    ///           (the last axis, the channel, changes fastest), as NumPy's reshape does, and image.Shape gives
    ///           the three sizes. The result is a column: mind the order of the two sizes, since (1, n) would be
    ///           a row.
    /// 提示:     元素一个都不用挪动，变的只是形状。Reshape 会保持元素的存储顺序（最后一个轴，也就是通道，变化最快），
    ///           和 NumPy 的 reshape 一样；三个尺寸可以从 image.Shape 读出。结果是一列：注意两个尺寸的先后，
    ///           (1, n) 是一行。
    /// Grade it: ./run-checks.sh --exercise 1.4     (or: dotnet test --filter TestCategory=1.4)
    /// </code>
    /// </remarks>
    public static Tensor ImageToVector(Tensor image)
    {
        // TODO: return the image's elements as one column, in storage order, e.g. shape (3, 3, 2) -> (18, 1).
        throw new NotImplementedException("Exercise 1.4 (ImageToVector) is not started yet.");
    }
}
