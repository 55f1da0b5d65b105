using DeepLearningKata.Contracts; using DeepLearningKata.Reference; namespace DeepLearningKata.Benchmark;
#pragma warning disable

public class OldConvolution : ILayer
{
    protected readonly Tensor W;
    protected readonly Tensor b;
    protected readonly int stride;
    protected readonly int pad;

    /// <summary>The shape of the last input, for col2im and dx.</summary>
    protected int[]? inputShape;

    /// <summary>im2col of the last input, <c>(N·OH·OW, C·FH·FW)</c>.</summary>
    protected Tensor? col;

    /// <summary>W flattened to <c>(FN, C·FH·FW)</c> as the last Forward used it.</summary>
    protected Tensor? colW;

    protected Tensor? dW;
    protected Tensor? db;

    /// <summary>A layer computing with <paramref name="W"/> <c>(FN, C, FH, FW)</c> and <paramref name="b"/> <c>(FN,)</c> themselves.</summary>
    public OldConvolution(Tensor W, Tensor b, int stride = 1, int pad = 0)
    {
        ArgumentNullException.ThrowIfNull(W);
        ArgumentNullException.ThrowIfNull(b);
        if (W.Ndim != 4) throw new ShapeException($"A convolution's filters W are (FN, C, FH, FW); got shape {W.ShapeText}.");
        if (b.Ndim != 1 || b.Dim(0) != W.Dim(0)) throw new ShapeException($"b has one value per filter, ({W.Dim(0)},); got shape {b.ShapeText}.");
        this.W = W;
        this.b = b;
        this.stride = stride;
        this.pad = pad;
        inputShape = null;
        col = null;
        colW = null;
        dW = null;
        db = null;
        Params = new Dictionary<string, Tensor> { ["W"] = W, ["b"] = b };
    }

    /// <inheritdoc/>
    public virtual Tensor Forward(Tensor x, bool train = true)
    {
        ArgumentNullException.ThrowIfNull(x);
        int fn = W.Dim(0), c = W.Dim(1), fh = W.Dim(2), fw = W.Dim(3);
        if (x.Ndim != 4 || x.Dim(1) != c)
        {
            throw new ShapeException($"The convolution's filters {W.ShapeText} take inputs (N, {c}, H, W); got shape {x.ShapeText}.");
        }
        int n = x.Dim(0), oh = Windows.OutputSize(x.Dim(2), fh, stride, pad), ow = Windows.OutputSize(x.Dim(3), fw, stride, pad);

        inputShape = x.Shape;
        col = ImageColumns.Im2Col(x, fh, fw, stride, pad);
        colW = W.Reshape(fn, -1);
        var product = Np.DotTransposeB(col, colW); // (N·OH·OW, FN): one row per window, one column per filter

        // (N, OH·OW, FN) + b  →  (N, FN, OH·OW)
        var positions = oh * ow;
        var output = new double[n * fn * positions];
        var p = product.AsSpan();
        var bias = b.AsSpan();
        for (var ni = 0; ni < n; ni++)
        {
            for (var q = 0; q < positions; q++)
            {
                var src = p.Slice((ni * positions + q) * fn, fn);
                for (var f = 0; f < fn; f++) output[(ni * fn + f) * positions + q] = src[f] + bias[f];
            }
        }
        return new Tensor(output, n, fn, oh, ow);
    }

