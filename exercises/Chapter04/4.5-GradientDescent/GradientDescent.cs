namespace DeepLearningKata.Exercises;

public static partial class Chapter4
{
    /// <summary>
    /// Exercise 4.5 — gradient descent: walk downhill on <paramref name="f"/> from <paramref name="initX"/>,
    /// <paramref name="stepNum"/> steps of size <paramref name="lr"/> against the gradient, and return the path.
    /// 练习 4.5 — 梯度下降：从 <paramref name="initX"/> 出发，沿梯度的反方向在 <paramref name="f"/> 上往下走 <paramref name="stepNum"/> 步，步长为 <paramref name="lr"/>，并返回走过的路径。
    /// </summary>
    /// <remarks>
    /// <code>
    /// Formula:  x₀ = initX,   x_{k+1} = x_k − lr · ∇f(x_k),   k = 0 … stepNum − 1
    /// Shapes:   initX (n,)  →  path (stepNum + 1, n),   path[k] = x_k
    /// Example:  f(x) = x0² + x1²,  initX = [-3, 4],  lr = 0.1,  stepNum = 100:
    ///           path[0] = [-3, 4],  path[1] = [-2.4, 3.2],  …,  path[100] ≈ [-6.1e-10, 8.1e-10]
    ///           lr = 10     →  path[100] ≈ [-2.6e13, -1.3e12]
    ///           lr = 1e-10  →  path[100] ≈ [-3, 4]
    /// Hint:     lr is the learning rate η. Row 0 of the path is initX and the last row is the result; initX
    ///           itself is left unchanged. The minimum of the example is 0, at [0, 0]: lr = 10 diverges and lr =
    ///           1e-10 barely moves. The gradient is your 4.4 (Earlier.NumericalGradient), which nudges the
    ///           tensor it is given: work on a copy. Store a copy of each point in the path: a path of
    ///           references to one tensor that you keep changing ends up with every row equal to the last. Step
    ///           against the gradient; along it is gradient ascent.
    /// 提示:     lr 就是学习率 η。路径的第 0 行是 initX，最后一行就是结果；initX 本身不能被改动。
    ///           例子中函数的最小值是 0，位于 [0, 0]：lr = 10 会发散，lr = 1e-10 则几乎不动。
    ///           梯度由你的练习 4.4（Earlier.NumericalGradient）给出，它会微调传给它的张量：在副本上操作。
    ///           路径里要存每个点的副本：如果存的都是对同一个张量的引用，而你又不断修改它，
    ///           到头来每一行都和最后一行一样。要逆着梯度走；顺着梯度走就成了梯度上升。
    /// Grade it: ./run-checks.sh --exercise 4.5     (or: dotnet test --filter TestCategory=4.5)
    /// </code>
    /// </remarks>
    public static Tensor GradientDescent(Func<Tensor, double> f, Tensor initX, double lr, int stepNum)
    {
        // TODO: return the path: initX, then the point after each of the stepNum steps, one row each;
        //       initX stays as it is.
        throw new NotImplementedException("Exercise 4.5 (GradientDescent) is not started yet.");
    }
}
