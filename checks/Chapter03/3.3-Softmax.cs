using DeepLearningKata.Contracts;
using FsCheck;
using FsCheck.Fluent;

namespace DeepLearningKata.Checks.Chapter03;

[Exercise("3.3", "Softmax")]
public sealed class SoftmaxChecks
{
    private static string Hint => Say("y = exp(a − max) / Σ exp(a − max), with the max and the sum taken over each row: along the last axis, with " +
                                "keepdims so that they broadcast back. More: ./run-checks.sh --hint 3.3", "y = exp(a − max) / Σ exp(a − max)，最大值和求和都按行取：沿最后一个轴，并带 keepdims，这样才能广播回去。更多：./run-checks.sh --hint 3.3 --lang zh");

    internal static Tensor Expected(Tensor a) => Oracle.Softmax(a);

    [Check("gives the book's example",
           "给出书中例子的结果")]
    public void WorkedExample(IChapter3 c)
    {
        Tensor a = new[] { 0.3, 2.9, 4.0 };
        Expect.Close(c.Softmax(a.Copy()), Expected(a), "Softmax([0.3, 2.9, 4.0])", Tolerance.Value, [Expect.Input("a", a)], Hint,
            expectedNote: "e^a / Σ e^a");
    }

    [Check("is finite and correct for [1010, 1000, 990] (the overflow fix)",
           "对 [1010, 1000, 990] 给出有限且正确的结果（溢出对策）")]
    public void LargeScoresDoNotOverflow(IChapter3 c)
    {
        Tensor a = new[] { 1010.0, 1000.0, 990.0 };
        Expect.Close(c.Softmax(a.Copy()), Expected(a), "Softmax([1010, 1000, 990])", Tolerance.Value, [Expect.Input("a", a)],
            Say("e^1010 overflows to ∞, and ∞/∞ is NaN. Subtract the largest score first: a − max(a) = [0, −10, −20] " +
            "gives the same softmax, and e^0 = 1 cannot overflow.", "e^1010 溢出为 ∞，∞/∞ 是 NaN。先减去最大的得分：a − max(a) = [0, −10, −20] 给出相同的 softmax，而 e^0 = 1 不会溢出。"));
    }

    [Check("is finite and correct for scores far apart, [1000, 0, -1000] (subtract the max, not the mean or the min)",
           "对相差很远的得分 [1000, 0, -1000] 给出有限且正确的结果（减去最大值，而不是平均值或最小值）")]
    public void WideSpreadDoesNotOverflow(IChapter3 c)
    {
        Tensor a = new[] { 1000.0, 0.0, -1000.0 };
        Expect.Close(c.Softmax(a.Copy()), Expected(a), "Softmax([1000, 0, -1000])", Tolerance.Value, [Expect.Input("a", a)],
            Say("only the max makes every exponent ≤ 0. Subtracting the mean (here 0) still leaves e^1000 = ∞; subtracting the min " +
            "makes it e^2000. Tiny results such as e^−2000 = 0 are fine; ∞ is not.", "只有减去最大值才能让每个指数都 ≤ 0。减去平均值（这里是 0）仍然留下 e^1000 = ∞；减去最小值会变成 e^2000。e^−2000 = 0 这样极小的结果没问题；∞ 不行。"));
    }

    [Check("matches e^a / Σ e^a, is positive and sums to 1, on random vectors",
           "在随机向量上与 e^a / Σ e^a 一致，为正且和为 1")]
    public void MatchesDefinition(IChapter3 c) =>
        Properties.ForAll("3.3 softmax definition", Gens.Tensor(-10, 10, 8), tc =>
        {
            var a = tc.Value;
            var y = c.Softmax(a.Copy());
            Expect.Close(y, Expected(a), "Softmax(a)", Tolerance.Value, [Expect.Input("a", a)], Hint);
            Expect.Close(y.Sum(), 1.0, Say("the sum of Softmax(a)", "Softmax(a) 的总和"), Tolerance.Value, [Expect.Input("a", a)],
                Say("divide by the sum of all the exponentials, so that the probabilities add up to 1.", "除以所有指数的总和，这样概率加起来才是 1。"));
        }, Gens.Shrink);

