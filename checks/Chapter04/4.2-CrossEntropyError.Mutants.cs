using DeepLearningKata.Reference;

namespace DeepLearningKata.Checks.Chapter04;

[Mutant("4.2", "log(y) without δ: −∞ inside when a probability is 0")]
internal sealed class CrossEntropyErrorNoDelta : Chapter4Reference
{
    public override double CrossEntropyError(Tensor y, Tensor t)
    {
        if (y.Ndim == 1) (t, y) = (t.Reshape(1, t.Size), y.Reshape(1, y.Size));
        if (t.Size != y.Size) t = Cases.OneHot(t, y.Dim(1));
        return -(t * Np.Log(y)).Sum() / y.Dim(0);
    }
}

[Mutant("4.2", "−Σ log(y + δ) not divided by the batch size")]
internal sealed class CrossEntropyErrorNoBatchMean : Chapter4Reference
{
    public override double CrossEntropyError(Tensor y, Tensor t)
    {
        var n = y.Ndim == 1 ? 1 : y.Dim(0);
        return base.CrossEntropyError(y, t) * n;
    }
}

[Mutant("4.2", "y clipped to [δ, 1] instead of δ added inside the log")]
internal sealed class CrossEntropyErrorClipped : Chapter4Reference
{
    public override double CrossEntropyError(Tensor y, Tensor t) =>
        base.CrossEntropyError(y.Apply(v => Math.Clamp(v, CrossEntropyDelta, 1.0)) - CrossEntropyDelta, t);
}

[Mutant("4.2", "−Σ t·log(y + δ) for every t: labels multiplied in as if they were one-hot")]
internal sealed class CrossEntropyErrorLabelsAsOneHot : Chapter4Reference
{
    public override double CrossEntropyError(Tensor y, Tensor t)
    {
        if (y.Ndim == 1) (t, y) = (t.Reshape(1, t.Size), y.Reshape(1, y.Size));
        if (t.Size != y.Size) t = t.Reshape(t.Size, 1); // broadcasts the label over the row
        return -(t * Np.Log(y + CrossEntropyDelta)).Sum() / y.Dim(0);
    }
}

[Mutant("4.2", "divided by every element (N·C), not by the batch size N")]
internal sealed class CrossEntropyErrorMeanOfAll : Chapter4Reference
{
    public override double CrossEntropyError(Tensor y, Tensor t)
    {
        var classes = y.Ndim == 1 ? y.Size : y.Dim(1);
        return base.CrossEntropyError(y, t) / classes;
    }
}

[Mutant("4.2", "δ added to y in place (y += δ), changing the caller's probabilities")]
internal sealed class CrossEntropyErrorInPlace : Chapter4Reference
{
    public override double CrossEntropyError(Tensor y, Tensor t)
    {
        var ys = y.AsSpan();
        for (var i = 0; i < ys.Length; i++) ys[i] += CrossEntropyDelta;
        return base.CrossEntropyError(y - CrossEntropyDelta, t);
    }
}
