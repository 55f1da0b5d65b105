using DeepLearningKata.Contracts;

namespace DeepLearningKata.Checks;

// The learner's chapter 7 as a subject: each member forwards to the stub under exercises/Chapter07/.
// (Placeholders until the stubs exist.)
internal sealed class LearnerChapter7 : IChapter7
{
    public int OutputSize(int inputSize, int filterSize, int stride, int pad) => throw new NotImplementedException();
    public Tensor Im2Col(Tensor x, int filterH, int filterW, int stride = 1, int pad = 0) => throw new NotImplementedException();
    public Tensor Col2Im(Tensor col, int[] inputShape, int filterH, int filterW, int stride = 1, int pad = 0) => throw new NotImplementedException();
    public ILayer CreateConvolution(Tensor W, Tensor b, int stride = 1, int pad = 0) => throw new NotImplementedException();
    public ILayer CreateMaxPooling(int poolH, int poolW, int stride = 1, int pad = 0) => throw new NotImplementedException();
    public ILayer CreateAveragePooling(int poolH, int poolW, int stride = 1, int pad = 0) => throw new NotImplementedException();
    public INetwork CreateSimpleConvNet(ConvNetSettings settings, Random random) => throw new NotImplementedException();
    public TrainingHistory Train(INetwork net, IOptimizer optimizer, Tensor xTrain, Tensor tTrain, Tensor xTest, Tensor tTest, TrainingSettings settings, TextWriter progress) => throw new NotImplementedException();
}
