namespace DeepLearningKata.Exercises;

public static partial class Chapter6
{
    /// <summary>
    /// Exercise 6.2 — Xavier and He initial weights: standard normal numbers scaled to suit sigmoid (Xavier) or ReLU (He).
    /// 练习 6.2 — Xavier 与 He 初始权重：把标准正态随机数按比例缩放，分别适合 sigmoid（Xavier）和 ReLU（He）。
    /// </summary>
    /// <remarks>
    /// <code>
    /// Formula:  Xavier  W = N(0, 1) · √(1 / nIn)        He  W = N(0, 1) · √(2 / nIn)
    /// Shapes:   (nIn, nOut):   x (N, nIn) · W (nIn, nOut) → (N, nOut)
    /// Example:  XavierInit(2, 3, new Random(0)) = [[0.4672499856161762, -1.0378790220942797, -1.128948329104258],
    ///                                              [-0.4319622453711734, -0.44782432342634404, -0.17368635423811413]]
    ///           XavierInit(100, 200, random): mean ≈ 0, std ≈ 0.1;   HeInit(100, 200, random): mean ≈ 0, std ≈ 0.1414
    /// Hint:     Draw N(0, 1) numbers with Tensor.RandomNormal from the Random you are given (not a new Random),
    ///           so that the same seed gives the same weights. Then scale them by the standard deviation the
    ///           Formula names — its square root is already taken: not the variance. The scale depends on nIn
    ///           (the number of inputs each node adds up), not on nOut.
    /// 提示:     用传入的 Random 通过 Tensor.RandomNormal 生成 N(0, 1) 随机数（不要 new Random()），
    ///           这样相同的种子得到相同的权重。再乘以 Formula 中给出的标准差——那里已经开过平方根了：不是方差。
    ///           缩放取决于 nIn（每个节点求和的输入个数），而不是 nOut。
    /// Grade it: ./run-checks.sh --exercise 6.2     (or: dotnet test --filter TestCategory=6.2)
    /// </code>
    /// </remarks>
    public static Tensor XavierInit(int nIn, int nOut, Random random)
    {
        // TODO: return Xavier's (nIn, nOut) weights, drawn from the random you are given.
        throw new NotImplementedException("Exercise 6.2 (WeightInit) is not started yet.");
    }

    /// <summary>Exercise 6.2 — He initial weights for ReLU: N(0, 1) · √(2 / nIn), of shape (nIn, nOut).</summary>
    public static Tensor HeInit(int nIn, int nOut, Random random)
    {
        // TODO: return He's (nIn, nOut) weights, drawn from the random you are given.
        throw new NotImplementedException("Exercise 6.2 (WeightInit) is not started yet.");
    }
}
