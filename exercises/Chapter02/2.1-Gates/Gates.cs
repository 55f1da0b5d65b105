namespace DeepLearningKata.Exercises;

public static partial class Chapter2
{
    /// <summary>
    /// Exercise 2.1 — the perceptron: it fires (1) when the weighted sum of its inputs plus a bias is
    /// above zero, and stays silent (0) otherwise.
    /// 练习 2.1 — 感知机：输入的加权和加上偏置大于 0 时输出 1（激活），否则输出 0（不激活）。
    /// </summary>
    /// <remarks>
    /// <code>
    /// Formula:  y = 1  if  w·x + b &gt; 0,   y = 0  if  w·x + b ≤ 0      (w·x = w₁x₁ + w₂x₂ + …)
    /// Shapes:   x (n,), w (n,), b: double  →  y ∈ {0, 1}
    /// Example:  Perceptron([1, 1], [0.5, 0.5], -0.7)  =  1     (0.5 + 0.5 − 0.7 =  0.3 &gt; 0)
    ///           Perceptron([1, 0], [0.5, 0.5], -0.7)  =  0     (0.5 + 0   − 0.7 = −0.2 ≤ 0)
    ///           Perceptron([1, 1], [0.5, 0.5], -1.0)  =  0     (0.5 + 0.5 − 1.0 =  0   ≤ 0)
    /// Hint:     w·x pairs each input with its own weight and adds the products up: the tensor operations of
    ///           chapter 1 do it without a loop. The bias b is −θ, the threshold moved to the left side. Mind
    ///           the comparison: strictly greater than 0, so a sum of exactly 0 gives 0.
    /// 提示:     w·x 把每个输入和它自己的权重配成一对相乘，再把乘积加起来：用第 1 章的张量运算就能做到，
    ///           不需要循环。偏置 b 等于 −θ，即把阈值 θ 移到了不等式左边。注意比较运算：必须严格大于 0，
    ///           所以加权和恰好为 0 时输出 0。
    /// Grade it: ./run-checks.sh --exercise 2.1     (or: dotnet test --filter TestCategory=2.1)
    /// </code>
    /// </remarks>
    public static int Perceptron(Tensor x, Tensor w, double b)
    {
        // TODO: return 1 when the perceptron fires for x, 0 when it does not, e.g. ([1, 1], [0.5, 0.5], -0.7) -> 1.
        throw new NotImplementedException("Exercise 2.1 (Perceptron) is not started yet.");
    }

    /// <summary>
    /// Exercise 2.1 — the AND gate as one perceptron: 1 only when both inputs are 1.
    /// 练习 2.1 — 用一个感知机实现与门（AND）：只有两个输入都是 1 时才输出 1。
    /// </summary>
    /// <remarks>
    /// <code>
    /// Formula:  And(x1, x2) = Perceptron([x1, x2], w, b),     w = [w₁, w₂] = ?,   b = ?
    /// Shapes:   x1, x2 ∈ {0, 1}  →  {0, 1}
    /// Example:  And(0, 0) = 0   And(1, 0) = 0   And(0, 1) = 0   And(1, 1) = 1
    /// Hint:     You choose the weights w and the bias b. Only x1 = x2 = 1 may push w·x + b above 0:
    ///           one input alone must not be enough. Do not test the inputs with if/==: the gate must
    ///           be a perceptron, so that it also answers sensibly for inputs such as 0.9 or 2.
    /// 提示:     权重 w 和偏置 b 由你自己选。只有 x1 = x2 = 1 时 w·x + b 才能大于 0：单独一个输入
    ///           不能让它超过 0。不要用 if/== 去判断输入：门必须是一个感知机，这样输入 0.9 或 2
    ///           之类的值时，它也能给出合理的回答。
    /// </code>
    /// </remarks>
    public static int And(double x1, double x2)
    {
        // TODO: return x1 AND x2, computed by your Perceptron with weights and a bias you choose.
        throw new NotImplementedException("Exercise 2.1 (And) is not started yet.");
    }

    /// <summary>
    /// Exercise 2.1 — the NAND gate (NOT AND) as one perceptron: 0 only when both inputs are 1.
    /// 练习 2.1 — 用一个感知机实现与非门（NAND）：只有两个输入都是 1 时才输出 0。
    /// </summary>
    /// <remarks>
    /// <code>
    /// Formula:  Nand(x1, x2) = Perceptron([x1, x2], w, b),     w = [w₁, w₂] = ?,   b = ?
    /// Shapes:   x1, x2 ∈ {0, 1}  →  {0, 1}
    /// Example:  Nand(0, 0) = 1   Nand(1, 0) = 1   Nand(0, 1) = 1   Nand(1, 1) = 0
    /// Hint:     the same perceptron as And, with every weight and the bias negated.
    /// 提示:     和 And 用同一个感知机，只是把所有权重和偏置都取相反数。
    /// </code>
    /// </remarks>
    public static int Nand(double x1, double x2)
    {
        // TODO: return x1 NAND x2, computed by your Perceptron with weights and a bias you choose.
        throw new NotImplementedException("Exercise 2.1 (Nand) is not started yet.");
    }

    /// <summary>
    /// Exercise 2.1 — the OR gate as one perceptron: 1 when at least one input is 1.
    /// 练习 2.1 — 用一个感知机实现或门（OR）：只要有一个输入是 1 就输出 1。
    /// </summary>
    /// <remarks>
    /// <code>
    /// Formula:  Or(x1, x2) = Perceptron([x1, x2], w, b),     w = [w₁, w₂] = ?,   b = ?
    /// Shapes:   x1, x2 ∈ {0, 1}  →  {0, 1}
    /// Example:  Or(0, 0) = 0   Or(1, 0) = 1   Or(0, 1) = 1   Or(1, 1) = 1
    /// Hint:     keep And's weights and change only the bias, so that one input alone is enough.
    /// 提示:     沿用 And 的权重，只改偏置，让单独一个输入就足以输出 1。
    /// </code>
    /// </remarks>
    public static int Or(double x1, double x2)
    {
        // TODO: return x1 OR x2, computed by your Perceptron with weights and a bias you choose.
        throw new NotImplementedException("Exercise 2.1 (Or) is not started yet.");
    }
}
