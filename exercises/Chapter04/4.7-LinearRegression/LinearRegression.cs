using DeepLearningKata.Contracts;

namespace DeepLearningKata.Exercises;

public static partial class Chapter4
{
    /// <summary>
    /// Exercise 4.7 — linear regression learnt by gradient descent: find w and b so that x·w + b is as close
    /// as possible (in squared error) to y.
    /// </summary>
    /// <remarks>
    /// <code>
    /// Formula:  ŷ = x·w + b,    J(w, b) = (1/2m) · Σ (ŷ − y)²
    ///           ∂J/∂w = (1/m) · xᵀ(ŷ − y),    ∂J/∂b = (1/m) · Σ (ŷ − y)
    ///           w ← w − lr·∂J/∂w,   b ← b − lr·∂J/∂b       (the seed writes it w = w + (1/m)·Σ(y − ŷ)·x: the same step)
    ///           Start at w = 0, b = 0.
    /// Shapes:   x (m, d), y (m,)  →  LinearFit(W (d,), B, Losses (steps + 1,)):
    ///           Losses[0] = J before the first step, Losses[k] = J after k steps.
    /// Example:  x = [[0], [1], [2], [3]],  y = [1, 3, 5, 7]   (y = 2x + 1)
    ///           LinearRegression(x, y, lr: 0.1, steps: 1000)  →  W ≈ [2], B ≈ 1,  Losses[0] = 84/8 = 10.5,
    ///           Losses[1] = 3.529375, Losses[2] = 1.1865109, … falling towards 0.
    /// Hint:     error = Np.Dot(x, w) + b − y is ŷ − y for every sample at once; Np.Dot(x.T, error) / m is ∂J/∂w.
    ///           Compute both gradients from the same error before changing w or b. Record J before each step
    ///           and once more at the end.
    /// Grade it: ./run-checks.sh --exercise 4.7     (or: dotnet test --filter Name~4.7)
    /// </code>
    /// </remarks>
    public static LinearFit LinearRegression(Tensor x, Tensor y, double lr, int steps)
    {
        // TODO: w = Tensor.Zeros(d), b = 0; steps times: error, loss, gradients, update; return new LinearFit(w, b, losses).
        throw new NotImplementedException("Exercise 4.7 (LinearRegression) is not started yet.");
    }
}
