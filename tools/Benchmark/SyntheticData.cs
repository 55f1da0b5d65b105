using System.Text;

namespace DeepLearningKata.Benchmark;

/// <summary>
/// The training data and starting point both sides use. MNIST is not needed to time a step, but a data set
/// that can be learned is needed to show both sides do the same work (their losses fall alike), so:
/// inputs are uniform in [0, 1) with 784 features (an MNIST image's size and range), and each label is
/// the class a fixed random "teacher" prefers, <c>argmax((x − 0.5)·R)</c> with <c>R ~ N(0, 1)</c> of shape
/// (784, 10). Weights start at <c>0.01·N(0, 1)</c>, biases at zero; each step takes a fresh random
/// mini-batch of 100 rows (with replacement, like the book's <c>np.random.choice</c>).
/// </summary>
/// <remarks>
/// The same data, starting weights and batch indices are written to a file that the NumPy script reads, so
/// both sides compute the same numbers and their losses agree to rounding.
/// </remarks>
internal sealed class SyntheticData
{
    public const int Input = 784, Hidden = 50, Classes = 10, Batch = 100;
    public const double LearningRate = 0.1;

    public required Tensor X { get; init; }
    public required Tensor T { get; init; }
    public required int[] Labels { get; init; }
    public required Tensor W1 { get; init; }
    public required Tensor W2 { get; init; }
    public required int[] BatchIndices { get; init; }
    public int Steps => BatchIndices.Length / Batch;

    public ArraySegment<int> BatchOf(int step) => new(BatchIndices, step * Batch, Batch);

    public static SyntheticData Create(int samples, int steps, int seed)
    {
        var random = new Random(seed);
        var x = Tensor.RandomUniform(random, 0.0, 1.0, samples, Input);
        var teacher = Tensor.RandomNormal(random, Input, Classes);
        var scores = Np.Dot(x - 0.5, teacher);
        var labels = new int[samples];
        var t = Tensor.Zeros(samples, Classes);
        for (var i = 0; i < samples; i++)
        {
            labels[i] = (int)scores.Row(i).Argmax();
            t[i, labels[i]] = 1.0;
        }
        var w1 = Tensor.RandomNormal(random, Input, Hidden) * 0.01;
        var w2 = Tensor.RandomNormal(random, Hidden, Classes) * 0.01;
        var indices = new int[steps * Batch];
        for (var i = 0; i < indices.Length; i++) indices[i] = random.Next(samples);
        return new SyntheticData { X = x, T = t, Labels = labels, W1 = w1, W2 = w2, BatchIndices = indices };
    }

    /// <summary>
    /// Writes the data for tools/benchmark_numpy.py: the ASCII magic <c>DLKB1</c>, then little-endian int32
    /// samples, input, hidden, classes, batch, steps; then float64 X (samples×input), int32 labels, float64
    /// W1 (input×hidden), float64 W2 (hidden×classes), int32 batch indices (steps×batch).
    /// </summary>
    public void Write(string path)
    {
        using var file = new BinaryWriter(File.Create(path), Encoding.ASCII);
        file.Write("DLKB1"u8);
        foreach (var v in new[] { X.Dim(0), Input, Hidden, Classes, Batch, Steps }) file.Write(v);
        WriteDoubles(file, X);
        foreach (var label in Labels) file.Write(label);
        WriteDoubles(file, W1);
        WriteDoubles(file, W2);
        foreach (var i in BatchIndices) file.Write(i);
    }

    private static void WriteDoubles(BinaryWriter file, Tensor tensor)
    {
        foreach (var v in tensor.AsSpan()) file.Write(v);
    }
}
