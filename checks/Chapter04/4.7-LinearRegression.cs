using DeepLearningKata.Contracts;
using FsCheck.Fluent;

namespace DeepLearningKata.Checks.Chapter04;

/// <summary>A regression problem: features x (m, d), targets y (m,), a learning rate and a number of steps.</summary>
public sealed record RegressionCase(Tensor X, Tensor Y, double Lr, int Steps)
{
    public override string ToString() =>
        $"x = {Cases.Full(X)}, y = {Cases.Full(Y)}, lr = {Tensor.FormatNumber(Lr)}, steps = {Steps}";
}

[Exercise("4.7", "LinearRegression")]
public sealed class LinearRegressionChecks
{
    private static string Hint => Say("start at w = 0, b = 0; each step: the error ŷ − y of all samples, J from it, both gradients from that same " +
                                "error (∂J/∂w uses xᵀ), then a step of lr against each. Losses holds J before the first step and after every " +
                                "step: steps + 1 values. More: ./run-checks.sh --hint 4.7", "从 w = 0、b = 0 开始；每一步：算出所有样本的误差 ŷ − y，由它得到 J，两个梯度都由同一个误差算出（∂J/∂w 用到 xᵀ），然后各自逆着梯度走 lr 一步。Losses 保存第一步之前和每一步之后的 J：共 steps + 1 个值。更多：./run-checks.sh --hint 4.7 --lang zh");

    /// <summary>The exercise's gradient descent, written with loops.</summary>
    private static (Tensor W, double B, Tensor Losses) Expected(Tensor x, Tensor y, double lr, int steps)
    {
        int m = x.Dim(0), d = x.Dim(1);
        var w = new double[d];
        var b = 0.0;
        var losses = new double[steps + 1];
        for (var k = 0; k <= steps; k++)
        {
            var error = new double[m];
            for (var i = 0; i < m; i++)
            {
                var yhat = b;
                for (var j = 0; j < d; j++) yhat += x[i, j] * w[j];
                error[i] = yhat - y[i];
                losses[k] += error[i] * error[i] / (2 * m);
            }
            if (k == steps) break;
            var dw = new double[d];
            var db = 0.0;
            for (var i = 0; i < m; i++)
            {
                for (var j = 0; j < d; j++) dw[j] += x[i, j] * error[i] / m;
                db += error[i] / m;
            }
            for (var j = 0; j < d; j++) w[j] -= lr * dw[j];
            b -= lr * db;
        }
        return (new Tensor(w, d), b, new Tensor(losses, steps + 1));
    }

    /// <summary>The least-squares fit from the normal equations [x 1]ᵀ[x 1]·θ = [x 1]ᵀy, by Gaussian elimination.</summary>
    private static (Tensor W, double B) LeastSquares(Tensor x, Tensor y)
    {
        int m = x.Dim(0), d = x.Dim(1), n = d + 1;
        double A(int i, int j) => j < d ? x[i, j] : 1.0;
        var g = new double[n, n + 1];
        for (var r = 0; r < n; r++)
        {
            for (var c = 0; c < n; c++) for (var i = 0; i < m; i++) g[r, c] += A(i, r) * A(i, c);
            for (var i = 0; i < m; i++) g[r, n] += A(i, r) * y[i];
        }
        for (var p = 0; p < n; p++)
        {
            var best = p;
            for (var r = p + 1; r < n; r++) if (Math.Abs(g[r, p]) > Math.Abs(g[best, p])) best = r;
            for (var c = 0; c <= n; c++) (g[p, c], g[best, c]) = (g[best, c], g[p, c]);
            for (var r = 0; r < n; r++)
            {
                if (r == p) continue;
                var f = g[r, p] / g[p, p];
                for (var c = p; c <= n; c++) g[r, c] -= f * g[p, c];
            }
        }
        var theta = Enumerable.Range(0, n).Select(i => g[i, n] / g[i, i]).ToArray();
        return (new Tensor(theta[..d], d), theta[d]);
    }

    /// <summary>A fixed, well-conditioned problem: 40 samples of 3 features in [−1, 1], y = x·[2, −1, 0.5] + 0.3 + noise.</summary>
    private static (Tensor X, Tensor Y) Problem()
    {
        var random = new Random(2024);
        var x = Tensor.RandomUniform(random, -1, 1, 40, 3);
        var noise = Tensor.RandomNormal(random, 40);
        var y = Np.Dot(x, Tensor.From(2.0, -1.0, 0.5)) + 0.3 + 0.1 * noise;
        return (x, y);
    }

