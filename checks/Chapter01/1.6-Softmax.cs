using DeepLearningKata.Contracts;
using FsCheck.Fluent;

namespace DeepLearningKata.Checks.Chapter01;

[Exercise("1.6", "Softmax")]
public sealed class SoftmaxChecks
{
    private static string Hint => Say("softmax works row by row: subtract each row's max, exponentiate, divide by each row's sum — max and sum along " +
                                "the row axis with keepdims, so that they broadcast over their row. More: ./run-checks.sh --hint 1.6", "softmax 按行计算：减去每行的最大值，取指数，再除以每行的和——最大值和求和都沿行的轴并带 keepdims，这样它们才会在各自的行上广播。更多：./run-checks.sh --hint 1.6 --lang zh");

    private static string SumHint => Say("each row is divided by its own sum, a column of shape (m, 1) (Sum along the row axis, with keepdims). The " +
                                   "other axis normalises the columns; Sum() without an axis divides by the sum of the whole batch.", "每一行除以它自己的和，即形状为 (m, 1) 的列（沿行的轴 Sum，带 keepdims）。另一个轴会对列做归一化；不带轴的 Sum() 会除以整个批次的总和。");

    private static Tensor Expected(Tensor x) => Oracle.Softmax(x);

    private static Tensor Call(IChapter1 c, Tensor x)
    {
        var inputs = new[] { Expect.Input("x", x) };
        var result = Guard.Call(() => c.Softmax(x.Copy()), "Softmax(x)", inputs,
            Say("x - max and e / sum need one value per row as a column (m, 1): use keepdims: true.", "x - max 和 e / sum 需要每行一个值，排成列 (m, 1)：使用 keepdims: true。"));
        Expect.Shape(result, x.Shape, "Softmax(x)", inputs, Say("the result has x's shape (m, n), one probability per element.", "结果的形状与 x 相同，为 (m, n)，每个元素一个概率。"));
        return result;
    }

    private static readonly FsCheck.Gen<TensorCase> Batches = Gens.Tensor(-10, 10, 5, 6);

    [Check("gives the worked example",
           "给出示例的结果")]
    public void WorkedExample(IChapter1 c)
    {
        Tensor x = new[,] { { 1.0, 2.0, 3.0 }, { 5.0, 5.0, 5.0 } };
        Tensor expected = new[,] { { 0.09003057317038046, 0.24472847105479767, 0.6652409557748219 }, { 1.0 / 3, 1.0 / 3, 1.0 / 3 } };
        Expect.Close(Call(c, x), expected, "Softmax([[1, 2, 3], [5, 5, 5]])", Tolerance.Value, [Expect.Input("x", x)], Hint);
    }

    [Check("gives positive rows that sum to 1, for random batches",
           "对随机批次，每一行都为正且和为 1")]
    public void RowsAreDistributions(IChapter1 c) =>
        Properties.ForAll("1.6 rows sum to 1", Batches, tc =>
        {
            var x = tc.Value;
            var p = Call(c, x);
            var negative = Array.FindIndex(p.ToArray(), v => !(v > 0));
            Expect.That(negative < 0, Say("Softmax(x) has an element that is not positive.", "Softmax(x) 有不为正的元素。"),
                [Expect.Input("x", x), ("Softmax(x)", p.ToString()), (Say("element", "元素"), negative < 0 ? "" : Say($"at flat index {negative}: {Tensor.FormatNumber(p.AsSpan()[negative])}", $"平铺索引 {negative} 处：{Tensor.FormatNumber(p.AsSpan()[negative])}"))],
                Say("e^v is positive for every v, and so is e^v divided by a sum of such terms.", "对任何 v，e^v 都是正的，e^v 除以这样的项之和也是正的。"));
            Expect.Close(p.Sum(axis: 1), Tensor.Ones(x.Dim(0)), Say("The row sums of Softmax(x)", "Softmax(x) 各行的和"), Tolerance.Value,
                [Expect.Input("x", x), ("Softmax(x)", p.ToString())], SumHint);
        }, Gens.Shrink);

    [Check("matches e^x / Σ_row e^x on random batches",
           "在随机批次上与 e^x / Σ_row e^x 一致")]
    public void MatchesFormula(IChapter1 c) =>
        Properties.ForAll("1.6 formula", Batches, tc =>
        {
            var x = tc.Value;
            Expect.Close(Call(c, x), Expected(x), "Softmax(x)", Tolerance.Value, [Expect.Input("x", x)], Hint,
                expectedNote: "e^x[i, j] / Σ_k e^x[i, k]");
        }, Gens.Shrink);

