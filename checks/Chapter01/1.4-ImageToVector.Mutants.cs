using DeepLearningKata.Reference;

namespace DeepLearningKata.Checks.Chapter01;

[Mutant("1.4", "a row of shape (1, h·w·c) instead of a column")]
internal sealed class ImageToVectorRow : Chapter1Reference
{
    public override Tensor ImageToVector(Tensor image) => image.Reshape(1, image.Size);
}

[Mutant("1.4", "a 1-D tensor of shape (h·w·c), without the second axis")]
internal sealed class ImageToVectorFlat : Chapter1Reference
{
    public override Tensor ImageToVector(Tensor image) => image.Flatten();
}

[Mutant("1.4", "column-major (Fortran) order: the first axis changes fastest")]
internal sealed class ImageToVectorFortranOrder : Chapter1Reference
{
    public override Tensor ImageToVector(Tensor image) => image.T.Reshape(image.Size, 1);
}

[Mutant("1.4", "channels first: all of channel 0, then all of channel 1, …")]
internal sealed class ImageToVectorChannelsFirst : Chapter1Reference
{
    public override Tensor ImageToVector(Tensor image) => image.Transpose(2, 0, 1).Reshape(image.Size, 1);
}

[Mutant("1.4", "(h·w, c): one row per pixel instead of one column of everything")]
internal sealed class ImageToVectorPixelRows : Chapter1Reference
{
    public override Tensor ImageToVector(Tensor image) => image.Reshape(image.Dim(0) * image.Dim(1), image.Dim(2));
}

[Mutant("1.4", "the loop's assignment the wrong way round: image[i, j, k] = v[n, 0] overwrites the image with zeros")]
internal sealed class ImageToVectorAssignmentReversed : Chapter1Reference
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
                for (var k = 0; k < c; k++) image[i, j, k] = v[n++, 0];
            }
        }
        return v;
    }
}
