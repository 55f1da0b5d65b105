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
    /// Example:  var (xTrain, tTrain, xTest, tTest) = DeepLearningKata.Data.Mnist.Load();
    ///           var net = CreateTwoLayerNet(784, 50, 10, new Random(0));
    ///           Train(net, xTrain, tTrain, xTest, tTest, new TrainingOptions(Iterations: 400, BatchSize: 100,
    ///                 LearningRate: 0.1, Seed: 42), p => Console.WriteLine(p));
    ///           prints "epoch   0  iteration      0  loss 2.2937  train acc 0.1124  test acc 0.1125", …
    ///           (with the numerical gradient of 4.8 one iteration takes minutes: try it with a tiny network)
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
