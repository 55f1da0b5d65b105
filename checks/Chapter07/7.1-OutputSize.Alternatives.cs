using DeepLearningKata.Reference;

namespace DeepLearningKata.Checks.Chapter07;

[Alternative("7.1", "counts the window positions by sliding a window along the padded axis, with the error text built by string.Format")]
internal sealed class OutputSizeBySliding : Chapter7Reference
{
    public override int OutputSize(int inputSize, int filterSize, int stride, int pad)
    {
        var padded = inputSize + 2 * pad;
        if (stride < 1 || pad < 0 || inputSize < 1 || filterSize < 1) throw new ArgumentException($"Bad sizes: input {inputSize}, filter {filterSize}, stride {stride}, pad {pad}.");
        var count = 0;
        var start = 0;
        for (; start + filterSize <= padded; start += stride) count++;
        var lastEnd = start - stride + filterSize; // where the last window that fitted ends
        if (count == 0 || lastEnd != padded)
        {
            throw new ArgumentException(string.Format(System.Globalization.CultureInfo.InvariantCulture,
                "Windows of {1} at stride {2} do not tile an axis of {0} padded by {3} on each side.", inputSize, filterSize, stride, pad));
        }
        return count;
    }
}
