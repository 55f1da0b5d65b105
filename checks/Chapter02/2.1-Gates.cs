using System.Globalization;
using DeepLearningKata.Contracts;
using FsCheck;
using FsCheck.Fluent;

namespace DeepLearningKata.Checks.Chapter02;

/// <summary>A perceptron's inputs, printed in full so a failing case can be pasted into code.</summary>
public sealed record PerceptronCase(double[] X, double[] W, double B)
{
    /// <summary>w·x + b, exactly: the generator's numbers are multiples of 2⁻¹⁸, so no sum is ever rounded.</summary>
    public double Activation
    {
        get
        {
            var sum = B;
            for (var i = 0; i < X.Length; i++) sum += W[i] * X[i];
            return sum;
        }
    }

    public override string ToString() => $"x = [{Join(X)}], w = [{Join(W)}], b = {Exact(B)}";

    internal static string Join(IEnumerable<double> values) => string.Join(", ", values.Select(Exact));

    /// <summary>All digits, so that a case pasted back into code lands exactly on the threshold again.</summary>
    internal static string Exact(double v) => v.ToString("R", CultureInfo.InvariantCulture);
}

/// <summary>Two points of a gate's input plane: a start, and the start moved by a step along one input.</summary>
public sealed record GateStep(double X1, double X2, double Step, bool AlongFirst)
{
    public (double, double) From => (X1, X2);

    public (double, double) To => AlongFirst ? (X1 + Step, X2) : (X1, X2 + Step);

    public override string ToString() =>
        $"from ({Tensor.FormatNumber(X1)}, {Tensor.FormatNumber(X2)}) to ({Tensor.FormatNumber(To.Item1)}, {Tensor.FormatNumber(To.Item2)})";
}

[Exercise("2.1", "Gates")]
public sealed class GatesChecks
{
    private static string PerceptronHint => Say("the weighted sum is w·x + b (an element-wise product, summed, plus the bias); return 1 only when it is above " +
                                          "0 (strictly): exactly 0 gives 0. More: ./run-checks.sh --hint 2.1", "加权和是 w·x + b（逐元素相乘再求和，加上偏置）；只有它大于 0（严格大于）时才返回 1：恰好为 0 时返回 0。更多：./run-checks.sh --hint 2.1 --lang zh");

    private static readonly (double X1, double X2)[] Corners = [(0, 0), (1, 0), (0, 1), (1, 1)];

    [Check("gives the worked examples",
           "给出示例的结果")]
    public void WorkedExamples(IChapter2 c)
    {
        ExpectPerceptron(c, [1, 1], [0.5, 0.5], -0.7, 1);
        ExpectPerceptron(c, [1, 0], [0.5, 0.5], -0.7, 0);
        ExpectPerceptron(c, [0, 0], [0.5, 0.5], 0.2, 1);
        ExpectPerceptron(c, [2, -1, 3], [1, 4, 0.5], 1.0, 1);
        ExpectPerceptron(c, [2, -1, 3], [1, 4, 0.5], -0.25, 0);
    }

    [Check("gives 0 when w·x + b is exactly 0 (the threshold itself does not fire)",
           "w·x + b 恰好为 0 时给出 0（阈值本身不激活）")]
    public void ThresholdIsStrict(IChapter2 c)
    {
        var hint = Say("the perceptron fires only when w·x + b is above 0. Exactly 0 must give 0: use >, not >=.", "只有 w·x + b 大于 0 时感知机才激活。恰好为 0 必须给出 0：用 >，不要用 >=。");
        ExpectPerceptron(c, [1, 1], [0.5, 0.5], -1.0, 0, hint);
        ExpectPerceptron(c, [0, 0], [0.5, 0.5], 0.0, 0, hint);
        ExpectPerceptron(c, [2, -1], [0.25, 0.5], 0.0, 0, hint);
    }

