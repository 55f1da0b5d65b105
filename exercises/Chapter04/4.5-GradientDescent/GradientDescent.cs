namespace DeepLearningKata.Exercises;

public static partial class Chapter4
{
    /// <summary>
    /// Exercise 4.5 — gradient descent: walk downhill on <paramref name="f"/> from <paramref name="initX"/>,
    /// <paramref name="stepNum"/> steps of size <paramref name="lr"/> against the gradient, and return the path.
    /// </summary>
    /// <remarks>
    /// <code>
    /// Formula:  x ← x − η · ∇f(x),   repeated stepNum times   (η = lr, the learning rate)
    /// Shapes:   initX (n,)  →  the path (stepNum + 1, n): row 0 = initX, row k = x after k steps,
    ///           the last row = the result. initX itself is left unchanged.
    /// Example:  f(x) = x0² + x1²,  initX = [-3, 4],  lr = 0.1,  stepNum = 100:
    ///           path[0] = [-3, 4],  path[1] = [-2.4, 3.2],  …,  path[100] ≈ [-6.1e-10, 8.1e-10]   (the minimum is 0)
    ///           lr = 10 diverges (≈ [-2.6e13, -1.3e12]); lr = 1e-10 barely moves.
    /// Hint:     Earlier.NumericalGradient(f, x) is your exercise 4.4. Work on x = initX.Copy() (4.4 nudges
    ///           it), and copy each point into the path: a path of references to one x that you keep
    ///           changing ends up with every row equal to the last. Minus: plus would be gradient ascent.
    /// Grade it: ./run-checks.sh --exercise 4.5     (or: dotnet test --filter Name~4.5)
    /// </code>
    /// </remarks>
    public static Tensor GradientDescent(Func<Tensor, double> f, Tensor initX, double lr, int stepNum)
    {
        // TODO: path = Tensor.Zeros(stepNum + 1, n); row 0 = initX; then stepNum times: x = x − lr·∇f(x), store x.
        throw new NotImplementedException("Exercise 4.5 (GradientDescent) is not started yet.");
    }
}
