using DeepLearningKata.Contracts;
using FsCheck.Fluent;

namespace DeepLearningKata.Checks.Chapter04;

/// <summary>A point x (1-D or 2-D) and a non-separable quadratic f(x) = Σ_ij A_ij·x_i·x_j + Σ_i b_i·x_i over its flattened elements.</summary>
public sealed record QuadraticCase(Tensor X, Tensor A, Tensor B)
{
    public double F(Tensor x)
    {
        var v = x.AsSpan();
        var sum = 0.0;
        for (var i = 0; i < v.Length; i++)
        {
            sum += B.AsSpan()[i] * v[i];
            for (var j = 0; j < v.Length; j++) sum += A[i, j] * v[i] * v[j];
        }
        return sum;
    }

    /// <summary>∇f = (A + Aᵀ)·x + b, in x's shape.</summary>
    public Tensor Gradient()
    {
        var v = X.AsSpan();
        var g = Tensor.ZerosLike(X);
        for (var i = 0; i < v.Length; i++)
        {
            var s = B.AsSpan()[i];
            for (var j = 0; j < v.Length; j++) s += (A[i, j] + A[j, i]) * v[j];
            g.AsSpan()[i] = s;
        }
        return g;
    }

    public override string ToString() =>
        Say($"x = {Cases.Full(X)}, f(x) = Σ A_ij·x_i·x_j + Σ b_i·x_i over x's elements in order, A = {Cases.Full(A)}, b = {Cases.Full(B)}", $"x = {Cases.Full(X)}，f(x) = Σ A_ij·x_i·x_j + Σ b_i·x_i（按顺序遍历 x 的元素），A = {Cases.Full(A)}，b = {Cases.Full(B)}");
}

[Exercise("4.4", "NumericalGradient")]
public sealed class NumericalGradientChecks
{
    private const double H = 1e-4;

    private static string Hint => Say("one element at a time: move it by +h, evaluate f, move it by −h, evaluate f, store the central difference at " +
                                "that element's place, and put the element back before the next one. More: ./run-checks.sh --hint 4.4", "一次处理一个元素：把它加 h，计算 f，再减 h，计算 f，把中心差分存在该元素的位置上，处理下一个元素之前把它恢复原值。更多：./run-checks.sh --hint 4.4 --lang zh");

    private static string RestoreHint => Say("put every element back after nudging it: otherwise later elements are differentiated at a shifted point, and " +
                                       "the caller gets a changed x back.", "每个元素微调之后都要恢复原值：否则后面的元素是在偏移了的点上求导，而且调用者拿回的 x 也被改了。");

    /// <summary>The checks' own central differences with h = 1e-4 on a copy: the value the exercise defines.</summary>
    private static Tensor Central(Func<Tensor, double> f, Tensor x)
    {
        var p = x.Copy();
        var g = Tensor.ZerosLike(p);
        for (var i = 0; i < p.Size; i++)
        {
            var keep = p.AsSpan()[i];
            p.AsSpan()[i] = keep + H;
            var plus = f(p);
            p.AsSpan()[i] = keep - H;
            var minus = f(p);
            p.AsSpan()[i] = keep;
            g.AsSpan()[i] = (plus - minus) / (2 * H);
        }
        return g;
    }

    private static double SumOfSquares(Tensor x) => x[0] * x[0] + x[1] * x[1];

    private static FsCheck.Gen<QuadraticCase> Quadratics() =>
        from shape in FsCheck.Fluent.Gen.Elements(new[] { 1 }, new[] { 2 }, new[] { 3 }, new[] { 4 }, new[] { 2, 2 }, new[] { 2, 3 }, new[] { 3, 2 })
        from x in Gens.OfShape(-2, 2, shape)
        from a in Gens.OfShape(-1, 1, x.Value.Size, x.Value.Size)
        from b in Gens.OfShape(-1, 1, x.Value.Size)
        select new QuadraticCase(x.Value, a.Value, b.Value);

    private static IEnumerable<QuadraticCase> ShrinkQuadratic(QuadraticCase q)
    {
        var b = q.B.Apply(v => Math.Round(v, 1));
        var a = q.A.Apply(v => Math.Round(v, 1));
        var x = q.X.Apply(v => Math.Round(v, 1));
        var rounded = new QuadraticCase(x, a, b);
        if (!x.AsSpan().SequenceEqual(q.X.AsSpan()) || !a.AsSpan().SequenceEqual(q.A.AsSpan()) || !b.AsSpan().SequenceEqual(q.B.AsSpan()))
        {
            yield return rounded;
        }
    }

    [Check("gives the book's worked example: f(x) = x0² + x1² at (3, 4), (0, 2), (3, 0)",
           "给出书中例子的结果：f(x) = x0² + x1² 在 (3, 4)、(0, 2)、(3, 0) 处")]
    public void WorkedExample(IChapter4 c)
    {
        foreach (var point in new[] { Tensor.From(3.0, 4.0), Tensor.From(0.0, 2.0), Tensor.From(3.0, 0.0) })
        {
            Expect.Close(c.NumericalGradient(SumOfSquares, point.Copy()), Central(SumOfSquares, point), "NumericalGradient(f, x)",
                Tolerance.Value, [("f(x)", "x0² + x1²"), Expect.Input("x", point)], Hint, expectedNote: "about 2·x");
        }
    }

