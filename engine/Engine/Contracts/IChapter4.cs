using System.Globalization;

namespace DeepLearningKata.Contracts;

/// <summary>Chapter 4, learning from data: losses, numerical differentiation, gradient descent, training.</summary>
public interface IChapter4
{
    /// <summary>The mean squared error as the book defines it: <c>E = ½·Σ(y − t)²</c> over every element.</summary>
    /// <param name="y">The network's output, any shape.</param>
    /// <param name="t">The targets, the same shape as <paramref name="y"/>.</param>
    [ForExercise("4.1")]
    double MeanSquaredError(Tensor y, Tensor t);

    /// <summary>
    /// The cross-entropy error <c>E = −(1/N)·Σ t·log(y + δ)</c> with <c>δ = 1e-7</c>, averaged over the batch.
    /// </summary>
    /// <param name="y">Probabilities: one sample <c>(C,)</c> or a batch <c>(N, C)</c>.</param>
    /// <param name="t">One-hot targets of <paramref name="y"/>'s shape, or labels: <c>(N,)</c> for a batch,
    /// one element for one sample.</param>
    [ForExercise("4.2")]
    double CrossEntropyError(Tensor y, Tensor t);

    /// <summary>The central difference <c>(f(x + h) − f(x − h)) / 2h</c> with <c>h = 1e-4</c>.</summary>
    [ForExercise("4.3")]
    double NumericalDiff(Func<double, double> f, double x);

    /// <summary>
    /// ∂f/∂x for every element of <paramref name="x"/> by central differences (<c>h = 1e-4</c>), a tensor
    /// of <paramref name="x"/>'s shape. Each element of <paramref name="x"/> itself is nudged in place, <c>f(x)</c>
    /// evaluated, and the element restored, so <paramref name="x"/> is unchanged afterwards.
    /// </summary>
    [ForExercise("4.4")]
    Tensor NumericalGradient(Func<Tensor, double> f, Tensor x);

    /// <summary>
    /// <paramref name="stepNum"/> steps of <c>x ← x − lr·∇f(x)</c> from <paramref name="initX"/> (left unchanged),
    /// with the numerical gradient of 4.4. Returns the path, <c>(stepNum + 1, n)</c>: row 0 is the start,
    /// row k the point after k steps (flattened), the last row the result.
    /// </summary>
    [ForExercise("4.5")]
    Tensor GradientDescent(Func<Tensor, double> f, Tensor initX, double lr, int stepNum);

    /// <summary>The linear score function <c>x·W + b</c>: <c>(N, D)·(D, C) + (C,)</c> → <c>(N, C)</c>; one sample <c>(D,)</c> → <c>(C,)</c>.</summary>
    [ForExercise("4.6")]
    Tensor LinearScore(Tensor x, Tensor w, Tensor b);

    /// <summary>
    /// The multiclass SVM loss: the hinge loss <c>Σ_{j≠y} max(0, s_j − s_y + 1)</c> of each sample,
    /// averaged over the batch, plus the L2 penalty <c>λ·ΣW²</c> (added once).
    /// </summary>
    /// <param name="scores">Class scores: one sample <c>(C,)</c> or a batch <c>(N, C)</c>.</param>
    /// <param name="t">The correct classes as labels: <c>(N,)</c>, or one element for one sample.</param>
    /// <param name="w">The weights the penalty is taken of.</param>
    /// <param name="lambda">The regularisation strength λ (0 for the hinge loss alone).</param>
    [ForExercise("4.6")]
    double SvmLoss(Tensor scores, Tensor t, Tensor w, double lambda);

    /// <summary>
    /// Linear regression <c>ŷ = x·w + b</c> fitted by <paramref name="steps"/> steps of gradient descent on
    /// <c>J(w, b) = (1/2m)·Σ(ŷ − y)²</c>, starting from <c>w = 0, b = 0</c>.
    /// </summary>
    /// <param name="x">Features <c>(m, d)</c>.</param>
    /// <param name="y">Targets <c>(m,)</c>.</param>
    /// <param name="lr">The learning rate.</param>
    /// <param name="steps">The number of gradient steps.</param>
    [ForExercise("4.7")]
    LinearFit LinearRegression(Tensor x, Tensor y, double lr, int steps);

