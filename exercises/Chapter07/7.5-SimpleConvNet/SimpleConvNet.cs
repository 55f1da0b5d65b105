using DeepLearningKata.Contracts;

namespace DeepLearningKata.Exercises;

/// <summary>
/// Exercise 7.5 — the book's SimpleConvNet (Conv–ReLU–Pool–Affine–ReLU–Affine–Softmax), with its gradient by backpropagation.
/// 练习 7.5 — 书中的 SimpleConvNet（卷积–ReLU–池化–Affine–ReLU–Affine–Softmax），用误差反向传播求梯度。
/// </summary>
/// <remarks>
/// <code>
/// Formula:  scores = Affine2(Relu2(Affine1(Pool1(Relu1(Conv1(x))))));   loss = SoftmaxWithLoss(scores, t)
///           Pool1 = MaxPooling(2, 2, stride: 2)
///           Gradient: Loss(x, t);   dout = lastLayer.Backward(1);   dout = layer.Backward(dout)   (Affine2, …, Conv1)
///           W1, b1 ← Conv1.Grads;   W2, b2 ← Affine1.Grads;   W3, b3 ← Affine2.Grads
/// Shapes:   x (N, C, H, W) (or (N, C·H·W), reshaped);   conv = OutputSize(H, FS, S, P) (even);   pool = conv / 2
///           W1 (FN, C, FS, FS), b1 (FN,);  W2 (FN·pool·pool, Hidden), b2 (Hidden,);  W3 (Hidden, Out), b3 (Out,)
/// Example:  new ConvNetSettings() (the book's: 1×28×28, 30 filters 5×5, S = 1, P = 0, hidden 100, 10 classes, std 0.01)
///           → W1 (30, 1, 5, 5), b1 (30,), W2 (4320, 100), b2 (100,), W3 (100, 10), b3 (10,);
///           Loss(x, t) ≈ ln 10 = 2.3026   (untrained)
/// Hint:     W1, b1, W2, b2, W3, b3 in that order from the random you are given: weights are WeightInitStd
///           times standard normal numbers, biases zeros; the Shapes line gives every size. Build the layers
///           from earlier exercises (Earlier.CreateConvolution, Earlier.CreateRelu,
///           Earlier.CreateMaxPooling, Earlier.CreateAffine, Earlier.CreateSoftmaxWithLoss) on the very
///           tensors in Params. The Affine layer flattens the pooled images itself. Accuracy on thousands of
///           images at once would need gigabytes for im2col: predict them in batches of 100.
/// 提示:     按 W1、b1、W2、b2、W3、b3 的顺序用传入的 random 生成：权重是 WeightInitStd 乘以标准正态随机数，
///           偏置为 0；各自的尺寸见 Shapes 那一行。用前面练习的层（Earlier.CreateConvolution、
///           Earlier.CreateRelu、Earlier.CreateMaxPooling、Earlier.CreateAffine、
///           Earlier.CreateSoftmaxWithLoss）在 Params 里的那些张量本身上搭建网络。Affine 层会自己把池化后的图
///           像展平。一次对几千张图像求准确率，im2col 需要几个 GB 的内存：请每次预测 100 张。
/// Grade it: ./run-checks.sh --exercise 7.5     (or: dotnet test --filter TestCategory=7.5)
/// </code>
/// </remarks>
public sealed class SimpleConvNet : INetwork
{
    private readonly Dictionary<string, Tensor> @params = [];
    private readonly List<(string Name, ILayer Layer)> layers = [];
    private ILossLayer? lastLayer;

    public SimpleConvNet(ConvNetSettings settings, Random random)
    {
        // TODO: fill @params with W1, b1, W2, b2, W3, b3; fill layers with Conv1, Relu1, Pool1,
        //       Affine1, Relu2, Affine2 built on those very tensors; set lastLayer to a softmax-with-loss layer.
        lastLayer = null;
        throw new NotImplementedException("Exercise 7.5 (SimpleConvNet) is not started yet.");
    }

    /// <summary>W1, b1, W2, b2, W3, b3: the very tensors the layers compute with.</summary>
    public IReadOnlyDictionary<string, Tensor> Params => @params;

