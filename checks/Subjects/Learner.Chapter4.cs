using DeepLearningKata.Contracts;
using DeepLearningKata.Exercises;

namespace DeepLearningKata.Checks;

// The learner's chapter 4 as a subject: each member forwards to the stub under exercises/Chapter04/.
internal sealed class LearnerChapter4 : IChapter4
{
    public double MeanSquaredError(Tensor y, Tensor t) => Chapter4.MeanSquaredError(y, t);
    public double CrossEntropyError(Tensor y, Tensor t) => Chapter4.CrossEntropyError(y, t);
    public double NumericalDiff(Func<double, double> f, double x) => Chapter4.NumericalDiff(f, x);
    public Tensor NumericalGradient(Func<Tensor, double> f, Tensor x) => Chapter4.NumericalGradient(f, x);
    public Tensor GradientDescent(Func<Tensor, double> f, Tensor initX, double lr, int stepNum) => Chapter4.GradientDescent(f, initX, lr, stepNum);
    public Tensor LinearScore(Tensor x, Tensor w, Tensor b) => Chapter4.LinearScore(x, w, b);
    public double SvmLoss(Tensor scores, Tensor t, Tensor w, double lambda) => Chapter4.SvmLoss(scores, t, w, lambda);
    public LinearFit LinearRegression(Tensor x, Tensor y, double lr, int steps) => Chapter4.LinearRegression(x, y, lr, steps);

    public ITwoLayerNet CreateTwoLayerNet(int inputSize, int hiddenSize, int outputSize, Random random, double weightInitStd = 0.01) =>
        Chapter4.CreateTwoLayerNet(inputSize, hiddenSize, outputSize, random, weightInitStd);

    public TrainingHistory Train(
        ITwoLayerNet net, Tensor xTrain, Tensor tTrain, Tensor xTest, Tensor tTest,
        TrainingOptions options, Action<TrainingProgress>? progress = null) =>
        Chapter4.Train(net, xTrain, tTrain, xTest, tTest, options, progress);
}
