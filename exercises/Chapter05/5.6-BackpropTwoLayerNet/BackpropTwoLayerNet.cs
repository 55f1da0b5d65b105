using DeepLearningKata.Contracts;

namespace DeepLearningKata.Exercises;

/// <summary>
/// Exercise 5.6 — the two-layer network built from layers, with its gradient by backpropagation.
/// 练习 5.6 — 用层搭建的两层神经网络，用反向传播求梯度。
/// </summary>
/// <remarks>
/// <code>
/// Formula:  scores = Affine2(Relu1(Affine1(x)));   loss = SoftmaxWithLoss(scores, t)
///           Gradient:  Loss(x, t);   dout = lastLayer.Backward(1);   dout = layer.Backward(dout)  ∀ layer, reversed
///                      W1, b1 = Affine1.Grads["W"], Affine1.Grads["b"];    W2, b2 = Affine2.Grads["W"], Affine2.Grads["b"]
/// Shapes:   x (N, inputSize);   W1 (inputSize, hiddenSize), b1 (hiddenSize,);
///           W2 (hiddenSize, outputSize), b2 (outputSize,);   scores (N, outputSize);   t (N, outputSize) | (N,)
/// Example:  var net = new BackpropTwoLayerNet(784, 50, 10, new Random(0));
///           net.Gradient(x, t)["W1"]  →  (784, 50),   …
///           |net.Gradient(x, t)[P] − NumericalGradient(Loss, P)|  ≈  1e-7
/// Hint:     For the gradient: one forward pass through Loss, then backward from the last layer (with 1)
///           through every layer in reverse order; W1 and b1 are the first Affine layer's Grads, W2 and b2
///           the second's. The result agrees with the numerical gradient of Loss to about 1e-7, at a tiny
///           fraction of its cost. The parameters are made as in 4.8, in the same order, from the random you
///           are given. Build the layers from your earlier exercises (Earlier.CreateAffine,
///           Earlier.CreateRelu, Earlier.CreateSoftmaxWithLoss) on the very tensors in Params. Gradient only
///           computes; it does not update anything. Predict returns the scores (no softmax).
/// 提示:     求梯度时：先通过 Loss 做一次正向传播，再从最后一层开始（传入 1）按相反顺序经过每一层做反向传播；
///           W1、b1 取自第一个 Affine 层的 Grads，W2、b2 取自第二个。结果与 Loss 的数值梯度相差约 1e-7，
///           而计算代价只是它的极小一部分。参数的生成方式与 4.8 相同，顺序相同，用传给你的 random。
///           用你之前练习中的层（Earlier.CreateAffine、Earlier.CreateRelu、Earlier.CreateSoftmaxWithLoss）
///           在 Params 中的那些张量本身上搭建网络。Gradient 只负责计算，不更新任何东西。
///           Predict 返回得分（不做 softmax）。
/// Grade it: ./run-checks.sh --exercise 5.6     (or: dotnet test --filter TestCategory=5.6)
/// </code>
/// </remarks>
public sealed class BackpropTwoLayerNet : ITwoLayerNet
{
    private readonly Dictionary<string, Tensor> @params = [];
    private readonly List<(string Name, ILayer Layer)> layers = [];
    private ILossLayer? lastLayer;

    public BackpropTwoLayerNet(int inputSize, int hiddenSize, int outputSize, Random random, double weightInitStd = 0.01)
    {
        // TODO: fill @params with W1, b1, W2, b2 (made as in 4.8); fill layers with Affine1, Relu1,
        //       Affine2 built on those very tensors; set lastLayer to a softmax-with-loss layer.
        lastLayer = null;
        throw new NotImplementedException("Exercise 5.6 (BackpropTwoLayerNet) is not started yet.");
    }

    /// <summary>W1, b1, W2, b2: the very tensors the layers compute with.</summary>
    public IReadOnlyDictionary<string, Tensor> Params => @params;

    /// <summary>The scores: x forwarded through every layer in order.</summary>
    public Tensor Predict(Tensor x)
    {
        // TODO: return the scores (N, outputSize) of x through the layers, in order (no softmax).
        throw new NotImplementedException("Exercise 5.6 (BackpropTwoLayerNet) is not started yet.");
    }

    /// <summary>The mean cross-entropy loss of the scores of x against t.</summary>
    public double Loss(Tensor x, Tensor t)
    {
        // TODO: return the loss of the last layer for the scores of x against t.
        throw new NotImplementedException("Exercise 5.6 (BackpropTwoLayerNet) is not started yet.");
    }

    /// <summary>The share of rows whose largest score is the target class (t one-hot or labels).</summary>
    public double Accuracy(Tensor x, Tensor t)
    {
        // TODO: return the share of rows whose largest score is the target class (t one-hot or labels).
        throw new NotImplementedException("Exercise 5.6 (BackpropTwoLayerNet) is not started yet.");
    }

    /// <summary>The gradient of Loss for W1, b1, W2, b2, by backpropagation.</summary>
    public IReadOnlyDictionary<string, Tensor> Gradient(Tensor x, Tensor t)
    {
        // TODO: return the gradient of Loss(x, t) for W1, b1, W2, b2 by backpropagation through the
        //       layers; change no parameter.
        throw new NotImplementedException("Exercise 5.6 (BackpropTwoLayerNet) is not started yet.");
    }
}

public static partial class Chapter5
{
    /// <summary>Exercise 5.6 — a fresh two-layer network.</summary>
    public static ITwoLayerNet CreateTwoLayerNet(int inputSize, int hiddenSize, int outputSize, Random random, double weightInitStd = 0.01) =>
        new BackpropTwoLayerNet(inputSize, hiddenSize, outputSize, random, weightInitStd);
}