    /// <summary>The scores (N, Out): x forwarded through every layer in order.</summary>
    public Tensor Predict(Tensor x)
    {
        // TODO: return the scores (N, Out) of x through the layers, in order; flat rows (N, C·H·W) work too.
        throw new NotImplementedException("Exercise 7.5 (SimpleConvNet) is not started yet.");
    }

    /// <summary>The mean cross-entropy loss of the scores of x against t.</summary>
    public double Loss(Tensor x, Tensor t)
    {
        // TODO: return the loss of the last layer for the scores of x against t.
        throw new NotImplementedException("Exercise 7.5 (SimpleConvNet) is not started yet.");
    }

    /// <summary>The share of images whose largest score is the target class, predicted 100 at a time.</summary>
    public double Accuracy(Tensor x, Tensor t)
    {
        // TODO: return the share of images whose largest score is the target class, predicting 100 images
        //       at a time.
        throw new NotImplementedException("Exercise 7.5 (SimpleConvNet) is not started yet.");
    }

    /// <summary>The gradient of Loss for W1 … b3, by backpropagation.</summary>
    public IReadOnlyDictionary<string, Tensor> Gradient(Tensor x, Tensor t)
    {
        // TODO: return the gradient of Loss(x, t) for W1 … b3 by backpropagation through the layers;
        //       change no parameter.
        throw new NotImplementedException("Exercise 7.5 (SimpleConvNet) is not started yet.");
    }
}

public static partial class Chapter7
{
    /// <summary>Exercise 7.5 — a fresh SimpleConvNet.</summary>
    public static INetwork CreateSimpleConvNet(ConvNetSettings settings, Random random) => new SimpleConvNet(settings, random);

    /// <summary>
    /// Exercise 7.5 — trains a network with an optimizer (Adam in the checks), walking the training set in order.
    /// 练习 7.5 — 用优化器（检查中使用 Adam）训练网络，按顺序遍历训练集。
    /// </summary>
    /// <remarks>
    /// <code>
    /// Formula:  ∀ epoch, ∀ i &lt; n / BatchSize:   xBatch, tBatch = rows [i·BatchSize, (i + 1)·BatchSize)
    ///               grads = net.Gradient(xBatch, tBatch);   optimizer.Update(net.Params, grads)
    ///               Losses += net.Loss(xBatch, tBatch)   (after Update)
    ///           ∀ epoch:   TrainAccuracies += net.Accuracy(xTrain, tTrain);   TestAccuracies += net.Accuracy(xTest, tTest);   progress.WriteLine(…)
    /// Shapes:   xTrain (n, 1, 28, 28) or (n, 784); tTrain (n,) labels;   Losses: Epochs · (n / BatchSize) entries,
    ///           TrainAccuracies and TestAccuracies: one per epoch
    /// Example:  the book's net (new Random(7)), Adam lr 0.001, the first 2,000 training and 500 test digits of
    ///           Mnist.Load(flatten: false), new TrainingSettings(Epochs: 2, BatchSize: 100, LearningRate: 0.001)
    ///           → 40 losses, 2.3002 first and 0.6804 last; test accuracy 65.0 % after epoch 1, 79.6 % after epoch 2
    /// Hint:     the same loop as 5.7's, with the update handed to the optimizer (settings.LearningRate is the
    ///           optimizer's business, not yours). optimizer.Update changes net.Params in place.
    ///           n / BatchSize rounds down: a last, shorter batch is dropped, as in 5.7.
    /// 提示:     和 5.7 的循环一样，只是参数更新交给优化器（settings.LearningRate 由优化器负责，这里不用）。
    ///           optimizer.Update 会就地修改 net.Params。n / BatchSize 向下取整：最后不足一批的数据被丢弃，和 5.7 一样。
    /// Grade it: ./run-checks.sh --exercise 7.5     (or: dotnet test --filter TestCategory=7.5)
    /// </code>
    /// </remarks>
    public static TrainingHistory Train(INetwork net, IOptimizer optimizer, Tensor xTrain, Tensor tTrain, Tensor xTest, Tensor tTest,
        TrainingSettings settings, TextWriter progress)
    {
        // TODO: train net with optimizer as the Formula describes and return its TrainingHistory.
        throw new NotImplementedException("Exercise 7.5 (SimpleConvNet) is not started yet.");
    }
}
