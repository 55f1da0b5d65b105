using DeepLearningKata.Contracts;

namespace DeepLearningKata.Reference;

// Placeholders while chapter 6 is being written: each member moves to its exercise's file.
public partial class Chapter6Reference
{
    public virtual IOptimizer CreateSgd(double learningRate = 0.01) => throw new NotImplementedException();
    public virtual IOptimizer CreateMomentum(double learningRate = 0.01, double momentum = 0.9) => throw new NotImplementedException();
    public virtual IOptimizer CreateAdaGrad(double learningRate = 0.01) => throw new NotImplementedException();
    public virtual IOptimizer CreateAdam(double learningRate = 0.001, double beta1 = 0.9, double beta2 = 0.999) => throw new NotImplementedException();
    public virtual Tensor XavierInit(int nIn, int nOut, Random random) => throw new NotImplementedException();
    public virtual Tensor HeInit(int nIn, int nOut, Random random) => throw new NotImplementedException();
    public virtual ILayer CreateBatchNormalization(Tensor gamma, Tensor beta, double momentum = 0.9) => throw new NotImplementedException();
    public virtual ILayer CreateDropout(double ratio, Random random) => throw new NotImplementedException();
    public virtual double WeightDecayLoss(IReadOnlyList<Tensor> weights, double lambda) => throw new NotImplementedException();
    public virtual Tensor WeightDecayGradient(Tensor dW, Tensor W, double lambda) => throw new NotImplementedException();
}