    private static FsCheck.Gen<RegressionCase> SmallProblems(double minLr, double maxLr, int maxSteps) =>
        from m in Gen.Choose(3, 8)
        from d in Gen.Choose(1, 3)
        from x in Gens.OfShape(-2, 2, m, d)
        from y in Gens.OfShape(-3, 3, m)
        from lr in Gens.Double(minLr, maxLr)
        from steps in Gen.Choose(1, maxSteps)
        select new RegressionCase(x.Value, y.Value, lr, steps);

    private static IEnumerable<RegressionCase> Shrink(RegressionCase r)
    {
        if (r.Steps > 1) yield return r with { Steps = 1 };
        if (r.X.Dim(0) > 3) yield return r with { X = Cases.DropLastRow(r.X), Y = Cases.DropLastRow(r.Y) };
    }

    private static void ExpectFit(LinearFit? fit, Tensor w, double b, Tensor? losses, string call, IEnumerable<(string, string)> inputs, Tolerance tolerance, string hint)
    {
        Expect.That(fit is not null, Say($"{call} returned null.", $"{call} 返回了 null。"), inputs, Say("return new LinearFit(w, b, losses).", "返回 new LinearFit(w, b, losses)。"));
        if (losses is not null) Expect.Close(fit!.Losses, losses, call + ".Losses", tolerance, inputs, hint);
        Expect.Close(fit!.W, w, call + ".W", tolerance, inputs, hint);
        Expect.Close(fit.B, b, call + ".B", tolerance, inputs, hint);
    }

    [Check("gives the worked example: y = 2x + 1 from four points",
           "给出示例的结果：由四个点得到 y = 2x + 1")]
    public void WorkedExample(IChapter4 c)
    {
        Tensor x = new[,] { { 0.0 }, { 1.0 }, { 2.0 }, { 3.0 } };
        Tensor y = new[] { 1.0, 3.0, 5.0, 7.0 };
        var fit = c.LinearRegression(x.Copy(), y.Copy(), 0.1, 1000);
        var inputs = new List<(string, string)> { Expect.Input("x", x), Expect.Input("y", y), ("lr", "0.1"), ("steps", "1000") };
        Expect.That(fit is not null, Say("LinearRegression returned null.", "LinearRegression 返回了 null。"), inputs, Say("return new LinearFit(w, b, losses).", "返回 new LinearFit(w, b, losses)。"));
        Expect.Shape(fit!.Losses, [1001], "LinearRegression(x, y, 0.1, 1000).Losses", inputs, Hint);
        Expect.Close(fit.Losses.Rows([0, 1, 2]), Tensor.From(10.5, 3.529375, 1.1865109375), Say("the first three Losses", "Losses 的前三个值"), Tolerance.Value, inputs,
            Say("J(0, 0) = (1² + 3² + 5² + 7²) / (2·4) = 10.5; after one step w = 0.85, b = 0.4 and J = 3.529375. ", "J(0, 0) = (1² + 3² + 5² + 7²) / (2·4) = 10.5；一步之后 w = 0.85，b = 0.4，J = 3.529375。") + Hint);
        Expect.Close(fit.W, Tensor.From(2.0), "LinearRegression(x, y, 0.1, 1000).W", Tolerance.Value, inputs, Hint);
        Expect.Close(fit.B, 1.0, "LinearRegression(x, y, 0.1, 1000).B", Tolerance.Value, inputs, Hint);
    }

    [Check("takes exactly the gradient steps of J = Σ(ŷ − y)²/2m from w = 0, b = 0, on random problems",
           "在随机问题上，从 w = 0、b = 0 出发，严格按 J = Σ(ŷ − y)²/2m 的梯度更新")]
    public void TakesTheGradientSteps(IChapter4 c) =>
        Properties.ForAll("4.7 steps", SmallProblems(0.01, 0.1, 6), r =>
        {
            var (w, b, losses) = Expected(r.X, r.Y, r.Lr, r.Steps);
            ExpectFit(c.LinearRegression(r.X.Copy(), r.Y.Copy(), r.Lr, r.Steps), w, b, losses, "LinearRegression(x, y, lr, steps)",
                [(Say("case", "用例"), r.ToString())], Tolerance.Value, Hint);
        }, Shrink);

