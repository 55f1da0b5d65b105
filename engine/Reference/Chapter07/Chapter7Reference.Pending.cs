using DeepLearningKata.Contracts;

namespace DeepLearningKata.Reference;

// Placeholders while chapter 7 is being written: each member moves to its exercise's file.
public partial class Chapter7Reference
{
    public virtual int OutputSize(int inputSize, int filterSize, int stride, int pad) => throw new NotImplementedException();
    public virtual Tensor Im2Col(Tensor x, int filterH, int filterW, int stride = 1, int pad = 0) => throw new NotImplementedException();
    public virtual Tensor Col2Im(Tensor col, int[] inputShape, int filterH, int filterW, int stride = 1, int pad = 0) => throw new NotImplementedException();
    public virtual ILayer CreateConvolution(Tensor W, Tensor b, int stride = 1, int pad = 0) => throw new NotImplementedException();
    public virtual ILayer CreateMaxPooling(int poolH, int poolW, int stride = 1, int pad = 0) => throw new NotImplementedException();
    public virtual ILayer CreateAveragePooling(int poolH, int poolW, int stride = 1, int pad = 0) => throw new NotImplementedException();
    public virtual INetwork CreateSimpleConvNet(ConvNetSettings settings, Random random) => throw new NotImplementedException();
    public virtual TrainingHistory Train(INetwork net, IOptimizer optimizer, Tensor xTrain, Tensor tTrain, Tensor xTest, Tensor tTest, TrainingSettings settings, TextWriter progress) => throw new NotImplementedException();
}
