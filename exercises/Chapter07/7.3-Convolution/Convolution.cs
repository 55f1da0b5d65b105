using DeepLearningKata.Contracts;

namespace DeepLearningKata.Exercises;

/// <summary>
/// Exercise 7.3 — the convolution layer, forward and backward, computed with im2col and one matrix product.
/// 练习 7.3 — 卷积层的正向与反向传播：用 im2col 展开后做一次矩阵乘法。
/// </summary>
/// <remarks>
/// <code>
/// Formula:  out[n, f, oh, ow] = b[f] + Σ_{c, fh, fw} W[f, c, fh, fw] · x[n, c, oh·S + fh − P, ow·S + fw − P]
///           forward   col = Im2Col(x);  out = col · W2ᵀ + b,   W2 = W.Reshape(FN, −1);   then (N, OH, OW, FN) → (N, FN, OH, OW)
///           backward  d = dout as (N, OH, OW, FN) → (N·OH·OW, FN);   db = Σ_rows d;   dW = (dᵀ · col).Reshape(W.Shape)
///                     dcol = d · W2;   dx = Col2Im(dcol, x.Shape, FH, FW, S, P)
/// Shapes:   x (N, C, H, W);  W (FN, C, FH, FW);  b (FN,);  col (N·OH·OW, C·FH·FW);  out and dout (N, FN, OH, OW)
///           dx has x's shape, dW has W's, db has b's
/// Example:  x = [[[[1, 2, 3], [4, 5, 6], [7, 8, 9]]]], W = [[[[1, 0], [0, -1]]]], b = [0.5], S = 1, P = 0
///           → out = [[[[-3.5, -3.5], [-3.5, -3.5]]]]
///           dout = ones (1, 1, 2, 2) → dx = [[[[1, 1, 0], [1, 0, -1], [0, -1, -1]]]],  dW = [[[[12, 16], [24, 28]]]],  db = [4]
/// Hint:     the product's rows are (n, oh, ow) and its columns the filters, but the output is (N, FN, OH,
///           OW): the filter axis has to move (a reshape, then a transpose of the axes, or a loop) — a plain
///           Reshape to (N, FN, OH, OW) has the right shape and the wrong numbers. dout needs the opposite
///           move before the products. Np.Dot(col.T, dout) reads col.T in place, without building it.
///           Use Earlier.Im2Col and Earlier.Col2Im. Keep W and b themselves (Params holds them).
/// 提示:     矩阵乘积的行是 (n, oh, ow)、列是各个滤波器，而输出要的是 (N, FN, OH, OW)：
///           滤波器这个轴需要移动（先变形再转置坐标轴，或写循环）——直接 Reshape 成 (N, FN, OH, OW) 形状对，
///           数值却是错的。反向传播时 dout 要先做相反的移动，再做矩阵乘法。
///           Np.Dot(col.T, dout) 直接读取 col.T，不会先构造转置。
///           使用 Earlier.Im2Col 和 Earlier.Col2Im。保留 W 和 b 本身（Params 里放的就是它们）。
/// Grade it: ./run-checks.sh --exercise 7.3     (or: dotnet test --filter TestCategory=7.3)
/// </code>
/// </remarks>
public sealed class Convolution : ILayer
{
    private readonly Tensor W;
    private readonly Tensor b;
    private readonly int stride;
    private readonly int pad;
    private int[]? xShape;
    private Tensor? col;
    private Tensor? colW;
    private Tensor? dW;
    private Tensor? db;

    public Convolution(Tensor W, Tensor b, int stride = 1, int pad = 0)
    {
        this.W = W;
        this.b = b;
        this.stride = stride;
        this.pad = pad;
        xShape = null;
        col = null;
        colW = null;
        dW = null;
        db = null;
        Params = new Dictionary<string, Tensor> { ["W"] = W, ["b"] = b };
    }

    /// <summary>The convolution of x with every filter, plus the filter's bias: (N, FN, OH, OW).</summary>
    public Tensor Forward(Tensor x, bool train = true)
    {
        // TODO: return out (N, FN, OH, OW); keep what Backward needs in xShape, col and colW.
        throw new NotImplementedException("Exercise 7.3 (Convolution) is not started yet.");
    }

    /// <summary>dx of x's shape; stores dW and db for Grads.</summary>
    public Tensor Backward(Tensor dout)
    {
        // TODO: store dW and db (Grads reads them) and return dx in x's shape.
        throw new NotImplementedException("Exercise 7.3 (Convolution) is not started yet.");
    }

    /// <summary>W and b, the very tensors the layer computes with.</summary>
    public IReadOnlyDictionary<string, Tensor> Params { get; }

    /// <summary>dW and db of the last Backward, by the names of Params.</summary>
    public IReadOnlyDictionary<string, Tensor> Grads =>
        dW is null || db is null ? new Dictionary<string, Tensor>() : new Dictionary<string, Tensor> { ["W"] = dW, ["b"] = db };
}

public static partial class Chapter7
{
    /// <summary>Exercise 7.3 — a fresh convolution layer computing with W and b themselves.</summary>
    public static ILayer CreateConvolution(Tensor W, Tensor b, int stride = 1, int pad = 0) => new Convolution(W, b, stride, pad);
}