    [Check("does not change when a constant is added to every score (softmax(a + C) = softmax(a), C up to ±1000)",
           "每个得分都加上同一个常数时结果不变（softmax(a + C) = softmax(a)，C 最大到 ±1000）")]
    public void InvariantUnderShift(IChapter3 c)
    {
        var gen = from tc in Gens.Tensor(-10, 10, 6) from shift in Gens.Double(-1000, 1000) select new ShiftCase(tc.Value, shift);
        Properties.ForAll("3.3 softmax shift", gen, p =>
        {
            var shifted = p.A + p.C;
            Expect.Close(c.Softmax(shifted.Copy()), Expected(p.A), "Softmax(a + C)", Tolerance.Value,
                [Expect.Input("a", p.A), ("C", Tensor.FormatNumber(p.C)), Expect.Input("a + C", shifted)],
                Say("the constant cancels between numerator and denominator, but only if nothing overflows on the way: " +
                "subtract the max before taking e^…", "常数在分子和分母之间会抵消，但前提是中途没有溢出：取 e^… 之前先减去最大值。"), expectedNote: "softmax(a)");
        });
    }

    /// <summary>Scores and a constant to add to all of them.</summary>
    public sealed record ShiftCase(Tensor A, double C)
    {
        public override string ToString() =>
            $"a = [{string.Join(", ", A.ToArray().Select(Tensor.FormatNumber))}], C = {Tensor.FormatNumber(C)}";
    }

    [Check("gives each row of a batch its own softmax, even when the rows lie far apart",
           "批次的每一行各算各的 softmax，即使各行数值相差很远")]
    public void BatchRowsFarApart(IChapter3 c)
    {
        Tensor a = new[,] { { 1010.0, 1000.0, 990.0 }, { 0.3, 2.9, 4.0 }, { -1000.0, -1001.0, -1002.0 } };
        Expect.Close(c.Softmax(a.Copy()), Expected(a), Say("Softmax(a) of a batch of 3 rows", "3 行批次的 Softmax(a)"), Tolerance.Value, [Expect.Input("a", a)],
            Say("each row is one sample: subtract each row's own max (a.Max(axis: -1, keepdims: true)) and divide by each row's own sum. " +
            "One max for the whole batch (1010 here) sends the other rows to e^−1000 = 0, and 0/0 is NaN.", "每一行是一个样本：减去每行自己的最大值（a.Max(axis: -1, keepdims: true)），再除以每行自己的和。整个批次只用一个最大值（这里是 1010）会让其他行变成 e^−1000 = 0，而 0/0 是 NaN。"));
    }

    [Check("on random batches, every row is the softmax of that row and sums to 1",
           "在随机批次上，每一行都是该行的 softmax，且和为 1")]
    public void BatchMatchesRowByRow(IChapter3 c)
    {
        var gen =
            from n in Gen.Choose(1, 5)
            from k in Gen.Choose(1, 6)
            from values in Gen.ArrayOf(Gens.Double(-10, 10), n * k)
            from offsets in Gen.ArrayOf(Gens.Double(-1000, 1000), n)
            select new TensorCase(new Tensor(values.Select((v, i) => v + offsets[i / k]).ToArray(), n, k));
        Properties.ForAll("3.3 softmax batch", gen, tc =>
        {
            var a = tc.Value;
            var y = c.Softmax(a.Copy());
            Expect.Close(y, Expected(a), "Softmax(a) of a batch", Tolerance.Value, [Expect.Input("a", a)],
                Say("a 2-D a is a batch with one sample per row: take the max and the sum along the last axis only " +
                "(axis: -1, keepdims: true), so that every row sums to 1 on its own.", "二维的 a 是每行一个样本的批次：最大值和求和只沿最后一个轴取（axis: -1, keepdims: true），这样每一行各自的和为 1。"));
        }, Gens.Shrink);
    }

    [Check("leaves its input unchanged",
           "不修改输入")]
    public void LeavesInputAlone(IChapter3 c)
    {
        Tensor a = new[,] { { 0.3, 2.9, 4.0 }, { 1010.0, 1000.0, 990.0 } };
        var before = a.Copy();
        c.Softmax(a);
        Expect.Unchanged(before, a, "Softmax(a)", "a");
    }

    [Check("reproduces the golden examples",
           "重现黄金文件中的例子")]
    public void GoldenExamples(IChapter3 c)
    {
        Tensor a = new[] { 0.3, 2.9, 4.0 };
        Tensor big = new[] { 1010.0, 1000.0, 990.0 };
        Tensor batch = new[,] { { 1.0, 2.0, 3.0, 4.0 }, { -5.0, 0.0, 5.0, 10.0 }, { 700.0, 700.0, 701.0, -700.0 } };
        Golden.Verify("examples", new GoldenRecord
        {
            { "a", a }, { "Softmax(a)", c.Softmax(a.Copy()) },
            { "big", big }, { "Softmax(big)", c.Softmax(big.Copy()) },
            { "batch", batch }, { "Softmax(batch)", c.Softmax(batch.Copy()) },
        }, Tolerance.Value, Say("subtract each row's own max, exponentiate, divide by the row's sum.", "减去每行自己的最大值，取指数，再除以该行的和。"));
    }
}