    [Check("agrees with y = (w·x + b > 0) on random inputs, weights and biases",
           "在随机输入、权重和偏置上与 y = (w·x + b > 0) 一致")]
    public void MatchesDefinition(IChapter2 c) =>
        Properties.ForAll("2.1 perceptron", PerceptronCases(), p =>
            ExpectPerceptron(c, p.X, p.W, p.B, p.Activation > 0 ? 1 : 0), ShrinkCase);

    [Check("And, Nand and Or follow their truth tables",
           "And、Nand 和 Or 符合各自的真值表")]
    public void TruthTables(IChapter2 c)
    {
        ExpectTruthTable("And", c.And, (a, b) => a == 1 && b == 1 ? 1 : 0,
            Say("only x1 = x2 = 1 may push w·x + b above 0; each input alone must stay at or below 0.", "只有 x1 = x2 = 1 才能让 w·x + b 大于 0；单独一个输入必须保持小于或等于 0。"));
        ExpectTruthTable("Nand", c.Nand, (a, b) => a == 1 && b == 1 ? 0 : 1,
            Say("NAND is the opposite of AND: negate And's weights and bias.", "NAND 与 AND 相反：把 And 的权重和偏置取负。"));
        ExpectTruthTable("Or", c.Or, (a, b) => a == 1 || b == 1 ? 1 : 0,
            Say("one input of 1 alone must push w·x + b above 0, while (0, 0) must not: the bias decides.", "单独一个为 1 的输入就必须让 w·x + b 大于 0，而 (0, 0) 不能：由偏置决定。"));
    }

    [Check("each gate is one perceptron: between and beyond the corners, it changes its answer only once along each input",
           "每个门都是一个感知机：在四个角之间和之外，沿每个输入方向输出只改变一次")]
    public void GatesAreSinglePerceptrons(IChapter2 c)
    {
        // A perceptron that gives AND's (or OR's) truth table needs both weights positive, so it can
        // only switch from 0 to 1 as an input grows, for any real inputs; NAND's needs both negative.
        // An if/== on the corners (or x1 * x2) does not behave like that off the corners.
        var coordinate = Gen.OneOf(Gen.Elements(0.0, 1.0), Gens.Double(-2, 3)); // the corners, and anywhere
        var gen = from a in coordinate from b in coordinate from d in Gens.Double(0, 2) from first in Gen.Elements(true, false)
                  select new GateStep(a, b, d, first);
        Properties.ForAll("2.1 gates are monotone", gen, p =>
        {
            ExpectMonotone("And", c.And, p, rising: true);
            ExpectMonotone("Nand", c.Nand, p, rising: false);
            ExpectMonotone("Or", c.Or, p, rising: true);
        });
    }

    private static void ExpectMonotone(string gate, Func<double, double, int> f, GateStep p, bool rising)
    {
        var (x1, x2) = p.From;
        var (y1, y2) = p.To;
        var low = f(x1, x2);
        var high = f(y1, y2);
        var ok = rising ? low <= high : low >= high;
        Expect.That(ok,
            Say($"{gate} does not behave like one perceptron: it {(rising ? "fell" : "rose")} when an input grew.", $"{gate} 的行为不像单个感知机：某个输入增大时，它的输出{(rising ? "下降了" : "上升了")}。"),
            [
                ($"{gate}({Num(x1)}, {Num(x2)})", low.ToString(CultureInfo.InvariantCulture)),
                ($"{gate}({Num(y1)}, {Num(y2)})", high.ToString(CultureInfo.InvariantCulture)),
            ],
            Say($"write {gate} as Perceptron(Tensor.From(x1, x2), w, b) with weights and a bias you choose, not with if/== on the inputs " +
            $"or a product of them: a perceptron for {gate} has {(rising ? "positive" : "negative")} weights, so its answer can only " +
            $"{(rising ? "rise" : "fall")} as an input grows.", $"把 {gate} 写成 Perceptron(Tensor.From(x1, x2), w, b)，权重和偏置由你选定，不要对输入用 if/==，也不要把输入相乘：{gate} 的感知机的权重是{(rising ? "正" : "负")}的，所以输入增大时它的输出只能{(rising ? "上升" : "下降")}。"));
    }