    /// <inheritdoc/>
    public virtual Tensor Backward(Tensor dout)
    {
        ArgumentNullException.ThrowIfNull(dout);
        var cols = col ?? throw new InvalidOperationException("Backward was called before Forward.");
        int fn = W.Dim(0), n = inputShape![0];
        var positions = cols.Dim(0) / n;
        if (dout.Size != n * fn * positions)
        {
            throw new ShapeException($"dout has the output's shape ({n}, {fn}, OH, OW) with OH·OW = {positions}; got {dout.ShapeText}.");
        }

        // (N, FN, OH·OW) → (N·OH·OW, FN), summing db on the way.
        var d = dout.AsSpan();
        var rows = new double[n * positions * fn];
        var dbias = new double[fn];
        for (var ni = 0; ni < n; ni++)
        {
            for (var f = 0; f < fn; f++)
            {
                var src = d.Slice((ni * fn + f) * positions, positions);
                var sum = 0.0;
                for (var q = 0; q < positions; q++)
                {
                    rows[(ni * positions + q) * fn + f] = src[q];
                    sum += src[q];
                }
                dbias[f] += sum;
            }
        }
        var doutRows = new Tensor(rows, n * positions, fn);

        db = new Tensor(dbias, fn);
        dW = Np.DotTransposeA(doutRows, cols).Reshape(W.Shape); // doutᵀ · col: (FN, C·FH·FW) → (FN, C, FH, FW)
        var dcol = Np.Dot(doutRows, colW!);                      // dout · W: (N·OH·OW, C·FH·FW)
        return ImageColumns.Col2Im(dcol, inputShape, W.Dim(2), W.Dim(3), stride, pad);
    }

    /// <inheritdoc/>
    public IReadOnlyDictionary<string, Tensor> Params { get; }

    /// <inheritdoc/>
    public IReadOnlyDictionary<string, Tensor> Grads =>
        dW is null || db is null ? new Dictionary<string, Tensor>() : new Dictionary<string, Tensor> { ["W"] = dW, ["b"] = db };
}
public class OldMaxPooling(int poolH, int poolW, int stride = 1, int pad = 0) : PoolingLayer(poolH, poolW, stride, pad)
{
    /// <summary>For every output element, the flat index into the input of its window's maximum; −1 when it is a padding zero.</summary>
    protected int[]? argMax;

    /// <inheritdoc/>
    public override Tensor Forward(Tensor x, bool train = true)
    {
        var (planes, h, w, oh, ow) = Geometry(x);
        inputShape = x.Shape;
        var src = x.AsSpan();
        var output = new double[planes * oh * ow];
        var arg = new int[output.Length];
        var o = 0;
        for (var p = 0; p < planes; p++)
        {
            var plane = p * h * w;
            for (var y = 0; y < oh; y++)
            {
                for (var xo = 0; xo < ow; xo++, o++)
                {
                    var best = double.NegativeInfinity;
                    var at = -1;
                    for (var fy = 0; fy < poolH; fy++)
                    {
                        var iy = y * stride + fy - pad;
                        for (var fx = 0; fx < poolW; fx++)
                        {
                            var ix = xo * stride + fx - pad;
                            var inside = iy >= 0 && iy < h && ix >= 0 && ix < w;
                            var v = inside ? src[plane + iy * w + ix] : 0.0;
                            if (v > best) // strictly greater: the first of equal values wins, as np.argmax
                            {
                                best = v;
                                at = inside ? plane + iy * w + ix : -1;
                            }
                        }
                    }
                    output[o] = best;
                    arg[o] = at;
                }
            }
        }
        argMax = arg;
        return new Tensor(output, x.Dim(0), x.Dim(1), oh, ow);
    }

