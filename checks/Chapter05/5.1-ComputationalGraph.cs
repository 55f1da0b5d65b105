using DeepLearningKata.Contracts;
using FsCheck.Fluent;

namespace DeepLearningKata.Checks.Chapter05;

[Exercise("5.1", "ComputationalGraph")]
public sealed class ComputationalGraphChecks
{
    private static string MulHint => Say("a multiplication node swaps its inputs on the way back: x's gradient uses y and y's uses x, each times dout — " +
                                   "with the x and y of the last Forward, kept in fields. More: ./run-checks.sh --hint 5.1", "乘法节点在反向时交换输入：x 的梯度用 y，y 的梯度用 x，都再乘以 dout——用的是上一次 Forward 的 x 和 y，保存在字段里。更多：./run-checks.sh --hint 5.1 --lang zh");

    private static string AddHint => Say("an addition node hands the upstream gradient on unchanged, to both inputs. More: ./run-checks.sh --hint 5.1", "加法节点把上游的梯度原封不动地传给两个输入。更多：./run-checks.sh --hint 5.1 --lang zh");

    private static string GraphHint => Say("one layer per node; backward in the reverse order of forward, starting from dprice = 1, and " +
                                     "each node gets the gradient of its own output: the Add node gets dallPrice (from the tax node), " +
                                     "and each fruit's Mul node gets the Add node's gradient for its branch.", "每个节点一个层；反向传播的顺序与正向相反，从 dprice = 1 开始，每个节点得到的是它自己输出的梯度：Add 节点得到 dallPrice（来自消费税节点），每种水果的 Mul 节点得到 Add 节点在它那一支上的梯度。");

    private static readonly CaseSpec Scalars = new([],
        [new("x", [], Values.Between(-5, 5)), new("y", [], Values.Between(-5, 5)), new("dout", [], Values.Upstream)]);

    [Check("gives the book's shopping example: price 715 and its five gradients",
           "给出书中购物的例子：价格 715 及其五个梯度")]
    public void ShoppingExample(IChapter5 c)
    {
        var r = c.BuyApplesAndOranges(100, 2, 150, 3, 1.1);
        var inputs = new[] { (Say("call", "调用"), "BuyApplesAndOranges(apple: 100, appleNum: 2, orange: 150, orangeNum: 3, tax: 1.1)") };
        Expect.Close(r.Price, 715, "price", Tolerance.Value, inputs, "price = (100·2 + 150·3)·1.1.");
        Expect.Close(r.DTax, 650, "dTax", Tolerance.Value, inputs, Say("∂price/∂tax is the price before tax, 200 + 450. ", "∂price/∂tax 是税前价格，即 200 + 450。") + GraphHint);
        Expect.Close(r.DApple, 2.2, "dApple", Tolerance.Value, inputs, "∂price/∂apple = appleNum · tax = 2 · 1.1. " + GraphHint);
        Expect.Close(r.DAppleNum, 110, "dAppleNum", Tolerance.Value, inputs, "∂price/∂appleNum = apple · tax = 100 · 1.1. " + GraphHint);
        Expect.Close(r.DOrange, 3.3, "dOrange", Tolerance.Value, inputs, "∂price/∂orange = orangeNum · tax = 3 · 1.1. " + GraphHint);
        Expect.Close(r.DOrangeNum, 165, "dOrangeNum", Tolerance.Value, inputs, "∂price/∂orangeNum = orange · tax = 150 · 1.1. " + GraphHint);
    }

    [Check("MulLayer forwards x·y",
           "MulLayer 正向输出 x·y")]
    public void MulForward(IChapter5 c) =>
        Properties.ForAll("5.1 mul forward", Gens.Case(Scalars), k =>
        {
            double x = k.Peek("x").Item(), y = k.Peek("y").Item();
            Expect.Close(c.CreateMulLayer().Forward(x, y), x * y, $"CreateMulLayer().Forward({x}, {y})", Tolerance.Value, hint: MulHint);
        }, Gens.ShrinkCase);

    [Check("MulLayer's backward matches central differences, for a random dout",
           "对随机的 dout，MulLayer 的反向传播与中心差分一致")]
    public void MulBackward(IChapter5 c) =>
        GradientCheck.ScalarLayer("5.1 mul gradient", [Scalars], c.CreateMulLayer, new GradientHints("CreateMulLayer()", MulHint)
        {
            Suspects =
            [
                new("dx", k => k["dout"] * k["x"], Say("your dx equals dout · x: the inputs must swap places, dx = dout · y.", "你的 dx 等于 dout · x：两个输入要交换，dx = dout · y。")),
                new("dy", k => k["dout"] * k["y"], Say("your dy equals dout · y: the inputs must swap places, dy = dout · x.", "你的 dy 等于 dout · y：两个输入要交换，dy = dout · x。")),
            ],
        });

