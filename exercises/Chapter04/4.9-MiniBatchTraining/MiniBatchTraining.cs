using DeepLearningKata.Contracts;

namespace DeepLearningKata.Exercises;

public static partial class Chapter4
{
    /// <summary>
    /// Exercise 4.9 — the training loop: mini-batch stochastic gradient descent (the book's
    /// <c>ch04/train_neuralnet.py</c>). It trains any <see cref="ITwoLayerNet"/>, yours of 4.8 or a faster one.
    /// 练习 4.9 — 训练循环：mini-batch 随机梯度下降（书中的 <c>ch04/train_neuralnet.py</c>）。它能训练任何 <see cref="ITwoLayerNet"/>，可以是你在 4.8 中写的网络，也可以是更快的网络。
    /// </summary>
    /// <remarks>
    /// <code>
    /// Formula:  random = new Random(Seed);   iterPerEpoch = max(trainSize / BatchSize, 1)
    ///           for i = 0 … Iterations − 1:
    ///             batch   = BatchSize × random.Next(trainSize)
    ///             grads   = net.Gradient(xBatch, tBatch)
    ///             p       ← p − LearningRate · grads[name]          ∀ (name, p) ∈ net.Params, in place
    ///             losses  += net.Loss(xBatch, tBatch)
    ///             if i % iterPerEpoch == 0:
    ///                 trainAccuracies += trainAcc = net.Accuracy(xTrain, tTrain)
    ///                 testAccuracies  += testAcc  = net.Accuracy(xTest, tTest)
    ///                 progress?.Invoke(new TrainingProgress(epoch, i, loss, trainAcc, testAcc))   (epoch = 0, 1, 2, …)
    /// Shapes:   xTrain (n, 784), tTrain (n,) | (n, 10);   xTest (n', 784), tTest (n',) | (n', 10)
    ///           →  TrainingHistory(Losses (Iterations,), TrainAccuracies (epochs,), TestAccuracies (epochs,))
    /// Example:  Train(net, xTrain[0..1000], tTrain[0..1000], xTest[0..1000], tTest[0..1000],
    ///                 new TrainingOptions(Iterations: 200, BatchSize: 50, LearningRate: 1.0, Seed: 42), p => Console.WriteLine(p));
    ///           net: 784 → 50 → 10 (backpropagation, chapter 5);   iterPerEpoch = 1000 / 50 = 20
    ///             epoch   0  iteration      0  loss 2.2026  train acc 0.1030  test acc 0.1120
    ///             epoch   1  iteration     20  loss 2.1815  train acc 0.0960  test acc 0.1010
    ///             epoch   2  iteration     40  loss 1.5135  train acc 0.4110  test acc 0.4040
    ///             …
    ///             epoch   9  iteration    180  loss 0.1887  train acc 0.9210  test acc 0.8530
    ///
    ///           var (xTrain, tTrain, xTest, tTest) = DeepLearningKata.Data.Mnist.Load();
    ///           var net = CreateTwoLayerNet(784, 10, 10, new Random(0));                    // 4.8
    ///           Train(net, xTrain, tTrain, xTest, tTest, new TrainingOptions(20, 10, 1.0, 42), Console.WriteLine);
    /// Hint:     Make the one random before the loop; every batch index is random.Next(trainSize). The loss is
    ///           recorded on the same batch, after the update. Labels or one-hot targets both work; the test set
    ///           is shaped like the training set. Losses has one entry per iteration, the accuracies one per
    ///           epoch.
    ///           The checks train a fast two-layer net (its gradient by backpropagation, as in chapter 5) on the
    ///           first 1,000 training and test digits, and your loop should print the lines of the first
    ///           example. The second example tries it with your 4.8 net: its numerical gradient is slow, so keep
    ///           it that small.
    ///           Update the network's own tensors in place (Assign): giving your local variable a new tensor
    ///           leaves the network as it was. Minus, not plus: plus climbs the loss.
    /// 提示:     在循环之前只创建一个 random；每个批次下标都是 random.Next(trainSize)。损失是在参数更新之后、
    ///           用同一个批次计算并记录的。目标可以是标签，也可以是 one-hot；测试集的形状与训练集相同。
    ///           Losses 每次迭代一项，识别精度每个 epoch 一项。
    ///           检查会用一个快速的两层网络（像第 5 章那样用反向传播求梯度），在前 1,000 个训练数字和测试数字上训
    ///           练，你的循环应当打印出第一个例子中的那些行。第二个例子用你在 4.8 中写的网络来试：
    ///           它的数值梯度很慢，所以规模要保持这么小。
    ///           要原地更新网络自己的张量（Assign）：让局部变量指向一个新张量，网络根本不会变。是减号而不是加号：
    ///           加号会让损失越爬越高。
    /// Grade it: ./run-checks.sh --exercise 4.9     (or: dotnet test --filter TestCategory=4.9)
    /// </code>
    /// </remarks>
    public static TrainingHistory Train(
        ITwoLayerNet net, Tensor xTrain, Tensor tTrain, Tensor xTest, Tensor tTest,
        TrainingOptions options, Action<TrainingProgress>? progress = null)
    {
        // TODO: train net as the Formula describes and return its TrainingHistory (a loss per iteration,
        //       the accuracies per epoch).
        throw new NotImplementedException("Exercise 4.9 (MiniBatchTraining) is not started yet.");
    }
}
