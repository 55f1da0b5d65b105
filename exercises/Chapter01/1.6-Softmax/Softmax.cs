namespace DeepLearningKata.Exercises;

public static partial class Chapter1
{
    /// <summary>
    /// Exercise 1.6 — the softmax of every row of a 2-D batch: each row becomes positive numbers that
    /// sum to 1, the larger an element, the larger its share.
    /// 练习 1.6 — 对二维批数据的每一行求 softmax：每行变成和为 1 的正数，元素越大，占的比例越大。
    /// </summary>
    /// <remarks>
    /// <code>
    /// Formula:  softmax(x)[i, j] = e^(x[i, j]) / Σ_k e^(x[i, k])
    ///                            = e^(x[i, j] − m_i) / Σ_k e^(x[i, k] − m_i),     m_i = max_k x[i, k]
    /// Shapes:   x (m, n)  →  m_i, Σ_k e^(x[i, k] − m_i): (m, 1)  →  softmax(x) (m, n),   Σ_j softmax(x)[i, j] = 1
    /// Example:  Softmax([[1, 2, 3],      =  [[0.09003057, 0.24472847, 0.66524096],
    ///                    [5, 5, 5]])          [0.33333333, 0.33333333, 0.33333333]]
    ///           Softmax([[1000, 1001, 1002]])  =  [[0.09003057, 0.24472847, 0.66524096]]     (≠ NaN)
    /// Hint:     One sum per row i. The second form is equal and safe from overflow: e^1000 is +∞ in double
    ///           precision, and ∞ / ∞ is NaN, so first subtract each row's max. Max and Sum take an axis and
    ///           keepdims: one value per row, kept as a column (m, 1), broadcasts over its row. The classic
    ///           slips: the axis that works down the columns, and a sum over the whole batch.
    /// 提示:     每一行 i 各求一个和。第二种写法结果相同，而且不会溢出：双精度下 e^1000 是 +∞，∞ / ∞ 得到 NaN，
    ///           所以要先减去每行的最大值。Max 和 Sum 都可以指定 axis 和 keepdims：每行一个值，保留成一列 (m, 1)，
    ///           就会在它那一行上广播。典型失误：用了沿列往下算的那个轴，或者对整个批次求和。
    /// Grade it: ./run-checks.sh --exercise 1.6     (or: dotnet test --filter TestCategory=1.6)
    /// </code>
    /// </remarks>
    public static Tensor Softmax(Tensor x)
    {
        // TODO: return the softmax of every row, finite even for large scores, e.g. [[1000, 1000]] -> [[0.5, 0.5]].
        throw new NotImplementedException("Exercise 1.6 (Softmax) is not started yet.");
    }
}