    /// <summary>
    /// The book's chapter-4 two-layer network: <c>x → affine(W1, b1) → sigmoid → affine(W2, b2) → softmax</c>,
    /// with the cross-entropy loss and a numerical <see cref="INetwork.Gradient"/>.
    /// <c>W1 = weightInitStd · Tensor.RandomNormal(random, inputSize, hiddenSize)</c>, then
    /// <c>W2 = weightInitStd · Tensor.RandomNormal(random, hiddenSize, outputSize)</c> from the same generator;
    /// <c>b1 (hidden,)</c> and <c>b2 (output,)</c> are zero.
    /// </summary>
    [ForExercise("4.8")]
    ITwoLayerNet CreateTwoLayerNet(int inputSize, int hiddenSize, int outputSize, Random random, double weightInitStd = 0.01);

    /// <summary>
    /// Mini-batch stochastic gradient descent: <see cref="TrainingOptions.Iterations"/> times, draw a
    /// mini-batch, take <c>net.Gradient</c> of it, update every parameter in place (<c>p.Assign(p − lr·g)</c>)
    /// and record the batch's loss; once per epoch record the train and test accuracy and report them to
    /// <paramref name="progress"/>. See <see cref="TrainingOptions"/> for the exact order of things.
    /// </summary>
    [ForExercise("4.9")]
    TrainingHistory Train(
        ITwoLayerNet net, Tensor xTrain, Tensor tTrain, Tensor xTest, Tensor tTest,
        TrainingOptions options, Action<TrainingProgress>? progress = null);
}

/// <summary>The result of 4.7's linear regression.</summary>
/// <param name="W">The fitted weights <c>(d,)</c>.</param>
/// <param name="B">The fitted intercept.</param>
/// <param name="Losses">The loss <c>J</c> before the first step and after every step: <c>(steps + 1,)</c>.</param>
public sealed record LinearFit(Tensor W, double B, Tensor Losses);

/// <summary>
/// How 4.9 trains. Each iteration <c>i = 0, 1, …, Iterations − 1</c>:
/// <list type="number">
/// <item>draw the mini-batch: <see cref="BatchSize"/> row indices, each <c>random.Next(trainSize)</c> (with replacement,
/// like <c>np.random.choice(train_size, batch_size)</c>), from one <c>new Random(Seed)</c> made before the loop;</item>
/// <item><c>grads = net.Gradient(xBatch, tBatch)</c>;</item>
/// <item>every parameter <c>p</c> (by name) becomes <c>p − LearningRate·grads[name]</c>, in place;</item>
/// <item>the loss of the same mini-batch, now after the update, is recorded;</item>
/// <item>when <c>i % iterPerEpoch == 0</c>, with <c>iterPerEpoch = max(trainSize / BatchSize, 1)</c> (integer division),
/// the accuracy on the whole training set and on the test set is recorded and reported.</item>
/// </list>
/// This is the book's <c>train_neuralnet.py</c>.
/// </summary>
public sealed record TrainingOptions(int Iterations, int BatchSize, double LearningRate, int Seed);

/// <summary>What 4.9 reports once per epoch.</summary>
/// <param name="Epoch">0 for the report after the first iteration, then 1, 2, …</param>
/// <param name="Iteration">The iteration the report is made at (0, iterPerEpoch, 2·iterPerEpoch, …).</param>
/// <param name="Loss">The mini-batch loss recorded at that iteration.</param>
/// <param name="TrainAccuracy">The accuracy on the whole training set.</param>
/// <param name="TestAccuracy">The accuracy on the test set.</param>
public sealed record TrainingProgress(int Epoch, int Iteration, double Loss, double TrainAccuracy, double TestAccuracy)
{
    /// <summary>One line for the console: <c>epoch 3  iteration 240  loss 0.4120  train acc 0.8813  test acc 0.8735</c>.</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"epoch {Epoch,3}  iteration {Iteration,6}  loss {Loss:0.0000}  train acc {TrainAccuracy:0.0000}  test acc {TestAccuracy:0.0000}");
}

/// <summary>What 4.9 records.</summary>
/// <param name="Losses">The mini-batch loss of every iteration, in order.</param>
/// <param name="TrainAccuracies">The training-set accuracy at every epoch.</param>
/// <param name="TestAccuracies">The test-set accuracy at every epoch.</param>
public sealed record TrainingHistory(IReadOnlyList<double> Losses, IReadOnlyList<double> TrainAccuracies, IReadOnlyList<double> TestAccuracies);
