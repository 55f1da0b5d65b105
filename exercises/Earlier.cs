using DeepLearningKata.Contracts;

namespace DeepLearningKata.Exercises;

/// <summary>
/// Your earlier exercises, for later exercises to build on: write <c>Earlier.Sigmoid(x)</c> in
/// exercise 1.3 to use what you wrote in 1.2.
/// </summary>
/// <remarks>
/// When you run your code, these call your own solutions. While the grader grades a later exercise it
/// swaps in the reference solutions, so a mistake in 1.2 shows up in 1.2 only, never in 1.3. An
/// exercise cannot call itself (or a later one) through here: the grader refuses, with a message.
/// </remarks>
public static class Earlier
{
    /// <summary>Exercise 1.2: σ applied element-wise.</summary>
    public static Tensor Sigmoid(Tensor x) =>
        Blocks.Use("1.2", "Earlier.Sigmoid", s => s.Chapter1.Sigmoid(x), () => Chapter1.Sigmoid(x));

    /// <summary>Exercise 2.1: the AND gate.</summary>
    public static int And(double x1, double x2) =>
        Blocks.Use("2.1", "Earlier.And", s => s.Chapter2.And(x1, x2), () => Chapter2.And(x1, x2));

    /// <summary>Exercise 2.1: the NAND gate.</summary>
    public static int Nand(double x1, double x2) =>
        Blocks.Use("2.1", "Earlier.Nand", s => s.Chapter2.Nand(x1, x2), () => Chapter2.Nand(x1, x2));

    /// <summary>Exercise 2.1: the OR gate.</summary>
    public static int Or(double x1, double x2) =>
        Blocks.Use("2.1", "Earlier.Or", s => s.Chapter2.Or(x1, x2), () => Chapter2.Or(x1, x2));

    /// <summary>Exercise 3.2: the identity output activation.</summary>
    public static Tensor Identity(Tensor x) =>
        Blocks.Use("3.2", "Earlier.Identity", s => s.Chapter3.Identity(x), () => Chapter3.Identity(x));

    /// <summary>Exercise 3.3: softmax of a 1-D tensor.</summary>
    public static Tensor Softmax(Tensor a) =>
        Blocks.Use("3.3", "Earlier.Softmax", s => s.Chapter3.Softmax(a), () => Chapter3.Softmax(a));

    /// <summary>Exercise 3.4: the three-layer forward pass.</summary>
    public static Tensor Forward(IReadOnlyDictionary<string, Tensor> network, Tensor x) =>
        Blocks.Use("3.4", "Earlier.Forward", s => s.Chapter3.Forward(network, x), () => Chapter3.Forward(network, x));

    /// <summary>Exercise 1.6: softmax of every row of a 2-D batch.</summary>
    public static Tensor Softmax2D(Tensor x) =>
        Blocks.Use("1.6", "Earlier.Softmax2D", s => s.Chapter1.Softmax(x), () => Chapter1.Softmax(x));

    /// <summary>Exercise 4.2: the cross-entropy error of one sample or a batch (one-hot or label targets).</summary>
    public static double CrossEntropyError(Tensor y, Tensor t) =>
        Blocks.Use("4.2", "Earlier.CrossEntropyError", s => s.Chapter4.CrossEntropyError(y, t), () => Chapter4.CrossEntropyError(y, t));

    /// <summary>Exercise 4.4: the numerical gradient of f at x, nudging x's elements in place.</summary>
    public static Tensor NumericalGradient(Func<Tensor, double> f, Tensor x) =>
        Blocks.Use("4.4", "Earlier.NumericalGradient", s => s.Chapter4.NumericalGradient(f, x), () => Chapter4.NumericalGradient(f, x));

    /// <summary>Exercise 5.2: a fresh ReLU layer.</summary>
    public static ILayer CreateRelu() =>
        Blocks.Use("5.2", "Earlier.CreateRelu", s => s.Chapter5.CreateRelu(), Chapter5.CreateRelu);

    /// <summary>Exercise 5.3: a fresh sigmoid layer.</summary>
    public static ILayer CreateSigmoid() =>
        Blocks.Use("5.3", "Earlier.CreateSigmoid", s => s.Chapter5.CreateSigmoid(), Chapter5.CreateSigmoid);

    /// <summary>Exercise 5.4: a fresh affine layer computing with <paramref name="W"/> and <paramref name="b"/> themselves.</summary>
    public static ILayer CreateAffine(Tensor W, Tensor b) =>
        Blocks.Use("5.4", "Earlier.CreateAffine", s => s.Chapter5.CreateAffine(W, b), () => Chapter5.CreateAffine(W, b));

