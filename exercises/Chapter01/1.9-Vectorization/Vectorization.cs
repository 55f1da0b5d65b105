namespace DeepLearningKata.Exercises;

// Exercise 1.9 is three small functions: write each with plain for-loops, to see element by element
// what the vectorised NumPy operations np.dot, np.outer and np.multiply (a * b) compute. Afterwards,
// compare your loops with the one-liners Np.Dot(a, b), Np.Outer(a, b) and a * b, which do the same.
// Useful pieces: a.Ndim, a.Dim(0), a.Size, a[i, k] to read and result[i, j] = … to write an element,
// Tensor.Zeros(m, n) for the result, a.AsSpan() for all elements in storage order.

public static partial class Chapter1
{
    /// <summary>
    /// Exercise 1.9 (Dot) — the dot product, as <c>np.dot</c>, written with loops.
    /// </summary>
    /// <remarks>
    /// <code>
    /// Formula:  1-D · 1-D:  Σ_k a[k]·b[k]                      (the inner product, one number)
    ///           2-D · 1-D:  result[i]    = Σ_k a[i, k]·b[k]     (matrix times vector)
    ///           2-D · 2-D:  result[i, j] = Σ_k a[i, k]·b[k, j]  (matrix product)
    /// Shapes:   (K)·(K) → () a 0-D tensor;   (m, K)·(K) → (m);   (m, K)·(K, n) → (m, n)
    /// Example:  Dot([9, 2, 5, 0, 0, 7, 5, 0, 0, 0, 9, 2, 5, 0, 0],
    ///               [9, 2, 2, 9, 0, 9, 2, 5, 0, 0, 9, 2, 5, 0, 0])  =  278       (shape ())
    ///           a = b = [[1, 2, 3], [1, 2, 3], [1, 2, 3]]:  Dot(a, b) = [[6, 12, 18], [6, 12, 18], [6, 12, 18]]
    /// Hint:     Branch on a.Ndim and b.Ndim. The 1-D case returns Tensor.Scalar(sum), a 0-D tensor, as
    ///           np.dot returns a plain number. In the matrix product k runs along a's row i and down
    ///           b's column j: b[k, j], not b[j, k].
    /// Grade it: ./run-checks.sh --exercise 1.9     (or: dotnet test --filter Name~1.9)
    /// </code>
    /// </remarks>
    public static Tensor Dot(Tensor a, Tensor b)
    {
        // TODO: loop over i (and j) and sum a[i, k]·b[k, j] over k; e.g. [1, 2]·[3, 4] -> 11.
        throw new NotImplementedException("Exercise 1.9 (Dot) is not started yet.");
    }

    /// <summary>
    /// Exercise 1.9 (Outer) — the outer product, as <c>np.outer</c>, written with loops.
    /// </summary>
    /// <remarks>
    /// <code>
    /// Formula:  result[i, j] = a_flat[i] · b_flat[j]    (every element of a times every element of b;
    ///                                                    inputs of any shape are flattened first)
    /// Shapes:   a of any shape (p elements), b of any shape (q elements)  →  (p, q)
    /// Example:  Outer([1, 2, 3], [10, 20]) = [[10, 20], [20, 40], [30, 60]]
    ///           Outer([[1, 2], [3, 4], [5, 6]], [[1, 2], [1, 2], [1, 2]]) is (6, 6): row i is
    ///           (i + 1)·[1, 2, 1, 2, 1, 2], the first row [1, 2, 1, 2, 1, 2], the last [6, 12, 6, 12, 6, 12].
    /// Hint:     a.AsSpan() gives all elements in storage order, whatever a's shape: the flattened a.
    ///           The result has a.Size rows and b.Size columns.
    /// Grade it: ./run-checks.sh --exercise 1.9     (or: dotnet test --filter Name~1.9)
    /// </code>
    /// </remarks>
    public static Tensor Outer(Tensor a, Tensor b)
    {
        // TODO: make a (a.Size, b.Size) result and fill result[i, j] = a_flat[i]·b_flat[j].
        throw new NotImplementedException("Exercise 1.9 (Outer) is not started yet.");
    }

    /// <summary>
    /// Exercise 1.9 (Multiply) — the element-wise product of two matrices with NumPy's broadcasting, as
    /// <c>np.multiply(a, b)</c> (or <c>a * b</c>), written with loops.
    /// </summary>
    /// <remarks>
    /// <code>
    /// Formula:  result[i, j] = a[i, j] · b[i, j], where an axis of size 1 is stretched ("broadcast") to
    ///           the other's size: if a has one column, a[i, 0] is used for every j (likewise rows, and b).
    /// Shapes:   a and b are 2-D; along each axis their sizes are equal or one of them is 1.
    ///           (m, n)·(m, n) → (m, n);  (m, n)·(m, 1) → (m, n);  (1, n)·(m, n) → (m, n);  (m, 1)·(1, n) → (m, n)
    /// Example:  Multiply([[1, 2, 3],      [[1],        [[1, 2, 3],
    ///                     [2, 2, 2],   ,   [2],   )  =   [4, 4, 4],
    ///                     [3, 3, 3]]       [3]]          [9, 9, 9]]     (b's column is used for every column)
    /// Hint:     The result has Math.Max(a.Dim(0), b.Dim(0)) rows and Math.Max(a.Dim(1), b.Dim(1)) columns.
    ///           For output (i, j), read a at row 0 if a has only one row (else row i), and at column 0
    ///           if it has only one column (else column j); read b the same way.
    /// Grade it: ./run-checks.sh --exercise 1.9     (or: dotnet test --filter Name~1.9)
    /// </code>
    /// </remarks>
    public static Tensor Multiply(Tensor a, Tensor b)
    {
        // TODO: loop over the broadcast shape; e.g. [[1, 2]]·[[3], [4]] -> [[3, 6], [4, 8]].
        throw new NotImplementedException("Exercise 1.9 (Multiply) is not started yet.");
    }
}
