using DeepLearningKata.Contracts;

namespace DeepLearningKata.Checks.Chapter05;

[Exercise("5.3", "SigmoidLayer")]
public sealed class SigmoidLayerChecks
{
    private static string Hint => Say("Forward keeps a copy of its output y; Backward multiplies dout by both factors of σ' = y·(1 − y), with the y " +
                                "of the last Forward (not x). More: ./run-checks.sh --hint 5.3", "Forward 保存输出 y 的副本；Backward 把 dout 乘以 σ' = y·(1 − y) 的两个因子，用的是上一次 Forward 的 y（不是 x）。更多：./run-checks.sh --hint 5.3 --lang zh");

    private static GradientHints Hints => new("CreateSigmoid()", Hint)
    {
        Suspects =
        [
            new("dx", k => k["dout"] * Y(k), Say("your dx equals dout · y: the factor (1 − y) is missing.", "你的 dx 等于 dout · y：少了因子 (1 − y)。")),
            new("dx", k => k["dout"] * (1.0 - Y(k)), Say("your dx equals dout · (1 − y): the factor y is missing.", "你的 dx 等于 dout · (1 − y)：少了因子 y。")),
            new("dx", k => k["dout"] * k["x"] * (1.0 - k["x"]), Say("your dx equals dout · x · (1 − x): use the output y = σ(x), not the input x.", "你的 dx 等于 dout · x · (1 − x)：要用输出 y = σ(x)，不是输入 x。")),
            new("dx", k => k["dout"] * Y(k) * (1.0 + Y(k)), Say("your dx equals dout · y · (1 + y): a plus where a minus belongs.", "你的 dx 等于 dout · y · (1 + y)：该用减号的地方用了加号。")),
        ],
    };

    private static Tensor Y(GradientCase k) => k["x"].Apply(Sigma);

    // The sigmoid is smooth everywhere; [−6, 6] covers both the steep middle and the flat tails.
    private static readonly CaseSpec Batch = new(
        [new("N", 1, 4), new("D", 1, 5)],
        [new("x", ["N", "D"], Values.Between(-6, 6)), new("dout", ["N", "D"], Values.Upstream)]);

    private static readonly CaseSpec Images = new(
        [new("N", 1, 2), new("C", 1, 2), new("H", 1, 3), new("W", 1, 3)],
        [new("x", ["N", "C", "H", "W"], Values.Between(-6, 6)), new("dout", ["N", "C", "H", "W"], Values.Upstream)]);

    private static double Sigma(double v) => 1.0 / (1.0 + Math.Exp(-v));

    [Check("gives the worked example, forward and backward",
           "给出示例的结果，正向和反向都要对")]
    public void WorkedExample(IChapter5 c)
    {
        Tensor x = new[] { 0.0, 2.0 };
        Tensor dout = new[] { 1.0, 2.0 };
        var layer = c.CreateSigmoid();
        Expect.Close(layer.Forward(x.Copy()), Tensor.From(0.5, 0.8807970779778823), "CreateSigmoid().Forward([0, 2])", Tolerance.Value,
            [Expect.Input("x", x)], Hint);
        Expect.Close(layer.Backward(dout.Copy()), Tensor.From(0.25, 0.20998717080701304), "CreateSigmoid().Backward([1, 2])", Tolerance.Value,
            [Expect.Input("x", x), Expect.Input("dout", dout)], Hint);
    }

    [Check("forwards σ(x) for random tensors of any rank",
           "对任意维数的随机张量，正向输出 σ(x)")]
    public void ForwardIsSigmoid(IChapter5 c) =>
        Properties.ForAll("5.3 forward", FsCheck.Fluent.Gen.OneOf(Gens.Tensor(-8, 8, 4, 5), Gens.Tensor(-8, 8, 2, 2, 3, 3)), tc =>
        {
            var x = tc.Value;
            Expect.Close(c.CreateSigmoid().Forward(x.Copy()), x.Apply(Sigma), "CreateSigmoid().Forward(x)", Tolerance.Value, [Expect.Input("x", x)], Hint);
        }, Gens.Shrink);

    [Check("backward matches central differences, for random shapes, values and dout",
           "对随机的形状、数值和 dout，反向传播与中心差分一致")]
    public void BackwardMatchesNumerical(IChapter5 c) =>
        GradientCheck.Layer("5.3 gradient", [Batch, Images], _ => c.CreateSigmoid(), Hints);

    [Check("is finite far from 0: outputs 0 and 1, gradients 0",
           "远离 0 时仍是有限值：输出 0 和 1，梯度为 0")]
    public void FiniteInTheTails(IChapter5 c)
    {
        Tensor x = new[] { -800.0, -40.0, 40.0, 800.0 };
        var layer = c.CreateSigmoid();
        Expect.Close(layer.Forward(x.Copy()), Tensor.From(0.0, Sigma(-40), 1.0, 1.0), "CreateSigmoid().Forward([-800, -40, 40, 800])",
            new Tolerance(1e-15, 0), [Expect.Input("x", x)], Say("1 / (1 + e^(−x)) is fine for every x: e^800 is +∞ and 1/∞ is 0.", "1 / (1 + e^(−x)) 对任何 x 都没问题：e^800 是 +∞，1/∞ 是 0。"));
        Expect.Close(layer.Backward(Tensor.Ones(4)), Tensor.Zeros(4), "CreateSigmoid().Backward([1, 1, 1, 1])", new Tolerance(1e-15, 0),
            [Expect.Input("x", x)], Say("in the tails y is 0 or 1, so y · (1 − y) is 0. NaN here means a formula that divides ∞ by ∞.", "在两端 y 是 0 或 1，所以 y · (1 − y) 是 0。这里出现 NaN 说明公式里有 ∞ 除以 ∞。"));
    }

    [Check("reproduces the golden examples",
           "重现黄金文件中的例子")]
    public void GoldenExamples(IChapter5 c)
    {
        var x = Tensor.Arange(-4, 4, 0.5).Reshape(4, 4);
        var dout = Tensor.Arange(-8, 8).Reshape(4, 4) / 4;
        var layer = c.CreateSigmoid();
        var y = layer.Forward(x.Copy());
        var dx = layer.Backward(dout.Copy());
        Golden.Verify("examples", new GoldenRecord { { "x", x }, { "dout", dout }, { "Forward(x)", y }, { "Backward(dout)", dx } }, Tolerance.Value, Hint);
    }
}
