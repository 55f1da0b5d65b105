namespace DeepLearningKata.Exercises;

public static partial class Chapter1
{
    /// <summary>
    /// Exercise 1.6 — the softmax of every row of a 2-D batch: each row becomes positive numbers that
    /// sum to 1, the larger an element, the larger its share.
    /// </summary>
    /// <remarks>
    /// <code>
    /// Formula:  softmax(x)[i, j] = e^(x[i, j]) / Σ_k e^(x[i, k])        (one sum per row i)
    ///           Equal, and safe from overflow: first subtract each row's max, x[i, j] − max_k x[i, k].
    /// Shapes:   x (m, n)  →  row sums and maxima (m, 1)  →  result (m, n), every row summing to 1
    /// Example:  Softmax([[1, 2, 3],      =  [[0.09003057, 0.24472847, 0.66524096],
    ///                    [5, 5, 5]])          [0.33333333, 0.33333333, 0.33333333]]
    ///           Softmax([[1000, 1001, 1002]]) must give [[0.09003057, 0.24472847, 0.66524096]] too,
    ///           not NaN: e^1000 is +∞ in double precision, and ∞ / ∞ is NaN.
    /// Hint:     x.Max(axis: 1, keepdims: true) and e.Sum(axis: 1, keepdims: true) give one value per
    ///           row as a column (m, 1), which broadcasts over the row in x - max and e / sum.
    ///           axis: 0 works down the columns; Sum() without an axis adds up the whole batch.
    /// Grade it: ./run-checks.sh --exercise 1.6     (or: dotnet test --filter Name~1.6)
    /// </code>
    /// </remarks>
    public static Tensor Softmax(Tensor x)
    {
        // TODO: subtract each row's max, take e^ of every element, divide by each row's sum.
        throw new NotImplementedException("Exercise 1.6 (Softmax) is not started yet.");
    }
}
