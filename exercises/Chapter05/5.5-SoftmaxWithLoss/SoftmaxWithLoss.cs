using DeepLearningKata.Contracts;

namespace DeepLearningKata.Exercises;

/// <summary>
/// Exercise 5.5 — softmax and the cross-entropy loss as one layer, the last of a classifier.
/// 练习 5.5 — 把 softmax 和交叉熵误差合成一个层，作为分类器的最后一层。
/// </summary>
/// <remarks>
/// <code>
/// Formula:  forward   y[n] = softmax(x[n]);     loss = −Σ t · log(y + 1e-7) / N
///           backward  dx = dout · (y − t) / N        (t one-hot)
/// Shapes:   x (N, C);   t (N, C) one-hot  |  t (N,) ∈ {0, …, C−1};     loss: double;     dx (N, C)
/// Example:  x = [[0.3, 2.9, 4.0]], t = [[0, 0, 1]]  →  y = [[0.018211273, 0.24519181, 0.73659691]]
///           loss = 0.30571433;   Backward(1) = [[0.018211273, 0.24519181, -0.26340309]]
///           t = [2]  →  loss = 0.30571433;   Backward(1) = [[0.018211273, 0.24519181, -0.26340309]]
/// Hint:     The softmax is taken row by row; with labels t = [2] the loss and dx are the same as with the
///           one-hot t. Your 1.6 (Earlier.Softmax2D, the max subtracted first) and your 4.2
///           (Earlier.CrossEntropyError, δ = 1e-7, one-hot or labels, divided by N) do the forward pass.
///           With labels, y − t means: subtract 1 at each row's label, in a copy of y. Backward divides by
///           the batch size too, and multiplies by dout. Keep copies of what Backward needs: the caller owns
///           x and t.
/// 提示:     softmax 按行分别计算；用标签 t = [2] 时，损失和 dx 与用 one-hot 的 t 时完全相同。
///           正向传播由你的 1.6（Earlier.Softmax2D，先减去最大值）和你的 4.2（Earlier.CrossEntropyError，
///           δ = 1e-7，one-hot 或标签均可，除以 N）完成。使用标签时，y − t 的意思是：在 y 的副本上，
///           把每一行标签所在的位置减去 1。Backward 中也要除以批大小，并乘上 dout。把 Backward 需要的东西保存
///           为副本：x 和 t 归调用者所有。
/// Grade it: ./run-checks.sh --exercise 5.5     (or: dotnet test --filter TestCategory=5.5)
/// </code>
/// </remarks>
public sealed class SoftmaxWithLossLayer : ILossLayer
{
    private double loss;
    private Tensor? y;
    private Tensor? t;

    public SoftmaxWithLossLayer()
    {
        loss = 0;
        y = null;
        t = null;
    }

    /// <summary>The mean cross-entropy of softmax(x) against t; remembers y and t.</summary>
    public double Forward(Tensor x, Tensor t)
    {
        // TODO: return the loss of softmax(x) against t; keep what Backward needs in y and t (t as your own copy).
        throw new NotImplementedException("Exercise 5.5 (SoftmaxWithLoss) is not started yet.");
    }

    /// <summary>dout · (y − t) / N for the last Forward.</summary>
    public Tensor Backward(double dout = 1.0)
    {
        // TODO: return dx (N, C) of the last Forward times dout, for one-hot targets and for labels alike.
        throw new NotImplementedException("Exercise 5.5 (SoftmaxWithLoss) is not started yet.");
    }
}

public static partial class Chapter5
{
    /// <summary>Exercise 5.5 — a fresh softmax-with-loss layer.</summary>
    public static ILossLayer CreateSoftmaxWithLoss() => new SoftmaxWithLossLayer();
}
