namespace DeepLearningKata.Exercises;

public static partial class Chapter3
{
    /// <summary>
    /// Exercise 3.5 — batch inference: the predicted class of every sample, computed batchSize samples
    /// at a time, as the book does to classify MNIST quickly.
    /// </summary>
    /// <remarks>
    /// <code>
    /// Formula:  for start = 0, batchSize, 2·batchSize, … while start &lt; N:
    ///               rows        = start … min(start + batchSize, N) − 1
    ///               y           = Forward(network, x[rows])        one row of scores per sample
    ///               prediction  = argmax of each row of y          (np.argmax(y, axis=1))
    /// Shapes:   x (N, d), batchSize ≥ 1  →  (N,): the class index of each sample, as a double
    /// Example:  N = 7, batchSize = 3: batches of rows 0–2, 3–5 and 6. The last batch is partial;
    ///           it still counts. If Forward gives y = [[0.1, 0.8], [0.6, 0.3], [0.2, 0.9]] for
    ///           a batch, its predictions are [1, 0, 1].
    /// Hint:     x.Rows(indices) picks rows (Enumerable.Range(start, count).ToArray() makes the
    ///           indices); Earlier.Forward(network, batch) is your exercise 3.4, and
    ///           y.Argmax(axis: 1) gives one index per row. Mind the last, shorter batch.
    /// Grade it: ./run-checks.sh --exercise 3.5     (or: dotnet test --filter Name~3.5)
    /// </code>
    /// </remarks>
    public static Tensor PredictBatch(IReadOnlyDictionary<string, Tensor> network, Tensor x, int batchSize)
    {
        // TODO: loop over the batches, forward each one, keep the argmax of every row.
        throw new NotImplementedException("Exercise 3.5 (PredictBatch) is not started yet.");
    }

    /// <summary>
    /// Exercise 3.5 — accuracy: the fraction of samples whose predicted class equals their label.
    /// </summary>
    /// <remarks>
    /// <code>
    /// Formula:  accuracy = (number of i with prediction_i == t_i) / N
    /// Shapes:   x (N, d), t (N,) of class labels  →  a number in [0, 1]
    /// Example:  predictions [1, 0, 1], labels t = [1, 1, 1]  →  2 / 3 = 0.66666667
    /// Hint:     PredictBatch(network, x, batchSize) gives the predictions; Np.Equal(p, t) is 1.0
    ///           where they agree, so its Sum() counts the hits. Divide by N, the number of
    ///           samples, not by the number of batches.
    /// </code>
    /// </remarks>
    public static double Accuracy(IReadOnlyDictionary<string, Tensor> network, Tensor x, Tensor t, int batchSize)
    {
        // TODO: count the correct predictions and divide by the number of samples.
        throw new NotImplementedException("Exercise 3.5 (Accuracy) is not started yet.");
    }
}
