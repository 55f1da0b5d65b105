namespace DeepLearningKata.Exercises;

public static partial class Chapter1
{
    /// <summary>
    /// Exercise 1.5 — divide every row of the matrix <paramref name="x"/> by its length (L2 norm), so
    /// each row becomes a unit vector pointing the same way.
    /// </summary>
    /// <remarks>
    /// <code>
    /// Formula:  ‖x_i‖ = √(Σ_j x[i, j]²)   (one norm per row),   result[i, j] = x[i, j] / ‖x_i‖
    /// Shapes:   x (m, n)  →  norms (m, 1)  →  result (m, n)
    /// Example:  x = [[0, 3, 4],        ‖x‖ = [[5],          NormalizeRows(x) = [[0,          0.6,        0.8       ],
    ///                [2, 6, 4]]               [√56]]                            [0.26726124, 0.80178373, 0.53452248]]
    /// Hint:     Np.Norm(x, axis: 1, keepdims: true) is np.linalg.norm(x, axis=1, keepdims=True):
    ///           the row norms as a column (m, 1). Then x / norm broadcasts that column over every
    ///           column of x. axis: 0 would give column norms; without keepdims the shape is (m),
    ///           which NumPy would line up with the columns instead of the rows.
    /// Grade it: ./run-checks.sh --exercise 1.5     (or: dotnet test --filter Name~1.5)
    /// </code>
    /// </remarks>
    public static Tensor NormalizeRows(Tensor x)
    {
        // TODO: compute the row norms (m, 1), then divide x by them, e.g. [[0, 3, 4]] -> [[0, 0.6, 0.8]].
        throw new NotImplementedException("Exercise 1.5 (NormalizeRows) is not started yet.");
    }
}
