using DeepLearningKata.Reference;

namespace DeepLearningKata.Checks.Chapter07;

[Alternative("7.2", "the book's way: pad first, fill a 6-D (N, C, FH, FW, OH, OW) array one window element at a time, then move the axes")]
internal sealed class Im2ColBookStyle : Chapter7Reference
{
    public override Tensor Im2Col(Tensor x, int filterH, int filterW, int stride = 1, int pad = 0)
    {
        int n = x.Dim(0), c = x.Dim(1), h = x.Dim(2), w = x.Dim(3);
        int oh = (h + 2 * pad - filterH) / stride + 1, ow = (w + 2 * pad - filterW) / stride + 1;
        var img = Tensor.Zeros(n, c, h + 2 * pad, w + 2 * pad);
        for (var ni = 0; ni < n; ni++)
        for (var ci = 0; ci < c; ci++)
        for (var i = 0; i < h; i++)
        for (var j = 0; j < w; j++)
            img[ni, ci, i + pad, j + pad] = x[ni, ci, i, j];
        var col = Tensor.Zeros(n, c, filterH, filterW, oh, ow);
        for (var y = 0; y < filterH; y++)
        for (var z = 0; z < filterW; z++)
        for (var ni = 0; ni < n; ni++)
        for (var ci = 0; ci < c; ci++)
        for (var i = 0; i < oh; i++)
        for (var j = 0; j < ow; j++)
            col[ni, ci, y, z, i, j] = img[ni, ci, y + stride * i, z + stride * j];
        return col.Transpose(0, 4, 5, 1, 2, 3).Reshape(n * oh * ow, -1);
    }

    public override Tensor Col2Im(Tensor col, int[] inputShape, int filterH, int filterW, int stride = 1, int pad = 0)
    {
        int n = inputShape[0], c = inputShape[1], h = inputShape[2], w = inputShape[3];
        int oh = (h + 2 * pad - filterH) / stride + 1, ow = (w + 2 * pad - filterW) / stride + 1;
        var col6 = col.Reshape(n, oh, ow, c, filterH, filterW).Transpose(0, 3, 4, 5, 1, 2);
        var img = Tensor.Zeros(n, c, h + 2 * pad + stride - 1, w + 2 * pad + stride - 1);
        for (var y = 0; y < filterH; y++)
        for (var z = 0; z < filterW; z++)
        for (var ni = 0; ni < n; ni++)
        for (var ci = 0; ci < c; ci++)
        for (var i = 0; i < oh; i++)
        for (var j = 0; j < ow; j++)
            img[ni, ci, y + stride * i, z + stride * j] += col6[ni, ci, y, z, i, j];
        var x = Tensor.Zeros(inputShape);
        for (var ni = 0; ni < n; ni++)
        for (var ci = 0; ci < c; ci++)
        for (var i = 0; i < h; i++)
        for (var j = 0; j < w; j++)
            x[ni, ci, i, j] = img[ni, ci, i + pad, j + pad];
        return x;
    }
}

[Alternative("7.2", "another loop order: the window's elements (c, fh, fw) outermost, writing each column of col down the rows")]
internal sealed class Im2ColColumnsOutermost : Chapter7Reference
{
    public override Tensor Im2Col(Tensor x, int filterH, int filterW, int stride = 1, int pad = 0)
    {
        int n = x.Dim(0), c = x.Dim(1), h = x.Dim(2), w = x.Dim(3);
        int oh = (h + 2 * pad - filterH) / stride + 1, ow = (w + 2 * pad - filterW) / stride + 1;
        var k = c * filterH * filterW;
        var data = new double[n * oh * ow * k];
        var xs = x.AsSpan();
        for (var ci = 0; ci < c; ci++)
        for (var u = 0; u < filterH; u++)
        for (var v = 0; v < filterW; v++)
        {
            var q = (ci * filterH + u) * filterW + v;
            for (var ni = 0; ni < n; ni++)
            for (var i = 0; i < oh; i++)
            for (var j = 0; j < ow; j++)
            {
                int y = i * stride + u - pad, z = j * stride + v - pad;
                if (y >= 0 && y < h && z >= 0 && z < w) data[((ni * oh + i) * ow + j) * k + q] = xs[((ni * c + ci) * h + y) * w + z];
            }
        }
        return new Tensor(data, n * oh * ow, k);
    }
}