    /// <inheritdoc/>
    public override Tensor Backward(Tensor dout)
    {
        BackwardGeometry(dout);
        var arg = argMax!;
        var d = dout.AsSpan();
        var dx = new double[Tensor.SizeOf(inputShape!)];
        // Only the maximum moved the output; windows that overlap may share it, so their parts add up.
        for (var o = 0; o < arg.Length; o++)
        {
            if (arg[o] >= 0) dx[arg[o]] += d[o];
        }
        return new Tensor(dx, inputShape!);
    }
}
internal static class VerifyScratch
{
    static double MaxDiff(Tensor a, Tensor b) { if (!a.ShapeSpan.SequenceEqual(b.ShapeSpan)) return double.PositiveInfinity; var x = a.AsSpan(); var y = b.AsSpan(); double m = 0; for (int i = 0; i < x.Length; i++) m = Math.Max(m, Math.Abs(x[i] - y[i])); return m; }
    public static void Run()
    {
        var r = new Random(5); double worst = 0; int cases = 0;
        foreach (var (n, c, h, w, fn, fh, fw, s, p) in new[] { (2,1,7,7,3,3,3,1,0), (3,2,8,6,4,3,2,1,1), (2,3,9,9,5,3,3,2,1), (4,1,28,28,30,5,5,1,0), (1,2,5,5,2,5,5,1,2), (2,2,6,8,3,2,2,2,0) })
        {
            var W = Tensor.RandomNormal(r, fn, c, fh, fw); var b = Tensor.RandomNormal(r, fn);
            var x = Tensor.RandomNormal(r, n, c, h, w);
            ILayer a = new Convolution(W, b, s, p), o = new OldConvolution(W, b, s, p);
            for (int rep = 0; rep < 2; rep++) {
            var ya = a.Forward(x); var yo = o.Forward(x); var d1 = MaxDiff(ya, yo);
            var dout = Tensor.RandomNormal(r, ya.Shape);
            var dxa = a.Backward(dout); var dxo = o.Backward(dout);
            var d2 = MaxDiff(dxa, dxo); var d3 = MaxDiff(a.Grads["W"], o.Grads["W"]); var d4 = MaxDiff(a.Grads["b"], o.Grads["b"]);
            Console.WriteLine($"conv {n},{c},{h},{w} f{fn}x{fh}x{fw} s{s} p{p}: y {d1:G3} dx {d2:G3} dW {d3:G3} db {d4:G3}");
            worst = Math.Max(worst, Math.Max(Math.Max(d1, d2), Math.Max(d3, d4))); cases++;
            x = Tensor.RandomNormal(r, n, c, h, w); }
        }
        foreach (var (n, c, h, w, ph, pw, s, p) in new[] { (2,3,4,4,2,2,2,0), (2,2,5,5,3,3,1,0), (2,2,6,6,2,2,2,1), (1,1,7,8,3,2,2,1), (100,30,24,24,2,2,2,0) })
        {
            var x = Tensor.RandomNormal(r, n, c, h, w);
            // ties too
            var xs = x.AsSpan(); for (int i = 0; i < xs.Length; i += 7) xs[i] = Math.Round(xs[i]);
            ILayer a = new MaxPooling(ph, pw, s, p), o = new OldMaxPooling(ph, pw, s, p);
            for (int rep = 0; rep < 2; rep++) {
            var ya = a.Forward(x); var yo = o.Forward(x); var dout = Tensor.RandomNormal(r, ya.Shape);
            var d1 = MaxDiff(ya, yo); var d2 = MaxDiff(a.Backward(dout), o.Backward(dout));
            Console.WriteLine($"pool {n},{c},{h},{w} {ph}x{pw} s{s} p{p}: y {d1:G3} dx {d2:G3}");
            worst = Math.Max(worst, Math.Max(d1, d2)); cases++; x = x * -1.0; }
        }
        {
            var x = Tensor.RandomNormal(r, 3, 2, 4, 5); x.AsSpan()[3] = double.NaN; x.AsSpan()[4] = -0.0; x.AsSpan()[5] = 0.0;
            ILayer a = new ReluLayer();
            for (int rep = 0; rep < 2; rep++) {
            var y = a.Forward(x); var dout = Tensor.RandomNormal(r, x.Shape); var dx = a.Backward(dout);
            var ey = Np.Maximum(0.0, x); var edx = dout * (x > 0);
            var ys = y.AsSpan(); var es = ey.AsSpan(); var bad = 0;
            for (int i = 0; i < ys.Length; i++) if (BitConverter.DoubleToInt64Bits(ys[i]) != BitConverter.DoubleToInt64Bits(es[i])) bad++;
            var dxs = dx.AsSpan(); var edxs = edx.AsSpan();
            for (int i = 0; i < dxs.Length; i++) if (!(dxs[i].Equals(edxs[i]))) bad++;
            Console.WriteLine($"relu rep {rep}: {bad} bitwise differences");
            if (bad > 0) worst = double.PositiveInfinity; x = Tensor.RandomNormal(r, 3, 2, 4, 5); }
        }
        Console.WriteLine($"{cases} cases, worst difference {worst:G3}");
    }
}
