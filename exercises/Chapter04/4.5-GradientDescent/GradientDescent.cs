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
    /// Hint:     lr is the learning rate η. Row 0 of the path is initX and the last row is the result;
    ///           initX itself is left unchanged. The minimum of the example is 0, at [0, 0]: lr = 10
    ///           diverges and lr = 1e-10 barely moves.
    ///           Earlier.NumericalGradient(f, x) is your exercise 4.4. Work on x = initX.Copy() (4.4 nudges
    ///           it), and copy each point into the path: a path of references to one x that you keep
    ///           changing ends up with every row equal to the last. Minus: plus would be gradient ascent.
    /// 提示:     lr 就是学习率 η。路径的第 0 行是 initX，最后一行就是结果；initX 本身不能被改动。
    ///           例子中函数的最小值是 0，位于 [0, 0]：lr = 10 会发散，lr = 1e-10 则几乎不动。
    ///           Earlier.NumericalGradient(f, x) 是你的练习 4.4。在 x = initX.Copy() 上操作（4.4 会微调
    ///           它），并把每个点复制到路径里：如果路径里存的都是对同一个 x 的引用，而你又不断修改它，
    ///           到头来每一行都和最后一行一样。是减号：用加号就成了梯度上升。
    /// Grade it: ./run-checks.sh --exercise 4.5     (or: dotnet test --filter Name~4.5)
    /// </code>
    /// </remarks>
    public static Tensor GradientDescent(Func<Tensor, double> f, Tensor initX, double lr, int stepNum)
    {
        // TODO: path = Tensor.Zeros(stepNum + 1, n); row 0 = initX; then stepNum times: x = x − lr·∇f(x), store x.
        throw new NotImplementedException("Exercise 4.5 (GradientDescent) is not started yet.");
    }
}
