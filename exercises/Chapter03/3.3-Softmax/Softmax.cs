namespace DeepLearningKata.Exercises;

public static partial class Chapter3
{
    /// <summary>
    /// Exercise 3.3 — softmax, the output layer of a classifier: it turns scores into probabilities
    /// that are positive and sum to 1, without overflowing on large scores.
    /// 练习 3.3 — softmax，分类器的输出层：把得分变成为正且和为 1 的概率，遇到很大的得分也不会溢出。
    /// </summary>
    /// <remarks>
    /// <code>
    /// Formula:  y_k = exp(a_k − C) / Σ_i exp(a_i − C),   C = max_i a_i
    /// Shapes:   a (n,)     →  y (n,),     Σ_k y_k = 1
    ///           a (N, n)   →  y (N, n),   y[r] = softmax(a[r])
    /// Example:  Softmax([0.3, 2.9, 4.0])        =  [0.018211273, 0.24519181, 0.73659691]
    ///           Softmax([1010, 1000, 990])      =  [0.9999546, 4.5397869e-05, 2.0610600e-09]
    /// Hint:     Subtracting any constant C leaves y unchanged (it cancels between the numerator and the
    ///           denominator); C = max makes the largest exponent e^0 = 1, so nothing overflows. Without it,
    ///           e^1010 is ∞ and the answer is [NaN, NaN, NaN]. A batch (N, n) is N separate softmaxes, one per
    ///           row: take the max and the sum along the last axis, with keepdims so that they broadcast back
    ///           against a; then the same lines work for one vector and for a batch. Use each row's own max: one
    ///           max for the whole batch, or the mean, can still overflow.
    /// 提示:     减去任何常数 C 都不会改变 y（它在分子和分母中相互抵消）；取 C = max 时最大的指数是 e^0 = 1，
    ///           因此不会溢出。不减的话，e^1010 是 ∞，结果就成了 [NaN, NaN, NaN]。一个批次 (N, n) 就是 N 个各自独
    ///           立的 softmax，每行一个：沿最后一个轴求最大值和总和，并用 keepdims 让它们能与 a 广播；
    ///           这样同样几行代码对单个向量和对一个批次都适用。要用每一行自己的最大值：整个批次共用一个最大值，
    ///           或者用平均值，仍然可能溢出。
    /// Grade it: ./run-checks.sh --exercise 3.3     (or: dotnet test --filter TestCategory=3.3)
    /// </code>
    /// </remarks>
    public static Tensor Softmax(Tensor a)
    {
        // TODO: return the softmax of a (of every row, for a batch), finite even for scores like 1010.
        throw new NotImplementedException("Exercise 3.3 (Softmax) is not started yet.");
    }
}
