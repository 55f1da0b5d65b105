namespace DeepLearningKata.Checks;

/// <summary>
/// The checks' own implementations of functions several exercises need as a yardstick, written out with
/// loops and independent of any subject: a learner's wrong answer can never bend them.
/// </summary>
public static class Oracle
{
    /// <summary>Softmax along the last axis (of a 1-D tensor: of the tensor), <c>e^(v − max) / Σ e^(v − max)</c> per row.</summary>
    public static Tensor Softmax(Tensor a)
    {
        ArgumentNullException.ThrowIfNull(a);
        var result = Tensor.ZerosLike(a);
        var n = a.Dim(-1);
        var input = a.AsSpan();
        var output = result.AsSpan();
        for (var start = 0; start < input.Length; start += n)
        {
            var row = input.Slice(start, n);
            var max = double.NegativeInfinity;
            foreach (var v in row) max = Math.Max(max, v);
            var sum = 0.0;
            for (var k = 0; k < n; k++) sum += output[start + k] = Math.Exp(row[k] - max);
            for (var k = 0; k < n; k++) output[start + k] /= sum;
        }
        return result;
    }
}
