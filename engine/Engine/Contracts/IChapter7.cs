namespace DeepLearningKata.Contracts;

/// <summary>
/// Chapter 7, convolutional networks: output sizes, im2col and col2im, the convolution and pooling layers,
/// and the book's SimpleConvNet trained on MNIST.
/// </summary>
/// <remarks>Images are <c>(N, C, H, W)</c>; filters <c>(FN, C, FH, FW)</c>; im2col rows are <c>(n, oh, ow)</c> in that order and columns <c>(c, fh, fw)</c>.</remarks>
public interface IChapter7
{
    /// <summary>
    /// The output length of a convolution or pooling along one axis: <c>(size + 2·pad − filter)/stride + 1</c>;
    /// an <see cref="ArgumentException"/> naming the numbers when the division leaves a remainder or the result is not positive.
    /// </summary>
    [ForExercise("7.1")]
    int OutputSize(int inputSize, int filterSize, int stride, int pad);

    /// <summary>
    /// Im2col: every <c>FH×FW</c> window of the zero-padded <c>(N, C, H, W)</c> input as one row;
    /// shape <c>(N·OH·OW, C·FH·FW)</c>.
    /// </summary>
    [ForExercise("7.2")]
    Tensor Im2Col(Tensor x, int filterH, int filterW, int stride = 1, int pad = 0);

    /// <summary>
    /// Col2im, the adjoint of im2col: adds every row's values back onto the window they came from and drops the
    /// padding; returns a tensor of <paramref name="inputShape"/> <c>(N, C, H, W)</c>.
    /// </summary>
    [ForExercise("7.2")]
    Tensor Col2Im(Tensor col, int[] inputShape, int filterH, int filterW, int stride = 1, int pad = 0);

    /// <summary>
    /// A fresh convolution layer computing with <paramref name="W"/> <c>(FN, C, FH, FW)</c> and
    /// <paramref name="b"/> <c>(FN,)</c> themselves: output <c>(N, FN, OH, OW)</c>. Params and Grads: <c>"W"</c>, <c>"b"</c>.
    /// </summary>
    [ForExercise("7.3")]
    ILayer CreateConvolution(Tensor W, Tensor b, int stride = 1, int pad = 0);

    /// <summary>A fresh max-pooling layer: the largest value of each window; backward sends dout to that element only.</summary>
    [ForExercise("7.4")]
    ILayer CreateMaxPooling(int poolH, int poolW, int stride = 1, int pad = 0);

    /// <summary>A fresh average-pooling layer: the mean of each window; backward shares dout equally over the window.</summary>
    [ForExercise("7.4")]
    ILayer CreateAveragePooling(int poolH, int poolW, int stride = 1, int pad = 0);

    /// <summary>
    /// The book's SimpleConvNet: Conv–ReLU–Pool(max 2×2, stride 2)–Affine–ReLU–Affine with SoftmaxWithLoss on top.
    /// Parameters <c>W1 (FN, C, FH, FW), b1, W2, b2, W3, b3</c>, weights <c>weightInitStd·N(0, 1)</c> drawn from
    /// <paramref name="random"/> in that order, biases zeros. <see cref="INetwork.Gradient"/> by backpropagation.
    /// </summary>
    [ForExercise("7.5")]
    INetwork CreateSimpleConvNet(ConvNetSettings settings, Random random);

    /// <summary>
    /// Trains <paramref name="net"/> with <paramref name="optimizer"/>: each epoch walks through the training set in
    /// order, <see cref="TrainingSettings.BatchSize"/> rows at a time (a last, shorter batch is dropped); every step
    /// computes the gradient, calls the optimizer and records the loss of that batch after the update; after each epoch
    /// it records the accuracy on the training and test sets and writes one line of progress.
    /// (<see cref="TrainingSettings.LearningRate"/> is the optimizer's business here.)
    /// </summary>
    [ForExercise("7.5")]
    TrainingHistory Train(INetwork net, IOptimizer optimizer, Tensor xTrain, Tensor tTrain, Tensor xTest, Tensor tTest, TrainingSettings settings, TextWriter progress);
}

/// <summary>
/// The shape of a SimpleConvNet (7.5); the defaults are the book's: input 1×28×28, 30 filters 5×5, stride 1, pad 0,
/// hidden 100, 10 classes, weights 0.01·N(0, 1).
/// </summary>
public sealed record ConvNetSettings(
    int Channels = 1, int Height = 28, int Width = 28,
    int FilterCount = 30, int FilterSize = 5, int Stride = 1, int Pad = 0,
    int HiddenSize = 100, int OutputSize = 10, double WeightInitStd = 0.01);
