using DeepLearningKata.Contracts;
#pragma warning disable IDE0005
using DeepLearningKata.Exercises;
#pragma warning restore IDE0005

namespace DeepLearningKata.Checks;

// The learner's chapter 7 as a subject: each member forwards to the stub under exercises/Chapter07/.
internal sealed class LearnerChapter7 : IChapter7
{
    public int OutputSize(int inputSize, int filterSize, int stride, int pad) => Chapter7.OutputSize(inputSize, filterSize, stride, pad);
    public Tensor Im2Col(Tensor x, int filterH, int filterW, int stride = 1, int pad = 0) => Chapter7.Im2Col(x, filterH, filterW, stride, pad);
    public Tensor Col2Im(Tensor col, int[] inputShape, int filterH, int filterW, int stride = 1, int pad = 0) =>
        Chapter7.Col2Im(col, inputShape, filterH, filterW, stride, pad);
    public ILayer CreateConvolution(Tensor W, Tensor b, int stride = 1, int pad = 0) => Chapter7.CreateConvolution(W, b, stride, pad);
    public ILayer CreateMaxPooling(int poolH, int poolW, int stride = 1, int pad = 0) => Chapter7.CreateMaxPooling(poolH, poolW, stride, pad);
    public ILayer CreateAveragePooling(int poolH, int poolW, int stride = 1, int pad = 0) => Chapter7.CreateAveragePooling(poolH, poolW, stride, pad);
    public INetwork CreateSimpleConvNet(ConvNetSettings settings, Random random) => Chapter7.CreateSimpleConvNet(settings, random);
    public TrainingHistory Train(INetwork net, IOptimizer optimizer, Tensor xTrain, Tensor tTrain, Tensor xTest, Tensor tTest, TrainingSettings settings, TextWriter progress) =>
        Chapter7.Train(net, optimizer, xTrain, tTrain, xTest, tTest, settings, progress);
}
