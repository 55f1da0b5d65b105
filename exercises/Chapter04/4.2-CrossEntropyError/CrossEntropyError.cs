namespace DeepLearningKata.Exercises;

public static partial class Chapter4
{
    /// <summary>
    /// Exercise 4.2 — the cross-entropy error of probabilities <paramref name="y"/> against targets
    /// <paramref name="t"/>, for one sample or a mini-batch, with one-hot or label targets.
    /// 练习 4.2 — 概率 <paramref name="y"/> 相对于目标 <paramref name="t"/> 的交叉熵误差，适用于单个样本或 mini-batch，目标可以是 one-hot 形式，也可以是标签。
    /// </summary>
    /// <remarks>
    /// <code>
    /// Formula:  one-hot t:  E = −(1/N) · Σ_n Σ_k t[n, k] · log(y[n, k] + δ)
    ///           labels t:   E = −(1/N) · Σ_n log(y[n, t[n]] + δ)
    ///           δ = 1e-7,   N = y.Dim(0)   (N = 1 for 1-D y)
    /// Shapes:   y (C,),    t (C,) one-hot  |  t (1,) label      →  E: double
    ///           y (N, C),  t (N, C) one-hot  |  t (N,) labels   →  E: double
    /// Example:  y = [0.1, 0.05, 0.6, 0, 0.05, 0.1, 0, 0.1, 0, 0],  t = [0, 0, 1, 0, 0, 0, 0, 0, 0, 0]
    ///           CrossEntropyError(y, t)              = −log(0.6 + 1e-7) = 0.51082546
    ///           CrossEntropyError(y, [2.0])          = 0.51082546
    ///           CrossEntropyError([y, y], [t, t])    = 0.51082546      (N = 2)
    /// Hint:     N is the batch size, 1 for one sample. With labels, only the correct class's probability
    ///           counts: [2.0] is the same sample with its label, and a batch of that row twice gives
    ///           the same E, because the sum is divided by N = 2.
    ///           As the book does: if y is 1-D, reshape y and t to one row (y.Reshape(1, y.Size));
    ///           if t.Size == y.Size, t is one-hot: turn it into labels with t.Argmax(axis: 1).
    ///           Then add up Math.Log(y[i, (int)t.AsSpan()[i]] + 1e-7) over the rows and divide by N.
    ///           Without δ, a probability of exactly 0 gives log(0) = −∞.
    /// 提示:     N 是批大小，单个样本时为 1。使用标签时，只有正确类别的概率起作用：[2.0] 是同一个样本
    ///           的标签写法；把这一行重复两次组成的批次，E 也一样，因为总和要除以 N = 2。
    ///           照书中的做法：如果 y 是一维的，就把 y 和 t 变形为一行（y.Reshape(1, y.Size)）；
    ///           如果 t.Size == y.Size，说明 t 是 one-hot 形式：用 t.Argmax(axis: 1) 把它变成标签。
    ///           然后对各行累加 Math.Log(y[i, (int)t.AsSpan()[i]] + 1e-7)，再除以 N。
    ///           没有 δ 的话，概率恰好为 0 时会得到 log(0) = −∞。
    /// Grade it: ./run-checks.sh --exercise 4.2     (or: dotnet test --filter Name~4.2)
    /// </code>
    /// </remarks>
    public static double CrossEntropyError(Tensor y, Tensor t)
    {
        // TODO: one sample → a batch of one; one-hot → labels; then −Σ log(y[i, t_i] + δ) / N.
        throw new NotImplementedException("Exercise 4.2 (CrossEntropyError) is not started yet.");
    }
}
