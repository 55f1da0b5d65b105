using DeepLearningKata.Contracts;
using FsCheck.Fluent;

namespace DeepLearningKata.Checks.Chapter04;

/// <summary>A convex quadratic f(x) = Σ a_i·x_i² + c·x0·x1, a start point, a learning rate and a number of steps.</summary>
public sealed record DescentCase(double[] A, double C, Tensor Init, double Lr, int Steps)
{
    public double F(Tensor x)
    {
        var v = x.AsSpan();
        var sum = C * v[0] * v[1];
        for (var i = 0; i < v.Length; i++) sum += A[i] * v[i] * v[i];
        return sum;
    }

    public Tensor Gradient(Tensor x)
    {
        var g = Tensor.ZerosLike(x);
        for (var i = 0; i < x.Size; i++) g.AsSpan()[i] = 2 * A[i] * x.AsSpan()[i];
        g.AsSpan()[0] += C * x.AsSpan()[1];
        g.AsSpan()[1] += C * x.AsSpan()[0];
        return g;
    }

    public override string ToString() =>
        $"f(x) = Σ a_i·x_i² + c·x0·x1 with a = [{string.Join(", ", A.Select(Tensor.FormatNumber))}], c = {Tensor.FormatNumber(C)}; " +
        $"initX = {Cases.Full(Init)}, lr = {Tensor.FormatNumber(Lr)}, stepNum = {Steps}";
}

[Exercise("4.5", "GradientDescent")]
public sealed class GradientDescentChecks
{
    private static string Hint => Say("work on a copy of initX; row 0 of the path is the start; then stepNum times: the gradient from your 4.4 " +
                                "(Earlier.NumericalGradient), a step of lr against it, and a copy of the new point in the next row. More: " +
                                "./run-checks.sh --hint 4.5", "在 initX 的副本上计算；路径的第 0 行是起点；然后重复 stepNum 次：用你的 4.4（Earlier.NumericalGradient）求梯度，逆着梯度走 lr 一步，把新点的副本放进下一行。更多：./run-checks.sh --hint 4.5 --lang zh");

    private static double SumOfSquares(Tensor x) => x[0] * x[0] + x[1] * x[1];

    /// <summary>The path the exercise defines, with the analytic gradient.</summary>
    private static Tensor ExpectedPath(Func<Tensor, Tensor> gradient, Tensor init, double lr, int steps)
    {
        var path = Tensor.Zeros(steps + 1, init.Size);
        var x = init.Copy();
        for (var k = 0; ; k++)
        {
            for (var i = 0; i < x.Size; i++) path[k, i] = x.AsSpan()[i];
            if (k == steps) return path;
            x = x - lr * gradient(x);
        }
    }

    private static Tensor GradSumOfSquares(Tensor x) => 2 * x;

    private static IEnumerable<(string, string)> Inputs(string f, Tensor init, double lr, int steps) =>
        [("f(x)", f), Expect.Input("initX", init), ("lr", Tensor.FormatNumber(lr)), ("stepNum", steps.ToString(System.Globalization.CultureInfo.InvariantCulture))];

    private static FsCheck.Gen<DescentCase> Cases_() =>
        from n in Gen.Choose(2, 4)
        from a in Gen.ArrayOf(Gens.Double(0.5, 2), n)
        from c in Gens.Double(-0.5, 0.5)
        from init in Gens.OfShape(-3, 3, n)
        from lr in Gens.Double(0.01, 0.2)
        from steps in Gen.Choose(1, 15)
        select new DescentCase(a, c, init.Value, lr, steps);

    private static IEnumerable<DescentCase> Shrink(DescentCase d)
    {
        if (d.Steps > 1) yield return d with { Steps = 1 };
        if (d.C != 0) yield return d with { C = 0 };
        var init = d.Init.Apply(v => Math.Round(v));
        if (!init.AsSpan().SequenceEqual(d.Init.AsSpan())) yield return d with { Init = init };
    }

    [Check("gives the book's worked example: x0² + x1² from (−3, 4) with lr = 0.1, 100 steps",
           "给出书中例子的结果：x0² + x1²，从 (−3, 4) 出发，lr = 0.1，100 步")]
    public void WorkedExample(IChapter4 c)
    {
        Tensor init = new[] { -3.0, 4.0 };
        var path = c.GradientDescent(SumOfSquares, init.Copy(), 0.1, 100);
        // The numerical gradient of x0² + x1² is 2x but for rounding (≈ 1e-12); after 100 steps x ≈ 0.8^100·(−3, 4).
        Expect.Close(path, ExpectedPath(GradSumOfSquares, init, 0.1, 100), "GradientDescent(f, [-3, 4], lr: 0.1, stepNum: 100)",
            Tolerance.Gradient, Inputs("x0² + x1²", init, 0.1, 100), Hint + Say(" The path has stepNum + 1 rows: the start, then one per step.", " 路径有 stepNum + 1 行：起点，再加每步一行。"));
    }

    [Check("takes the steps x ← x − lr·∇f(x) on random convex quadratics",
           "在随机的凸二次函数上按 x ← x − lr·∇f(x) 更新")]
    public void StepsOnQuadratics(IChapter4 c) =>
        Properties.ForAll("4.5 steps", Cases_(), d =>
            Expect.Close(c.GradientDescent(d.F, d.Init.Copy(), d.Lr, d.Steps), ExpectedPath(d.Gradient, d.Init, d.Lr, d.Steps),
                "GradientDescent(f, initX, lr, stepNum)", Tolerance.Gradient, [(Say("case", "用例"), d.ToString())], Hint,
                expectedNote: Say("with the analytic gradient", "用解析梯度")), Shrink);

