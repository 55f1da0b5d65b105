namespace DeepLearningKata.Exercises;

public static partial class Chapter7
{
    /// <summary>
    /// Exercise 7.2 — im2col: every filter-sized window of a zero-padded image batch becomes one row of a matrix.
    /// 练习 7.2 — im2col：把补零后的图像批次中每个滤波器大小的窗口展开成矩阵的一行。
    /// </summary>
    /// <remarks>
    /// <code>
    /// Formula:  col[(n·OH + oh)·OW + ow, (c·FH + fh)·FW + fw] = x[n, c, oh·S + fh − P, ow·S + fw − P]   (0 outside x)
    /// Shapes:   x (N, C, H, W)  →  col (N·OH·OW, C·FH·FW),   OH = OutputSize(H, FH, S, P), OW likewise
    /// Example:  x = [[[[1, 2, 3], [4, 5, 6], [7, 8, 9]]]] (1, 1, 3, 3), FH = FW = 2, S = 1, P = 0
    ///           → col = [[1, 2, 4, 5], [2, 3, 5, 6], [4, 5, 7, 8], [5, 6, 8, 9]]   (4, 4)
    /// Hint:     rows: n, then oh, then ow (the window's place); columns: c, then fh, then fw (inside the
    ///           window). Six nested loops in that order fill col front to back; a pixel outside x (in the
    ///           padding) is 0. Flat arrays (x.AsSpan() and a double[] of your own, wrapped in a Tensor at the
    ///           end) are much faster than indexing x[n, c, i, j] in the inner loop. Earlier.OutputSize gives OH
    ///           and OW.
    /// 提示:     行的顺序：先 n，再 oh，再 ow（窗口的位置）；列的顺序：先 c，再 fh，再 fw（窗口内部）。
    ///           按这个顺序写六重循环就能从头到尾填满 col；落在填充区（x 之外）的像素取 0。
    ///           用一维数组（x.AsSpan() 和你自己的 double[]，最后包装成 Tensor）来计算，
    ///           比在最内层循环里用 x[n, c, i, j] 快得多。OH 和 OW 用 Earlier.OutputSize 计算。
    /// Grade it: ./run-checks.sh --exercise 7.2     (or: dotnet test --filter TestCategory=7.2)
    /// </code>
    /// </remarks>
    public static Tensor Im2Col(Tensor x, int filterH, int filterW, int stride = 1, int pad = 0)
    {
        // TODO: return col (N·OH·OW, C·FH·FW): one row per window of the zero-padded x.
        throw new NotImplementedException("Exercise 7.2 (Im2Col) is not started yet.");
    }

    /// <summary>
    /// Exercise 7.2 — col2im, the way back: adds every row of col onto the window it came from, and drops the padding.
    /// 练习 7.2 — col2im（反方向）：把 col 的每一行加回它来自的窗口，并去掉填充部分。
    /// </summary>
    /// <remarks>
    /// <code>
    /// Formula:  x[n, c, oh·S + fh − P, ow·S + fw − P] += col[(n·OH + oh)·OW + ow, (c·FH + fh)·FW + fw]   (padding dropped)
    /// Shapes:   col (N·OH·OW, C·FH·FW), inputShape [N, C, H, W]  →  (N, C, H, W)
    /// Example:  Col2Im(ones (4, 4), [1, 1, 3, 3], 2, 2) → [[[[1, 2, 1], [2, 4, 2], [1, 2, 1]]]]
    ///           = Col2Im(Im2Col(ones (1, 1, 3, 3), 2, 2), [1, 1, 3, 3], 2, 2)
    /// Hint:     the same six loops as Im2Col, with the assignment turned around into +=: windows overlap when
    ///           S &lt; FH, and a pixel shared by several windows collects every part. That is why
    ///           Col2Im(Im2Col(x)) is not x, but x times that count — and why col2im is what the backward
    ///           pass of a convolution needs (it is im2col's adjoint: ⟨Im2Col(x), y⟩ = ⟨x, Col2Im(y)⟩).
    /// 提示:     和 Im2Col 一样的六重循环，只是把赋值反过来写成 +=：当 S &lt; FH 时窗口互相重叠，
    ///           一个像素属于几个窗口，就要把每一份都加上。所以 Col2Im(Im2Col(x)) 不等于 x，而是 x 乘以
    ///           这个次数——这也正是卷积反向传播需要 col2im 的原因（它是 im2col 的伴随：⟨Im2Col(x), y⟩ = ⟨x, Col2Im(y)⟩）。
    /// Grade it: ./run-checks.sh --exercise 7.2     (or: dotnet test --filter TestCategory=7.2)
    /// </code>
    /// </remarks>
    public static Tensor Col2Im(Tensor col, int[] inputShape, int filterH, int filterW, int stride = 1, int pad = 0)
    {
        // TODO: return a tensor of inputShape in which every element of col is added back where Im2Col
        //       took it from (padding dropped).
        throw new NotImplementedException("Exercise 7.2 (Im2Col) is not started yet.");
    }
}
