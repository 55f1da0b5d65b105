namespace DeepLearningKata.Data;

/// <summary>
/// Thrown when a data file is missing, truncated, corrupt or not the kind of file expected.
/// The message starts with the file's path and says what is wrong with it and, where it can, what to do.
/// </summary>
/// <remarks>
/// Example: <c>data/mnist/train-images-idx3-ubyte.gz: truncated: expected 6,272,016 bytes
/// (16 bytes of header + 8,000 × 28 × 28 values), found 4,000,000 after decompressing.</c>
/// </remarks>
public sealed class DataFileException : IOException
{
    /// <summary>Creates the exception for <paramref name="filePath"/> with a sentence saying what is wrong.</summary>
    public DataFileException(string filePath, string problem, Exception? innerException = null)
        : base($"{filePath}: {problem}", innerException)
    {
        FilePath = filePath;
        Problem = problem;
    }

    /// <summary>The file (or folder) the problem is about.</summary>
    public string FilePath { get; }

    /// <summary>What is wrong, without the path.</summary>
    public string Problem { get; }
}
