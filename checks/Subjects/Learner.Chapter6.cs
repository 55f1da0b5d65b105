using DeepLearningKata.Contracts;

namespace DeepLearningKata.Checks;

// The learner's chapter 6 as a subject: each member forwards to the stub under exercises/Chapter06/.
// (Placeholders until the stubs exist.)
internal sealed class LearnerChapter6 : IChapter6
{
    public IOptimizer CreateSgd(double learningRate = 0.01) => throw new NotImplementedException();
    public IOptimizer CreateMomentum(double learningRate = 0.01, double momentum = 0.9) => throw new NotImplementedException();
    public IOptimizer CreateAdaGrad(double learningRate = 0.01) => throw new NotImplementedException();
    public IOptimizer CreateAdam(double learningRate = 0.001, double beta1 = 0.9, double beta2 = 0.999) => throw new NotImplementedException();
    public Tensor XavierInit(int nIn, int nOut, Random random) => throw new NotImplementedException();
    public Tensor HeInit(int nIn, int nOut, Random random) => throw new NotImplementedException();
    public ILayer CreateBatchNormalization(Tensor gamma, Tensor beta, double momentum = 0.9) => throw new NotImplementedException();
    public ILayer CreateDropout(double ratio, Random random) => throw new NotImplementedException();
    public double WeightDecayLoss(IReadOnlyList<Tensor> weights, double lambda) => throw new NotImplementedException();
    public Tensor WeightDecayGradient(Tensor dW, Tensor W, double lambda) => throw new NotImplementedException();
}
