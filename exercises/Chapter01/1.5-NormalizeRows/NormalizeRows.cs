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
    /// Hint:     Each row is divided by its own length. Np.Norm (np.linalg.norm) can give one norm per row: mind
    ///           which axis that is, and keep the norms as a column (m, 1) with keepdims, so that the division
    ///           broadcasts each norm over its own row. The column norms, or norms of shape (m) that NumPy would
    ///           line up with the columns, are the classic slips.
    /// 提示:     每一行除以它自己的长度。Np.Norm（即 np.linalg.norm）可以为每行给出一个范数：想清楚那是哪个轴，
    ///           并用 keepdims 把范数保留成一列 (m, 1)，这样除法才会把每个范数广播到它自己那一行上。用了列范数，
    ///           或者得到形状为 (m) 的范数（NumPy 会把它和列对齐），是典型的失误。
    /// Grade it: ./run-checks.sh --exercise 1.5     (or: dotnet test --filter TestCategory=1.5)
    /// </code>
    /// </remarks>
    public static Tensor NormalizeRows(Tensor x)
    {
        // TODO: return x with every row scaled to length 1, e.g. [[0, 3, 4]] -> [[0, 0.6, 0.8]].
        throw new NotImplementedException("Exercise 1.5 (NormalizeRows) is not started yet.");
    }
}
