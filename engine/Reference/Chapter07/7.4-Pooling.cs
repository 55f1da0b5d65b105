using DeepLearningKata.Contracts;

namespace DeepLearningKata.Reference;

/// <summary>
/// What the two pooling layers share, as the book pools: im2col of the input with one row per window of one
/// channel, each row reduced to one number, the results put back in image order; backward through col2im.
/// </summary>
/// <remarks>
/// im2col's rows run over <c>(n, oh, ow)</c> and its columns over <c>(c, ph, pw)</c>, so reshaping it to
/// <c>(N·OH·OW·C, PH·PW)</c> gives one row per window of one channel; the pooled column reshaped to
/// <c>(N, OH, OW, C)</c> and transposed is the output <c>(N, C, OH, OW)</c>. The padding holds zeros, as im2col's does.
/// </remarks>
public abstract class PoolingLayer(int poolH, int poolW, int stride, int pad) : ILayer
{
    protected readonly int poolH = poolH;
    protected readonly int poolW = poolW;
    protected readonly int stride = stride;
    protected readonly int pad = pad;

    protected Tensor? x = null; // the last input, for its shape

    /// <summary>The windows of <paramref name="x"/>, one row of <c>PH·PW</c> values per window of one channel.</summary>
    protected Tensor Im2Col(Tensor x)
    {
        Guards.Images(x);
        this.x = x;
        return ImageColumns.Im2Col(x, poolH, poolW, stride, pad).Reshape(-1, poolH * poolW);
    }

    /// <summary>One value per window back in image order: <c>(N·OH·OW·C,)</c> → <c>(N, C, OH, OW)</c>.</summary>
    protected Tensor ToImages(Tensor pooled)
    {
        int N = x!.Dim(0), C = x.Dim(1);
        int outH = Windows.OutputSize(x.Dim(2), poolH, stride, pad), outW = Windows.OutputSize(x.Dim(3), poolW, stride, pad);
        return pooled.Reshape(N, outH, outW, C).Transpose(0, 3, 1, 2);
    }

    /// <summary>col2im of the windows' gradients <c>(N·OH·OW·C, PH·PW)</c>: overlapping windows add up, the padding drops.</summary>
    protected Tensor Col2Im(Tensor dcol) =>
        ImageColumns.Col2Im(dcol.Reshape(-1, x!.Dim(1) * poolH * poolW), x.Shape, poolH, poolW, stride, pad);

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
    protected Tensor? argMax = null; // for each window, the column of its maximum

    /// <inheritdoc/>
    public override Tensor Forward(Tensor x, bool train = true)
    {
        var col = Im2Col(x);
        argMax = col.Argmax(axis: 1);
        return ToImages(col.Max(axis: 1));
    }

    /// <inheritdoc/>
    public override Tensor Backward(Tensor dout)
    {
        var d = dout.Transpose(0, 2, 3, 1).Flatten(); // in the windows' order (n, oh, ow, c)
        var dmax = Tensor.Zeros(d.Size, poolH * poolW);
        dmax[Tensor.Arange(0, d.Size), argMax!] = d; // only the maximum of each window moved the output
        return Col2Im(dmax);
    }
}

/// <summary>Average pooling: each window's mean over all <c>PH·PW</c> places (padding zeros included); backward shares dout equally.</summary>
public class AveragePooling(int poolH, int poolW, int stride = 1, int pad = 0) : PoolingLayer(poolH, poolW, stride, pad)
{
    /// <inheritdoc/>
    public override Tensor Forward(Tensor x, bool train = true) => ToImages(Im2Col(x).Mean(axis: 1));

    /// <inheritdoc/>
    public override Tensor Backward(Tensor dout)
    {
        var d = dout.Transpose(0, 2, 3, 1).Reshape(-1, 1); // a column, in the windows' order
        // Every place of a window counted 1/(PH·PW) in its mean.
        return Col2Im(Tensor.Zeros(d.Size, poolH * poolW) + d / (poolH * poolW));
    }
}

public partial class Chapter7Reference
{
    /// <inheritdoc/>
    public virtual ILayer CreateMaxPooling(int poolH, int poolW, int stride = 1, int pad = 0) => new MaxPooling(poolH, poolW, stride, pad);

    /// <inheritdoc/>
    public virtual ILayer CreateAveragePooling(int poolH, int poolW, int stride = 1, int pad = 0) => new AveragePooling(poolH, poolW, stride, pad);
}
