namespace DeepLearningKata.Checks.Chapter07;

/// <summary>
/// What the checks of chapter 7 share: generated layouts whose input sizes are computed from the output's
/// (<c>H = S·(OH − 1) + FH − 2P</c>, so every case fits), and oracles written as the plainest loops over indices.
/// </summary>
internal static class Chapter7Cases
{
    /// <summary>The input height and width from the output's, the window, the stride and the pad.</summary>
    public static IReadOnlyList<(string Name, Func<IReadOnlyDictionary<string, int>, int> Size)> InputFromOutput(string filterH, string filterW) =>
    [
        ("H", d => d["S"] * (d["OH"] - 1) + d[filterH] - 2 * d["P"]),
        ("Wd", d => d["S"] * (d["OW"] - 1) + d[filterW] - 2 * d["P"]),
    ];

    /// <summary>Dims of a window layout: batch, channels, output size, window, stride, pad.</summary>
    public static List<Dim> WindowDims(string filterH, string filterW, int maxOut = 3, int maxFilter = 3, int maxStride = 3, int maxPad = 1, int maxC = 2) =>
    [
        new("N", 1, 2), new("C", 1, maxC), new("OH", 1, maxOut), new("OW", 1, maxOut),
        new(filterH, 1, maxFilter), new(filterW, 1, maxFilter), new("S", 1, maxStride), new("P", 0, maxPad),
    ];

    /// <summary>x[n, c, i, j] of the input padded with <paramref name="pad"/> zeros on every side (i, j in padded coordinates).</summary>
    public static double Padded(Tensor x, int n, int c, int i, int j, int pad)
    {
        int h = x.Dim(2), w = x.Dim(3);
        i -= pad;
        j -= pad;
        return i >= 0 && i < h && j >= 0 && j < w ? x[n, c, i, j] : 0.0;
    }

    /// <summary>The book's im2col by its definition, one element at a time.</summary>
    public static Tensor Im2Col(Tensor x, int fh, int fw, int s, int p)
    {
        int n = x.Dim(0), c = x.Dim(1), oh = (x.Dim(2) + 2 * p - fh) / s + 1, ow = (x.Dim(3) + 2 * p - fw) / s + 1;
        var col = Tensor.Zeros(n * oh * ow, c * fh * fw);
        for (var ni = 0; ni < n; ni++)
        for (var i = 0; i < oh; i++)
        for (var j = 0; j < ow; j++)
        for (var ci = 0; ci < c; ci++)
        for (var u = 0; u < fh; u++)
        for (var v = 0; v < fw; v++)
            col[(ni * oh + i) * ow + j, (ci * fh + u) * fw + v] = Padded(x, ni, ci, i * s + u, j * s + v, p);
        return col;
    }

    /// <summary>col2im by its definition: every element of col added to the pixel it came from, the padding dropped.</summary>
    public static Tensor Col2Im(Tensor col, int[] shape, int fh, int fw, int s, int p)
    {
        int n = shape[0], c = shape[1], h = shape[2], w = shape[3], oh = (h + 2 * p - fh) / s + 1, ow = (w + 2 * p - fw) / s + 1;
        var x = Tensor.Zeros(shape);
        for (var ni = 0; ni < n; ni++)
        for (var i = 0; i < oh; i++)
        for (var j = 0; j < ow; j++)
        for (var ci = 0; ci < c; ci++)
        for (var u = 0; u < fh; u++)
        for (var v = 0; v < fw; v++)
        {
            int y = i * s + u - p, z = j * s + v - p;
            if (y >= 0 && y < h && z >= 0 && z < w) x[ni, ci, y, z] += col[(ni * oh + i) * ow + j, (ci * fh + u) * fw + v];
        }
        return x;
    }

    /// <summary>How many windows each pixel lies in.</summary>
    public static Tensor Coverage(int[] shape, int fh, int fw, int s, int p)
    {
        int oh = (shape[2] + 2 * p - fh) / s + 1, ow = (shape[3] + 2 * p - fw) / s + 1;
        return Col2Im(Tensor.Ones(shape[0] * oh * ow, shape[1] * fh * fw), shape, fh, fw, s, p);
    }

