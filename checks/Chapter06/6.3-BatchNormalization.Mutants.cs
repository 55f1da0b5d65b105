using DeepLearningKata.Contracts;
using DeepLearningKata.Reference;

namespace DeepLearningKata.Checks.Chapter06;

[Mutant("6.3", "σ²_B divided by N − 1 (the unbiased variance) instead of N")]
internal sealed class BatchNormUnbiasedVariance : Chapter6Reference
{
    public override ILayer CreateBatchNormalization(Tensor gamma, Tensor beta, double momentum = 0.9) => new Layer(gamma, beta, momentum);

    private sealed class Layer(Tensor gamma, Tensor beta, double momentum) : BatchNormalization(gamma, beta, momentum)
    {
        protected override Tensor TrainForward(Tensor x)
        {
            var n = x.Dim(0);
            var mu = x.Mean(axis: 0);
            xc = x - mu;
            var variance = (xc * xc).Sum(axis: 0) / (n - 1);
            std = Np.Sqrt(variance + Epsilon);
            xn = xc / std;
            batchSize = n;
            runningMean = momentum * runningMean! + (1 - momentum) * mu;
            runningVar = momentum * runningVar! + (1 - momentum) * variance;
            return gamma * xn + beta;
        }
    }
}

[Mutant("6.3", "no ε: σ = √σ²_B")]
internal sealed class BatchNormWithoutEpsilon : Chapter6Reference
{
    public override ILayer CreateBatchNormalization(Tensor gamma, Tensor beta, double momentum = 0.9) => new Layer(gamma, beta, momentum);

    private sealed class Layer(Tensor gamma, Tensor beta, double momentum) : BatchNormalization(gamma, beta, momentum)
    {
        protected override Tensor TrainForward(Tensor x)
        {
            var mu = x.Mean(axis: 0);
            xc = x - mu;
            var variance = (xc * xc).Mean(axis: 0);
            std = Np.Sqrt(variance);
            xn = xc / std;
            batchSize = x.Dim(0);
            runningMean = momentum * runningMean! + (1 - momentum) * mu;
            runningVar = momentum * runningVar! + (1 - momentum) * variance;
            return gamma * xn + beta;
        }
    }
}

[Mutant("6.3", "backward without the path through the batch mean (no dmu term)", Diagnosis = "leaves out the path through the batch mean")]
internal sealed class BatchNormBackwardWithoutMean : Chapter6Reference
{
    public override ILayer CreateBatchNormalization(Tensor gamma, Tensor beta, double momentum = 0.9) => new Layer(gamma, beta, momentum);

    private sealed class Layer(Tensor gamma, Tensor beta, double momentum) : BatchNormalization(gamma, beta, momentum)
    {
        protected override Tensor BackwardX(Tensor dout)
        {
            var dxn = gamma * dout;
            var dstd = -(dxn * xc! / (std! * std!)).Sum(axis: 0);
            var dvar = 0.5 * dstd / std!;
            return dxn / std! + (2.0 / batchSize) * xc! * dvar;
        }
    }
}

[Mutant("6.3", "backward without the path through the batch variance (no dstd/dvar terms)", Diagnosis = "leaves out the path through the batch variance")]
internal sealed class BatchNormBackwardWithoutVariance : Chapter6Reference
{
    public override ILayer CreateBatchNormalization(Tensor gamma, Tensor beta, double momentum = 0.9) => new Layer(gamma, beta, momentum);

    private sealed class Layer(Tensor gamma, Tensor beta, double momentum) : BatchNormalization(gamma, beta, momentum)
    {
        protected override Tensor BackwardX(Tensor dout)
        {
            var dxc = gamma * dout / std!;
            return dxc - dxc.Sum(axis: 0) / batchSize;
        }
    }
}

[Mutant("6.3", "test mode normalises with the test batch's own statistics")]
internal sealed class BatchNormTestUsesBatchStatistics : Chapter6Reference
{
    public override ILayer CreateBatchNormalization(Tensor gamma, Tensor beta, double momentum = 0.9) => new Layer(gamma, beta, momentum);

    private sealed class Layer(Tensor gamma, Tensor beta, double momentum) : BatchNormalization(gamma, beta, momentum)
    {
        protected override Tensor TestForward(Tensor x)
        {
            var xcTest = x - x.Mean(axis: 0);
            return gamma * xcTest / Np.Sqrt((xcTest * xcTest).Mean(axis: 0) + Epsilon) + beta;
        }
    }
}

[Mutant("6.3", "running statistics never updated: test mode keeps using zeros")]
internal sealed class BatchNormRunningStatisticsFrozen : Chapter6Reference
{
    public override ILayer CreateBatchNormalization(Tensor gamma, Tensor beta, double momentum = 0.9) => new Layer(gamma, beta, momentum);

