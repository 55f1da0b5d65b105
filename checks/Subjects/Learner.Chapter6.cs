using DeepLearningKata.Contracts;
#pragma warning disable IDE0005
using DeepLearningKata.Exercises;
#pragma warning restore IDE0005

namespace DeepLearningKata.Checks;

// The learner's chapter 6 as a subject: each member forwards to the stub under exercises/Chapter06/.
internal sealed class LearnerChapter6 : IChapter6
{
    public IOptimizer CreateSgd(double learningRate = 0.01) => Chapter6.CreateSgd(learningRate);
    public IOptimizer CreateMomentum(double learningRate = 0.01, double momentum = 0.9) => Chapter6.CreateMomentum(learningRate, momentum);
    public IOptimizer CreateAdaGrad(double learningRate = 0.01) => Chapter6.CreateAdaGrad(learningRate);
    public IOptimizer CreateAdam(double learningRate = 0.001, double beta1 = 0.9, double beta2 = 0.999) => Chapter6.CreateAdam(learningRate, beta1, beta2);
    public Tensor XavierInit(int nIn, int nOut, Random random) => Chapter6.XavierInit(nIn, nOut, random);
    public Tensor HeInit(int nIn, int nOut, Random random) => Chapter6.HeInit(nIn, nOut, random);
    public ILayer CreateBatchNormalization(Tensor gamma, Tensor beta, double momentum = 0.9) => Chapter6.CreateBatchNormalization(gamma, beta, momentum);
    public ILayer CreateDropout(double ratio, Random random) => Chapter6.CreateDropout(ratio, random);
    public double WeightDecayLoss(IReadOnlyList<Tensor> weights, double lambda) => Chapter6.WeightDecayLoss(weights, lambda);
    public Tensor WeightDecayGradient(Tensor dW, Tensor W, double lambda) => Chapter6.WeightDecayGradient(dW, W, lambda);
}