    /// <summary>The convolution by its definition: six loops over (n, f, oh, ow) and (c, fh, fw).</summary>
    public static Tensor Convolve(Tensor x, Tensor W, Tensor b, int s, int p)
    {
        int n = x.Dim(0), c = x.Dim(1), fn = W.Dim(0), fh = W.Dim(2), fw = W.Dim(3);
        int oh = (x.Dim(2) + 2 * p - fh) / s + 1, ow = (x.Dim(3) + 2 * p - fw) / s + 1;
        var output = Tensor.Zeros(n, fn, oh, ow);
        for (var ni = 0; ni < n; ni++)
        for (var f = 0; f < fn; f++)
        for (var i = 0; i < oh; i++)
        for (var j = 0; j < ow; j++)
        {
            var sum = b[f];
            for (var ci = 0; ci < c; ci++)
            for (var u = 0; u < fh; u++)
            for (var v = 0; v < fw; v++)
                sum += W[f, ci, u, v] * Padded(x, ni, ci, i * s + u, j * s + v, p);
            output[ni, f, i, j] = sum;
        }
        return output;
    }

    /// <summary>
    /// Pooling by its definition, forward and backward together: the output, and dx for <paramref name="dout"/>
    /// (max: dout to the first maximum of each window; average: dout/(PH·PW) to every place). Padding holds zeros.
    /// </summary>
    public static (Tensor Output, Tensor Dx) Pool(Tensor x, Tensor? dout, int ph, int pw, int s, int p, bool max)
    {
        int n = x.Dim(0), c = x.Dim(1), h = x.Dim(2), w = x.Dim(3), oh = (h + 2 * p - ph) / s + 1, ow = (w + 2 * p - pw) / s + 1;
        var output = Tensor.Zeros(n, c, oh, ow);
        var dx = Tensor.ZerosLike(x);
        for (var ni = 0; ni < n; ni++)
        for (var ci = 0; ci < c; ci++)
        for (var i = 0; i < oh; i++)
        for (var j = 0; j < ow; j++)
        {
            var best = double.NegativeInfinity;
            int bu = -1, bv = -1;
            var sum = 0.0;
            for (var u = 0; u < ph; u++)
            for (var v = 0; v < pw; v++)
            {
                var value = Padded(x, ni, ci, i * s + u, j * s + v, p);
                sum += value;
                if (value > best) (best, bu, bv) = (value, u, v);
            }
            output[ni, ci, i, j] = max ? best : sum / (ph * pw);
            if (dout is null) continue;
            var g = dout[ni, ci, i, j];
            for (var u = 0; u < ph; u++)
            for (var v = 0; v < pw; v++)
            {
                int y = i * s + u - p, z = j * s + v - p;
                if (y < 0 || y >= h || z < 0 || z >= w) continue;
                if (!max) dx[ni, ci, y, z] += g / (ph * pw);
                else if (u == bu && v == bv) dx[ni, ci, y, z] += g;
            }
        }
        return (output, dx);
    }

    /// <summary>Whether the largest value of every pooling window is ahead of the next by at least <paramref name="gap"/> (padding zeros count).</summary>
    public static bool NoTies(Tensor x, int ph, int pw, int s, int p, double gap)
    {
        int n = x.Dim(0), c = x.Dim(1), oh = (x.Dim(2) + 2 * p - ph) / s + 1, ow = (x.Dim(3) + 2 * p - pw) / s + 1;
        for (var ni = 0; ni < n; ni++)
        for (var ci = 0; ci < c; ci++)
        for (var i = 0; i < oh; i++)
        for (var j = 0; j < ow; j++)
        {
            var values = new List<(double Value, bool Pad)>();
            for (var u = 0; u < ph; u++)
            for (var v = 0; v < pw; v++)
            {
                int y = i * s + u - p, z = j * s + v - p;
                var pad = y < 0 || y >= x.Dim(2) || z < 0 || z >= x.Dim(3);
                values.Add((pad ? 0.0 : x[ni, ci, y, z], pad));
            }
            var top = values.Max(e => e.Value);
            var near = values.Where(e => top - e.Value < gap).ToList();
            // Padding zeros may tie with each other: no gradient reaches any of them.
            if (near.Count > 1 && near.Any(e => !e.Pad)) return false;
        }
        return true;
    }
}
