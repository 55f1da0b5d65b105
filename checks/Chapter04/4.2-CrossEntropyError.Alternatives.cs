using DeepLearningKata.Reference;

namespace DeepLearningKata.Checks.Chapter04;

[Alternative("4.2", "the one-hot formula −Σ t·log(y + δ) / N, with labels turned into one-hot rows")]
internal sealed class CrossEntropyErrorOneHotFormula : Chapter4Reference
{
    public override double CrossEntropyError(Tensor y, Tensor t)
    {
        if (y.Ndim == 1)
        {
            t = t.Reshape(1, t.Size);
            y = y.Reshape(1, y.Size);
        }
        if (t.Size != y.Size)
        {
            var oneHot = Tensor.ZerosLike(y);
            for (var i = 0; i < y.Dim(0); i++) oneHot[i, (int)t.AsSpan()[i]] = 1.0;
            t = oneHot;
        }
        return -Np.Sum(t * Np.Log(y + 1e-7)) / y.Dim(0);
    }
}

[Alternative("4.2", "per-row means: the average of each row's −log(y[t] + δ), rows handled one by one")]
internal sealed class CrossEntropyErrorRowByRow : Chapter4Reference
{
    public override double CrossEntropyError(Tensor y, Tensor t)
    {
        var rows = y.Ndim == 1 ? 1 : y.Dim(0);
        var classes = y.Size / rows;
        var oneHot = t.Size == y.Size;
        var mean = 0.0;
        for (var n = 0; n < rows; n++)
        {
            var label = 0;
            if (oneHot)
            {
                for (var k = 0; k < classes; k++) if (t.AsSpan()[n * classes + k] > t.AsSpan()[n * classes + label]) label = k;
            }
            else
            {
                label = (int)t.AsSpan()[n];
            }
            mean += (-Math.Log(y.AsSpan()[n * classes + label] + 1e-7) - mean) / (n + 1); // running mean
        }
        return mean;
    }
}
