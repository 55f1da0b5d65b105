using DeepLearningKata.Contracts;

namespace DeepLearningKata.Reference;

/// <summary>
/// The convolution layer as the book computes it: im2col turns every window of the input into a row, the
/// filters become the columns of a matrix, and one matrix product does all the multiply–adds.
/// </summary>
/// <remarks>
/// <c>out[n, f, oh, ow] = b[f] + Σ_{c, fh, fw} W[f, c, fh, fw] · xpad[n, c, oh·S + fh, ow·S + fw]</c>: with
/// <c>col = im2col(x)</c> <c>(N·OH·OW, C·FH·FW)</c> and <c>colW = W</c> flattened and transposed <c>(C·FH·FW, FN)</c>,
/// that is <c>col · colW + b</c>, one row per window, then reordered from <c>(N, OH, OW, FN)</c> to <c>(N, FN, OH, OW)</c>.
/// Backward runs the same products the other way (5.4's Affine on the rows of col), and col2im adds each row's
/// gradient back onto its window.
/// </remarks>
public class Convolution : ILayer
{
    protected readonly Tensor W;
    protected readonly Tensor b;
    protected readonly int stride;
    protected readonly int pad;

    // Kept from Forward for Backward: the input (for its shape), its windows, the flattened filters.
    protected Tensor? x = null;
    protected Tensor? col = null;
    protected Tensor? colW = null;

    protected Tensor? dW = null;
    protected Tensor? db = null;

    /// <summary>A layer computing with <paramref name="W"/> <c>(FN, C, FH, FW)</c> and <paramref name="b"/> <c>(FN,)</c> themselves.</summary>
    public Convolution(Tensor W, Tensor b, int stride = 1, int pad = 0)
    {
        Guards.Filters(W, b);
        this.W = W;
        this.b = b;
        this.stride = stride;
        this.pad = pad;
        Params = new Dictionary<string, Tensor> { ["W"] = W, ["b"] = b };
    }

    /// <inheritdoc/>
    public virtual Tensor Forward(Tensor x, bool train = true)
    {
        Guards.Images(x, channels: W.Dim(1));
        int FN = W.Dim(0), FH = W.Dim(2), FW = W.Dim(3);
        int N = x.Dim(0), outH = Windows.OutputSize(x.Dim(2), FH, stride, pad), outW = Windows.OutputSize(x.Dim(3), FW, stride, pad);

        col = ImageColumns.Im2Col(x, FH, FW, stride, pad); // (N·OH·OW, C·FH·FW): one row per window
        colW = W.Reshape(FN, -1).T;                        // (C·FH·FW, FN): one column per filter
        var output = Np.Dot(col, colW) + b;                // (N·OH·OW, FN)

        this.x = x;
        return output.Reshape(N, outH, outW, -1).Transpose(0, 3, 1, 2); // (N, FN, OH, OW)
    }

    /// <inheritdoc/>
    public virtual Tensor Backward(Tensor dout)
    {
        int FN = W.Dim(0), FH = W.Dim(2), FW = W.Dim(3);
        dout = dout.Transpose(0, 2, 3, 1).Reshape(-1, FN); // (N·OH·OW, FN): the rows of the product

        db = dout.Sum(axis: 0);
        dW = Np.Dot(col!.T, dout).T.Reshape(W.Shape); // (C·FH·FW, FN) → (FN, C, FH, FW)
        var dcol = Np.Dot(dout, colW!.T);              // (N·OH·OW, C·FH·FW)
        return ImageColumns.Col2Im(dcol, x!.Shape, FH, FW, stride, pad);
    }

    /// <inheritdoc/>
    public IReadOnlyDictionary<string, Tensor> Params { get; }

    /// <inheritdoc/>
    public IReadOnlyDictionary<string, Tensor> Grads => new Dictionary<string, Tensor> { ["W"] = dW!, ["b"] = db! };
}

public partial class Chapter7Reference
{
    /// <inheritdoc/>
    public virtual ILayer CreateConvolution(Tensor W, Tensor b, int stride = 1, int pad = 0) => new Convolution(W, b, stride, pad);
}
