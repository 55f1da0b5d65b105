using DeepLearningKata.Reference;

namespace DeepLearningKata.Checks.Chapter06;

[Mutant("6.2", "He with Xavier's scale √(1/nIn): the factor 2 for ReLU forgotten")]
internal sealed class HeWithoutTheTwo : Chapter6Reference
{
    public override Tensor HeInit(int nIn, int nOut, Random random) => Tensor.RandomNormal(random, nIn, nOut) * Math.Sqrt(1.0 / nIn);
}

[Mutant("6.2", "Xavier scaled by the variance 1/nIn instead of its square root")]
internal sealed class XavierByVariance : Chapter6Reference
{
    public override Tensor XavierInit(int nIn, int nOut, Random random) => Tensor.RandomNormal(random, nIn, nOut) * (1.0 / nIn);
}

[Mutant("6.2", "Xavier scaled by nOut, the number of nodes, instead of nIn")]
internal sealed class XavierByOutputs : Chapter6Reference
{
    public override Tensor XavierInit(int nIn, int nOut, Random random) => Tensor.RandomNormal(random, nIn, nOut) * Math.Sqrt(1.0 / nOut);
}

[Mutant("6.2", "Xavier left unscaled: N(0, 1) weights, which saturate sigmoid layers")]
internal sealed class XavierUnscaled : Chapter6Reference
{
    public override Tensor XavierInit(int nIn, int nOut, Random random) => Tensor.RandomNormal(random, nIn, nOut);
}

[Mutant("6.2", "He of shape (nOut, nIn): rows and columns swapped")]
internal sealed class HeTransposed : Chapter6Reference
{
    public override Tensor HeInit(int nIn, int nOut, Random random) => Tensor.RandomNormal(random, nOut, nIn) * Math.Sqrt(2.0 / nIn);
}

[Mutant("6.2", "He draws from Random.Shared instead of the Random it is given")]
internal sealed class HeIgnoresTheRandom : Chapter6Reference
{
    public override Tensor HeInit(int nIn, int nOut, Random random) => Tensor.RandomNormal(Random.Shared, nIn, nOut) * Math.Sqrt(2.0 / nIn);
}

[Mutant("6.2", "Xavier uniform with the right variance, U(−√(3/nIn), √(3/nIn)), where normal numbers are asked for")]
internal sealed class XavierUniform : Chapter6Reference
{
    public override Tensor XavierInit(int nIn, int nOut, Random random)
    {
        var limit = Math.Sqrt(3.0 / nIn);
        return Tensor.RandomUniform(random, -limit, limit, nIn, nOut);
    }
}
