using DeepLearningKata.Contracts;

namespace DeepLearningKata.Checks.Chapter07;

/// <summary>
/// The book's Adam (exercise 6.1's rule), kept here so that chapter 7's training checks do not depend on
/// chapter 6: <c>t += 1; lr_t = lr·√(1 − β2^t)/(1 − β1^t); m += (1−β1)(g − m); v += (1−β2)(g² − v);
/// p −= lr_t·m/(√v + 1e-7)</c>, with β1 = 0.9, β2 = 0.999.
/// </summary>
internal sealed class Chapter7Adam(double learningRate = 0.001) : IOptimizer
{
    private const double Beta1 = 0.9, Beta2 = 0.999;
    private readonly Dictionary<string, (double[] M, double[] V)> _moments = [];
    private int _t;

    public void Update(IReadOnlyDictionary<string, Tensor> parameters, IReadOnlyDictionary<string, Tensor> grads)
    {
        _t++;
        var lrT = learningRate * Math.Sqrt(1 - Math.Pow(Beta2, _t)) / (1 - Math.Pow(Beta1, _t));
        foreach (var (key, p) in parameters)
        {
            var values = p.AsSpan();
            if (!_moments.TryGetValue(key, out var mv)) _moments[key] = mv = (new double[values.Length], new double[values.Length]);
            var g = grads[key].AsSpan();
            for (var i = 0; i < values.Length; i++)
            {
                mv.M[i] += (1 - Beta1) * (g[i] - mv.M[i]);
                mv.V[i] += (1 - Beta2) * (g[i] * g[i] - mv.V[i]);
                values[i] -= lrT * mv.M[i] / (Math.Sqrt(mv.V[i]) + 1e-7);
            }
        }
    }
}
