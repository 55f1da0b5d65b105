namespace DeepLearningKata.Contracts;

/// <summary>Chapter 5, backpropagation: layers with Forward and Backward, a network trained by them.</summary>
/// <remarks>
/// Every layer is made by a factory (<see cref="CreateRelu"/>, <see cref="CreateAffine"/>, …), so the
/// checks can make as many fresh layers as they need and compare each one's Backward with central
/// differences of its Forward.
/// </remarks>
public interface IChapter5
{
    /// <summary>A multiplication node: <c>x·y</c> forward; <c>(dout·y, dout·x)</c> backward.</summary>
    [ForExercise("5.1")]
    IScalarLayer CreateMulLayer();

    /// <summary>An addition node: <c>x + y</c> forward; <c>(dout, dout)</c> backward.</summary>
    [ForExercise("5.1")]
    IScalarLayer CreateAddLayer();

    /// <summary>
    /// The book's shopping graph: <paramref name="appleNum"/> apples at <paramref name="apple"/> each and
    /// <paramref name="orangeNum"/> oranges at <paramref name="orange"/> each, plus <paramref name="tax"/>
    /// (1.1 is 10 %), built from Mul and Add layers; forward for the price, then backward from <c>dprice = 1</c>.
    /// </summary>
    [ForExercise("5.1")]
    ShoppingResult BuyApplesAndOranges(double apple, double appleNum, double orange, double orangeNum, double tax);

    /// <summary>A fresh ReLU layer: <c>max(0, x)</c>; backward passes <c>dout</c> where <c>x &gt; 0</c>.</summary>
    [ForExercise("5.2")]
    ILayer CreateRelu();

    /// <summary>A fresh sigmoid layer: <c>y = σ(x)</c>; backward <c>dout·y·(1 − y)</c>.</summary>
    [ForExercise("5.3")]
    ILayer CreateSigmoid();

    /// <summary>
    /// A fresh affine layer computing with <paramref name="W"/> <c>(D, M)</c> and <paramref name="b"/>
    /// <c>(M,)</c> themselves (not copies): <c>x·W + b</c> for <c>x</c> of shape <c>(N, …)</c> flattened to <c>(N, D)</c>.
    /// </summary>
    [ForExercise("5.4")]
    ILayer CreateAffine(Tensor W, Tensor b);

    /// <summary>A fresh softmax-with-cross-entropy loss layer; backward <c>(y − t) / N</c>.</summary>
    [ForExercise("5.5")]
    ILossLayer CreateSoftmaxWithLoss();

    /// <summary>
    /// The book's two-layer network, Affine–Relu–Affine with SoftmaxWithLoss on top, whose
    /// <see cref="INetwork.Gradient"/> is computed by backpropagation. <c>W1</c> is
    /// <c>weightInitStd · N(0, 1)</c> of shape <c>(inputSize, hiddenSize)</c> drawn from <paramref name="random"/>,
    /// then <c>W2</c> <c>(hiddenSize, outputSize)</c>; the biases are zeros. <see cref="INetwork.Predict"/> returns the scores
    /// (before softmax).
    /// </summary>
    [ForExercise("5.6")]
    ITwoLayerNet CreateTwoLayerNet(int inputSize, int hiddenSize, int outputSize, Random random, double weightInitStd = 0.01);

    /// <summary>
    /// Trains <paramref name="net"/> by mini-batch gradient descent with backpropagation: each epoch walks
    /// through the training set in order, <see cref="TrainingSettings.BatchSize"/> rows at a time (a last,
    /// shorter batch is dropped); every step computes the gradient, moves every parameter in place by
    /// <c>−learningRate · gradient</c>, and records the loss of that batch after the update; after each epoch
    /// it records the accuracy on the whole training and test sets and writes one line of progress. The result is
    /// 4.9's <see cref="TrainingHistory"/>: one loss per step, one pair of accuracies per epoch.
    /// </summary>
    [ForExercise("5.7")]
    TrainingHistory Train(ITwoLayerNet net, Tensor xTrain, Tensor tTrain, Tensor xTest, Tensor tTest, TrainingSettings settings, TextWriter progress);
}

/// <summary>The price of the shopping graph (5.1) and the gradient of the price with respect to each input.</summary>
public sealed record ShoppingResult(double Price, double DApple, double DAppleNum, double DOrange, double DOrangeNum, double DTax);

/// <summary>How to train (5.7): passes over the training set, rows per mini-batch, step size.</summary>
public sealed record TrainingSettings(int Epochs, int BatchSize, double LearningRate);