    private static void ExpectTruthTable(string gate, Func<double, double, int> f, Func<double, double, int> truth, string hint)
    {
        var rows = Corners.Select(p => (p.X1, p.X2, Expected: truth(p.X1, p.X2), Actual: f(p.X1, p.X2))).ToList();
        var wrong = rows.Where(r => r.Expected != r.Actual).ToList();
        if (wrong.Count == 0) return;
        var table = string.Join("\n", rows.Select(r =>
            $"{gate}({Num(r.X1)}, {Num(r.X2)}) = {r.Actual}   {Say("expected", "期望")} {r.Expected}{(r.Expected != r.Actual ? "   ✗" : "")}"));
        throw CheckFailure.Of(Say($"{gate} is wrong for {wrong.Count} of the 4 inputs.", $"{gate} 在 4 种输入中有 {wrong.Count} 种不对。"), [(Say("truth table", "真值表"), table)], hint);
    }

    private static void ExpectPerceptron(IChapter2 c, double[] x, double[] w, double b, int expected, string? hint = null)
    {
        var call = $"Perceptron([{PerceptronCase.Join(x)}], [{PerceptronCase.Join(w)}], {PerceptronCase.Exact(b)})";
        var actual = c.Perceptron(Tensor.From(x), Tensor.From(w), b);
        var activation = new PerceptronCase(x, w, b).Activation;
        Expect.That(actual == expected, Say($"{call} returned {actual}; expected {expected}.", $"{call} 返回了 {actual}，期望 {expected}。"),
            [("w·x + b", Tensor.FormatNumber(activation) + (activation > 0 ? Say("  (above 0: fires)", "  （大于 0：激活）") : Say("  (not above 0: silent)", "  （不大于 0：不激活）")))],
            hint ?? PerceptronHint);
    }

    private static string Num(double v) => Tensor.FormatNumber(v);

    /// <summary>Inputs of 1 to 5 elements; in a quarter of the cases b = −w·x exactly, right on the threshold.</summary>
    private static Gen<PerceptronCase> PerceptronCases() =>
        from n in Gen.Choose(1, 5)
        from x in Gen.ArrayOf(Gens.Double(-2, 2), n)
        from w in Gen.ArrayOf(Gens.Double(-2, 2), n)
        from b in Gens.Double(-2, 2)
        from onThreshold in Gen.Choose(0, 3)
        let dot = new PerceptronCase(x, w, 0).Activation
        select new PerceptronCase(x, w, onThreshold == 0 ? -dot : b);

    private static IEnumerable<PerceptronCase> ShrinkCase(PerceptronCase p)
    {
        if (p.X.Length > 1)
        {
            var n = p.X.Length - 1;
            var keepThreshold = p.Activation == 0;
            var x = p.X[..n];
            var w = p.W[..n];
            yield return new PerceptronCase(x, w, keepThreshold ? -new PerceptronCase(x, w, 0).Activation : p.B);
        }
    }

    [Check("reproduces the golden truth tables",
           "重现黄金文件中的真值表")]
    public void GoldenTruthTables(IChapter2 c)
    {
        Tensor x1 = new[] { 0.0, 1.0, 0.0, 1.0 }, x2 = new[] { 0.0, 0.0, 1.0, 1.0 };
        Tensor Gate(Func<double, double, int> gate) => new(Enumerable.Range(0, 4).Select(i => (double)gate(x1[i], x2[i])).ToArray(), 4);
        Golden.Verify("truth-tables", new GoldenRecord
        {
            { "x1", x1 }, { "x2", x2 },
            { "And(x1, x2)", Gate(c.And) }, { "Nand(x1, x2)", Gate(c.Nand) }, { "Or(x1, x2)", Gate(c.Or) },
        }, Tolerance.Value, Say("AND fires only for (1, 1); NAND is its opposite; OR fires unless both inputs are 0.", "AND 只在 (1, 1) 时激活；NAND 与它相反；OR 除非两个输入都是 0，否则都激活。"));
    }
}
