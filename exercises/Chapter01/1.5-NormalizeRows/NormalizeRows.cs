namespace DeepLearningKata.Exercises;

public static partial class Chapter1
{
    /// <summary>
    /// Exercise 1.5 — divide every row of the matrix <paramref name="x"/> by its length (L2 norm), so
    /// each row becomes a unit vector pointing the same way.
    /// 练习 1.5 — 把矩阵 <paramref name="x"/> 的每一行除以它的长度（L2 范数），让每一行都变成方向不变的单位向量。
    /// </summary>
    /// <remarks>
    /// <code>
    /// Formula:  ‖x_i‖ = √(Σ_j x[i, j]²)   ∀ row i,      result[i, j] = x[i, j] / ‖x_i‖
    /// Shapes:   x (m, n)  →  norms (m, 1)  →  result (m, n)
    /// Example:  x = [[0, 3, 4],        ‖x‖ = [[5],          NormalizeRows(x) = [[0,          0.6,        0.8       ],
    ///                [2, 6, 4]]               [√56]]                            [0.26726124, 0.80178373, 0.53452248]]
    /// Hint:     Np.Norm(x, axis: 1, keepdims: true) is np.linalg.norm(x, axis=1, keepdims=True):
    ///           the row norms as a column (m, 1), one norm per row. Then x / norm broadcasts that column
    ///           over every column of x. axis: 0 would give column norms; without keepdims the shape is
    ///           (m), which NumPy would line up with the columns instead of the rows.
    /// 提示:     Np.Norm(x, axis: 1, keepdims: true) 相当于 np.linalg.norm(x, axis=1, keepdims=True)：
    ///           每行一个范数，排成一列 (m, 1)。然后 x / norm 会把这一列广播到 x 的每一列上。
    ///           axis: 0 得到的是各列的范数；不加 keepdims 时形状是 (m)，NumPy 会把它和列而不是行对齐。
    /// Grade it: ./run-checks.sh --exercise 1.5     (or: dotnet test --filter Name~1.5)
    /// </code>
    /// </remarks>
    public static Tensor NormalizeRows(Tensor x)
    {
        // TODO: compute the row norms (m, 1), then divide x by them, e.g. [[0, 3, 4]] -> [[0, 0.6, 0.8]].
        throw new NotImplementedException("Exercise 1.5 (NormalizeRows) is not started yet.");
    }
}
