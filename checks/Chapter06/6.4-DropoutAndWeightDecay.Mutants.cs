using DeepLearningKata.Contracts;
using DeepLearningKata.Reference;

namespace DeepLearningKata.Checks.Chapter06;

[Mutant("6.4", "inverted dropout: x·mask/(1 − ratio) in training and x unscaled at test time")]
internal sealed class DropoutInverted : Chapter6Reference
{
    public override ILayer CreateDropout(double ratio, Random random) => new Layer(ratio, random);

    private sealed class Layer(double ratio, Random random) : Dropout(ratio, random)
    {
        public override Tensor Forward(Tensor x, bool train = true)
        {
            if (!train) return x.Copy();
            mask = Tensor.RandomUniform(random, 0, 1, x.Shape) > ratio;
            return x * mask / (1 - ratio);
        }
    }
}

[Mutant("6.4", "Backward draws a new mask instead of using the one Forward drew")]
internal sealed class DropoutNewMaskInBackward : Chapter6Reference
{
    public override ILayer CreateDropout(double ratio, Random random) => new Layer(ratio, random);

    private sealed class Layer(double ratio, Random random) : Dropout(ratio, random)
    {
        public override Tensor Backward(Tensor dout) => dout * (Tensor.RandomUniform(random, 0, 1, dout.Shape) > ratio);
    }
}

[Mutant("6.4", "keeps the elements whose draw is below ratio: keeps a share ratio instead of 1 − ratio")]
internal sealed class DropoutKeepsBelowRatio : Chapter6Reference
{
    public override ILayer CreateDropout(double ratio, Random random) => new Layer(ratio, random);

    private sealed class Layer(double ratio, Random random) : Dropout(ratio, random)
    {
        public override Tensor Forward(Tensor x, bool train = true)
        {
            if (!train) return x * (1.0 - ratio);
            mask = Tensor.RandomUniform(random, 0, 1, x.Shape) < ratio;
            return x * mask;
        }
    }
}

[Mutant("6.4", "draws one mask at the first Forward and reuses it for every batch")]
internal sealed class DropoutMaskDrawnOnce : Chapter6Reference
{
    public override ILayer CreateDropout(double ratio, Random random) => new Layer(ratio, random);

    private sealed class Layer(double ratio, Random random) : Dropout(ratio, random)
    {
        public override Tensor Forward(Tensor x, bool train = true)
        {
            if (!train) return x * (1.0 - ratio);
            if (mask is null || !mask.ShapeSpan.SequenceEqual(x.ShapeSpan)) mask = Tensor.RandomUniform(random, 0, 1, x.Shape) > ratio;
            return x * mask;
        }
    }
}

[Mutant("6.4", "draws the mask from Random.Shared instead of the Random it is given")]
internal sealed class DropoutIgnoresTheRandom : Chapter6Reference
{
    public override ILayer CreateDropout(double ratio, Random random) => new Dropout(ratio, Random.Shared);
}

[Mutant("6.4", "zeroes the dropped elements of x in place and returns x")]
internal sealed class DropoutInPlace : Chapter6Reference
{
    public override ILayer CreateDropout(double ratio, Random random) => new Layer(ratio, random);

    private sealed class Layer(double ratio, Random random) : Dropout(ratio, random)
    {
        public override Tensor Forward(Tensor x, bool train = true)
        {
            if (!train) return x * (1.0 - ratio);
            mask = Tensor.RandomUniform(random, 0, 1, x.Shape) > ratio;
            x.Assign(x * mask);
            return x;
        }
    }
}

[Mutant("6.4", "weight-decay loss without the ½: λ·ΣW²")]
internal sealed class WeightDecayWithoutHalf : Chapter6Reference
{
    public override double WeightDecayLoss(IReadOnlyList<Tensor> weights, double lambda) => weights.Sum(W => lambda * Np.Sum(W * W));
}

[Mutant("6.4", "weight-decay loss of the first weight matrix only")]
internal sealed class WeightDecayFirstMatrixOnly : Chapter6Reference
{
    public override double WeightDecayLoss(IReadOnlyList<Tensor> weights, double lambda) =>
        weights.Count == 0 ? 0 : 0.5 * lambda * Np.Sum(weights[0] * weights[0]);
}

[Mutant("6.4", "weight-decay gradient dW + (λ/2)·W: the ½ kept in the derivative")]
internal sealed class WeightDecayGradientHalfLambda : Chapter6Reference
{
    public override Tensor WeightDecayGradient(Tensor dW, Tensor W, double lambda) => dW + lambda / 2 * W;
}

[Mutant("6.4", "weight-decay gradient added into dW in place and dW returned")]
internal sealed class WeightDecayGradientInPlace : Chapter6Reference
{
    public override Tensor WeightDecayGradient(Tensor dW, Tensor W, double lambda)
    {
        dW.Assign(dW + lambda * W);
        return dW;
    }
}

[Mutant("6.4", "keeps the output it returns, without a copy, and in Backward lets dout through where that output is not 0")]
internal sealed class DropoutMaskFromReturnedOutput : Chapter6Reference
{
    public override ILayer CreateDropout(double ratio, Random random) => new Layer(ratio, random);

    private sealed class Layer(double ratio, Random random) : Dropout(ratio, random)
    {
        private Tensor? y;

        public override Tensor Forward(Tensor x, bool train = true)
        {
            y = base.Forward(x, train);
            return y; // the caller may change y before Backward
        }

        public override Tensor Backward(Tensor dout) => dout * y!.Apply(v => v == 0 ? 0.0 : 1.0);
    }
}
