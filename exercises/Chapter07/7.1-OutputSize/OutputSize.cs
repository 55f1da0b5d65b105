namespace DeepLearningKata.Exercises;

public static partial class Chapter7
{
    /// <summary>
    /// Exercise 7.1 — the output size of a convolution or pooling along one axis, with a clear error for sizes that do not fit.
    /// 练习 7.1 — 计算卷积或池化在一个方向上的输出大小；尺寸不合适时抛出清楚的错误。
    /// </summary>
    /// <remarks>
    /// <code>
    /// Formula:  OH = (H + 2·P − FH) / S + 1
    ///           ArgumentException when (H + 2·P − FH) % S ≠ 0, or H + 2·P − FH &lt; 0, or H, FH, S &lt; 1, or P &lt; 0
    /// Shapes:   OutputSize(inputSize: H, filterSize: FH, stride: S, pad: P) → OH   (all int)
    /// Example:  OutputSize(4, 3, 1, 1) → 4;   OutputSize(28, 5, 1, 0) → 24;   OutputSize(24, 2, 2, 0) → 12
    ///           OutputSize(5, 2, 2, 0) → ArgumentException   ((5 + 2·0 − 2) % 2 = 1 ≠ 0)
    /// Hint:     C#'s / on ints drops the remainder, so a stride that does not fit must be caught before
    ///           dividing (think of %), and so must a filter larger than the padded input. Put the four numbers
    ///           in the message: the learner who meets it later wants to see which layer does not fit.
    /// 提示:     C# 的整数除法 / 会直接丢掉余数，所以步幅走不完整的情况必须在除法之前查出来（想想 %），
    ///           滤波器比填充后的输入还大的情况也一样。把这四个数写进异常信息（输入、滤波器、步幅、填充），
    ///           以后遇到这个错误时才能看出是哪一层的尺寸不对。
    /// Grade it: ./run-checks.sh --exercise 7.1     (or: dotnet test --filter TestCategory=7.1)
    /// </code>
    /// </remarks>
    public static int OutputSize(int inputSize, int filterSize, int stride, int pad)
    {
        // TODO: return OH, or throw an ArgumentException naming the four numbers when they do not fit.
        throw new NotImplementedException("Exercise 7.1 (OutputSize) is not started yet.");
    }
}
