namespace DeepLearningKata.Exercises;

public static partial class Chapter3
{
    /// <summary>Exercise 3.5 — PLACEHOLDER: instructions to be written.</summary>
    public static Tensor PredictBatch(IReadOnlyDictionary<string, Tensor> network, Tensor x, int batchSize)
    {
        // TODO
        throw new NotImplementedException("Exercise 3.5 (PredictBatch) is not started yet.");
    }

    /// <summary>Exercise 3.5 — PLACEHOLDER: instructions to be written.</summary>
    public static double Accuracy(IReadOnlyDictionary<string, Tensor> network, Tensor x, Tensor t, int batchSize)
    {
        // TODO
        throw new NotImplementedException("Exercise 3.5 (Accuracy) is not started yet.");
    }
}
