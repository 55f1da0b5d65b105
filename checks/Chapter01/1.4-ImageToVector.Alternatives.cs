using DeepLearningKata.Reference;

namespace DeepLearningKata.Checks.Chapter01;

[Alternative("1.4", "three nested loops over i, j, k writing v[(i·w + j)·c + k, 0]")]
internal sealed class ImageToVectorLoops : Chapter1Reference
{
    public override Tensor ImageToVector(Tensor image)
    {
        int h = image.Dim(0), w = image.Dim(1), c = image.Dim(2);
        var v = Tensor.Zeros(h * w * c, 1);
        var n = 0;
        for (var i = 0; i < h; i++)
        {
            for (var j = 0; j < w; j++)
            {
                for (var k = 0; k < c; k++) v[n++, 0] = image[i, j, k];
            }
        }
        return v;
    }
}

[Alternative("1.4", "Reshape with -1, as image.reshape(-1, 1) in NumPy")]
internal sealed class ImageToVectorInferred : Chapter1Reference
{
    public override Tensor ImageToVector(Tensor image) => image.Reshape(-1, 1);
}
