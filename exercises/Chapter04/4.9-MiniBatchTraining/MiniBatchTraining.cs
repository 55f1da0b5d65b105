using DeepLearningKata.Contracts;

namespace DeepLearningKata.Exercises;

public static partial class Chapter4
{
    /// <summary>
    /// Exercise 4.9 — the training loop: mini-batch stochastic gradient descent (the book's
    /// <c>ch04/train_neuralnet.py</c>). It trains any <see cref="ITwoLayerNet"/>, yours of 4.8 or a faster one.
    /// </summary>
    /// <remarks>
    /// <code>
    /// Formula:  for i = 0 … Iterations − 1:
    ///             batch   = BatchSize indices, each random.Next(trainSize)      (one random = new Random(Seed), made before the loop)
    ///             grads   = net.Gradient(xBatch, tBatch)
    ///             p       ← p − LearningRate · grads[name]          for every (name, p) in net.Params, in place
    ///             losses  += net.Loss(xBatch, tBatch)               (the same batch, after the update)
    ///             if i % iterPerEpoch == 0   (iterPerEpoch = max(trainSize / BatchSize, 1)):
    ///                 record net.Accuracy(xTrain, tTrain) and net.Accuracy(xTest, tTest);
    ///                 progress?.Invoke(new TrainingProgress(epoch, i, loss, trainAcc, testAcc))   (epoch = 0, 1, 2, …)
    /// Shapes:   xTrain (n, 784), tTrain (n,) labels or (n, 10) one-hot; the same for the test set
    ///           →  TrainingHistory(Losses: one per iteration, TrainAccuracies and TestAccuracies: one per epoch)
    /// Example:  The checks train a fast two-layer net (784 → 50 → 10, its gradient by backpropagation as in chapter 5)
    ///           on the first 1,000 training and test digits with
    ///           Train(net, xTrain, tTrain, xTest, tTest, new TrainingOptions(Iterations: 200, BatchSize: 50,
    ///                 LearningRate: 1.0, Seed: 42), p => Console.WriteLine(p));
    ///           and your loop should print (iterPerEpoch = 1000 / 50 = 20):
    ///             epoch   0  iteration      0  loss 2.2026  train acc 0.1030  test acc 0.1120
    ///             epoch   1  iteration     20  loss 2.1815  train acc 0.0960  test acc 0.1010
    ///             epoch   2  iteration     40  loss 1.5135  train acc 0.4110  test acc 0.4040
    ///             …
    ///             epoch   9  iteration    180  loss 0.1887  train acc 0.9210  test acc 0.8530
    ///           Try it yourself with your 4.8 net: its numerical gradient is slow, so keep it small, e.g.
    ///             var (xTrain, tTrain, xTest, tTest) = DeepLearningKata.Data.Mnist.Load();
    ///             var net = CreateTwoLayerNet(784, 10, 10, new Random(0));
    ///             Train(net, xTrain, tTrain, xTest, tTest, new TrainingOptions(20, 10, 1.0, 42), Console.WriteLine);
    /// Hint:     xTrain.Rows(batch) and tTrain.Rows(batch) cut the mini-batch. Update with
    ///           p.Assign(p - lr * g): writing p = p - lr * g only rebinds your local variable, and the
    ///           network never changes. Minus, not plus: plus climbs the loss.
    /// Grade it: ./run-checks.sh --exercise 4.9     (or: dotnet test --filter Name~4.9)
    /// </code>
    /// </remarks>
    public static TrainingHistory Train(
        ITwoLayerNet net, Tensor xTrain, Tensor tTrain, Tensor xTest, Tensor tTest,
        TrainingOptions options, Action<TrainingProgress>? progress = null)
    {
        // TODO: the loop above; return new TrainingHistory(losses, trainAccuracies, testAccuracies).
        throw new NotImplementedException("Exercise 4.9 (MiniBatchTraining) is not started yet.");
    }
}
