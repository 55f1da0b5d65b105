using DeepLearningKata.Contracts;

namespace DeepLearningKata.Checks.Chapter05;

[Exercise("5.2", "ReluLayer")]
public sealed class ReluLayerChecks
{
    private static string Hint => Say("Forward keeps a mask of where x was positive and lets only those elements through; Backward lets dout through " +
                                "with the same mask — the mask from x, kept by Forward, and a new tensor, not dout changed in place. More: " +
                                "./run-checks.sh --hint 5.2", "Forward 保存一个掩码，记下 x 为正的位置，只让这些元素通过；Backward 用同一个掩码让 dout 通过——掩码来自 x，由 Forward 保存，并返回一个新张量，而不是原地修改 dout。更多：./run-checks.sh --hint 5.2 --lang zh");

    private static GradientHints Hints => new("CreateRelu()", Hint)
    {
        InPlace = Say("leave the tensors you are handed alone: Forward returns a new tensor (not x with its negatives zeroed), Backward " +
                  "too (the book's in-place zeroing of dout changes its caller's dout, which the caller may still need), " +
                  "and neither writes into the x Forward was given.", "不要改动传给你的张量：Forward 返回一个新张量（不是把 x 的负数置零后的 x），Backward 也一样（书中原地把 dout 置零的做法会改动调用者的 dout，而调用者可能还要用它），两者都不能写进传给 Forward 的 x。"),
        Suspects =
        [
            new("dx", k => k["dout"] * (k["dout"] > 0), Say("your dx equals dout * (dout > 0): the mask comes from dout. It must come from x, kept by Forward.", "你的 dx 等于 dout * (dout > 0)：掩码来自 dout。它必须来自 x，由 Forward 保存。")),
            new("dx", k => k["dout"], Say("your dx is dout itself, unmasked: ReLU blocks the gradient wherever x was ≤ 0.", "你的 dx 就是 dout 本身，没有掩码：凡是 x ≤ 0 的地方，ReLU 都会挡住梯度。")),
            new("dx", k => k["dout"] * (k["x"] <= 0), Say("your dx passes dout where x ≤ 0 and blocks it where x > 0: the mask is inverted.", "你的 dx 在 x ≤ 0 处让 dout 通过，在 x > 0 处挡住它：掩码反了。")),
        ],
    };

    // ReLU's kink is at 0: inputs stay at least 0.05 from it, far more than the step h = 1e-5, so x ± h
    // never crosses it and the central difference is the true derivative, 0 or 1.
    private static readonly Values Inputs = Values.Between(-3, 3).AwayFrom(0.05, 0);

    private static readonly CaseSpec Batch = new(
        [new("N", 1, 4), new("D", 1, 5)],
        [new("x", ["N", "D"], Inputs), new("dout", ["N", "D"], Values.Upstream)]);

    private static readonly CaseSpec Images = new(
        [new("N", 1, 2), new("C", 1, 2), new("H", 1, 3), new("W", 1, 3)],
        [new("x", ["N", "C", "H", "W"], Inputs), new("dout", ["N", "C", "H", "W"], Values.Upstream)]);

    [Check("gives the worked example, forward and backward",
           "给出示例的结果，正向和反向都要对")]
    public void WorkedExample(IChapter5 c)
    {
        Tensor x = new[,] { { 1.0, -0.5 }, { -2.0, 3.0 } };
        Tensor dout = new[,] { { 5.0, 6.0 }, { 7.0, 8.0 } };
        var relu = c.CreateRelu();
        Expect.Close(relu.Forward(x.Copy()), Tensor.From(new[,] { { 1.0, 0.0 }, { 0.0, 3.0 } }), "CreateRelu().Forward(x)", Tolerance.Value,
            [Expect.Input("x", x)], Hint);
        Expect.Close(relu.Backward(dout.Copy()), Tensor.From(new[,] { { 5.0, 0.0 }, { 0.0, 8.0 } }), "CreateRelu().Backward(dout)", Tolerance.Value,
            [Expect.Input("x", x), Expect.Input("dout", dout)], Hint);
    }

    [Check("forwards max(0, x) for random tensors of any rank",
           "对任意维数的随机张量，正向输出 max(0, x)")]
    public void ForwardIsMaxZero(IChapter5 c) =>
        Properties.ForAll("5.2 forward", Gen4D(), tc =>
        {
            var x = tc.Value;
            Expect.Close(c.CreateRelu().Forward(x.Copy()), x.Apply(v => Math.Max(0, v)), "CreateRelu().Forward(x)", Tolerance.Value,
                [Expect.Input("x", x)], Hint);
        }, Gens.Shrink);