    [Check("is the central difference with h = 1e-4 in every element, for random quadratics of 1-D and 2-D x",
           "对一维和二维 x 的随机二次函数，每个元素都是 h = 1e-4 的中心差分")]
    public void CentralDifferenceOfQuadratics(IChapter4 c) =>
        // Each f(x) here has |f| < 100, so another order of the same arithmetic differs by ε·|f|/h ≈ 2e-10 at most.
        Properties.ForAll("4.4 central difference", Quadratics(), q =>
            Expect.Close(c.NumericalGradient(q.F, q.X.Copy()), Central(q.F, q.X), "NumericalGradient(f, x)", Tolerance.Value,
                [(Say("case", "用例"), q.ToString())], Hint + Say(" The gradient has x's shape.", " 梯度的形状与 x 相同。")), ShrinkQuadratic);

    [Check("is close to the analytic gradient (A + Aᵀ)·x + b of random quadratics",
           "接近随机二次函数的解析梯度 (A + Aᵀ)·x + b")]
    public void CloseToAnalyticGradient(IChapter4 c) =>
        // The central difference of a quadratic is exact but for rounding (about ε·|f|/h ≈ 2e-10): inside Tolerance.Gradient.
        Properties.ForAll("4.4 analytic", Quadratics(), q =>
            Expect.Close(c.NumericalGradient(q.F, q.X.Copy()), q.Gradient(), "NumericalGradient(f, x)", Tolerance.Gradient,
                [(Say("case", "用例"), q.ToString())], Hint, expectedNote: Say("the analytic gradient", "解析梯度")), ShrinkQuadratic);

    [Check("is close to the analytic gradient of log Σ exp(x), a smooth function (softmax is its gradient)",
           "接近光滑函数 log Σ exp(x) 的解析梯度（它的梯度就是 softmax）")]
    public void SmoothFunction(IChapter4 c) =>
        // Third derivatives of log-sum-exp are below 1, so the truncation error h²·|f'''|/6 is below 2e-9.
        Properties.ForAll("4.4 logsumexp", Gens.Tensor(-3, 3, 3, 4), tc =>
        {
            var x = tc.Value;
            static double LogSumExp(Tensor v) => Math.Log(v.ToArray().Sum(Math.Exp));
            var softmax = Cases.SoftmaxRows(x.Reshape(1, x.Size)).Reshape(x.Shape);
            Expect.Close(c.NumericalGradient(LogSumExp, x.Copy()), softmax, "NumericalGradient(f, x)", Tolerance.Gradient,
                [("f(x)", "log Σ exp(x_i)"), Expect.Input("x", x)], Hint, expectedNote: Say("softmax(x), the analytic gradient", "softmax(x)，即解析梯度"));
        }, Gens.Shrink);

    [Check("restores x: the caller's tensor holds its old values afterwards",
           "恢复 x：调用者的张量事后保持原来的值")]
    public void RestoresX(IChapter4 c) =>
        Properties.ForAll("4.4 restores", Quadratics(), q =>
        {
            var x = q.X.Copy();
            c.NumericalGradient(q.F, x);
            Expect.Close(x, q.X, Say("x after NumericalGradient(f, x)", "NumericalGradient(f, x) 之后的 x"), Tolerance.Value, [(Say("x before", "调用前的 x"), q.X.ToString())], RestoreHint,
                expectedNote: Say("x as it was before the call", "调用之前的 x"));
        }, ShrinkQuadratic);

    [Check("nudges x itself, so an f that reads x through a closure works too (as the two-layer net's loss does)",
           "微调的是 x 本身，因此通过闭包读取 x 的 f 也能用（两层网络的损失就是这样）")]
    public void NudgesXItself(IChapter4 c)
    {
        Tensor w = new[,] { { 0.5, -1.0 }, { 2.0, 0.25 } };
        var captured = w;
        double Closure(Tensor ignored) => captured[0, 0] * captured[0, 1] + captured[1, 0] * captured[1, 0] * captured[1, 1];
        // ∂/∂W of W00·W01 + W10²·W11 is [[W01, W00], [2·W10·W11, W10²]]; the central difference of this cubic is exact but for rounding.
        Tensor expected = new[,] { { w[0, 1], w[0, 0] }, { 2 * w[1, 0] * w[1, 1], w[1, 0] * w[1, 0] } };
        Expect.Close(c.NumericalGradient(Closure, w), expected, "NumericalGradient(W => loss(), W)", Tolerance.Gradient,
            [("f", Say("ignores its argument and reads W through a closure: W[0,0]·W[0,1] + W[1,0]²·W[1,1]", "忽略参数，通过闭包读取 W：W[0,0]·W[0,1] + W[1,0]²·W[1,1]")), Expect.Input("W", w)],
            Say("nudge the elements of x itself, in place, and call f(x): f may ignore its argument and read the very same tensor " +
            "elsewhere (in 4.8, W => Loss(x, t) reads W1 through the network). Nudging a copy gives a gradient of 0.", "原地微调 x 本身的元素，再调用 f(x)：f 可能忽略参数，而从别处读取同一个张量（4.8 中，W => Loss(x, t) 通过网络读取 W1）。微调一个副本得到的梯度是 0。"));
    }

    [Check("reproduces the golden examples",
           "重现黄金文件中的例子")]
    public void GoldenExamples(IChapter4 c)
    {
        var x = Tensor.Arange(-1, 1, 1.0 / 3).Reshape(2, 3);
        static double F(Tensor v) => Math.Sin(v[0, 0]) * v[1, 2] + v[0, 1] * v[0, 1] * v[1, 0] + Math.Exp(v[0, 2]) - v[1, 1];
        Golden.Verify("examples", new GoldenRecord
        {
            { "x", x },
            { "NumericalGradient(sin(x00)·x12 + x01²·x10 + exp(x02) − x11, x)", c.NumericalGradient(F, x.Copy()) },
            { "NumericalGradient(x0² + x1², [3, 4])", c.NumericalGradient(SumOfSquares, Tensor.From(3.0, 4.0)) },
        }, Tolerance.Value, Hint);
    }
}