    [Check("is unchanged by adding a constant to a row",
           "给一行加上常数后结果不变")]
    public void ShiftInvariant(IChapter1 c)
    {
        var gen = from x in Batches
                  from shifts in Gen.ArrayOf(Gens.Double(-50, 50), x.Value.Dim(0))
                  select (x, shift: new TensorCase(new Tensor(shifts, shifts.Length, 1)));
        Properties.ForAll("1.6 shift", gen, p =>
        {
            var x = p.x.Value;
            var shifted = x + p.shift.Value;
            Expect.Close(Call(c, shifted), Call(c, x), "Softmax(x + shift)", Tolerance.Value,
                [Expect.Input("x", x), Expect.Input(Say("shift per row", "每行的平移量"), p.shift.Value)],
                Say("e^(v + s) / Σ e^(v + s) = e^v / Σ e^v: softmax only sees differences within a row. " +
                "It must be built from e^x: squares or |x| divided by their sum do not have this property.", "e^(v + s) / Σ e^(v + s) = e^v / Σ e^v：softmax 只看一行之内的差。它必须由 e^x 构成：平方或 |x| 除以它们的和都没有这个性质。"),
                expectedNote: Say("Softmax(x), your own answer without the shift", "Softmax(x)，即你自己不加平移时的结果"));
        }, p => ShrinkShifted(p.x.Value, p.shift.Value).Select(q => (new TensorCase(q.x), new TensorCase(q.shift))));
    }

    /// <summary>Smaller cases: a row dropped from x and its shift together, a column dropped from x, values rounded.</summary>
    private static IEnumerable<(Tensor x, Tensor shift)> ShrinkShifted(Tensor x, Tensor shift)
    {
        if (x.Dim(0) > 1) yield return (Shrinks.DropLast(x, 0), Shrinks.DropLast(shift, 0));
        if (x.Dim(1) > 1) yield return (Shrinks.DropLast(x, 1), shift);
        foreach (var r in Shrinks.Rounded(x, shift)) yield return r;
    }

    [Check("stays finite for large values like 1000",
           "对 1000 这样的大数仍是有限值")]
    public void NoOverflow(IChapter1 c)
    {
        Tensor x = new[,] { { 1000.0, 1001.0, 1002.0 }, { -1000.0, -1000.0, -1000.0 }, { 800.0, 0.0, -800.0 } };
        Tensor expected = new[,]
        {
            { 0.09003057317038046, 0.24472847105479767, 0.6652409557748219 },
            { 1.0 / 3, 1.0 / 3, 1.0 / 3 },
            { 1.0, 0.0, 0.0 },
        };
        Expect.Close(Call(c, x), expected, "Softmax([[1000, 1001, 1002], [-1000, -1000, -1000], [800, 0, -800]])", Tolerance.Value,
            [Expect.Input("x", x)],
            Say("e^1000 is +∞ in double precision, and ∞ / ∞ is NaN; e^(−1000) is 0, and 0 / 0 is NaN. Subtract each row's own max first " +
            "(x - x.Max(axis: 1, keepdims: true)): it changes nothing mathematically, and the largest exponent becomes e^0 = 1. " +
            "The max of the whole batch, x.Max(), is not enough: a row far below it still underflows to 0 / 0.", "在双精度下 e^1000 是 +∞，∞ / ∞ 是 NaN；e^(−1000) 是 0，0 / 0 是 NaN。先减去每行自己的最大值（x - x.Max(axis: 1, keepdims: true)）：这在数学上不改变结果，而最大的指数变成 e^0 = 1。只减整个批次的最大值 x.Max() 是不够的：比它小很多的行仍会下溢成 0 / 0。"));
    }

    [Check("leaves its input unchanged",
           "不修改输入")]
    public void LeavesInputAlone(IChapter1 c)
    {
        Tensor x = new[,] { { 1.0, 2.0, 3.0 }, { -1.0, 0.0, 4.0 } };
        var before = x.Copy();
        c.Softmax(x);
        Expect.Unchanged(before, x, "Softmax(x)", "x");
    }

    [Check("reproduces the golden examples",
           "重现黄金文件中的例子")]
    public void GoldenExamples(IChapter1 c)
    {
        Tensor x = new[,] { { 9.0, 2.0, 5.0, 0.0, 0.0 }, { 7.0, 5.0, 0.0, 0.0, 0.0 }, { 0.3, 2.9, 4.0, -1.0, 1.5 } };
        Golden.Verify("examples", new GoldenRecord { { "x", x }, { "Softmax(x)", c.Softmax(x.Copy()) } }, Tolerance.Value, Hint);
    }
}
