using DeepLearningKata.Contracts;
#pragma warning disable IDE0005
using DeepLearningKata.Exercises;
#pragma warning restore IDE0005

namespace DeepLearningKata.Checks;

// The learner's chapter 5 as a subject: each member forwards to the stub under exercises/Chapter05/.
internal sealed class LearnerChapter5 : IChapter5
{
    public IScalarLayer CreateMulLayer() => Chapter5.CreateMulLayer();
    public IScalarLayer CreateAddLayer() => Chapter5.CreateAddLayer();
    public ShoppingResult BuyApplesAndOranges(double apple, double appleNum, double orange, double orangeNum, double tax) =>
        Chapter5.BuyApplesAndOranges(apple, appleNum, orange, orangeNum, tax);
    public ILayer CreateRelu() => Chapter5.CreateRelu();
    public ILayer CreateSigmoid() => Chapter5.CreateSigmoid();
    public ILayer CreateAffine(Tensor W, Tensor b) => Chapter5.CreateAffine(W, b);
    public ILossLayer CreateSoftmaxWithLoss() => Chapter5.CreateSoftmaxWithLoss();
    public ITwoLayerNet CreateTwoLayerNet(int inputSize, int hiddenSize, int outputSize, Random random, double weightInitStd = 0.01) =>
        Chapter5.CreateTwoLayerNet(inputSize, hiddenSize, outputSize, random, weightInitStd);
    public TrainingHistory Train(ITwoLayerNet net, Tensor xTrain, Tensor tTrain, Tensor xTest, Tensor tTest, TrainingSettings settings, TextWriter progress) =>
        Chapter5.Train(net, xTrain, tTrain, xTest, tTest, settings, progress);
}
