namespace DeepLearningKata.Reference;

public partial class Chapter4Reference
{
    /// <inheritdoc/>
    public virtual Tensor LinearScore(Tensor x, Tensor w, Tensor b) => Np.Dot(x, w) + b;

    /// <inheritdoc/>
    public virtual double SvmLoss(Tensor scores, Tensor t, Tensor w, double lambda)
    {
        if (scores.Ndim == 1) scores = scores.Reshape(1, scores.Size);
        var n = scores.Dim(0);
        var classes = scores.Dim(1);
        var dataLoss = 0.0;
        for (var i = 0; i < n; i++)
        {
            var y = (int)t.AsSpan()[i];
            var correct = scores[i, y];
            for (var j = 0; j < classes; j++)
            {
                if (j == y) continue; // the correct class is not compared with itself
                dataLoss += Math.Max(0.0, scores[i, j] - correct + 1.0);
            }
        }
        return dataLoss / n + lambda * (w * w).Sum();
    }
}
