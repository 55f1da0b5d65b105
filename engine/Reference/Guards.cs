namespace DeepLearningKata.Reference;

/// <summary>
/// The input checks of the reference layers, kept out of the exercise files so that those read like the book.
/// </summary>
/// <remarks>
/// Each guard throws a <see cref="ShapeException"/> that names the shapes for an input the exercise's
/// <c>Shapes:</c> line rules out; on every input it allows, it does nothing. So no check grades them, and
/// Stryker does not mutate this file (it is not an exercise file), nor the calls to it
/// (<c>ignore-methods</c> in tools/mutation/stryker-config.json; see tools/mutation/equivalent.md).
/// </remarks>
public static class Guards
{
    /// <summary>The error of 7.1's OutputSize: <paramref name="why"/>, then the numbers it was given.</summary>
    public static ArgumentException WindowError(string why, int inputSize, int filterSize, int stride, int pad) =>
        new(string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"{why} (input {inputSize}, filter {filterSize}, stride {stride}, pad {pad})."));

    /// <summary>1.4's image is <c>(h, w, c)</c>.</summary>
    public static void Image(Tensor image)
    {
        if (image.Ndim != 3) throw new ShapeException($"ImageToVector needs an image of shape (h, w, c); got {image.ShapeText}.");
    }

    /// <summary>1.9's Dot: the last axis of <paramref name="a"/> is as long as the first of <paramref name="b"/>.</summary>
    public static void DotShapes(Tensor a, Tensor b)
    {
        if (b.Dim(0) != a.Dim(-1))
        {
            throw new ShapeException($"Dot of shapes {a.ShapeText} and {b.ShapeText}: the last axis of a ({a.Dim(-1)}) must equal the first axis of b ({b.Dim(0)}).");
        }
    }

    /// <summary>The error of 1.9's Dot for ranks other than 1·1, 2·1 and 2·2.</summary>
    public static ShapeException DotRanks(Tensor a, Tensor b) =>
        new($"Dot handles 1-D·1-D, 2-D·1-D and 2-D·2-D; got {a.ShapeText}·{b.ShapeText}.");

    /// <summary>1.9's Multiply takes two matrices.</summary>
    public static void Matrices(Tensor a, Tensor b)
    {
        if (a.Ndim != 2 || b.Ndim != 2) throw new ShapeException($"Multiply takes two 2-D tensors; got {a.ShapeText} and {b.ShapeText}.");
    }

    /// <summary>1.9's Multiply: sizes <paramref name="m"/> and <paramref name="n"/> of one axis, different, broadcast only when <paramref name="m"/> is 1.</summary>
    public static void Broadcastable(int m, int n, Tensor a, Tensor b)
    {
        if (m != 1) throw new ShapeException($"Cannot broadcast shapes {a.ShapeText} and {b.ShapeText}: sizes {m} and {n} differ and neither is 1.");
    }

    /// <summary>col2im's <paramref name="col"/> is <c>(N·OH·OW, C·FH·FW)</c> for the image shape <paramref name="inputShape"/>.</summary>
    public static void Columns(Tensor col, int[] inputShape, int filterH, int filterW, int stride, int pad)
    {
        ArgumentNullException.ThrowIfNull(col);
        ArgumentNullException.ThrowIfNull(inputShape);
        if (inputShape.Length != 4) throw new ShapeException($"col2im needs an image shape (N, C, H, W); got {ShapeException.Format(inputShape)}.");
        int n = inputShape[0], c = inputShape[1];
        int oh = Windows.OutputSize(inputShape[2], filterH, stride, pad), ow = Windows.OutputSize(inputShape[3], filterW, stride, pad);
        if (col.Ndim != 2 || col.Dim(0) != n * oh * ow || col.Dim(1) != c * filterH * filterW)
        {
            throw new ShapeException($"col2im for {ShapeException.Format(inputShape)} with a {filterH}×{filterW} filter, stride {stride}, pad {pad} " +
                                     $"needs col of shape ({n * oh * ow}, {c * filterH * filterW}); got {col.ShapeText}.");
        }
    }

    /// <summary>A convolution's filters <c>W (FN, C, FH, FW)</c> and biases <c>b (FN,)</c>.</summary>
    public static void Filters(Tensor W, Tensor b)
    {
        ArgumentNullException.ThrowIfNull(W);
        ArgumentNullException.ThrowIfNull(b);
        if (W.Ndim != 4) throw new ShapeException($"A convolution's filters W are (FN, C, FH, FW); got shape {W.ShapeText}.");
        if (b.Ndim != 1 || b.Dim(0) != W.Dim(0)) throw new ShapeException($"b has one value per filter, ({W.Dim(0)},); got shape {b.ShapeText}.");
    }

    /// <summary>An image batch <c>(N, C, H, W)</c>, with <paramref name="channels"/> channels when that is not −1.</summary>
    public static void Images(Tensor x, int channels = -1)
    {
        ArgumentNullException.ThrowIfNull(x);
        if (x.Ndim != 4 || (channels >= 0 && x.Dim(1) != channels))
        {
            var c = channels >= 0 ? channels.ToString(System.Globalization.CultureInfo.InvariantCulture) : "C";
            throw new ShapeException($"This layer takes an image batch (N, {c}, H, W); got shape {x.ShapeText}.");
        }
    }

    /// <summary>
    /// 7.5's convolution output <paramref name="convH"/>×<paramref name="convW"/> is even (its <c>Shapes:</c> line), so that the
    /// 2×2 max-pooling with stride 2 covers it; the settings are wrong otherwise.
    /// </summary>
    public static void EvenForPooling(int convH, int convW)
    {
        if (convH % 2 != 0 || convW % 2 != 0)
        {
            throw new ArgumentException($"The convolution's output is {convH}×{convW}; the 2×2 max-pooling with stride 2 needs even sizes.");
        }
    }

    /// <summary><paramref name="dout"/> has the shape of the last output, <paramref name="shape"/>.</summary>
    public static void SameShape(Tensor dout, ReadOnlySpan<int> shape)
    {
        ArgumentNullException.ThrowIfNull(dout);
        if (!dout.ShapeSpan.SequenceEqual(shape))
        {
            throw new ShapeException($"dout has the output's shape {ShapeException.Format(shape)}; got {dout.ShapeText}.");
        }
    }
}
