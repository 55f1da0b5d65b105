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
    ///           counts: [2.0] is the same sample with its label, and a batch of that row twice gives the same
    ///           E, because the sum is divided by N = 2. As the book does, bring every case to one form first:
    ///           one sample becomes a batch of one row, and one-hot targets become labels (Argmax along the
    ///           class axis). δ goes inside the logarithm: without it, a probability of exactly 0 gives log(0) =
    ///           −∞.
    /// 提示:     N 是批大小，单个样本时为 1。使用标签时，只有正确类别的概率起作用：[2.0] 是同一个样本的标签写法；
    ///           把这一行重复两次组成的批次，E 也一样，因为总和要除以 N = 2。照书中的做法，
    ///           先把各种情况统一成一种形式：单个样本变成只有一行的批次，one-hot 目标变成标签（沿类别所在的轴取
    ///           Argmax）。δ 加在对数里面：没有它的话，概率恰好为 0 时会得到 log(0) = −∞。
    /// Grade it: ./run-checks.sh --exercise 4.2     (or: dotnet test --filter TestCategory=4.2)
    /// </code>
    /// </remarks>
    public static double CrossEntropyError(Tensor y, Tensor t)
    {
        // TODO: return E, averaged over the batch, for one sample or a batch and for one-hot or label targets;
        //       δ = 1e-7 as the book fixes it.
        throw new NotImplementedException("Exercise 4.2 (CrossEntropyError) is not started yet.");
    }
}
