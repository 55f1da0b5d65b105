using DeepLearningKata.Reference;

namespace DeepLearningKata.Checks.Chapter04;

[Mutant("4.6", "x·W without the bias b")]
internal sealed class LinearScoreNoBias : Chapter4Reference
{
    public override Tensor LinearScore(Tensor x, Tensor w, Tensor b) => Np.Dot(x, w);
}

[Mutant("4.6", "the correct class not skipped: every row gets an extra max(0, 1) = 1")]
internal sealed class SvmLossIncludesCorrectClass : Chapter4Reference
{
    public override double SvmLoss(Tensor scores, Tensor t, Tensor w, double lambda) =>
        base.SvmLoss(scores, t, w, lambda) + 1.0;
}

[Mutant("4.6", "max(0, s_j − s_y): the margin of 1 forgotten")]
internal sealed class SvmLossNoMargin : Chapter4Reference
{
    public override double SvmLoss(Tensor scores, Tensor t, Tensor w, double lambda)
    {
        var s = scores.Ndim == 1 ? scores.Reshape(1, scores.Size) : scores;
        var total = 0.0;
        for (var i = 0; i < s.Dim(0); i++)
        {
            var y = (int)t.AsSpan()[i];
            for (var j = 0; j < s.Dim(1); j++) if (j != y) total += Math.Max(0, s[i, j] - s[i, y]);
        }
        return total / s.Dim(0) + lambda * (w * w).Sum();
    }
}

[Mutant("4.6", "s_j − s_y + 1 without max(0, ·): a comfortable win lowers the loss")]
internal sealed class SvmLossNoMax : Chapter4Reference
{
    public override double SvmLoss(Tensor scores, Tensor t, Tensor w, double lambda)
    {
        var s = scores.Ndim == 1 ? scores.Reshape(1, scores.Size) : scores;
        var total = 0.0;
        for (var i = 0; i < s.Dim(0); i++)
        {
            var y = (int)t.AsSpan()[i];
            for (var j = 0; j < s.Dim(1); j++) if (j != y) total += s[i, j] - s[i, y] + 1;
        }
        return total / s.Dim(0) + lambda * (w * w).Sum();
    }
}

[Mutant("4.6", "the hinge loss summed over the batch, not averaged")]
internal sealed class SvmLossSumOverBatch : Chapter4Reference
{
    public override double SvmLoss(Tensor scores, Tensor t, Tensor w, double lambda)
    {
        var n = scores.Ndim == 1 ? 1 : scores.Dim(0);
        return n * base.SvmLoss(scores, t, w, 0) + lambda * (w * w).Sum();
    }
}

[Mutant("4.6", "penalty λ·Σ|W| (L1) instead of λ·ΣW²")]
internal sealed class SvmLossL1Penalty : Chapter4Reference
{
    public override double SvmLoss(Tensor scores, Tensor t, Tensor w, double lambda) =>
        base.SvmLoss(scores, t, w, 0) + lambda * Np.Abs(w).Sum();
}
