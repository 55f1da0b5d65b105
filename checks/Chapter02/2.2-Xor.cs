using DeepLearningKata.Contracts;

namespace DeepLearningKata.Checks.Chapter02;

[Exercise("2.2", "Xor")]
public sealed class XorChecks
{
    private static readonly (double X1, double X2, int Y)[] Table = [(0, 0, 0), (1, 0, 1), (0, 1, 1), (1, 1, 0)];

    [Check("follows XOR's truth table on all four inputs",
           "在全部四种输入上符合 XOR 的真值表")]
    public void TruthTable(IChapter2 c)
    {
        var rows = Table.Select(r => (r.X1, r.X2, r.Y, Actual: c.Xor(r.X1, r.X2))).ToList();
        var wrong = rows.Where(r => r.Actual != r.Y).ToList();
        if (wrong.Count == 0) return;
        var table = string.Join("\n", rows.Select(r =>
            $"Xor({r.X1}, {r.X2}) = {r.Actual}   {Say("expected", "期望")} {r.Y}{(r.Actual != r.Y ? "   ✗" : "")}"));
        var hint = wrong.Count == 1
            ? Say("one wrong row is what a single perceptron gets at best: no straight line separates XOR's ones from its zeros. " +
              "Use two layers: two of your gates (Earlier.Nand, Earlier.Or, Earlier.And) on the inputs, then a third on their outputs." + " More: ./run-checks.sh --hint 2.2", "错一行是单个感知机最好的结果了：没有一条直线能把 XOR 的 1 和 0 分开。用两层：先对输入用你的两个门（Earlier.Nand、Earlier.Or、Earlier.And），再用第三个门处理它们的输出。更多：./run-checks.sh --hint 2.2 --lang zh")
            : Say("XOR is 1 when exactly one input is 1. Layer 1 computes NAND and OR of the inputs; layer 2 is an AND of those two.", "恰好有一个输入为 1 时 XOR 为 1。第 1 层计算输入的 NAND 和 OR；第 2 层对这两个结果取 AND。");
        throw CheckFailure.Of(Say($"Xor is wrong for {wrong.Count} of the 4 inputs.", $"Xor 在 4 种输入中有 {wrong.Count} 种不对。"), [(Say("truth table", "真值表"), table)], hint);
    }

    [Check("reproduces the golden truth table",
           "重现黄金文件中的真值表")]
    public void GoldenTruthTable(IChapter2 c)
    {
        Tensor x1 = new[] { 0.0, 1.0, 0.0, 1.0 }, x2 = new[] { 0.0, 0.0, 1.0, 1.0 };
        var y = new Tensor(Enumerable.Range(0, 4).Select(i => (double)c.Xor(x1[i], x2[i])).ToArray(), 4);
        Golden.Verify("truth-table", new GoldenRecord { { "x1", x1 }, { "x2", x2 }, { "Xor(x1, x2)", y } }, Tolerance.Value,
            Say("XOR is 1 when exactly one input is 1: AND of (NAND, OR).", "恰好有一个输入为 1 时 XOR 为 1：(NAND, OR) 的 AND。"));
    }
}
