using DeepLearningKata.Contracts;

namespace DeepLearningKata.Exercises;

public static partial class Chapter5
{
    /// <summary>
    /// Exercise 5.7 — training by mini-batch gradient descent, with gradients by backpropagation.
    /// 练习 5.7 — 用 mini-batch 梯度下降进行训练，梯度由反向传播求得。
    /// </summary>
    /// <remarks>
    /// <code>
    /// Formula:  for epoch = 1 … Epochs:
    ///             for step = 0 … n / BatchSize − 1:                 rows step·BatchSize … (step + 1)·BatchSize − 1
    ///               grad = net.Gradient(xBatch, tBatch)
    ///               p ← p − LearningRate · grad[key]               ∀ (key, p) ∈ net.Params, in place
    ///               Losses += net.Loss(xBatch, tBatch)
    ///             TrainAccuracies += net.Accuracy(xTrain, tTrain);   TestAccuracies += net.Accuracy(xTest, tTest)
    ///             progress.WriteLine(…)
    /// Shapes:   xTrain (n, 784), tTrain (n,) | (n, 10);   xTest (n', 784), tTest (n',) | (n', 10)
    ///           →  TrainingHistory(Losses (Epochs · (n / BatchSize),), TrainAccuracies (Epochs,), TestAccuracies (Epochs,))
    /// Example:  net = Chapter5.CreateTwoLayerNet(784, 50, 10, new Random(57));   xTrain, tTrain = Mnist.Load() rows 0 … 2999
    ///           Train(net, xTrain, tTrain, xTest, tTest, new TrainingSettings(Epochs: 3, BatchSize: 100, LearningRate: 0.5), progress)
    ///             epoch 1: loss 0.8838, train accuracy 67.8 %, test accuracy 65.5 %
    ///             …
    ///             (test accuracy ≈ 88 %)
    /// Hint:     Each batch is BatchSize consecutive rows; a last, shorter batch is dropped. The loss is
    ///           recorded after the update, as the book does. After each epoch, record the accuracy on all of
    ///           xTrain and of xTest, and write one line to progress. Update in place (Assign): the layers hold
    ///           the very tensors in Params, while pointing your variable at a new tensor leaves them as they
    ///           were, and the net learns nothing. The training set is shuffled already, so walking it in order
    ///           gives every run the same learning curve — the checks compare yours with the reference's, point
    ///           by point.
    /// 提示:     每个批次是连续的 BatchSize 行；最后不足一批的行丢弃不用。和书中一样，损失在参数更新之后记录。
    ///           每个 epoch 结束后，记录在全部 xTrain 和全部 xTest 上的识别精度，并向 progress 写一行。
    ///           要原地更新（Assign）：各层持有的正是 Params 中的那些张量，而让你的变量指向一个新张量不会改动它们，
    ///           网络什么也学不到。训练集已经打乱过了，所以按顺序遍历时，每次运行得到的学习曲线都相同——检查会把你
    ///           的曲线和参考实现的曲线逐点比较。
    /// Grade it: ./run-checks.sh --exercise 5.7     (or: dotnet test --filter TestCategory=5.7)
    /// </code>
    /// </remarks>
    public static TrainingHistory Train(ITwoLayerNet net, Tensor xTrain, Tensor tTrain, Tensor xTest, Tensor tTest,
        TrainingSettings settings, TextWriter progress)
    {
        // TODO: train net as the Formula describes and return its TrainingHistory (a loss per batch,
        //       the accuracies per epoch).
        throw new NotImplementedException("Exercise 5.7 (TrainWithBackprop) is not started yet.");
    }
}
