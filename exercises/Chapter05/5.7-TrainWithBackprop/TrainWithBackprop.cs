using DeepLearningKata.Contracts;

namespace DeepLearningKata.Exercises;

public static partial class Chapter5
{
    /// <summary>
    /// Exercise 5.7 — training by mini-batch gradient descent, with gradients by backpropagation.
    /// </summary>
    /// <remarks>
    /// <code>
    /// Formula:  for each epoch, for each batch of BatchSize consecutive rows (a last, shorter one is dropped):
    ///               grad = net.Gradient(xBatch, tBatch)
    ///               p ← p − LearningRate · grad[key]   for every (key, p) in net.Params, in place
    ///               record net.Loss(xBatch, tBatch)     (after the update, as the book does)
    ///           after each epoch: record net.Accuracy on all of xTrain and of xTest; write one line to progress
    /// Shapes:   xTrain (n, 784), tTrain (n,) labels or (n, 10) one-hot; the same for the test set
    ///           history: Losses has Epochs · (n / BatchSize) entries, TrainAccuracies and TestAccuracies one per epoch
    /// Example:  with net = Chapter5.CreateTwoLayerNet(784, 50, 10, new Random(57)), the first 3,000 training digits of
    ///           Mnist.Load() and new TrainingSettings(Epochs: 3, BatchSize: 100, LearningRate: 0.5), Train prints
    ///           "epoch 1: loss 0.8838, train accuracy 67.8 %, test accuracy 65.5 %", … and ends near 88 % on the test set
    /// Hint:     rows of a batch: xTrain.Rows(Enumerable.Range(step * batchSize, batchSize).ToArray()).
    ///           Update in place with p.Assign(p - lr * grad[key]): the layers hold the very tensors in
    ///           Params, while p = p - … only points your variable at a new tensor, and the net learns nothing.
    ///           The training set is shuffled already, so walking it in order gives every run the same
    ///           learning curve — the checks compare yours with the reference's, point by point.
    /// Grade it: ./run-checks.sh --exercise 5.7     (or: dotnet test --filter Name~5.7)
    /// </code>
    /// </remarks>
    public static TrainingHistory Train(ITwoLayerNet net, Tensor xTrain, Tensor tTrain, Tensor xTest, Tensor tTest,
        TrainingSettings settings, TextWriter progress)
    {
        // TODO: the loop above; return new TrainingHistory(loss, trainAccuracy, testAccuracy).
        throw new NotImplementedException("Exercise 5.7 (TrainWithBackprop) is not started yet.");
    }
}
