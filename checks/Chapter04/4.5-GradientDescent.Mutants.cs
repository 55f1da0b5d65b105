using DeepLearningKata.Reference;

namespace DeepLearningKata.Checks.Chapter04;

[Mutant("4.5", "x + lr·grad: gradient ascent")]
internal sealed class GradientDescentAscent : Chapter4Reference
{
    public override Tensor GradientDescent(Func<Tensor, double> f, Tensor initX, double lr, int stepNum) =>
        base.GradientDescent(f, initX, -lr, stepNum);
}

[Mutant("4.5", "the path holds one tensor, changed in place at every step: every row is the last point")]
internal sealed class GradientDescentAliasedPath : Chapter4Reference
{
    public override Tensor GradientDescent(Func<Tensor, double> f, Tensor initX, double lr, int stepNum)
    {
        var x = initX.Copy();
        var history = new List<Tensor> { x };
        for (var i = 0; i < stepNum; i++)
        {
            x.Assign(x - lr * NumericalGradient(f, x));
            history.Add(x);
        }
        var path = Tensor.Zeros(stepNum + 1, x.Size);
        for (var k = 0; k < history.Count; k++) history[k].AsSpan().CopyTo(path.AsSpan().Slice(k * x.Size, x.Size));
        return path;
    }
}

[Mutant("4.5", "the start point left out: stepNum rows instead of stepNum + 1")]
internal sealed class GradientDescentNoStart : Chapter4Reference
{
    public override Tensor GradientDescent(Func<Tensor, double> f, Tensor initX, double lr, int stepNum)
    {
        var path = base.GradientDescent(f, initX, lr, stepNum);
        return path.Rows(Enumerable.Range(1, stepNum).ToArray());
    }
}

[Mutant("4.5", "x = initX without a copy, updated in place with Assign: the caller's start point moves")]
internal sealed class GradientDescentMovesInit : Chapter4Reference
{
    public override Tensor GradientDescent(Func<Tensor, double> f, Tensor initX, double lr, int stepNum)
    {
        var path = base.GradientDescent(f, initX, lr, stepNum);
        initX.Assign(path.Row(stepNum).Reshape(initX.Shape));
        return path;
    }
}

[Mutant("4.5", "x − grad: the learning rate forgotten")]
internal sealed class GradientDescentNoLearningRate : Chapter4Reference
{
    public override Tensor GradientDescent(Func<Tensor, double> f, Tensor initX, double lr, int stepNum) =>
        base.GradientDescent(f, initX, 1.0, stepNum);
}