    [Check("descends: f(x) never grows along the path, and x approaches the minimum at 0",
           "一路下降：f(x) 沿路径从不增大，x 逼近位于 0 的最小值")]
    public void Descends(IChapter4 c) =>
        Properties.ForAll("4.5 descends", from init in Gens.OfShape(-5, 5, 2) from lr in Gens.Double(0.05, 0.45) select (init, lr), p =>
        {
            var (init, lr) = p;
            var path = c.GradientDescent(SumOfSquares, init.Value.Copy(), lr, 100);
            Expect.Shape(path, [101, 2], "GradientDescent(f, initX, lr, 100)", Inputs("x0² + x1²", init.Value, lr, 100), Hint);
            for (var k = 1; k <= 100; k++)
            {
                var before = SumOfSquares(path.Row(k - 1));
                var after = SumOfSquares(path.Row(k));
                Expect.That(after <= before + 1e-12, Say($"GradientDescent climbs: f grows from step {k - 1} to step {k}.", $"GradientDescent 在往上爬：f 从第 {k - 1} 步到第 {k} 步增大了。"),
                    [.. Inputs("x0² + x1²", init.Value, lr, 100), ($"path[{k - 1}]", path.Row(k - 1).ToString()), ($"path[{k}]", path.Row(k).ToString()),
                     ("f before → after", $"{Tensor.FormatNumber(before)} → {Tensor.FormatNumber(after)}")],
                    Say("step against the gradient: x − lr·grad. x + lr·grad is gradient ascent, which looks for a maximum.", "逆着梯度走：x − lr·grad。x + lr·grad 是梯度上升，找的是最大值。"));
            }
            var start = Math.Sqrt(SumOfSquares(init.Value));
            var end = Math.Sqrt(SumOfSquares(path.Row(100)));
            Expect.That(end <= 1e-3 * start + 1e-12, Say("GradientDescent does not approach the minimum at (0, 0).", "GradientDescent 没有逼近位于 (0, 0) 的最小值。"),
                [.. Inputs("x0² + x1²", init.Value, lr, 100), (Say("last point", "最后一个点"), path.Row(100).ToString())], Hint);
        });

    [Check("keeps every point of the path, not one tensor overwritten",
           "保存路径上的每个点，而不是反复覆盖同一个张量")]
    public void KeepsEveryPoint(IChapter4 c)
    {
        Tensor init = new[] { -3.0, 4.0 };
        var path = c.GradientDescent(SumOfSquares, init.Copy(), 0.1, 3);
        Expect.Shape(path, [4, 2], "GradientDescent(f, [-3, 4], lr: 0.1, stepNum: 3)", Inputs("x0² + x1²", init, 0.1, 3), Hint);
        var expected = ExpectedPath(GradSumOfSquares, init, 0.1, 3);
        Expect.Close(path.Row(0), expected.Row(0), "path[0] of GradientDescent(f, [-3, 4], lr: 0.1, stepNum: 3)", Tolerance.Gradient,
            Inputs("x0² + x1²", init, 0.1, 3), Say("row 0 of the path is the start point, initX itself.", "路径的第 0 行是起点，即 initX 本身。"));
        Expect.Close(path.Row(1), expected.Row(1), "path[1] of GradientDescent(f, [-3, 4], lr: 0.1, stepNum: 3)", Tolerance.Gradient,
            Inputs("x0² + x1²", init, 0.1, 3),
            Say("row 1 is the point after one step. If every row equals the last point, the path holds one tensor that you kept " +
            "changing: copy the values of x into the path at every step.", "第 1 行是走了一步之后的点。如果每一行都等于最后一个点，说明路径里放的是同一个你一直在修改的张量：每一步都要把 x 的值复制进路径。"));
    }

    [Check("leaves initX unchanged",
           "不修改 initX")]
    public void LeavesInitAlone(IChapter4 c)
    {
        Tensor init = new[] { -3.0, 4.0 };
        var x = init.Copy();
        c.GradientDescent(SumOfSquares, x, 0.1, 5);
        Expect.Unchanged(init, x, "GradientDescent(f, initX, 0.1, 5)", "initX");
    }

    [Check("draws the path of the book's figure: x0² + x1² from (−3, 4), lr = 0.1, 20 steps",
           "画出书中插图的路径：x0² + x1²，从 (−3, 4) 出发，lr = 0.1，20 步")]
    public void PathPlot(IChapter4 c)
    {
        var path = c.GradientDescent(SumOfSquares, Tensor.From(-3.0, 4.0), 0.1, 20);
        Expect.Shape(path, [21, 2], "GradientDescent(f, [-3, 4], lr: 0.1, stepNum: 20)", null, Hint);
        var series = new List<Series>();
        foreach (var r in new[] { 1.0, 2.5, 5.0 })
        {
            var angles = Enumerable.Range(0, 65).Select(k => 2 * Math.PI * k / 64).ToArray();
            series.Add(new Series($"f = {Tensor.FormatNumber(r * r)}", angles.Select(a => r * Math.Cos(a)).ToArray(), angles.Select(a => r * Math.Sin(a)).ToArray()));
        }
        var x0 = Enumerable.Range(0, 21).Select(k => path[k, 0]).ToArray();
        var x1 = Enumerable.Range(0, 21).Select(k => path[k, 1]).ToArray();
        series.Add(new Series("path", x0, x1));
        Plots.Verify("path", new Figure("Gradient descent on f(x0, x1) = x0² + x1²", "x0", "x1", series, -5.5, 5.5), Tolerance.Gradient, Hint);
    }
}
