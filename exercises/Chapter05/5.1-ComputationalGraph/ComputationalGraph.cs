using DeepLearningKata.Contracts;

namespace DeepLearningKata.Exercises;

/// <summary>
/// Exercise 5.1 — the multiplication node of a computational graph, as a layer with Forward and Backward.
/// 练习 5.1 — 计算图中的乘法节点，写成一个带 Forward 和 Backward 的层。
/// </summary>
/// <remarks>
/// <code>
/// Formula:  forward   z = x · y
///           backward  ∂L/∂x = dout · y,   ∂L/∂y = dout · x
/// Shapes:   Forward(x: double, y: double)  →  z: double;     Backward(dout: double)  →  (dx, dy)
/// Example:  Forward(100, 2) = 200;  then Backward(1.1) = (2.2, 110)
/// Hint:     In backward the inputs swap places: x's gradient uses y and y's uses x. Forward must
///           remember x and y in the fields, because Backward needs them.
/// 提示:     反向传播时两个输入互换位置：x 的梯度用 y，y 的梯度用 x。Forward 必须把 x 和 y 记在
///           字段里，因为 Backward 要用到它们。
/// Grade it: ./run-checks.sh --exercise 5.1     (or: dotnet test --filter TestCategory=5.1)
/// </code>
/// </remarks>
public sealed class MulLayer : IScalarLayer
{
    private double x;
    private double y;

    public MulLayer()
    {
        x = 0;
        y = 0;
    }

    /// <summary>The product of the inputs; remembers both for Backward.</summary>
    public double Forward(double x, double y)
    {
        // TODO: return the product of x and y; keep what Backward will need in the fields x and y.
        throw new NotImplementedException("Exercise 5.1 (MulLayer) is not started yet.");
    }

    /// <summary>The gradients with respect to x and y of the last Forward.</summary>
    public (double Dx, double Dy) Backward(double dout)
    {
        // TODO: return dx and dy for the last Forward's inputs, e.g. after Forward(100, 2): Backward(1.1) -> (2.2, 110).
        throw new NotImplementedException("Exercise 5.1 (MulLayer) is not started yet.");
    }
}

/// <summary>
/// Exercise 5.1 — the addition node: Forward adds, Backward hands the upstream gradient to both inputs.
/// 练习 5.1 — 加法节点：Forward 做加法，Backward 把上游传来的梯度原样传给两个输入。
/// </summary>
/// <remarks>
/// <code>
/// Formula:  forward   z = x + y;     backward  ∂L/∂x = dout · 1,   ∂L/∂y = dout · 1
/// Shapes:   Forward(x: double, y: double)  →  z: double;     Backward(dout: double)  →  (dx, dy)
/// Example:  Forward(200, 450) = 650;  then Backward(1.1) = (1.1, 1.1)
/// Hint:     The derivative of x + y is 1 for both inputs, so dout passes through unchanged.
///           The addition node needs to remember nothing.
/// 提示:     x + y 对两个输入的导数都是 1，所以 dout 原样传过去。加法节点什么都不用记。
/// </code>
/// </remarks>
public sealed class AddLayer : IScalarLayer
{
    /// <summary>The sum of the inputs.</summary>
    public double Forward(double x, double y)
    {
        // TODO: return the sum of x and y (an addition node needs to remember nothing).
        throw new NotImplementedException("Exercise 5.1 (AddLayer) is not started yet.");
    }

    /// <summary>The gradients with respect to x and y.</summary>
    public (double Dx, double Dy) Backward(double dout)
    {
        // TODO: return dx and dy, e.g. Backward(1.1) -> (1.1, 1.1).
        throw new NotImplementedException("Exercise 5.1 (AddLayer) is not started yet.");
    }
}

public static partial class Chapter5
{
    /// <summary>Exercise 5.1 — a fresh multiplication node.</summary>
    public static IScalarLayer CreateMulLayer() => new MulLayer();

    /// <summary>Exercise 5.1 — a fresh addition node.</summary>
    public static IScalarLayer CreateAddLayer() => new AddLayer();

    /// <summary>
    /// Exercise 5.1 — the book's shopping graph: apples and oranges with tax, forward then backward.
    /// 练习 5.1 — 书中的购物计算图：买苹果和橘子再加上消费税，先正向传播，再反向传播。
    /// </summary>
    /// <remarks>
    /// <code>
    /// Formula:  price = (apple · appleNum + orange · orangeNum) · tax
    ///           graph:  apple ─┐                 orange ─┐
    ///                   ×appleNum → applePrice   ×orangeNum → orangePrice
    ///                   applePrice + orangePrice → allPrice;   allPrice × tax → price
    /// Shapes:   (apple, appleNum, orange, orangeNum, tax)  →  ShoppingResult(Price, DApple, DAppleNum, DOrange, DOrangeNum, DTax)
    /// Example:  BuyApplesAndOranges(100, 2, 150, 3, 1.1) = price 715,
    ///           dApple 2.2, dAppleNum 110, dOrange 3.3, dOrangeNum 165, dTax 650
    /// Hint:     one layer per node: three MulLayers and one AddLayer. Forward through them in order,
    ///           then start backward from dprice = 1 and go through them in reverse order, feeding
    ///           each node the gradient its output received.
    /// 提示:     每个节点一个层：三个 MulLayer 和一个 AddLayer。先按顺序依次正向传播，然后从
    ///           dprice = 1 开始反向传播，按相反的顺序经过它们，把每个节点的输出收到的梯度传给该节点。
    /// Grade it: ./run-checks.sh --exercise 5.1     (or: dotnet test --filter TestCategory=5.1)
    /// </code>
    /// </remarks>
    public static ShoppingResult BuyApplesAndOranges(double apple, double appleNum, double orange, double orangeNum, double tax)
    {
        // TODO: return the price and its gradient with respect to each of the five inputs, computed by a
        //       forward and a backward pass through one MulLayer or AddLayer per node of the graph.
        throw new NotImplementedException("Exercise 5.1 (BuyApplesAndOranges) is not started yet.");
    }
}