    [Check("the loss never increases when lr is small enough",
           "lr 足够小时损失从不增大")]
    public void LossDecreases(IChapter4 c) =>
        Properties.ForAll("4.7 decreases", SmallProblems(0, 0, 50), r =>
        {
            // lr = 1/trace(H), H = [x 1]ᵀ[x 1]/m, is at most 1/λ_max: every step then lowers J.
            var trace = (r.X * r.X).Sum() / r.X.Dim(0) + 1;
            var lr = 1 / trace;
            var fit = c.LinearRegression(r.X.Copy(), r.Y.Copy(), lr, 50);
            var inputs = new List<(string, string)> { Expect.Input("x", r.X), Expect.Input("y", r.Y), ("lr", Tensor.FormatNumber(lr)), ("steps", "50") };
            Expect.That(fit is not null, Say("LinearRegression returned null.", "LinearRegression 返回了 null。"), inputs, Say("return new LinearFit(w, b, losses).", "返回 new LinearFit(w, b, losses)。"));
            Expect.Shape(fit!.Losses, [51], "LinearRegression(x, y, lr, 50).Losses", inputs, Hint);
            for (var k = 1; k <= 50; k++)
            {
                Expect.That(fit.Losses[k] <= fit.Losses[k - 1] + 1e-12 * fit.Losses[0], Say($"the loss grows from step {k - 1} to step {k}.", $"损失从第 {k - 1} 步到第 {k} 步增大了。"),
                    [.. inputs, ($"Losses[{k - 1}] → Losses[{k}]", $"{Tensor.FormatNumber(fit.Losses[k - 1])} → {Tensor.FormatNumber(fit.Losses[k])}")],
                    Say("step against the gradient, w −= lr·dw and b −= lr·db, with the gradient divided by m.", "逆着梯度走，w −= lr·dw，b −= lr·db，梯度要除以 m。"));
            }
        }, Shrink);

    [Check("converges to the least-squares fit of the normal equations",
           "收敛到正规方程给出的最小二乘解")]
    public void ConvergesToLeastSquares(IChapter4 c)
    {
        var (x, y) = Problem();
        var (w, b) = LeastSquares(x, y);
        // Here the slowest direction shrinks by a factor below 0.9 a step: after 400 steps the error is far below 1e-15.
        ExpectFit(c.LinearRegression(x.Copy(), y.Copy(), 0.5, 400), w, b, null, "LinearRegression(x, y, lr: 0.5, steps: 400)",
            [Expect.Input("x", x), Expect.Input("y", y)], Tolerance.Value,
            Say("after enough steps gradient descent reaches the least-squares fit, the θ that solves [x 1]ᵀ[x 1]·θ = [x 1]ᵀy. " +
            "Learn b as well as w, and divide both gradients by m.", "步数足够多时，梯度下降会到达最小二乘解，即满足 [x 1]ᵀ[x 1]·θ = [x 1]ᵀy 的 θ。w 和 b 都要学习，两个梯度都要除以 m。"));
    }

    [Check("leaves x and y unchanged",
           "不修改 x 和 y")]
    public void LeavesInputsAlone(IChapter4 c)
    {
        var (x, y) = Problem();
        var (x0, y0) = (x.Copy(), y.Copy());
        c.LinearRegression(x, y, 0.5, 3);
        Expect.Unchanged(x0, x, "LinearRegression(x, y, 0.5, 3)", "x");
        Expect.Unchanged(y0, y, "LinearRegression(x, y, 0.5, 3)", "y");
    }

    [Check("draws the learning curve J per step, and reproduces the golden fit",
           "画出每一步的学习曲线 J，并重现黄金文件中的拟合结果")]
    public void LearningCurve(IChapter4 c)
    {
        var (x, y) = Problem();
        var fit = c.LinearRegression(x.Copy(), y.Copy(), 0.1, 60);
        Expect.That(fit is not null, Say("LinearRegression returned null.", "LinearRegression 返回了 null。"), [], Say("return new LinearFit(w, b, losses).", "返回 new LinearFit(w, b, losses)。"));
        Expect.Shape(fit!.Losses, [61], "LinearRegression(x, y, 0.1, 60).Losses", null, Hint);
        var steps = Enumerable.Range(0, 61).Select(k => (double)k).ToArray();
        Plots.Verify("loss", new Figure("Linear regression by gradient descent (lr = 0.1)", "step", "J(w, b)", [new Series("J", steps, fit.Losses.ToArray())]),
            Tolerance.Value, Hint);
        Golden.Verify("fit", new GoldenRecord { { "W", fit.W }, { "B", fit.B } }, Tolerance.Value, Hint);
    }
}
