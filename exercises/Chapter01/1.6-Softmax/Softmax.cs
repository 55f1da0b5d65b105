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
    /// Hint:     One sum per row i. The second form is equal and safe from overflow: e^1000 is +∞ in
    ///           double precision, and ∞ / ∞ is NaN, so first subtract each row's max.
    ///           x.Max(axis: 1, keepdims: true) and e.Sum(axis: 1, keepdims: true) give one value per
    ///           row as a column (m, 1), which broadcasts over the row in x - max and e / sum.
    ///           axis: 0 works down the columns; Sum() without an axis adds up the whole batch.
    /// 提示:     每一行 i 各求一个和。第二种写法结果相同，而且不会溢出：双精度下 e^1000 是 +∞，
    ///           ∞ / ∞ 得到 NaN，所以要先减去每行的最大值。
    ///           x.Max(axis: 1, keepdims: true) 和 e.Sum(axis: 1, keepdims: true) 为每行给出一个值，
    ///           排成一列 (m, 1)，在 x - max 和 e / sum 中会沿着行广播。
    ///           axis: 0 是沿着列往下算；不带 axis 的 Sum() 会把整个批次加在一起。
    /// Grade it: ./run-checks.sh --exercise 1.6     (or: dotnet test --filter Name~1.6)
    /// </code>
    /// </remarks>
    public static Tensor Softmax(Tensor x)
    {
        // TODO: subtract each row's max, take e^ of every element, divide by each row's sum.
        throw new NotImplementedException("Exercise 1.6 (Softmax) is not started yet.");
    }
}
