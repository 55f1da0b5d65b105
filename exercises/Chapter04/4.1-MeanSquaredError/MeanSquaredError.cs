namespace DeepLearningKata.Exercises;

public static partial class Chapter4
{
    /// <summary>
    /// Exercise 4.1 — the mean squared error, the book's first loss function: how far the network's
    /// output <paramref name="y"/> is from the targets <paramref name="t"/>.
    /// 练习 4.1 — 均方误差，书中的第一个损失函数：衡量网络输出 <paramref name="y"/> 与目标 <paramref name="t"/> 相差多远。
    /// </summary>
    /// <remarks>
    /// <code>
    /// Formula:  E = ½ · Σ_k (y_k − t_k)²
    /// Shapes:   y (d₁, …, dₘ),  t (d₁, …, dₘ)  →  E: double
    /// Example:  t = [0, 0, 1, 0, 0, 0, 0, 0, 0, 0]
    ///           y = [0.1, 0.05, 0.6, 0, 0.05, 0.1, 0, 0.1, 0, 0]   →  MeanSquaredError(y, t) = 0.0975
    ///           y = [0.1, 0.05, 0.1, 0, 0.05, 0.1, 0, 0.6, 0, 0]   →  MeanSquaredError(y, t) = 0.5975
    /// Hint:     The sum runs over every element; the book calls it "mean", but there is no 1/n. In the example
    ///           the correct class is 2: y puts 0.6 on it first, then on class 7 instead. As in NumPy, three
    ///           tensor operations do it: the element-wise difference, the square of every element, one sum.
    ///           Don't forget the ½.
    /// 提示:     求和遍及每个元素；书中虽然叫它"均方"，但并没有除以 n。例子里正确的类别是 2：
    ///           第一个 y 把 0.6 放在类别 2 上，第二个 y 则放在了类别 7 上。和 NumPy 一样，三个张量运算就够了：
    ///           逐元素求差，对每个元素平方，求一次和。别忘了 ½。
    /// Grade it: ./run-checks.sh --exercise 4.1     (or: dotnet test --filter TestCategory=4.1)
    /// </code>
    /// </remarks>
    public static double MeanSquaredError(Tensor y, Tensor t)
    {
        // TODO: return E for y against t (a sum: no 1/n despite the name), e.g. the first Example -> 0.0975.
        throw new NotImplementedException("Exercise 4.1 (MeanSquaredError) is not started yet.");
    }
}
