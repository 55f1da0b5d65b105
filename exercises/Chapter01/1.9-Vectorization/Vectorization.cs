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
    /// 练习 1.9 (Dot) — 用循环实现点积，效果同 <c>np.dot</c>。
    /// </summary>
    /// <remarks>
    /// <code>
    /// Formula:  1-D · 1-D:  Σ_k a[k]·b[k]
    ///           2-D · 1-D:  result[i]    = Σ_k a[i, k]·b[k]
    ///           2-D · 2-D:  result[i, j] = Σ_k a[i, k]·b[k, j]
    /// Shapes:   (K)·(K) → ();   (m, K)·(K) → (m);   (m, K)·(K, n) → (m, n)
    /// Example:  Dot([9, 2, 5, 0, 0, 7, 5, 0, 0, 0, 9, 2, 5, 0, 0],
    ///               [9, 2, 2, 9, 0, 9, 2, 5, 0, 0, 9, 2, 5, 0, 0])  =  278       (shape ())
    ///           a = b = [[1, 2, 3], [1, 2, 3], [1, 2, 3]]:  Dot(a, b) = [[6, 12, 18], [6, 12, 18], [6, 12, 18]]
    /// Hint:     1-D · 1-D is the inner product (one number), 2-D · 1-D a matrix times a vector, 2-D · 2-D the
    ///           matrix product: branch on the number of dimensions of a and b. The 1-D case returns a 0-D
    ///           tensor, as np.dot returns a plain number. In the matrix product the summed index runs along a's
    ///           row i and down b's column j — mind the order of b's two indices.
    /// 提示:     1-D · 1-D 是内积（一个数），2-D · 1-D 是矩阵乘向量，2-D · 2-D 是矩阵乘积：
    ///           按 a 和 b 的维数分情况处理。1-D 的情形返回一个 0 维张量，就像 np.dot 返回一个普通的数。
    ///           矩阵乘积中，求和的下标沿 a 的第 i 行横着走、沿 b 的第 j 列竖着走——注意 b 的两个下标的顺序。
    /// Grade it: ./run-checks.sh --exercise 1.9     (or: dotnet test --filter TestCategory=1.9)
    /// </code>
    /// </remarks>
    public static Tensor Dot(Tensor a, Tensor b)
    {
        // TODO: return what np.dot returns in the three cases above, computed with your own loops,
        //       e.g. [1, 2]·[3, 4] -> 11.
        throw new NotImplementedException("Exercise 1.9 (Dot) is not started yet.");
    }

    /// <summary>
    /// Exercise 1.9 (Outer) — the outer product, as <c>np.outer</c>, written with loops.
    /// 练习 1.9 (Outer) — 用循环实现外积，效果同 <c>np.outer</c>。
    /// </summary>
    /// <remarks>
    /// <code>
    /// Formula:  result[i, j] = a_flat[i] · b_flat[j],     a_flat = a.Flatten(),   b_flat = b.Flatten()
    /// Shapes:   a (…) with a.Size = p,   b (…) with b.Size = q   →   (p, q)
    /// Example:  Outer([1, 2, 3], [10, 20]) = [[10, 20], [20, 40], [30, 60]]
    ///           Outer([[1, 2], [3, 4], [5, 6]], [[1, 2], [1, 2], [1, 2]])  →  (6, 6),   row i = (i + 1)·[1, 2, 1, 2, 1, 2]:
    ///           row 0 = [1, 2, 1, 2, 1, 2],  …,  row 5 = [6, 12, 6, 12, 6, 12]
    /// Hint:     Every element of a times every element of b; inputs of any shape are flattened first.
    ///           a.AsSpan() gives all elements in storage order, whatever a's shape: the flattened a. The result
    ///           has a.Size rows and b.Size columns.
    /// 提示:     a 的每个元素乘以 b 的每个元素；任意形状的输入都先展平。不论 a 是什么形状，
    ///           a.AsSpan() 都按存储顺序给出全部元素，也就是展平后的 a。结果有 a.Size 行、b.Size 列。
    /// Grade it: ./run-checks.sh --exercise 1.9     (or: dotnet test --filter TestCategory=1.9)
    /// </code>
    /// </remarks>
    public static Tensor Outer(Tensor a, Tensor b)
    {
        // TODO: return the (a.Size, b.Size) table of products, computed with your own loops,
        //       e.g. [1, 2] and [3, 4] -> [[3, 4], [6, 8]].
        throw new NotImplementedException("Exercise 1.9 (Outer) is not started yet.");
    }

    /// <summary>
    /// Exercise 1.9 (Multiply) — the element-wise product of two matrices with NumPy's broadcasting, as
    /// <c>np.multiply(a, b)</c> (or <c>a * b</c>), written with loops.
    /// 练习 1.9 (Multiply) — 用循环实现两个矩阵带 NumPy 广播的逐元素乘积，效果同 <c>np.multiply(a, b)</c>（或 <c>a * b</c>）。
    /// </summary>
    /// <remarks>
    /// <code>
    /// Formula:  result[i, j] = a[ia, ja] · b[ib, jb]
    ///           ia = a.Dim(0) == 1 ? 0 : i,   ja = a.Dim(1) == 1 ? 0 : j
    ///           ib = b.Dim(0) == 1 ? 0 : i,   jb = b.Dim(1) == 1 ? 0 : j
    /// Shapes:   a, b 2-D;   a.Dim(d) == b.Dim(d) || a.Dim(d) == 1 || b.Dim(d) == 1
    ///           (m, n)·(m, n) → (m, n);  (m, n)·(m, 1) → (m, n);  (1, n)·(m, n) → (m, n);  (m, 1)·(1, n) → (m, n)
    /// Example:  Multiply([[1, 2, 3],      [[1],        [[1, 2, 3],
    ///                     [2, 2, 2],   ,   [2],   )  =   [4, 4, 4],
    ///                     [3, 3, 3]]       [3]]          [9, 9, 9]]
    /// Hint:     An axis of size 1 is stretched ("broadcast") to the other's size: in the example b has one
    ///           column, used for every column j. On each axis the result is as long as the longer of the two;
    ///           an input that has size 1 on an axis is read at index 0 there, whatever the output's index.
    /// 提示:     长度为 1 的轴会被"拉伸"（广播）成另一方的长度：例子里 b 只有一列，每一列 j 都用它。
    ///           结果在每个轴上的长度取两者中较长的那个；某个输入在某轴上长度为 1 时，不论输出的下标是多少，
    ///           在该轴上都读下标 0。
    /// Grade it: ./run-checks.sh --exercise 1.9     (or: dotnet test --filter TestCategory=1.9)
    /// </code>
    /// </remarks>
    public static Tensor Multiply(Tensor a, Tensor b)
    {
        // TODO: return the element-wise product with broadcasting, computed with your own loops,
        //       e.g. [[1, 2]] and [[3], [4]] -> [[3, 6], [4, 8]].
        throw new NotImplementedException("Exercise 1.9 (Multiply) is not started yet.");
    }
}
