using DeepLearningKata.Contracts;
using FsCheck.Fluent;

namespace DeepLearningKata.Checks.Chapter01;

[Exercise("1.2", "Sigmoid")]
public sealed class SigmoidChecks
{
    private static string Hint => Say("σ(x) = 1 / (1 + e^(−x)) for every element: Np.Exp and the arithmetic operators work element by element and " +
                                "keep x's shape. More: ./run-checks.sh --hint 1.2", "对每个元素求 σ(x) = 1 / (1 + e^(−x))：Np.Exp 和算术运算符都是逐元素计算的，并保持 x 的形状。更多：./run-checks.sh --hint 1.2 --lang zh");

    private static string ShapeHint => Say("return a tensor of x's own shape: element-wise operations keep it; do not Flatten or Reshape.", "返回与 x 形状相同的张量：逐元素运算会保持形状；不要 Flatten 或 Reshape。");

    private static double Sigma(double v) => 1.0 / (1.0 + Math.Exp(-v));

    /// <summary>Tensors of rank 1, 2 or 3: the exercise says "any shape".</summary>
    private static readonly FsCheck.Gen<TensorCase> AnyShape =
        Gen.OneOf(Gens.Tensor(-10, 10, 6), Gens.Tensor(-10, 10, 4, 5), Gens.Tensor(-10, 10, 3, 3, 3));

    [Check("gives the worked example",
           "给出示例的结果")]
    public void WorkedExample(IChapter1 c)
    {
        Tensor x = new[] { 1.0, 2.0, 3.0 };
        var expected = Tensor.From(0.7310585786300049, 0.8807970779778823, 0.9525741268224334);
        Expect.Close(c.Sigmoid(x.Copy()), expected, "Sigmoid([1, 2, 3])", Tolerance.Value, [Expect.Input("x", x)], Hint);
    }

    [Check("keeps the shape of x, whatever its rank",
           "保持 x 的形状，不论它有几维")]
    public void KeepsShape(IChapter1 c) =>
        Properties.ForAll("1.2 shape", AnyShape, tc =>
            Expect.Shape(c.Sigmoid(tc.Value.Copy()), tc.Value.Shape, "Sigmoid(x)", [Expect.Input("x", tc.Value)], ShapeHint),
            Gens.Shrink);

    [Check("applies σ to every element of random tensors",
           "对随机张量的每个元素应用 σ")]
    public void MatchesFormula(IChapter1 c) =>
        Properties.ForAll("1.2 formula", AnyShape, tc =>
        {
            var x = tc.Value;
            Expect.Close(c.Sigmoid(x.Copy()), x.Apply(Sigma), "Sigmoid(x)", Tolerance.Value, [Expect.Input("x", x)], Hint,
                expectedNote: Say("1 / (1 + e^(−x)) of each element", "每个元素的 1 / (1 + e^(−x))"));
        }, Gens.Shrink);

    [Check("is symmetric, σ(−x) = 1 − σ(x), and lies in (0, 1)",
           "满足对称性 σ(−x) = 1 − σ(x)，且取值在 (0, 1) 内")]
    public void SymmetricAndBounded(IChapter1 c) =>
        Properties.ForAll("1.2 symmetry", Gens.Tensor(-20, 20, 3, 4), tc =>
        {
            var x = tc.Value;
            var s = Expect.NotNull(c.Sigmoid(x.Copy()), "Sigmoid(x)");
            var sNeg = Expect.NotNull(c.Sigmoid(-x), "Sigmoid(-x)");
            Expect.Close(s + sNeg, Tensor.Ones(x.Shape), "Sigmoid(x) + Sigmoid(-x)", Tolerance.Value, [Expect.Input("x", x)],
                Say("σ(x) + σ(−x) must be 1 for every element; ", "对每个元素，σ(x) + σ(−x) 都必须等于 1；") + Hint);
            var outside = Array.FindIndex(s.ToArray(), v => !(v > 0 && v < 1));
            Expect.That(outside < 0, Say("Sigmoid(x) has an element outside (0, 1).", "Sigmoid(x) 有元素落在 (0, 1) 之外。"),
                [Expect.Input("x", x), (Say("your answer", "你的结果"), s.ToString()),
                 (Say("element", "元素"), outside < 0 ? "" : Say($"at flat index {outside}: {Tensor.FormatNumber(s.AsSpan()[outside])}", $"平铺索引 {outside} 处：{Tensor.FormatNumber(s.AsSpan()[outside])}"))],
                Hint);
        }, Gens.Shrink);

    [Check("gives 0 and 1, not NaN, for very large |x|",
           "|x| 很大时给出 0 和 1，而不是 NaN")]
    public void FiniteInTheTails(IChapter1 c)
    {
        Tensor x = new[] { -1000.0, -40.0, 40.0, 1000.0 };
        Expect.Close(c.Sigmoid(x.Copy()), x.Apply(Sigma), "Sigmoid([-1000, -40, 40, 1000])", Tolerance.Value, [Expect.Input("x", x)],
            Say("σ(−1000) is 0 and σ(1000) is 1. NaN means ∞ / ∞: e^x / (1 + e^x) overflows for large x; 1 / (1 + e^(−x)) does not.", "σ(−1000) 是 0，σ(1000) 是 1。出现 NaN 说明是 ∞ / ∞：x 很大时 e^x / (1 + e^x) 会溢出，而 1 / (1 + e^(−x)) 不会。"));
    }

    [Check("leaves its input unchanged",
           "不修改输入")]
    public void LeavesInputAlone(IChapter1 c)
    {
        Tensor x = new[,] { { -1.0, 0.0, 2.5 }, { 0.5, 2.0, -3.0 } };
        var before = x.Copy();
        c.Sigmoid(x);
        Expect.Unchanged(before, x, "Sigmoid(x)", "x");
    }

    [Check("reproduces the golden examples",
           "重现黄金文件中的例子")]
    public void GoldenExamples(IChapter1 c)
    {
        var x = Tensor.Arange(-6, 6, 0.5).Reshape(2, 3, 4);
        Golden.Verify("examples", new GoldenRecord { { "x", x }, { "Sigmoid(x)", c.Sigmoid(x.Copy()) } }, Tolerance.Value, Hint);
    }
}
