using DeepLearningKata.Contracts;

namespace DeepLearningKata.Reference;

/// <summary>
/// The convolution layer, computed as the book does: im2col turns every window of the input into a row, the
/// filters become the columns of a matrix, and one matrix product does all the multiply–adds.
/// </summary>
/// <remarks>
/// Forward: <c>out[n, f, oh, ow] = b[f] + Σ_{c, fh, fw} W[f, c, fh, fw] · xpad[n, c, oh·S + fh, ow·S + fw]</c>, which is
/// <c>col · Wᵀ + b</c> with <c>col = im2col(x)</c> <c>(N·OH·OW, C·FH·FW)</c> and <c>W</c> flattened to <c>(FN, C·FH·FW)</c>,
/// then reordered from <c>(N, OH, OW, FN)</c> to <c>(N, FN, OH, OW)</c>.
/// Backward, with <c>dout</c> reordered to <c>(N·OH·OW, FN)</c>: <c>db = Σ_rows dout</c>, <c>dW = doutᵀ · col</c> reshaped to
/// <c>(FN, C, FH, FW)</c>, <c>dcol = dout · W</c> and <c>dx = col2im(dcol)</c>.
/// </remarks>
public class Convolution : ILayer
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
    public Convolution(Tensor W, Tensor b, int stride = 1, int pad = 0)
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
        var outputTensor = Tensor.Empty(n, fn, oh, ow); var output = outputTensor.AsSpan();
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
        return outputTensor;
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
        var doutRows = Tensor.Empty(n * positions, fn); var rows = doutRows.AsSpan();
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

public partial class Chapter7Reference
{
    /// <inheritdoc/>
    public virtual ILayer CreateConvolution(Tensor W, Tensor b, int stride = 1, int pad = 0) => new Convolution(W, b, stride, pad);
}
