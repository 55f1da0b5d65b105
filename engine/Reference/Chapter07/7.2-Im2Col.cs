using DeepLearningKata.Contracts;

namespace DeepLearningKata.Reference;

/// <summary>
/// im2col and col2im for image batches <c>(N, C, H, W)</c>: each window of the zero-padded input becomes one row
/// of a matrix, so a convolution is one matrix product.
/// </summary>
/// <remarks>
/// Rows run over <c>(n, oh, ow)</c> and columns over <c>(c, fh, fw)</c>, both row-major: the element
/// <c>col[(n·OH + oh)·OW + ow, (c·FH + fh)·FW + fw]</c> is <c>x[n, c, oh·S + fh − P, ow·S + fw − P]</c>, or 0 in the padding.
/// </remarks>
public static class ImageColumns
{
    /// <summary>The <c>(N·OH·OW, C·FH·FW)</c> matrix of windows of <paramref name="x"/> <c>(N, C, H, W)</c>.</summary>
    /// <param name="x">The input batch <c>(N, C, H, W)</c>.</param>
    /// <param name="filterH">The window's height <c>FH</c>.</param>
    /// <param name="filterW">The window's width <c>FW</c>.</param>
    /// <param name="stride">The step <c>S</c> between windows.</param>
    /// <param name="pad">The zeros <c>P</c> added on every side.</param>
    public static Tensor Im2Col(Tensor x, int filterH, int filterW, int stride, int pad)
    {
        Guards.Images(x);
        int n = x.Dim(0), c = x.Dim(1), h = x.Dim(2), w = x.Dim(3);
        var oh = Windows.OutputSize(h, filterH, stride, pad);
        var ow = Windows.OutputSize(w, filterW, stride, pad);
        var k = c * filterH * filterW;
        var col = Tensor.Zeros(n * oh * ow, k);
        Im2Col(x.AsReadOnlySpan(), col.AsSpan(), n, c, h, w, filterH, filterW, stride, pad, oh, ow);
        return col;
    }

    /// <summary>col2im: adds every row of <paramref name="col"/> back onto its window and drops the padding.</summary>
    /// <param name="col">The <c>(N·OH·OW, C·FH·FW)</c> matrix.</param>
    /// <param name="inputShape">The image batch's shape <c>(N, C, H, W)</c>.</param>
    /// <param name="filterH">The window's height <c>FH</c>.</param>
    /// <param name="filterW">The window's width <c>FW</c>.</param>
    /// <param name="stride">The step <c>S</c> between windows.</param>
    /// <param name="pad">The zeros <c>P</c> added on every side.</param>
    public static Tensor Col2Im(Tensor col, int[] inputShape, int filterH, int filterW, int stride, int pad)
    {
        Guards.Columns(col, inputShape, filterH, filterW, stride, pad);
        int n = inputShape[0], c = inputShape[1], h = inputShape[2], w = inputShape[3];
        var oh = Windows.OutputSize(h, filterH, stride, pad);
        var ow = Windows.OutputSize(w, filterW, stride, pad);
        var image = Tensor.Zeros(n, c, h, w);
        Col2Im(col.AsReadOnlySpan(), image.AsSpan(), n, c, h, w, filterH, filterW, stride, pad, oh, ow);
        return image;
    }

    /// <summary>The loops of <see cref="Im2Col(Tensor, int, int, int, int)"/> on flat, row-major buffers: <paramref name="col"/> must be zeros on entry (the padding is not written).</summary>
    public static void Im2Col(ReadOnlySpan<double> x, Span<double> col, int n, int c, int h, int w,
        int fh, int fw, int stride, int pad, int oh, int ow)
    {
        var k = c * fh * fw;
        for (var ni = 0; ni < n; ni++)
        for (var y = 0; y < oh; y++)
        {
            var windows = col.Slice((ni * oh + y) * ow * k, ow * k); // the rows of the ow windows at height y
            for (var ci = 0; ci < c; ci++)
            for (var fy = 0; fy < fh; fy++)
            {
                var iy = y * stride + fy - pad;
                if (iy < 0 || iy >= h) continue; // a row of the padding: stays 0
                var pixels = x.Slice(((ni * c + ci) * h + iy) * w, w); // the image row that filter row fy reads
                for (var xo = 0; xo < ow; xo++)
                {
                    var dst = windows.Slice(xo * k + (ci * fh + fy) * fw, fw);
                    for (var fx = 0; fx < fw; fx++)
                    {
                        var ix = xo * stride + fx - pad;
                        if (ix >= 0 && ix < w) dst[fx] = pixels[ix];
                    }
                }
            }
        }
    }

    /// <summary>The loops of <see cref="Col2Im(Tensor, int[], int, int, int, int)"/>: <paramref name="image"/> must be zeros on entry.</summary>
    public static void Col2Im(ReadOnlySpan<double> col, Span<double> image, int n, int c, int h, int w,
        int fh, int fw, int stride, int pad, int oh, int ow)
    {
        var k = c * fh * fw;
        for (var ni = 0; ni < n; ni++)
        for (var y = 0; y < oh; y++)
        {
            var windows = col.Slice((ni * oh + y) * ow * k, ow * k);
            for (var ci = 0; ci < c; ci++)
            for (var fy = 0; fy < fh; fy++)
            {
                var iy = y * stride + fy - pad;
                if (iy < 0 || iy >= h) continue; // padding: nothing to give back
                var pixels = image.Slice(((ni * c + ci) * h + iy) * w, w);
                for (var xo = 0; xo < ow; xo++)
                {
                    var src = windows.Slice(xo * k + (ci * fh + fy) * fw, fw);
                    for (var fx = 0; fx < fw; fx++)
                    {
                        var ix = xo * stride + fx - pad;
                        // Added, not assigned: overlapping windows share pixels, and each adds its part.
                        if (ix >= 0 && ix < w) pixels[ix] += src[fx];
                    }
                }
            }
        }
    }
}

public partial class Chapter7Reference
{
    /// <inheritdoc/>
    public virtual Tensor Im2Col(Tensor x, int filterH, int filterW, int stride = 1, int pad = 0) =>
        ImageColumns.Im2Col(x, filterH, filterW, stride, pad);

    /// <inheritdoc/>
    public virtual Tensor Col2Im(Tensor col, int[] inputShape, int filterH, int filterW, int stride = 1, int pad = 0) =>
        ImageColumns.Col2Im(col, inputShape, filterH, filterW, stride, pad);
}
