namespace DeepLearningKata.Exercises;

public static partial class Chapter1
{
    /// <summary>
    /// Exercise 1.4 — unroll an image of shape (h, w, c) into one column vector of shape (h·w·c, 1).
    /// </summary>
    /// <remarks>
    /// <code>
    /// Formula:  v[(i·w + j)·c + k, 0] = image[i, j, k]      (row-major, "C" order, as NumPy's reshape)
    /// Shapes:   image (h, w, c)  →  (h·w·c, 1), a column: h·w·c rows and one column
    /// Example:  image of shape (2, 2, 2) = [[[1, 2], [3, 4]],
    ///                                       [[5, 6], [7, 8]]]
    ///           ImageToVector(image) = [[1], [2], [3], [4], [5], [6], [7], [8]]   shape (8, 1)
    /// Hint:     image.Shape is [h, w, c]; image.Reshape(rows, cols) keeps the elements in the order
    ///           they are stored (the last axis, the channel, changes fastest). Mind the order of the
    ///           two sizes: (1, n) would be a row, not a column.
    /// Grade it: ./run-checks.sh --exercise 1.4     (or: dotnet test --filter Name~1.4)
    /// </code>
    /// </remarks>
    public static Tensor ImageToVector(Tensor image)
    {
        // TODO: reshape (h, w, c) into (h·w·c, 1), e.g. shape (3, 3, 2) -> (18, 1).
        throw new NotImplementedException("Exercise 1.4 (ImageToVector) is not started yet.");
    }
}
