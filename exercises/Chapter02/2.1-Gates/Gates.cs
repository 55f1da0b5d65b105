namespace DeepLearningKata.Exercises;

public static partial class Chapter2
{
    /// <summary>
    /// Exercise 2.1 — the perceptron: it fires (1) when the weighted sum of its inputs plus a bias is
    /// above zero, and stays silent (0) otherwise.
    /// </summary>
    /// <remarks>
    /// <code>
    /// Formula:  y = 1  if  w·x + b &gt; 0,   y = 0  if  w·x + b ≤ 0      (w·x = w₁x₁ + w₂x₂ + …)
    /// Shapes:   x of shape (n,), w of shape (n,), b a number  →  0 or 1
    /// Example:  Perceptron([1, 1], [0.5, 0.5], -0.7)  =  1     (0.5 + 0.5 − 0.7 =  0.3 &gt; 0)
    ///           Perceptron([1, 0], [0.5, 0.5], -0.7)  =  0     (0.5 + 0   − 0.7 = −0.2 ≤ 0)
    ///           Perceptron([1, 1], [0.5, 0.5], -1.0)  =  0     (exactly 0 is not above 0)
    /// Hint:     (x * w).Sum() is w·x, as np.sum(x * w) in NumPy. The bias b is −θ, the threshold
    ///           moved to the left side. Mind the comparison: strictly greater than 0.
    /// Grade it: ./run-checks.sh --exercise 2.1     (or: dotnet test --filter Name~2.1)
    /// </code>
    /// </remarks>
    public static int Perceptron(Tensor x, Tensor w, double b)
    {
        // TODO: compute w·x + b and return 1 when it is above 0, else 0.
        throw new NotImplementedException("Exercise 2.1 (Perceptron) is not started yet.");
    }

    /// <summary>
    /// Exercise 2.1 — the AND gate as one perceptron: 1 only when both inputs are 1.
    /// </summary>
    /// <remarks>
    /// <code>
    /// Truth table:  And(0, 0) = 0   And(1, 0) = 0   And(0, 1) = 0   And(1, 1) = 1
    /// You choose w = [w₁, w₂] and b; then And(x1, x2) = Perceptron([x1, x2], w, b).
    /// Hint:     only x1 = x2 = 1 may push w·x + b above 0: one input alone must not be enough.
    ///           Do not test the inputs with if/==: the gate must be a perceptron, so that it
    ///           also answers sensibly for inputs such as 0.9 or 2.
    /// </code>
    /// </remarks>
    public static int And(double x1, double x2)
    {
        // TODO: pick weights and a bias, then return Perceptron(Tensor.From(x1, x2), w, b).
        throw new NotImplementedException("Exercise 2.1 (And) is not started yet.");
    }

    /// <summary>
    /// Exercise 2.1 — the NAND gate (NOT AND) as one perceptron: 0 only when both inputs are 1.
    /// </summary>
    /// <remarks>
    /// <code>
    /// Truth table:  Nand(0, 0) = 1   Nand(1, 0) = 1   Nand(0, 1) = 1   Nand(1, 1) = 0
    /// Hint:     the same perceptron as And, with every weight and the bias negated.
    /// </code>
    /// </remarks>
    public static int Nand(double x1, double x2)
    {
        // TODO: pick weights and a bias, then return Perceptron(Tensor.From(x1, x2), w, b).
        throw new NotImplementedException("Exercise 2.1 (Nand) is not started yet.");
    }

    /// <summary>
    /// Exercise 2.1 — the OR gate as one perceptron: 1 when at least one input is 1.
    /// </summary>
    /// <remarks>
    /// <code>
    /// Truth table:  Or(0, 0) = 0   Or(1, 0) = 1   Or(0, 1) = 1   Or(1, 1) = 1
    /// Hint:     keep And's weights and change only the bias, so that one input alone is enough.
    /// </code>
    /// </remarks>
    public static int Or(double x1, double x2)
    {
        // TODO: pick weights and a bias, then return Perceptron(Tensor.From(x1, x2), w, b).
        throw new NotImplementedException("Exercise 2.1 (Or) is not started yet.");
    }
}
