using DeepLearningKata.Reference;

namespace DeepLearningKata.Checks.Chapter07;

[Mutant("7.1", "int division without the divisibility check: OH rounded down instead of an error")]
internal sealed class OutputSizeRoundsDown : Chapter7Reference
{
    public override int OutputSize(int inputSize, int filterSize, int stride, int pad)
    {
        var span = inputSize + 2 * pad - filterSize;
        if (span < 0) return base.OutputSize(inputSize, filterSize, stride, pad);
        return span / stride + 1;
    }
}

[Mutant("7.1", "the pad added once: (H + P − FH)/S + 1")]
internal sealed class OutputSizePadOnce : Chapter7Reference
{
    public override int OutputSize(int inputSize, int filterSize, int stride, int pad) => (inputSize + pad - filterSize) / stride + 1;
}

[Mutant("7.1", "the + 1 forgotten")]
internal sealed class OutputSizeWithoutPlusOne : Chapter7Reference
{
    public override int OutputSize(int inputSize, int filterSize, int stride, int pad) => base.OutputSize(inputSize, filterSize, stride, pad) - 1;
}

[Mutant("7.1", "throws a bare ArgumentException that names no numbers")]
internal sealed class OutputSizeSilentError : Chapter7Reference
{
    public override int OutputSize(int inputSize, int filterSize, int stride, int pad)
    {
        try
        {
            return base.OutputSize(inputSize, filterSize, stride, pad);
        }
        catch (ArgumentException)
        {
            throw new ArgumentException("Invalid size.");
        }
    }
}

[Mutant("7.1", "checks only the remainder and the filter's fit: a stride below 1, a filter below 1 or a negative pad gives a number (or a division by zero)")]
internal sealed class OutputSizeNoRangeCheck : Chapter7Reference
{
    public override int OutputSize(int inputSize, int filterSize, int stride, int pad)
    {
        var span = inputSize + 2 * pad - filterSize;
        if (span < 0 || span % stride != 0) throw new System.ArgumentException($"input {inputSize}, filter {filterSize}, stride {stride}, pad {pad} do not fit.");
        return span / stride + 1;
    }
}