    /// <summary>Exercise 5.5: a fresh softmax-with-loss layer.</summary>
    public static ILossLayer CreateSoftmaxWithLoss() =>
        Blocks.Use("5.5", "Earlier.CreateSoftmaxWithLoss", s => s.Chapter5.CreateSoftmaxWithLoss(), Chapter5.CreateSoftmaxWithLoss);

    /// <summary>Exercise 6.1: a fresh SGD optimizer.</summary>
    public static IOptimizer CreateSgd(double learningRate = 0.01) =>
        Blocks.Use("6.1", "Earlier.CreateSgd", s => s.Chapter6.CreateSgd(learningRate), () => Chapter6.CreateSgd(learningRate));

    /// <summary>Exercise 6.1: a fresh Adam optimizer (the book trains its convolutional network with it).</summary>
    public static IOptimizer CreateAdam(double learningRate = 0.001, double beta1 = 0.9, double beta2 = 0.999) =>
        Blocks.Use("6.1", "Earlier.CreateAdam", s => s.Chapter6.CreateAdam(learningRate, beta1, beta2), () => Chapter6.CreateAdam(learningRate, beta1, beta2));

    /// <summary>Exercise 6.2: He initial weights N(0, 1)·√(2/nIn) of shape (nIn, nOut), for layers followed by ReLU.</summary>
    public static Tensor HeInit(int nIn, int nOut, Random random) =>
        Blocks.Use("6.2", "Earlier.HeInit", s => s.Chapter6.HeInit(nIn, nOut, random), () => Chapter6.HeInit(nIn, nOut, random));

    /// <summary>Exercise 6.2: Xavier initial weights N(0, 1)·√(1/nIn) of shape (nIn, nOut), for layers followed by sigmoid.</summary>
    public static Tensor XavierInit(int nIn, int nOut, Random random) =>
        Blocks.Use("6.2", "Earlier.XavierInit", s => s.Chapter6.XavierInit(nIn, nOut, random), () => Chapter6.XavierInit(nIn, nOut, random));

    /// <summary>Exercise 7.1: the output size of a convolution or pooling along one axis.</summary>
    public static int OutputSize(int inputSize, int filterSize, int stride, int pad) =>
        Blocks.Use("7.1", "Earlier.OutputSize", s => s.Chapter7.OutputSize(inputSize, filterSize, stride, pad),
            () => Chapter7.OutputSize(inputSize, filterSize, stride, pad));

    /// <summary>Exercise 7.2: im2col, the windows of an image batch as the rows of a matrix.</summary>
    public static Tensor Im2Col(Tensor x, int filterH, int filterW, int stride = 1, int pad = 0) =>
        Blocks.Use("7.2", "Earlier.Im2Col", s => s.Chapter7.Im2Col(x, filterH, filterW, stride, pad),
            () => Chapter7.Im2Col(x, filterH, filterW, stride, pad));

    /// <summary>Exercise 7.2: col2im, the rows of a matrix added back onto their windows.</summary>
    public static Tensor Col2Im(Tensor col, int[] inputShape, int filterH, int filterW, int stride = 1, int pad = 0) =>
        Blocks.Use("7.2", "Earlier.Col2Im", s => s.Chapter7.Col2Im(col, inputShape, filterH, filterW, stride, pad),
            () => Chapter7.Col2Im(col, inputShape, filterH, filterW, stride, pad));

    /// <summary>Exercise 7.3: a fresh convolution layer computing with <paramref name="W"/> and <paramref name="b"/> themselves.</summary>
    public static ILayer CreateConvolution(Tensor W, Tensor b, int stride = 1, int pad = 0) =>
        Blocks.Use("7.3", "Earlier.CreateConvolution", s => s.Chapter7.CreateConvolution(W, b, stride, pad),
            () => Chapter7.CreateConvolution(W, b, stride, pad));

    /// <summary>Exercise 7.4: a fresh max-pooling layer.</summary>
    public static ILayer CreateMaxPooling(int poolH, int poolW, int stride = 1, int pad = 0) =>
        Blocks.Use("7.4", "Earlier.CreateMaxPooling", s => s.Chapter7.CreateMaxPooling(poolH, poolW, stride, pad),
            () => Chapter7.CreateMaxPooling(poolH, poolW, stride, pad));

    /// <summary>Exercise 7.4: a fresh average-pooling layer.</summary>
    public static ILayer CreateAveragePooling(int poolH, int poolW, int stride = 1, int pad = 0) =>
        Blocks.Use("7.4", "Earlier.CreateAveragePooling", s => s.Chapter7.CreateAveragePooling(poolH, poolW, stride, pad),
            () => Chapter7.CreateAveragePooling(poolH, poolW, stride, pad));
}