    [Check("AddLayer forwards x + y",
           "AddLayer 正向输出 x + y")]
    public void AddForward(IChapter5 c) =>
        Properties.ForAll("5.1 add forward", Gens.Case(Scalars), k =>
        {
            double x = k.Peek("x").Item(), y = k.Peek("y").Item();
            Expect.Close(c.CreateAddLayer().Forward(x, y), x + y, $"CreateAddLayer().Forward({x}, {y})", Tolerance.Value, hint: AddHint);
        }, Gens.ShrinkCase);

    [Check("AddLayer's backward matches central differences, for a random dout",
           "对随机的 dout，AddLayer 的反向传播与中心差分一致")]
    public void AddBackward(IChapter5 c) =>
        GradientCheck.ScalarLayer("5.1 add gradient", [Scalars], c.CreateAddLayer, new GradientHints("CreateAddLayer()", AddHint));

    [Check("the shopping graph's price and gradients are right for random prices, amounts and taxes",
           "对随机的单价、数量和税率，购物计算图的价格和梯度都正确")]
    public void ShoppingGraphGradients(IChapter5 c)
    {
        var gen =
            from apple in Gens.Double(1, 300)
            from appleNum in Gen.Choose(0, 10)
            from orange in Gens.Double(1, 300)
            from orangeNum in Gen.Choose(0, 10)
            from tax in Gens.Double(1, 1.3)
            select new TensorCase(Tensor.From(apple, appleNum, orange, orangeNum, tax));
        Properties.ForAll("5.1 shopping graph", gen, tc =>
        {
            var v = tc.Value;
            double Price(Tensor p) => (p[0] * p[1] + p[2] * p[3]) * p[4];
            var call = $"BuyApplesAndOranges({string.Join(", ", v.ToArray().Select(Tensor.FormatNumber))})";
            var r = c.BuyApplesAndOranges(v[0], v[1], v[2], v[3], v[4]);
            Expect.Close(r.Price, Price(v), call + ".Price", Tolerance.Value, hint: "price = (apple · appleNum + orange · orangeNum) · tax.");
            var numerical = Numerical.Gradient(Price, v.Copy());
            var yours = Tensor.From(r.DApple, r.DAppleNum, r.DOrange, r.DOrangeNum, r.DTax);
            Expect.Close(yours, numerical, call + Say(": the gradients [dApple, dAppleNum, dOrange, dOrangeNum, dTax]", "：梯度 [dApple, dAppleNum, dOrange, dOrangeNum, dTax]"), Tolerance.Gradient,
                hint: GraphHint, expectedNote: Say("central differences of the price", "价格的中心差分"));
        });
    }

    [Check("reproduces the golden examples",
           "重现黄金文件中的例子")]
    public void GoldenExamples(IChapter5 c)
    {
        var record = new GoldenRecord();
        foreach (var (a, an, o, on, tax) in new[] { (100.0, 2.0, 150.0, 3.0, 1.1), (120.0, 5.0, 80.0, 0.0, 1.08) })
        {
            var r = c.BuyApplesAndOranges(a, an, o, on, tax);
            record.Add($"BuyApplesAndOranges({a}, {an}, {o}, {on}, {tax}): price, dApple, dAppleNum, dOrange, dOrangeNum, dTax", Tensor.From(r.Price, r.DApple, r.DAppleNum, r.DOrange, r.DOrangeNum, r.DTax));
        }
        var mul = c.CreateMulLayer();
        var z = mul.Forward(3.5, -2);
        var (dx, dy) = mul.Backward(0.5);
        record.Add("MulLayer: Forward(3.5, -2), Backward(0.5)", Tensor.From(z, dx, dy));
        var add = c.CreateAddLayer();
        var s = add.Forward(3.5, -2);
        var (ax, ay) = add.Backward(0.5);
        record.Add("AddLayer: Forward(3.5, -2), Backward(0.5)", Tensor.From(s, ax, ay));
        Golden.Verify("examples", record, Tolerance.Value, GraphHint);
    }
}
