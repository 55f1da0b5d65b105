namespace DeepLearningKata.Exercises;

public static partial class Chapter3
{
    /// <summary>
    /// Exercise 3.4 — the book's three-layer network, part 1: its weights and biases, by name.
    /// 练习 3.4 — 书中的三层神经网络，第 1 部分：按名字给出它的权重和偏置。
    /// </summary>
    /// <remarks>
    /// <code>
    /// Formula:  network = { W1, b1, W2, b2, W3, b3 }:
    ///           W1 = [[0.1, 0.3, 0.5], [0.2, 0.4, 0.6]]    b1 = [0.1, 0.2, 0.3]
    ///           W2 = [[0.1, 0.4], [0.2, 0.5], [0.3, 0.6]]  b2 = [0.1, 0.2]
    ///           W3 = [[0.1, 0.3], [0.2, 0.4]]              b3 = [0.1, 0.2]
    /// Shapes:   W1 (2, 3), b1 (3,), W2 (3, 2), b2 (2,), W3 (2, 2), b3 (2,)
    ///           x (2,)  →  z1 (3,)  →  z2 (2,)  →  y (2,)
    /// Example:  network["W1"][1, 2] = 0.6,   network["b3"][1] = 0.2
    /// Hint:     The six tensors are fixed by the book: 2 inputs, 3 neurons, 2 neurons, 2 outputs. Row 1 of W1
    ///           holds the weights of input x₂. A double[,] becomes a 2-D tensor and a double[] a 1-D one by
    ///           themselves, so a dictionary initializer with array literals is all it takes.
    /// 提示:     这六个张量是书中给定的：2 个输入、3 个神经元、2 个神经元、2 个输出。W1 的第 1 行是输入 x₂ 的权重。
    ///           double[,] 会自动变成二维张量，double[] 会自动变成一维张量，所以用数组字面量写一个字典初始化器就
    ///           够了。
    /// Grade it: ./run-checks.sh --exercise 3.4     (or: dotnet test --filter TestCategory=3.4)
    /// </code>
    /// </remarks>
    public static IReadOnlyDictionary<string, Tensor> InitNetwork()
    {
        // TODO: return the book's six tensors (the Formula above) under the names W1, b1, W2, b2, W3, b3.
        throw new NotImplementedException("Exercise 3.4 (InitNetwork) is not started yet.");
    }

    /// <summary>
    /// Exercise 3.4 — the book's three-layer network, part 2: the forward pass from input to output.
    /// 练习 3.4 — 书中的三层神经网络，第 2 部分：从输入到输出的前向传播。
    /// </summary>
    /// <remarks>
    /// <code>
    /// Formula:  a1 = x·W1 + b1    z1 = σ(a1)
    ///           a2 = z1·W2 + b2   z2 = σ(a2)
    ///           a3 = z2·W3 + b3   y  = identity(a3)
    /// Shapes:   x (2,)  →  y (2,);     x (N, 2)  →  y (N, 2)
    ///           x (N, d0), W1 (d0, d1), b1 (d1,), …  →  y (N, d3)
    /// Example:  Forward(InitNetwork(), [1.0, 0.5])  =  [0.31682708, 0.69627909]
    ///           (a1 = [0.3, 0.7, 1.1], z1 = [0.57444252, 0.66818777, 0.75026011], …)
    /// Hint:     A batch gives one row per sample, and any sizes work the same way. Each layer is an affine step
    ///           (a matrix product with the input on the left, then the bias, which broadcasts over the rows of
    ///           a batch) followed by an activation: σ, your 1.2 (Earlier.Sigmoid), after the first two
    ///           layers, identity, your 3.2 (Earlier.Identity), after the last.
    /// 提示:     一个批次的结果每个样本占一行；任意尺寸的做法都一样。每一层都是先做仿射（矩阵乘法，输入在左边，
    ///           再加偏置，偏置会沿着批次的各行广播），再接一个激活函数：前两层之后用 σ，
    ///           即你的练习 1.2（Earlier.Sigmoid）；最后一层之后用恒等函数，即你的练习 3.2（Earlier.Identity）。
    /// </code>
    /// </remarks>
    public static Tensor Forward(IReadOnlyDictionary<string, Tensor> network, Tensor x)
    {
        // TODO: return the network's output for x (one row per sample for a batch),
        //       e.g. [1.0, 0.5] -> [0.31682708, 0.69627909].
        throw new NotImplementedException("Exercise 3.4 (Forward) is not started yet.");
    }
}
