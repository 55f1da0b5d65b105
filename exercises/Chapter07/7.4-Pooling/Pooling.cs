using DeepLearningKata.Contracts;

namespace DeepLearningKata.Exercises;

/// <summary>
/// Exercise 7.4 — max pooling: the largest value of each window, for every channel of every image.
/// 练习 7.4 — 最大池化：对每张图像的每个通道，取每个窗口中的最大值。
/// </summary>
/// <remarks>
/// <code>
/// Formula:  out[n, c, oh, ow] = max_{ph, pw} xpad[n, c, oh·S + ph, ow·S + pw]      (xpad: x with P zeros on every side)
///           backward: dx[n, c, oh·S + ph* − P, ow·S + pw* − P] += dout[n, c, oh, ow],   (ph*, pw*) = argmax_{ph, pw} xpad[n, c, oh·S + ph, ow·S + pw];   dx = 0 elsewhere
/// Shapes:   x (N, C, H, W)  →  out (N, C, OH, OW),  OH = OutputSize(H, PH, S, P);   dout like out;   dx like x
/// Example:  x = [[[[1, 2, 5, 0], [3, 4, 1, 2], [0, 6, 3, 1], [2, 1, 7, 8]]]], PH = PW = 2, S = 2
///           → out = [[[[4, 5], [6, 8]]]]
///           dout = [[[[1, 2], [3, 4]]]] → dx = [[[[0, 0, 2, 0], [0, 1, 0, 0], [0, 3, 0, 0], [0, 0, 0, 4]]]]
/// Hint:     only the maximum moved the output, so only it gets dout — not every element of the window.
///           Forward remembers where each maximum was. With S &lt; PH windows overlap: add up, so a value
///           that is the maximum of two windows gets both parts. A maximum in the padding sends nowhere.
/// 提示:     只有最大值影响了输出，所以只有它得到 dout——而不是窗口里的每个元素。正向传播时记住每个最大值的位
///           置。S &lt; PH 时窗口重叠：要累加，同时是两个窗口最大值的元素得到两份。最大值落在填充区时不传给任
///           何元素。
/// Grade it: ./run-checks.sh --exercise 7.4     (or: dotnet test --filter TestCategory=7.4)
/// </code>
/// </remarks>
public sealed class MaxPooling(int poolH, int poolW, int stride = 1, int pad = 0) : ILayer
{
    private readonly int poolH = poolH;
    private readonly int poolW = poolW;
    private readonly int stride = stride;
    private readonly int pad = pad;

    /// <summary>The largest value of each window: (N, C, OH, OW).</summary>
    public Tensor Forward(Tensor x, bool train = true)
    {
        // TODO: return out (N, C, OH, OW), the largest value of each window (padding counts as 0);
        //       keep where each maximum was, for Backward.
        throw new NotImplementedException("Exercise 7.4 (Pooling) is not started yet.");
    }

    /// <summary>dx of x's shape: each dout goes to its window's maximum.</summary>
    public Tensor Backward(Tensor dout)
    {
        // TODO: return dx in x's shape: each dout goes to its window's maximum, 0 elsewhere.
        throw new NotImplementedException("Exercise 7.4 (Pooling) is not started yet.");
    }

    /// <summary>Pooling has no parameters.</summary>
    public IReadOnlyDictionary<string, Tensor> Params { get; } = new Dictionary<string, Tensor>();

    /// <summary>Pooling has no parameters, so no gradients of them.</summary>
    public IReadOnlyDictionary<string, Tensor> Grads { get; } = new Dictionary<string, Tensor>();
}

/// <summary>
/// Exercise 7.4 — average pooling: the mean of each window, over all PH·PW places (padding zeros included).
/// 练习 7.4 — 平均池化：每个窗口的平均值，按全部 PH·PW 个位置计算（包括填充的 0）。
/// </summary>
/// <remarks>
/// <code>
/// Formula:  out[n, c, oh, ow] = Σ_{ph, pw} xpad[n, c, oh·S + ph, ow·S + pw] / (PH·PW)
///           backward: dx[n, c, oh·S + ph − P, ow·S + pw − P] += dout[n, c, oh, ow] / (PH·PW)   ∀ ph, pw   (0 ≤ row &lt; H, 0 ≤ column &lt; W)
/// Shapes:   x (N, C, H, W)  →  out (N, C, OH, OW);   dout like out;   dx like x
/// Example:  the x above, PH = PW = 2, S = 2  →  out = [[[[2.5, 2], [2.25, 4.75]]]]
///           dout = [[[[1, 2], [3, 4]]]] → dx = [[[[0.25, 0.25, 0.5, 0.5], [0.25, 0.25, 0.5, 0.5], [0.75, 0.75, 1, 1], [0.75, 0.75, 1, 1]]]]
/// Hint:     every place counted 1/(PH·PW) in the mean, so each gets dout/(PH·PW) back — forget the division and
///           the gradient is PH·PW times too large. Overlapping windows add up (+=).
/// 提示:     每个位置在平均值里占 1/(PH·PW)，所以每个位置得到 dout/(PH·PW)——忘了除法，梯度就大了 PH·PW 倍。
///           窗口重叠时各份要相加（+=）。
/// Grade it: ./run-checks.sh --exercise 7.4     (or: dotnet test --filter TestCategory=7.4)
/// </code>
/// </remarks>
public sealed class AveragePooling(int poolH, int poolW, int stride = 1, int pad = 0) : ILayer
{
    private readonly int poolH = poolH;
    private readonly int poolW = poolW;
    private readonly int stride = stride;
    private readonly int pad = pad;

    /// <summary>The mean of each window: (N, C, OH, OW).</summary>
    public Tensor Forward(Tensor x, bool train = true)
    {
        // TODO: return out (N, C, OH, OW), the mean of each window over all poolH·poolW places;
        //       keep x's shape for Backward.
        throw new NotImplementedException("Exercise 7.4 (Pooling) is not started yet.");
    }

    /// <summary>dx of x's shape: each dout shared equally over its window.</summary>
    public Tensor Backward(Tensor dout)
    {
        // TODO: return dx in x's shape: each dout shared equally by the places of its window.
        throw new NotImplementedException("Exercise 7.4 (Pooling) is not started yet.");
    }

    /// <summary>Pooling has no parameters.</summary>
    public IReadOnlyDictionary<string, Tensor> Params { get; } = new Dictionary<string, Tensor>();

    /// <summary>Pooling has no parameters, so no gradients of them.</summary>
    public IReadOnlyDictionary<string, Tensor> Grads { get; } = new Dictionary<string, Tensor>();
}

public static partial class Chapter7
{
    /// <summary>Exercise 7.4 — a fresh max-pooling layer.</summary>
    public static ILayer CreateMaxPooling(int poolH, int poolW, int stride = 1, int pad = 0) => new MaxPooling(poolH, poolW, stride, pad);

    /// <summary>Exercise 7.4 — a fresh average-pooling layer.</summary>
    public static ILayer CreateAveragePooling(int poolH, int poolW, int stride = 1, int pad = 0) => new AveragePooling(poolH, poolW, stride, pad);
}
