namespace DeepLearningKata.Reference;

/// <summary>
/// The arithmetic of sliding windows shared by im2col, the convolution and the pooling layers, as plain static
/// functions: the reference's layers call these (not the virtual members of <see cref="Chapter7Reference"/>), so a
/// deliberately wrong member in one exercise never leaks into another.
/// </summary>
public static class Windows
{
    /// <summary>
    /// <c>(size + 2·pad − filter)/stride + 1</c>, the number of window positions along one axis.
    /// </summary>
    /// <exception cref="ArgumentException">A size is not positive, the pad is negative, the window does not fit,
    /// or the stride does not divide <c>size + 2·pad − filter</c>; the message names the numbers.</exception>
    public static int OutputSize(int inputSize, int filterSize, int stride, int pad)
    {
        if (inputSize < 1 || filterSize < 1 || stride < 1 || pad < 0)
        {
            throw Guards.WindowError("Sizes and the stride must be at least 1 and the pad at least 0", inputSize, filterSize, stride, pad);
        }
        var span = inputSize + 2 * pad - filterSize; // the room the window slides in
        if (span < 0)
        {
            throw Guards.WindowError($"A filter of {filterSize} does not fit in {inputSize} + 2·{pad} = {inputSize + 2 * pad}", inputSize, filterSize, stride, pad);
        }
        if (span % stride != 0)
        {
            throw Guards.WindowError($"(H + 2P − FH) = ({inputSize} + 2·{pad} − {filterSize}) = {span} is not divisible by the stride {stride}: " +
                "the windows would not tile the input", inputSize, filterSize, stride, pad);
        }
        return span / stride + 1;
    }
}

public partial class Chapter7Reference
{
    /// <inheritdoc/>
    public virtual int OutputSize(int inputSize, int filterSize, int stride, int pad) => Windows.OutputSize(inputSize, filterSize, stride, pad);
}
