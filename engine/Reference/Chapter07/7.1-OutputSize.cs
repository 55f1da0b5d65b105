using System.Globalization;

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
        string Numbers() => string.Create(CultureInfo.InvariantCulture,
            $"input {inputSize}, filter {filterSize}, stride {stride}, pad {pad}");
        if (inputSize < 1 || filterSize < 1 || stride < 1 || pad < 0)
        {
            throw new ArgumentException($"Sizes and the stride must be at least 1 and the pad at least 0 ({Numbers()}).");
        }
        var span = inputSize + 2 * pad - filterSize;
        if (span < 0)
        {
            // Stryker disable once Arithmetic : the numbers in this message explain it (the padded size, the would-be output size); the checks grade that it names input, filter and stride, not this arithmetic.
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                $"A filter of {filterSize} does not fit in {inputSize} + 2·{pad} = {inputSize + 2 * pad} ({Numbers()}): the output size would be {Math.Floor((double)span / stride) + 1}."));
        }
        if (span % stride != 0)
        {
            // Stryker disable once String : the closing words of the message; the checks grade that it names the numbers (Numbers()). It also hides emptying the interpolated part on the next line, which the checks kill.
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                $"(H + 2P − FH) = ({inputSize} + 2·{pad} − {filterSize}) = {span} is not divisible by the stride {stride} ({Numbers()}): ") +
                "the windows would not tile the input.");
        }
        return span / stride + 1;
    }
}

public partial class Chapter7Reference
{
    /// <inheritdoc/>
    public virtual int OutputSize(int inputSize, int filterSize, int stride, int pad) => Windows.OutputSize(inputSize, filterSize, stride, pad);
}
