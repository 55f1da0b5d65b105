using DeepLearningKata.Contracts;

namespace DeepLearningKata.Reference;

/// <summary>
/// im2col and col2im for image batches <c>(N, C, H, W)</c>: each window of the zero-padded input becomes one row
/// of a matrix, so a convolution is one matrix product.
/// </summary>
/// <remarks>
/// Rows run over <c>(n, oh, ow)</c> and columns over <c>(c, fh, fw)</c>, both row-major: the element
/// <c>col[(n·OH + oh)·OW + ow, (c·FH + fh)·FW + fw]</c> is <c>x[n, c, oh·S + fh − P, ow·S + fw − P]</c>, or 0 in the padding.
/// For a fixed <c>(n, c, oh, fh)</c> the <c>FW</c> values of a row are consecutive pixels of one image row, so both
/// directions copy (or add) short contiguous runs and skip the padding without testing every pixel.
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
        var col = new double[n * oh * ow * k];
        Im2Col(x.AsSpan(), col, n, c, h, w, filterH, filterW, stride, pad, oh, ow);
        return new Tensor(col, n * oh * ow, k);
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
        var image = new double[n * c * h * w];
        Col2Im(col.AsSpan(), image, n, c, h, w, filterH, filterW, stride, pad, oh, ow);
        return new Tensor(image, n, c, h, w);
    }

    /// <summary>The loops of <see cref="Im2Col(Tensor, int, int, int, int)"/> on flat, row-major buffers: <paramref name="col"/> must be zeros on entry (the padding is not written).</summary>
    public static void Im2Col(ReadOnlySpan<double> x, Span<double> col, int n, int c, int h, int w,
        int fh, int fw, int stride, int pad, int oh, int ow)
    {
        var k = c * fh * fw;
        var row = 0;
        for (var ni = 0; ni < n; ni++)
        {
            for (var y = 0; y < oh; y++)
            {
                for (var xo = 0; xo < ow; xo++, row++)
                {
                    var dst = col.Slice(row * k, k);
                    var left = xo * stride - pad;
                    // The run of fw indices whose pixel is inside the image: [lo, hi), from image column `from`; an empty
                    // run (the window all padding) starts at a column inside [0, w] too.
                    var lo = Math.Clamp(-left, 0, fw);
                    var hi = Math.Clamp(w - left, lo, fw);
                    var from = Math.Clamp(left, 0, w);
                    var j = 0;
                    for (var ci = 0; ci < c; ci++)
                    {
                        var plane = (ni * c + ci) * h;
                        for (var fy = 0; fy < fh; fy++, j += fw)
                        {
                            var iy = y * stride + fy - pad;
                            if (iy < 0 || iy >= h) continue; // a row of the padding: stays 0
                            x.Slice((plane + iy) * w + from, hi - lo).CopyTo(dst.Slice(j + lo, hi - lo));
                        }
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
        var row = 0;
        for (var ni = 0; ni < n; ni++)
        {
            for (var y = 0; y < oh; y++)
            {
                for (var xo = 0; xo < ow; xo++, row++)
                {
                    var src = col.Slice(row * k, k);
                    var left = xo * stride - pad;
                    var lo = Math.Clamp(-left, 0, fw);
                    var hi = Math.Clamp(w - left, lo, fw);
                    var from = Math.Clamp(left, 0, w);
                    var j = 0;
                    for (var ci = 0; ci < c; ci++)
                    {
                        var plane = (ni * c + ci) * h;
                        for (var fy = 0; fy < fh; fy++, j += fw)
                        {
                            var iy = y * stride + fy - pad;
                            if (iy < 0 || iy >= h) continue; // padding: nothing to give back
                            var dst = image.Slice((plane + iy) * w + from, hi - lo);
                            var run = src.Slice(j + lo, hi - lo);
                            // Added, not assigned: overlapping windows share pixels, and each adds its part.
                            for (var i = 0; i < run.Length; i++) dst[i] += run[i];
                        }
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
