namespace DeepLearningKata.Exercises;

public static partial class Chapter4
{
    /// <summary>
    /// Exercise 4.6 (part 1) — the linear score function: one score per class for every sample.
    /// 练习 4.6（第 1 部分）— 线性得分函数：为每个样本的每个类别算出一个得分。
    /// </summary>
    /// <remarks>
    /// <code>
    /// Formula:  s = x · W + b,     s[n, c] = Σ_d x[n, d] · W[d, c] + b[c]
    /// Shapes:   x (N, D), W (D, C), b (C,)  →  scores (N, C);     x (D,)  →  (C,)
    ///           (4, 784) · (784, 4) + (4,)  →  (4, 4)
    /// Example:  LinearScore([[1, 2]], [[1, 0, -1], [0.5, 1, 2]], [0, 1, 0]) = [[2, 3, 3]]
    /// Hint:     For every class, f(x) = w1·x1 + w2·x2 + … + wd·xd + b; e.g. 4 images of 784 pixels and 4
    ///           classes give 4 × 4 scores. One matrix product, inputs first, then the bias, which broadcasts
    ///           over the rows.
    /// 提示:     对每个类别，f(x) = w1·x1 + w2·x2 + … + wd·xd + b；例如 4 张 784 像素的图像、4 个类别，
    ///           得到 4 × 4 个得分。一次矩阵乘法（输入在前），再加偏置，偏置会沿着各行广播。
    /// Grade it: ./run-checks.sh --exercise 4.6     (or: dotnet test --filter TestCategory=4.6)
    /// </code>
    /// </remarks>
    public static Tensor LinearScore(Tensor x, Tensor w, Tensor b)
    {
        // TODO: return one score per class for every sample, e.g. the Example -> [[2, 3, 3]].
        throw new NotImplementedException("Exercise 4.6 (LinearScore) is not started yet.");
    }

    /// <summary>
    /// Exercise 4.6 (part 2) — the multiclass SVM (hinge) loss of class scores against the correct classes,
    /// plus an L2 penalty on the weights.
    /// 练习 4.6（第 2 部分）— 多类 SVM（hinge）损失：类别得分相对于正确类别的损失，再加上对权重的 L2 正则化惩罚。
    /// </summary>
    /// <remarks>
    /// <code>
    /// Formula:  L_i = Σ_{j ≠ t_i} max(0, s_j − s_{t_i} + 1)
    ///           L   = (1/N) · Σ_i L_i  +  λ · Σ W²
    /// Shapes:   scores (N, C), t (N,)  |  scores (C,), t (1,);     W (…)   →   L: double
    /// Example:  scores = [100, 80, 60, 50, 200],  t = [1.0]   (s_t = 80):
    ///           max(0, 100−80+1) + max(0, 60−80+1) + max(0, 50−80+1) + max(0, 200−80+1) = 21 + 0 + 0 + 121 = 142
    ///           SvmLoss(scores, [1.0], w, 0) = 142
    ///           λ = 100,  w1 = [1, 0, 0, 0]:               142 + 100·1 = 242
    ///           λ = 100,  w2 = [0.25, 0.25, 0.25, 0.25]:   142 + 100·(4·0.25²) = 167
    ///           x = [1, 1, 1, 1]:   w1·x = w2·x = 1
    /// Hint:     t holds the correct class of every row. Every wrong class should score at least 1 below the
    ///           right one; L is the mean over the batch, with the penalty added once. w1 and w2 give the same
    ///           score for x = [1, 1, 1, 1], but the penalty prefers w2, whose weights are spread over all
    ///           inputs. Loop over the rows and the classes, and leave out the correct class itself (else every
    ///           row gets an extra 1). A 1-D scores is a single row.
    /// 提示:     t 是每一行的正确类别。每个错误类别的得分都应比正确类别至少低 1；L 是整个批次上的平均值，
    ///           惩罚项只加一次。对于 x = [1, 1, 1, 1]，w1 和 w2 给出的得分相同，但惩罚项更偏爱 w2，
    ///           因为它的权重分散在所有输入上。对各行和各类别循环，并跳过正确类别本身（否则每一行都会多出 1）。
    ///           一维的 scores 就是单独一行。
    /// Grade it: ./run-checks.sh --exercise 4.6     (or: dotnet test --filter TestCategory=4.6)
    /// </code>
    /// </remarks>
    public static double SvmLoss(Tensor scores, Tensor t, Tensor w, double lambda)
    {
        // TODO: return L (the Formula above) for a batch or a single row of scores, e.g. the Example with λ = 0 -> 142.
        throw new NotImplementedException("Exercise 4.6 (SvmLoss) is not started yet.");
    }
}