    [Check("backward matches central differences, for random shapes, values and dout",
           "对随机的形状、数值和 dout，反向传播与中心差分一致")]
    public void BackwardMatchesNumerical(IChapter5 c) =>
        GradientCheck.Layer("5.2 gradient", [Batch, Images], _ => c.CreateRelu(), Hints);

    [Check("leaves the caller's x and dout unchanged",
           "不修改调用者的 x 和 dout")]
    public void LeavesArgumentsAlone(IChapter5 c)
    {
        Tensor x = new[,] { { -1.0, 2.0, -3.0 } };
        Tensor dout = new[,] { { 4.0, 5.0, 6.0 } };
        var xIn = x.Copy();
        var doutIn = dout.Copy();
        var relu = c.CreateRelu();
        relu.Forward(xIn);
        Unchanged(x, xIn, Say("CreateRelu().Forward(x) changed x in place.", "CreateRelu().Forward(x) 原地修改了 x。"));
        relu.Backward(doutIn);
        Unchanged(dout, doutIn, Say("CreateRelu().Backward(dout) changed dout in place.", "CreateRelu().Backward(dout) 原地修改了 dout。"));
        Unchanged(x, xIn, Say("CreateRelu().Backward(dout) changed x, the tensor handed to Forward before, in place.", "CreateRelu().Backward(dout) 原地修改了 x，即之前传给 Forward 的那个张量。"));
    }

    private static void Unchanged(Tensor before, Tensor after, string summary) =>
        Expect.That(before.AsSpan().SequenceEqual(after.AsSpan()), summary,
            [(Say("before the call", "调用前"), before.ToString()), (Say("after the call", "调用后"), after.ToString())], Hints.InPlace);

    [Check("passes no gradient where x is exactly 0, as the book does",
           "x 恰好为 0 处不传梯度，与书中一致")]
    public void NoGradientAtZero(IChapter5 c)
    {
        Tensor x = new[] { 0.0, -0.0, 1.0, -1.0 };
        Tensor dout = new[] { 1.0, 2.0, 3.0, 4.0 };
        var relu = c.CreateRelu();
        relu.Forward(x.Copy());
        var dx = relu.Backward(dout.Copy());
        // "x >= 0" is named only when the answer is exactly what that mask gives on this case (not, say, a mask taken from dout).
        var greaterOrEqual = Tensor.From(1.0, 2.0, 3.0, 0.0);
        var isGreaterOrEqual = dx is not null && Tolerance.Value.AcceptsAll(dx, greaterOrEqual);
        Expect.Close(dx, Tensor.From(0.0, 0.0, 3.0, 0.0), "CreateRelu().Backward(dout)", Tolerance.Value,
            [Expect.Input("x", x), Expect.Input("dout", dout)],
            isGreaterOrEqual
                ? Say("the mask is x > 0, strictly: at x = 0 the book's mask (x <= 0) blocks the gradient; yours lets it through (x >= 0?).", "掩码是 x > 0，严格大于：在 x = 0 处书中的掩码（x <= 0）会挡住梯度；你的却让它通过了（用了 x >= 0？）。")
                : Say("the gradient passes only where x > 0 (the x given to Forward), and is 0 elsewhere, also at x = 0. More: ./run-checks.sh --hint 5.2", "梯度只在 x > 0 处（传给 Forward 的 x）通过，其他地方为 0，x = 0 处也是。更多：./run-checks.sh --hint 5.2 --lang zh"));
    }

    [Check("reproduces the golden examples",
           "重现黄金文件中的例子")]
    public void GoldenExamples(IChapter5 c)
    {
        var x = Tensor.Arange(-2, 2, 0.25).Reshape(4, 4);
        var dout = Tensor.Arange(1, 17).Reshape(4, 4) / 10;
        var relu = c.CreateRelu();
        var y = relu.Forward(x.Copy());
        var dx = relu.Backward(dout.Copy());
        Golden.Verify("examples", new GoldenRecord { { "x", x }, { "dout", dout }, { "Forward(x)", y }, { "Backward(dout)", dx } }, Tolerance.Value, Hint);
    }

    private static FsCheck.Gen<TensorCase> Gen4D() =>
        FsCheck.Fluent.Gen.OneOf(Gens.Tensor(-3, 3, 4, 5), Gens.Tensor(-3, 3, 2, 2, 3, 3));
}
