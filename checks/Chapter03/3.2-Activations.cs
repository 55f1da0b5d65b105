using DeepLearningKata.Contracts;
using FsCheck;
using FsCheck.Fluent;

namespace DeepLearningKata.Checks.Chapter03;

[Exercise("3.2", "Activations")]
public sealed class ActivationsChecks
{
    private static string SigmoidHint => Say("σ(x) = 1 / (1 + e^(−x)) element by element (Np.Exp). Mind the minus sign in the exponent. More: " +
                                       "./run-checks.sh --hint 3.2", "逐元素计算 σ(x) = 1 / (1 + e^(−x))（Np.Exp）。注意指数里的负号。更多：./run-checks.sh --hint 3.2 --lang zh");
    private static string ReluHint => Say("relu(x) = max(0, x) element by element: Np.Maximum compares each element (Np.Max is one number for the whole " +
                                    "tensor); positive values stay as they are, the rest become 0. More: ./run-checks.sh --hint 3.2", "逐元素计算 relu(x) = max(0, x)：Np.Maximum 逐个元素比较（Np.Max 是整个张量的一个数）；正值保持不变，其余变为 0。更多：./run-checks.sh --hint 3.2 --lang zh");
    private static string IdentityHint => Say("the identity returns its input as it is: the same values in the same shape (x itself or x.Copy()).", "恒等函数原样返回输入：值相同，形状也相同（x 本身或 x.Copy()）。");

    private static double Sigma(double v) => 1.0 / (1.0 + Math.Exp(-v));

    /// <summary>Tensors of rank 1, 2 or 3 with values in [lo, hi].</summary>
    internal static Gen<TensorCase> AnyShape(double lo, double hi) =>
        Gen.OneOf(Gens.Tensor(lo, hi, 8), Gens.Tensor(lo, hi, 4, 5), Gens.Tensor(lo, hi, 2, 3, 4));

    /// <summary>Like <see cref="AnyShape"/>, but every value at least 0.01 away from 0, the kink of ReLU.</summary>
    private static Gen<TensorCase> AwayFromZero(double bound) =>
        AnyShape(-bound, bound).Select(tc => new TensorCase(tc.Value.Apply(v => v < 0 ? v - 0.01 : v + 0.01)));

    // ------------------------------------------------------------------------------------- sigmoid

    [Check("Sigmoid gives the book's example",
           "Sigmoid 给出书中例子的结果")]
    public void SigmoidWorkedExample(IChapter3 c)
    {
        Tensor x = new[] { -1.0, 1.0, 2.0 };
        var expected = Tensor.From(0.2689414213699951, 0.7310585786300049, 0.8807970779778823);
        Expect.Close(c.Sigmoid(x.Copy()), expected, "Sigmoid([-1, 1, 2])", Tolerance.Value, [Expect.Input("x", x)], SigmoidHint);
    }

    [Check("Sigmoid is 1 / (1 + e^(−x)) element by element, on random tensors of any shape",
           "在任意形状的随机张量上，Sigmoid 逐元素等于 1 / (1 + e^(−x))")]
    public void SigmoidMatchesFormula(IChapter3 c) =>
        Properties.ForAll("3.2 sigmoid formula", AnyShape(-10, 10), tc =>
        {
            var x = tc.Value;
            Expect.Close(c.Sigmoid(x.Copy()), x.Apply(Sigma), "Sigmoid(x)", Tolerance.Value, [Expect.Input("x", x)], SigmoidHint);
        }, Gens.Shrink);

    [Check("Sigmoid rises with x and stays strictly between 0 and 1",
           "Sigmoid 随 x 增大而增大，且严格位于 0 和 1 之间")]
    public void SigmoidIsMonotoneInUnitInterval(IChapter3 c) =>
        Properties.ForAll("3.2 sigmoid monotone", Gens.Tensor(-20, 20, 12), tc =>
        {
            var x = new Tensor(tc.Value.ToArray().Order().ToArray(), tc.Value.Size);
            var y = c.Sigmoid(x.Copy());
            Expect.Shape(y, x.Shape, "Sigmoid(x)", [Expect.Input("x", x)], Say("return one value for every element of x.", "x 的每个元素对应返回一个值。"));
            var ys = y.ToArray();
            var outside = Array.FindIndex(ys, v => !(v > 0 && v < 1));
            Expect.That(outside < 0, Say($"Sigmoid(x) left the open interval (0, 1) at index {outside}.", $"Sigmoid(x) 在索引 {outside} 处超出了开区间 (0, 1)。"),
                [Expect.Input("x (sorted)", x), (Say("your answer", "你的结果"), y.ToString())],
                Say("for −20 ≤ x ≤ 20, σ(x) = 1 / (1 + e^(−x)) is above 0 and below 1.", "在 −20 ≤ x ≤ 20 内，σ(x) = 1 / (1 + e^(−x)) 大于 0 且小于 1。"));
            var falls = Enumerable.Range(1, Math.Max(0, ys.Length - 1)).FirstOrDefault(i => ys[i] < ys[i - 1]);
            Expect.That(falls == 0, Say($"Sigmoid(x) fell between index {falls - 1} and {falls}, although x rose.", $"x 增大了，Sigmoid(x) 却在索引 {falls - 1} 与 {falls} 之间下降了。"),
                [Expect.Input("x (sorted)", x), (Say("your answer", "你的结果"), y.ToString())],
                Say("σ rises with x; a falling sigmoid usually means e^(+x) where e^(−x) belongs.", "σ 随 x 增大而增大；sigmoid 下降通常说明把 e^(−x) 写成了 e^(+x)。"));
        }, Gens.Shrink);

