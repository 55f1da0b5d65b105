using DeepLearningKata.Reference;

namespace DeepLearningKata.Checks.Chapter07;

[Mutant("7.2", "im2col's columns in the order (c, fw, fh): the two window loops swapped")]
internal sealed class Im2ColWindowLoopsSwapped : Chapter7Reference
{
    public override Tensor Im2Col(Tensor x, int filterH, int filterW, int stride = 1, int pad = 0)
    {
        var right = base.Im2Col(x, filterH, filterW, stride, pad);
        var swapped = Tensor.ZerosLike(right);
        var c = x.Dim(1);
        for (var r = 0; r < right.Dim(0); r++)
        for (var ci = 0; ci < c; ci++)
        for (var u = 0; u < filterH; u++)
        for (var v = 0; v < filterW; v++)
            swapped[r, (ci * filterW + v) * filterH + u] = right[r, (ci * filterH + u) * filterW + v];
        return swapped;
    }
}

[Mutant("7.2", "im2col's rows in the order (n, ow, oh): the window positions walked column by column")]
internal sealed class Im2ColRowsColumnMajor : Chapter7Reference
{
    public override Tensor Im2Col(Tensor x, int filterH, int filterW, int stride = 1, int pad = 0)
    {
        var right = base.Im2Col(x, filterH, filterW, stride, pad);
        int oh = Windows.OutputSize(x.Dim(2), filterH, stride, pad), ow = Windows.OutputSize(x.Dim(3), filterW, stride, pad);
        var rows = new int[right.Dim(0)];
        for (var n = 0; n < x.Dim(0); n++)
        for (var j = 0; j < ow; j++)
        for (var i = 0; i < oh; i++)
            rows[(n * ow + j) * oh + i] = (n * oh + i) * ow + j;
        return right.Rows(rows);
    }
}

[Mutant("7.2", "col2im assigns (=) instead of adding (+=): overlapping windows overwrite each other")]
internal sealed class Col2ImAssigns : Chapter7Reference
{
    public override Tensor Col2Im(Tensor col, int[] inputShape, int filterH, int filterW, int stride = 1, int pad = 0)
    {
        int n = inputShape[0], c = inputShape[1], h = inputShape[2], w = inputShape[3];
        int oh = Windows.OutputSize(h, filterH, stride, pad), ow = Windows.OutputSize(w, filterW, stride, pad);
        var x = Tensor.Zeros(inputShape);
        for (var ni = 0; ni < n; ni++)
        for (var i = 0; i < oh; i++)
        for (var j = 0; j < ow; j++)
        for (var ci = 0; ci < c; ci++)
        for (var u = 0; u < filterH; u++)
        for (var v = 0; v < filterW; v++)
        {
            int y = i * stride + u - pad, z = j * stride + v - pad;
            if (y >= 0 && y < h && z >= 0 && z < w) x[ni, ci, y, z] = col[(ni * oh + i) * ow + j, (ci * filterH + u) * filterW + v];
        }
        return x;
    }
}

[Mutant("7.2", "im2col ignores the pad: windows of the unpadded input, so fewer rows")]
internal sealed class Im2ColIgnoresPad : Chapter7Reference
{
    public override Tensor Im2Col(Tensor x, int filterH, int filterW, int stride = 1, int pad = 0) => base.Im2Col(x, filterH, filterW, stride, 0);
}

[Mutant("7.2", "col2im forgets to subtract the pad: every window lands P pixels too far down and right")]
internal sealed class Col2ImPadOffsetMissing : Chapter7Reference
{
    public override Tensor Col2Im(Tensor col, int[] inputShape, int filterH, int filterW, int stride = 1, int pad = 0)
    {
        int n = inputShape[0], c = inputShape[1], h = inputShape[2], w = inputShape[3];
        int oh = Windows.OutputSize(h, filterH, stride, pad), ow = Windows.OutputSize(w, filterW, stride, pad);
        var x = Tensor.Zeros(inputShape);
        for (var ni = 0; ni < n; ni++)
        for (var i = 0; i < oh; i++)
        for (var j = 0; j < ow; j++)
        for (var ci = 0; ci < c; ci++)
        for (var u = 0; u < filterH; u++)
        for (var v = 0; v < filterW; v++)
        {
            int y = i * stride + u, z = j * stride + v;
            if (y < h && z < w) x[ni, ci, y, z] += col[(ni * oh + i) * ow + j, (ci * filterH + u) * filterW + v];
        }
        return x;
    }
}
