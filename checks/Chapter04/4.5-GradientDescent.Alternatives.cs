using DeepLearningKata.Reference;

namespace DeepLearningKata.Checks.Chapter04;

[Alternative("4.5", "points collected as double[] in a list, the update written element by element")]
internal sealed class GradientDescentList : Chapter4Reference
{
    public override Tensor GradientDescent(Func<Tensor, double> f, Tensor initX, double lr, int stepNum)
    {
        var x = initX.Copy();
        var points = new List<double[]> { x.ToArray() };
        for (var step = 0; step < stepNum; step++)
        {
            var grad = NumericalGradient(f, x);
            for (var i = 0; i < x.Size; i++) x.AsSpan()[i] -= lr * grad.AsSpan()[i];
            points.Add(x.ToArray());
        }
        var path = new double[points.Count, x.Size];
        for (var k = 0; k < points.Count; k++)
        {
            for (var i = 0; i < x.Size; i++) path[k, i] = points[k][i];
        }
        return Tensor.From(path);
    }
}

[Alternative("4.5", "x updated in place with Assign on a copy, each point copied into its row")]
internal sealed class GradientDescentAssign : Chapter4Reference
{
    public override Tensor GradientDescent(Func<Tensor, double> f, Tensor initX, double lr, int stepNum)
    {
        var x = initX.Copy();
        var path = Tensor.Zeros(stepNum + 1, x.Size);
        for (var k = 0; k <= stepNum; k++)
        {
            if (k > 0) x.Assign(x - lr * NumericalGradient(f, x));
            for (var i = 0; i < x.Size; i++) path[k, i] = x.AsSpan()[i];
        }
        return path;
    }
}
