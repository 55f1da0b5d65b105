using DeepLearningKata.Reference;

namespace DeepLearningKata.Checks.Chapter06;

[Alternative("6.2", "normal numbers by Marsaglia's polar method in a loop, column by column: other draws than Tensor.RandomNormal's")]
internal sealed class WeightInitPolarMethod : Chapter6Reference
{
    public override Tensor XavierInit(int nIn, int nOut, Random random) => Draw(nIn, nOut, random, Math.Sqrt(1.0 / nIn));

    public override Tensor HeInit(int nIn, int nOut, Random random) => Draw(nIn, nOut, random, Math.Sqrt(2.0 / nIn));

    private static Tensor Draw(int nIn, int nOut, Random random, double std)
    {
        var w = Tensor.Zeros(nIn, nOut);
        for (var j = 0; j < nOut; j++)
        {
            for (var i = 0; i < nIn; i++)
            {
                double u, v, s;
                do
                {
                    u = 2 * random.NextDouble() - 1;
                    v = 2 * random.NextDouble() - 1;
                    s = u * u + v * v;
                } while (s >= 1 || s == 0);
                w[i, j] = std * u * Math.Sqrt(-2 * Math.Log(s) / s);
            }
        }
        return w;
    }
}
