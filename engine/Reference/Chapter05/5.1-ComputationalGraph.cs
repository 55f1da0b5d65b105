using DeepLearningKata.Contracts;

namespace DeepLearningKata.Reference;

/// <summary>A multiplication node of the computational graph (the book's <c>MulLayer</c>).</summary>
public class MulLayer : IScalarLayer
{
    protected double x;
    protected double y;

    /// <inheritdoc/>
    public virtual double Forward(double x, double y)
    {
        this.x = x;
        this.y = y;
        return x * y;
    }

    /// <inheritdoc/>
    public virtual (double Dx, double Dy) Backward(double dout)
    {
        // The inputs swap places: ∂(xy)/∂x = y and ∂(xy)/∂y = x.
        var dx = dout * y;
        var dy = dout * x;
        return (dx, dy);
    }
}

/// <summary>An addition node of the computational graph (the book's <c>AddLayer</c>).</summary>
public class AddLayer : IScalarLayer
{
    /// <inheritdoc/>
    public virtual double Forward(double x, double y) => x + y;

    /// <inheritdoc/>
    public virtual (double Dx, double Dy) Backward(double dout)
    {
        // ∂(x + y)/∂x = ∂(x + y)/∂y = 1: addition passes dout on unchanged, to both inputs (the book's dout * 1).
        return (dout, dout);
    }
}

public partial class Chapter5Reference
{
    /// <inheritdoc/>
    public virtual IScalarLayer CreateMulLayer() => new MulLayer();

    /// <inheritdoc/>
    public virtual IScalarLayer CreateAddLayer() => new AddLayer();

    /// <inheritdoc/>
    public virtual ShoppingResult BuyApplesAndOranges(double apple, double appleNum, double orange, double orangeNum, double tax)
    {
        var mulAppleLayer = CreateMulLayer();
        var mulOrangeLayer = CreateMulLayer();
        var addAppleOrangeLayer = CreateAddLayer();
        var mulTaxLayer = CreateMulLayer();

        // forward
        var applePrice = mulAppleLayer.Forward(apple, appleNum);
        var orangePrice = mulOrangeLayer.Forward(orange, orangeNum);
        var allPrice = addAppleOrangeLayer.Forward(applePrice, orangePrice);
        var price = mulTaxLayer.Forward(allPrice, tax);

        // backward, in the reverse order of forward
        var dprice = 1.0;
        var (dallPrice, dtax) = mulTaxLayer.Backward(dprice);
        var (dapplePrice, dorangePrice) = addAppleOrangeLayer.Backward(dallPrice);
        var (dorange, dorangeNum) = mulOrangeLayer.Backward(dorangePrice);
        var (dapple, dappleNum) = mulAppleLayer.Backward(dapplePrice);

        return new ShoppingResult(price, dapple, dappleNum, dorange, dorangeNum, dtax);
    }
}
