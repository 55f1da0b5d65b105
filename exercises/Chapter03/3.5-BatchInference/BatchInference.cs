namespace DeepLearningKata.Exercises;

public static partial class Chapter3
{
    /// <summary>
    /// Exercise 3.5 — batch inference: the predicted class of every sample, computed batchSize samples
    /// at a time, as the book does to classify MNIST quickly.
    /// 练习 3.5 — 批处理推理：每次处理 batchSize 个样本，求出每个样本的预测类别；书中就是这样快速地对 MNIST 分类的。
    /// </summary>
    /// <remarks>
    /// <code>
    /// Formula:  for start = 0, batchSize, 2·batchSize, … while start &lt; N:
    ///               rows        = start … min(start + batchSize, N) − 1
    ///               y           = Forward(network, x[rows])          (rows.Length, classes)
    ///               prediction  = argmax(y, axis: 1)                 np.argmax(y, axis=1)
    /// Shapes:   x (N, d), batchSize ≥ 1  →  predictions (N,),   predictions[i] ∈ {0, 1, …} (double)
    /// Example:  N = 7, batchSize = 3  →  rows 0–2, 3–5, 6
    ///           y = [[0.1, 0.8], [0.6, 0.3], [0.2, 0.9]]  →  predictions [1, 0, 1]
    /// Hint:     The result is the class index of each sample, as a double. Forward (your 3.4, Earlier.Forward)
    ///           gives one row of scores per sample, and Argmax along the class axis one index per row; x.Rows
    ///           picks the rows of a batch. The last batch may be partial (row 6 alone above): it still counts.
    /// 提示:     结果是每个样本的类别下标，类型为 double。Forward（你的练习 3.4，Earlier.Forward）
    ///           为每个样本给出一行得分，沿类别所在的轴取 Argmax 就为每行给出一个下标；x.Rows 可以取出一个批次的
    ///           那些行。最后一个批次可能不满（上例中只有第 6 行）：它也要算上。
    /// Grade it: ./run-checks.sh --exercise 3.5     (or: dotnet test --filter TestCategory=3.5)
    /// </code>
    /// </remarks>
    public static Tensor PredictBatch(IReadOnlyDictionary<string, Tensor> network, Tensor x, int batchSize)
    {
        // TODO: return the predicted class of every row of x, computing at most batchSize rows at a time.
        throw new NotImplementedException("Exercise 3.5 (PredictBatch) is not started yet.");
    }

    /// <summary>
    /// Exercise 3.5 — accuracy: the fraction of samples whose predicted class equals their label.
    /// 练习 3.5 — 识别精度：预测类别与标签相同的样本所占的比例。
    /// </summary>
    /// <remarks>
    /// <code>
    /// Formula:  accuracy = |{ i : prediction_i == t_i }| / N
    /// Shapes:   x (N, d), t (N,)  →  accuracy ∈ [0, 1]
    /// Example:  predictions [1, 0, 1],  t = [1, 1, 1]  →  2 / 3 = 0.66666667
    /// Hint:     t holds class labels. Reuse PredictBatch, count the samples whose prediction equals the label
    ///           (Np.Equal is 1.0 where two tensors agree), and divide by N, the number of samples — not by the
    ///           number of batches.
    /// 提示:     t 是类别标签。复用 PredictBatch，数出预测等于标签的样本个数（Np.Equal 在两个张量相同的位置为 1.0），
    ///           再除以样本数 N——而不是批次数。
    /// </code>
    /// </remarks>
    public static double Accuracy(IReadOnlyDictionary<string, Tensor> network, Tensor x, Tensor t, int batchSize)
    {
        // TODO: return the fraction of samples whose predicted class equals their label in t, e.g. 2 of 3 -> 0.66666667.
        throw new NotImplementedException("Exercise 3.5 (Accuracy) is not started yet.");
    }
}
