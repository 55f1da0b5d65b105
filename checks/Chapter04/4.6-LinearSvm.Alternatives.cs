using DeepLearningKata.Reference;

namespace DeepLearningKata.Checks.Chapter04;

[Alternative("4.6", "vectorised: margins = max(0, s − s_y + 1) for the whole batch, the correct class zeroed afterwards")]
internal sealed class LinearSvmVectorised : Chapter4Reference
{
    public override double SvmLoss(Tensor scores, Tensor t, Tensor w, double lambda)
    {
        if (scores.Ndim == 1) scores = scores.Reshape(1, scores.Size);
        var n = scores.Dim(0);
        var correct = Tensor.Zeros(n, 1);
        for (var i = 0; i < n; i++) correct[i, 0] = scores[i, (int)t.AsSpan()[i]];
        var margins = Np.Maximum(0.0, scores - correct + 1.0);
        for (var i = 0; i < n; i++) margins[i, (int)t.AsSpan()[i]] = 0.0;
        return Np.Sum(margins) / n + lambda * Np.Sum(Np.Square(w));
    }
}

[Alternative("4.6", "LinearScore with loops, b reshaped to a row; SvmLoss row by row through the 1-D case")]
internal sealed class LinearSvmLoops : Chapter4Reference
{
    public override Tensor LinearScore(Tensor x, Tensor w, Tensor b)
    {
        var oneSample = x.Ndim == 1;
        var x2 = oneSample ? x.Reshape(1, x.Size) : x;
        var s = Tensor.Zeros(x2.Dim(0), w.Dim(1));
        for (var i = 0; i < x2.Dim(0); i++)
        {
            for (var j = 0; j < w.Dim(1); j++)
            {
                for (var k = 0; k < w.Dim(0); k++) s[i, j] += x2[i, k] * w[k, j];
            }
        }
        s = s + b.Reshape(1, b.Size);
        return oneSample ? s.Reshape(w.Dim(1)) : s;
    }

    public override double SvmLoss(Tensor scores, Tensor t, Tensor w, double lambda)
    {
        if (scores.Ndim == 1) return base.SvmLoss(scores, t, w, lambda);
        var sum = 0.0;
        for (var i = 0; i < scores.Dim(0); i++) sum += base.SvmLoss(scores.Row(i), t.Rows([i]), w, 0);
        return sum / scores.Dim(0) + lambda * w.ToArray().Sum(v => v * v);
    }
}