    [Check("Sigmoid is finite far from 0: 0 for very negative x, 1 for very positive x",
           "远离 0 时 Sigmoid 仍是有限值：x 很负时为 0，x 很正时为 1")]
    public void SigmoidFiniteInTheTails(IChapter3 c)
    {
        Tensor x = new[] { -800.0, -40.0, 40.0, 800.0 };
        Expect.Close(c.Sigmoid(x.Copy()), x.Apply(Sigma), "Sigmoid([-800, -40, 40, 800])", Tolerance.Value, [Expect.Input("x", x)],
            Say("for x = 800, e^x overflows to ∞ and e^x / (1 + e^x) becomes ∞/∞ = NaN. 1 / (1 + e^(−x)) only ever divides by a number ≥ 1.", "x = 800 时 e^x 溢出为 ∞，e^x / (1 + e^x) 变成 ∞/∞ = NaN。1 / (1 + e^(−x)) 的除数总是 ≥ 1。"));
    }

    // ---------------------------------------------------------------------------------------- ReLU

    [Check("Relu gives the worked example",
           "Relu 给出示例的结果")]
    public void ReluWorkedExample(IChapter3 c)
    {
        Tensor x = new[] { -2.0, 0.0, 0.5, 3.0 };
        Expect.Close(c.Relu(x.Copy()), Tensor.From(0, 0, 0.5, 3), "Relu([-2, 0, 0.5, 3])", Tolerance.Value, [Expect.Input("x", x)], ReluHint);
    }

    [Check("Relu is ≥ 0, equals x where x > 0 and 0 where x < 0, on random tensors of any shape",
           "在任意形状的随机张量上，Relu ≥ 0，在 x > 0 处等于 x，在 x < 0 处为 0")]
    public void ReluKeepsPositivesDropsNegatives(IChapter3 c) =>
        Properties.ForAll("3.2 relu", AwayFromZero(6), tc =>
        {
            var x = tc.Value;
            var y = c.Relu(x.Copy());
            Expect.Shape(y, x.Shape, "Relu(x)", [Expect.Input("x", x)], Say("return one element for every element of x, in x's shape.", "x 的每个元素对应返回一个元素，形状与 x 相同。"));
            var negative = Array.FindIndex(y.ToArray(), v => !(v >= 0));
            Expect.That(negative < 0, Say("Relu(x) returned a negative value (or NaN).", "Relu(x) 返回了负值（或 NaN）。"),
                [Expect.Input("x", x), (Say("your answer", "你的结果"), y.ToString())], ReluHint);
            Expect.Close(y, x.Apply(v => v > 0 ? v : 0.0), "Relu(x)", Tolerance.Value, [Expect.Input("x", x)], ReluHint);
        }, Gens.Shrink);

    // ------------------------------------------------------------------------------------ identity

    [Check("Identity returns x's values in x's shape, for random tensors of any shape",
           "对任意形状的随机张量，Identity 以 x 的形状返回 x 的值")]
    public void IdentityReturnsInput(IChapter3 c) =>
        Properties.ForAll("3.2 identity", AnyShape(-10, 10), tc =>
        {
            var x = tc.Value;
            Expect.Close(c.Identity(x.Copy()), x, "Identity(x)", Tolerance.Value, [Expect.Input("x", x)], IdentityHint);
        }, Gens.Shrink);

    // ------------------------------------------------------------------------------- all of them

    [Check("Sigmoid, Relu and Identity leave their input unchanged",
           "Sigmoid、Relu 和 Identity 不修改输入")]
    public void LeaveInputAlone(IChapter3 c)
    {
        foreach (var (name, f) in new (string, Func<Tensor, Tensor>)[] { ("Sigmoid", c.Sigmoid), ("Relu", c.Relu), ("Identity", c.Identity) })
        {
            Tensor x = new[,] { { -1.5, 0.0 }, { 0.5, 2.0 } };
            var before = x.Copy();
            f(x);
            Expect.Unchanged(before, x, $"{name}(x)", "x");
        }
    }

    [Check("Sigmoid draws the book's curve on [-5, 5) (plotted golden)",
           "Sigmoid 在 [-5, 5) 上画出书中的曲线（黄金图像）")]
    public void SigmoidPlottedGolden(IChapter3 c)
    {
        var x = Tensor.Arange(-5.0, 5.0, 0.1);
        var y = c.Sigmoid(x.Copy());
        Expect.Shape(y, x.Shape, "Sigmoid(Tensor.Arange(-5.0, 5.0, 0.1))", hint: Say("return one element for every element of x.", "x 的每个元素对应返回一个元素。"));
        Plots.Verify("sigmoid", new Figure("Sigmoid function", "x", "y", [new Series("sigmoid", x.ToArray(), y.ToArray())], -0.1, 1.1),
            Tolerance.Value, SigmoidHint);
    }

    [Check("Relu draws the book's curve on [-6, 6) (plotted golden)",
           "Relu 在 [-6, 6) 上画出书中的曲线（黄金图像）")]
    public void ReluPlottedGolden(IChapter3 c)
    {
        var x = Tensor.Arange(-6.0, 6.0, 0.1);
        var y = c.Relu(x.Copy());
        Expect.Shape(y, x.Shape, "Relu(Tensor.Arange(-6.0, 6.0, 0.1))", hint: Say("return one element for every element of x.", "x 的每个元素对应返回一个元素。"));
        Plots.Verify("relu", new Figure("ReLU function", "x", "y", [new Series("relu", x.ToArray(), y.ToArray())], -1.0, 6.0),
            Tolerance.Value, ReluHint);
    }
}