    private sealed class Layer(Tensor gamma, Tensor beta, double momentum) : BatchNormalization(gamma, beta, momentum)
    {
        protected override Tensor TrainForward(Tensor x)
        {
            var (mean, variance) = (runningMean, runningVar);
            var y = base.TrainForward(x);
            (runningMean, runningVar) = (mean, variance);
            return y;
        }
    }
}

[Mutant("6.3", "running statistics blended the other way round: r = (1 − momentum)·r + momentum·batch")]
internal sealed class BatchNormMomentumSwapped : Chapter6Reference
{
    public override ILayer CreateBatchNormalization(Tensor gamma, Tensor beta, double momentum = 0.9) => new Layer(gamma, beta, momentum);

    private sealed class Layer(Tensor gamma, Tensor beta, double momentum) : BatchNormalization(gamma, beta, momentum)
    {
        protected override Tensor TrainForward(Tensor x)
        {
            var (mean, variance) = (runningMean!, runningVar!);
            var y = base.TrainForward(x);
            var mu = x.Mean(axis: 0);
            runningMean = (1 - momentum) * mean + momentum * mu;
            runningVar = (1 - momentum) * variance + momentum * (xc! * xc!).Mean(axis: 0);
            return y;
        }
    }
}

[Mutant("6.3", "running variance started at ones (as PyTorch does) where the book starts it at zeros")]
internal sealed class BatchNormRunningVarianceStartsAtOne : Chapter6Reference
{
    public override ILayer CreateBatchNormalization(Tensor gamma, Tensor beta, double momentum = 0.9) => new Layer(gamma, beta, momentum);

    private sealed class Layer(Tensor gamma, Tensor beta, double momentum) : BatchNormalization(gamma, beta, momentum)
    {
        public override Tensor Forward(Tensor x, bool train = true)
        {
            runningVar ??= Tensor.Ones(x.Size / x.Dim(0));
            runningMean ??= Tensor.Zeros(x.Size / x.Dim(0));
            return base.Forward(x, train);
        }
    }
}

[Mutant("6.3", "test mode also updates the running statistics with the test batch")]
internal sealed class BatchNormTestUpdatesStatistics : Chapter6Reference
{
    public override ILayer CreateBatchNormalization(Tensor gamma, Tensor beta, double momentum = 0.9) => new Layer(gamma, beta, momentum);

    private sealed class Layer(Tensor gamma, Tensor beta, double momentum) : BatchNormalization(gamma, beta, momentum)
    {
        protected override Tensor TestForward(Tensor x)
        {
            var y = base.TestForward(x);
            var mu = x.Mean(axis: 0);
            var xcTest = x - mu;
            runningMean = momentum * runningMean! + (1 - momentum) * mu;
            runningVar = momentum * runningVar! + (1 - momentum) * (xcTest * xcTest).Mean(axis: 0);
            return y;
        }
    }
}

[Mutant("6.3", "y left flat, (N, C·H·W), for an image batch (N, C, H, W)")]
internal sealed class BatchNormOutputNotReshaped : Chapter6Reference
{
    public override ILayer CreateBatchNormalization(Tensor gamma, Tensor beta, double momentum = 0.9) => new Layer(gamma, beta, momentum);

    private sealed class Layer(Tensor gamma, Tensor beta, double momentum) : BatchNormalization(gamma, beta, momentum)
    {
        public override Tensor Forward(Tensor x, bool train = true)
        {
            var y = base.Forward(x, train);
            return y.Reshape(y.Dim(0), -1);
        }
    }
}

[Mutant("6.3", "keeps the caller's x by reference and computes xc, std and xn from it in Backward")]
internal sealed class BatchNormNormalizesCallersXInBackward : Chapter6Reference
{
    public override ILayer CreateBatchNormalization(Tensor gamma, Tensor beta, double momentum = 0.9) => new Layer(gamma, beta, momentum);

    private sealed class Layer(Tensor gamma, Tensor beta, double momentum) : BatchNormalization(gamma, beta, momentum)
    {
        private Tensor? x;

        public override Tensor Forward(Tensor x, bool train = true)
        {
            this.x = x; // a reference: the caller may change x before Backward
            return base.Forward(x, train);
        }

        public override Tensor Backward(Tensor dout)
        {
            var flat = x!.Reshape(x.Dim(0), -1); // whatever x holds now
            xc = flat - flat.Mean(axis: 0);
            std = Np.Sqrt((xc * xc).Mean(axis: 0) + Epsilon);
            xn = xc / std;
            return base.Backward(dout);
        }
    }
}
