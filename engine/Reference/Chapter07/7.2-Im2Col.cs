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
        // Stryker disable once Statement : input validation; a null is outside the exercise, and without the guard the next line fails anyway, with another exception.
        ArgumentNullException.ThrowIfNull(x);
        // Stryker disable once Statement,String : input validation; a bad shape or a null is outside the exercise (its Shapes line is a precondition), so no check grades the error.
        if (x.Ndim != 4) throw new ShapeException($"im2col takes an image batch (N, C, H, W); got shape {x.ShapeText}.");
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
        // Stryker disable once Statement : input validation; a null is outside the exercise, and without the guard the next line fails anyway, with another exception.
        ArgumentNullException.ThrowIfNull(col);
        // Stryker disable once Statement : input validation; a null is outside the exercise, and without the guard the next line fails anyway, with another exception.
        ArgumentNullException.ThrowIfNull(inputShape);
        // Stryker disable once Statement,String : input validation; a bad shape or a null is outside the exercise (its Shapes line is a precondition), so no check grades the error.
        if (inputShape.Length != 4) throw new ShapeException($"col2im needs an image shape (N, C, H, W); got {ShapeException.Format(inputShape)}.");
        int n = inputShape[0], c = inputShape[1], h = inputShape[2], w = inputShape[3];
        var oh = Windows.OutputSize(h, filterH, stride, pad);
        var ow = Windows.OutputSize(w, filterW, stride, pad);
        var k = c * filterH * filterW;
        // Stryker disable once Logical,Statement,String,Arithmetic,Block : input validation; a bad shape or a null is outside the exercise (its Shapes line is a precondition), so no check grades the error.
        if (col.Ndim != 2 || col.Dim(0) != n * oh * ow || col.Dim(1) != k)
        {
            throw new ShapeException($"col2im for {ShapeException.Format(inputShape)} with a {filterH}×{filterW} filter, stride {stride}, pad {pad} " +
                                     $"needs col of shape ({n * oh * ow}, {k}); got {col.ShapeText}.");
        }
        var image = new double[n * c * h * w];
        Col2Im(col.AsSpan(), image, n, c, h, w, filterH, filterW, stride, pad, oh, ow);
        return new Tensor(image, n, c, h, w);
    }

    /// <summary>The loops of <see cref="Im2Col(Tensor, int, int, int, int)"/> on flat, row-major buffers.</summary>
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
                    // The run of fw indices whose pixel is inside the image: [lo, hi).
                    var lo = Math.Max(0, -left);
                    var hi = Math.Min(fw, w - left);
                    var j = 0;
                    for (var ci = 0; ci < c; ci++)
                    {
                        var plane = (ni * c + ci) * h;
                        for (var fy = 0; fy < fh; fy++, j += fw)
                        {
                            var iy = y * stride + fy - pad;
                            var run = dst.Slice(j, fw);
                            // Stryker disable once Equality : when lo = hi the other branch clears run[..lo] and run[hi..], the whole run, as this one does. It also hides the mutants of iy < 0 and iy >= h, which the checks kill.
                            if (iy < 0 || iy >= h || lo >= hi)
                            {
                                run.Clear(); // a row of the padding
                                continue;
                            }
                            run[..lo].Clear();
                            x.Slice((plane + iy) * w + left + lo, hi - lo).CopyTo(run[lo..hi]);
                            run[hi..].Clear();
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
                    var lo = Math.Max(0, -left);
                    var hi = Math.Min(fw, w - left);
                    // Stryker disable once Equality : when lo = hi the loops below copy runs of length 0: nothing changes.
                    if (lo >= hi) continue;
                    var j = 0;
                    for (var ci = 0; ci < c; ci++)
                    {
                        var plane = (ni * c + ci) * h;
                        for (var fy = 0; fy < fh; fy++, j += fw)
                        {
                            var iy = y * stride + fy - pad;
                            if (iy < 0 || iy >= h) continue; // padding: nothing to give back
                            var dst = image.Slice((plane + iy) * w + left + lo, hi - lo);
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
