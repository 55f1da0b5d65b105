using DeepLearningKata.Contracts;

namespace DeepLearningKata.Exercises;

public static partial class Chapter4
{
    /// <summary>
    /// Exercise 4.8 — the book's two-layer network of chapter 4: makes a <see cref="TwoLayerNet"/>.
    /// The instructions are on <see cref="TwoLayerNet"/> below.
    /// 练习 4.8 — 书中第 4 章的两层神经网络：创建一个 <see cref="TwoLayerNet"/>。说明写在下面的 <see cref="TwoLayerNet"/> 上。
    /// </summary>
    public static ITwoLayerNet CreateTwoLayerNet(int inputSize, int hiddenSize, int outputSize, Random random, double weightInitStd = 0.01) =>
        new TwoLayerNet(inputSize, hiddenSize, outputSize, random, weightInitStd);

    /// <summary>
    /// Exercise 4.8 — a two-layer network that learns by numerical gradients (the book's <c>ch04/two_layer_net.py</c>):
    /// <c>x → affine(W1, b1) → sigmoid → affine(W2, b2) → softmax</c>, with the cross-entropy loss.
    /// 练习 4.8 — 一个用数值梯度学习的两层神经网络（书中的 <c>ch04/two_layer_net.py</c>）：<c>x → affine(W1, b1) → sigmoid → affine(W2, b2) → softmax</c>，损失函数为交叉熵误差。
    /// </summary>
    /// <remarks>
    /// <code>
    /// Formula:  Predict(x):   a1 = x·W1 + b1,   z1 = σ(a1),   a2 = z1·W2 + b2,   y = softmax(a2)
    ///           Loss(x, t)      = CrossEntropyError(Predict(x), t)
    ///           Accuracy(x, t)  = mean_n [ argmax(y[n]) == label(t[n]) ]
    ///           Gradient(x, t)[P] = NumericalGradient(W => Loss(x, t), Params[P]),   P ∈ { W1, b1, W2, b2 }
    /// Shapes:   W1 (input, hidden), b1 (hidden,), W2 (hidden, output), b2 (output,)
    ///           x (N, input)  →  Predict(x) (N, output),   Σ_k y[n, k] = 1;     t (N, output) one-hot  |  t (N,) labels
    ///           Gradient(x, t)[P].Shape == Params[P].Shape
    /// Example:  var net = CreateTwoLayerNet(784, 50, 10, new Random(0));   // W = 0.01·N(0, 1), b = 0
    ///           net.Predict(x)  →  (N, 10),   y[n, k] ≈ 0.1
    ///           net.Loss(x, t)  ≈  2.30 = −log(0.1)
    /// Hint:     Accuracy is the share of rows whose argmax(y) is the target class. While the weights are tiny,
    ///           every probability is close to 0.1, hence the loss of about −log(0.1). Constructor: W1, b1, W2,
    ///           b2 in that order, from the random you are given; the weights are weightInitStd times standard
    ///           normal numbers (Tensor.RandomNormal), the biases zeros. Keep them in one dictionary and return
    ///           that very dictionary from Params: training (4.9) changes them in place. Predict reuses your 1.2
    ///           (Earlier.Sigmoid) and 1.6 (Earlier.Softmax2D), Loss your 4.2 (Earlier.CrossEntropyError),
    ///           Gradient your 4.4 (Earlier.NumericalGradient), taken at each parameter tensor itself, not a
    ///           copy, so that Loss sees every nudge through the network. One-hot targets become labels before
    ///           counting.
    /// 提示:     Accuracy 是 argmax(y) 等于目标类别的行所占的比例。权重很小时，每个概率都接近 0.1，
    ///           所以损失约为 −log(0.1)。构造函数：按 W1、b1、W2、b2 的顺序，用传入的 random 生成；
    ///           权重是 weightInitStd 乘以标准正态随机数（Tensor.RandomNormal），偏置为零。把它们放进一个字典，
    ///           Params 就返回这个字典本身：训练（4.9）会原地修改它们。Predict 复用你的 1.2（Earlier.Sigmoid）
    ///           和 1.6（Earlier.Softmax2D），Loss 复用你的 4.2（Earlier.CrossEntropyError），
    ///           Gradient 复用你的 4.4（Earlier.NumericalGradient），而且要在每个参数张量本身上求，不能用副本，
    ///           这样 Loss 才能通过网络看到每一次微调。one-hot 目标要先变成标签再计数。
    /// Grade it: ./run-checks.sh --exercise 4.8     (or: dotnet test --filter TestCategory=4.8)
    /// </code>
    /// </remarks>
    public sealed class TwoLayerNet : ITwoLayerNet
    {
        private readonly Dictionary<string, Tensor> _params = [];

        /// <summary>W1, W2 from <paramref name="random"/> scaled by <paramref name="weightInitStd"/>; b1, b2 zero.</summary>
        public TwoLayerNet(int inputSize, int hiddenSize, int outputSize, Random random, double weightInitStd = 0.01)
        {
            // TODO: fill _params with W1, b1, W2, b2, made in that order from random: weights are
            //       weightInitStd times standard normal numbers, biases zeros.
            throw new NotImplementedException("Exercise 4.8 (TwoLayerNet) is not started yet.");
        }

        /// <summary>The parameters by name: the very tensors the network computes with.</summary>
        public IReadOnlyDictionary<string, Tensor> Params => _params;

        /// <summary>The softmax probabilities of every row of <paramref name="x"/>.</summary>
        public Tensor Predict(Tensor x)
        {
            // TODO: return the probabilities (N, outputSize) of the network for x; every row sums to 1.
            throw new NotImplementedException("Exercise 4.8 (TwoLayerNet.Predict) is not started yet.");
        }

        /// <summary>The cross-entropy of <see cref="Predict"/> against <paramref name="t"/>.</summary>
        public double Loss(Tensor x, Tensor t)
        {
            // TODO: return the cross-entropy error of the network's probabilities for x against t.
            throw new NotImplementedException("Exercise 4.8 (TwoLayerNet.Loss) is not started yet.");
        }

        /// <summary>The share of rows whose most probable class is the target.</summary>
        public double Accuracy(Tensor x, Tensor t)
        {
            // TODO: return the share of rows whose most probable class is the target (t one-hot or labels).
            throw new NotImplementedException("Exercise 4.8 (TwoLayerNet.Accuracy) is not started yet.");
        }

        /// <summary>The numerical gradient of <see cref="Loss"/> for every parameter, by name.</summary>
        public IReadOnlyDictionary<string, Tensor> Gradient(Tensor x, Tensor t)
        {
            // TODO: return, under each parameter's name, the numerical gradient of Loss(x, t) with respect to
            //       that parameter tensor itself (not a copy).
            throw new NotImplementedException("Exercise 4.8 (TwoLayerNet.Gradient) is not started yet.");
        }
    }
}
