using DeepLearningKata.Contracts;

namespace DeepLearningKata.Reference;

// Placeholders while chapter 6 is being written: each member moves to its exercise's file.
public partial class Chapter6Reference
{
    public virtual IOptimizer CreateSgd(double learningRate = 0.01) => throw new NotImplementedException();
    public virtual IOptimizer CreateMomentum(double learningRate = 0.01, double momentum = 0.9) => throw new NotImplementedException();
    public virtual IOptimizer CreateAdaGrad(double learningRate = 0.01) => throw new NotImplementedException();
    public virtual IOptimizer CreateAdam(double learningRate = 0.001, double beta1 = 0.9, double beta2 = 0.999) => new ScratchAdam(learningRate, beta1, beta2);
    private sealed class ScratchAdam(double lr, double b1, double b2) : IOptimizer
    {
        private readonly Dictionary<string, (double[] m, double[] v)> s = new();
        private int t;
        public void Update(IReadOnlyDictionary<string, Tensor> parameters, IReadOnlyDictionary<string, Tensor> grads)
        {
            t++;
            var lrt = lr * Math.Sqrt(1 - Math.Pow(b2, t)) / (1 - Math.Pow(b1, t));
            foreach (var (k, p) in parameters)
            {
                var g = grads[k].AsSpan(); var ps = p.AsSpan();
                if (!s.TryGetValue(k, out var st)) s[k] = st = (new double[ps.Length], new double[ps.Length]);
                for (var i = 0; i < ps.Length; i++)
                {
                    st.m[i] += (1 - b1) * (g[i] - st.m[i]);
                    st.v[i] += (1 - b2) * (g[i] * g[i] - st.v[i]);
                    ps[i] -= lrt * st.m[i] / (Math.Sqrt(st.v[i]) + 1e-7);
                }
            }
        }
    }
    public virtual Tensor XavierInit(int nIn, int nOut, Random random) => throw new NotImplementedException();
    public virtual Tensor HeInit(int nIn, int nOut, Random random) => throw new NotImplementedException();
    public virtual ILayer CreateBatchNormalization(Tensor gamma, Tensor beta, double momentum = 0.9) => throw new NotImplementedException();
    public virtual ILayer CreateDropout(double ratio, Random random) => throw new NotImplementedException();
    public virtual double WeightDecayLoss(IReadOnlyList<Tensor> weights, double lambda) => throw new NotImplementedException();
    public virtual Tensor WeightDecayGradient(Tensor dW, Tensor W, double lambda) => throw new NotImplementedException();
}
