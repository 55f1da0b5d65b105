using DeepLearningKata.Contracts;

namespace DeepLearningKata.Exercises;

/// <summary>
/// Exercise 5.1 — the multiplication node of a computational graph, as a layer with Forward and Backward.
/// </summary>
/// <remarks>
/// <code>
/// Formula:  forward   z = x · y
///           backward  ∂L/∂x = dout · y,   ∂L/∂y = dout · x     (the inputs swap places)
/// Shapes:   numbers in, a number out; Backward returns the pair (dx, dy)
/// Example:  Forward(100, 2) = 200;  then Backward(1.1) = (2.2, 110)
/// Hint:     Forward must remember x and y in the fields, because Backward needs them.
/// Grade it: ./run-checks.sh --exercise 5.1     (or: dotnet test --filter Name~5.1)
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
        // TODO: keep x and y in this.x and this.y, then return their product.
        throw new NotImplementedException("Exercise 5.1 (MulLayer) is not started yet.");
    }

    /// <summary>The gradients with respect to x and y of the last Forward.</summary>
    public (double Dx, double Dy) Backward(double dout)
    {
        // TODO: return (∂out/∂x · dout, ∂out/∂y · dout) for out = x·y.
        throw new NotImplementedException("Exercise 5.1 (MulLayer) is not started yet.");
    }
}

/// <summary>
/// Exercise 5.1 — the addition node: Forward adds, Backward hands the upstream gradient to both inputs.
/// </summary>
/// <remarks>
/// <code>
/// Formula:  forward   z = x + y;   backward  ∂L/∂x = dout · 1,   ∂L/∂y = dout · 1
/// Example:  Forward(200, 450) = 650;  then Backward(1.1) = (1.1, 1.1)
/// </code>
/// </remarks>
public sealed class AddLayer : IScalarLayer
{
    /// <summary>The sum of the inputs.</summary>
    public double Forward(double x, double y)
    {
        // TODO: return the sum (an addition node needs to remember nothing).
        throw new NotImplementedException("Exercise 5.1 (AddLayer) is not started yet.");
    }

    /// <summary>The gradients with respect to x and y.</summary>
    public (double Dx, double Dy) Backward(double dout)
    {
        // TODO: return (∂out/∂x · dout, ∂out/∂y · dout) for out = x + y.
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
    /// </summary>
    /// <remarks>
    /// <code>
    /// Formula:  price = (apple · appleNum + orange · orangeNum) · tax
    ///           graph:  apple ─┐                 orange ─┐
    ///                   ×appleNum → applePrice   ×orangeNum → orangePrice
    ///                   applePrice + orangePrice → allPrice;   allPrice × tax → price
    /// Shapes:   five numbers in; the price and its five gradients out (a ShoppingResult)
    /// Example:  BuyApplesAndOranges(100, 2, 150, 3, 1.1) = price 715,
    ///           dApple 2.2, dAppleNum 110, dOrange 3.3, dOrangeNum 165, dTax 650
    /// Hint:     one layer per node: three MulLayers and one AddLayer. Forward through them in order,
    ///           then start backward from dprice = 1 and go through them in reverse order, feeding
    ///           each node the gradient its output received.
    /// </code>
    /// </remarks>
    public static ShoppingResult BuyApplesAndOranges(double apple, double appleNum, double orange, double orangeNum, double tax)
    {
        // TODO: build mulAppleLayer, mulOrangeLayer, addAppleOrangeLayer, mulTaxLayer; forward; backward from dprice = 1;
        //       return new ShoppingResult(price, dapple, dappleNum, dorange, dorangeNum, dtax).
        throw new NotImplementedException("Exercise 5.1 (BuyApplesAndOranges) is not started yet.");
    }
}
