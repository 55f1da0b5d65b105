using DeepLearningKata.Contracts;
using DeepLearningKata.Reference;

namespace DeepLearningKata.Checks.Chapter05;

[Mutant("5.1", "MulLayer's backward without the swap: (dout · x, dout · y)", Diagnosis = "the inputs must swap places")]
internal sealed class MulBackwardNotSwapped : Chapter5Reference
{
    public override IScalarLayer CreateMulLayer() => new Layer();

    private sealed class Layer : MulLayer
    {
        public override (double Dx, double Dy) Backward(double dout) => (dout * x, dout * y);
    }
}

[Mutant("5.1", "AddLayer's backward returns (1, 1), ignoring dout", Diagnosis = "Backward ignores dout")]
internal sealed class AddBackwardIgnoresDout : Chapter5Reference
{
    public override IScalarLayer CreateAddLayer() => new Layer();

    private sealed class Layer : AddLayer
    {
        public override (double Dx, double Dy) Backward(double dout) => (1, 1);
    }
}

[Mutant("5.1", "MulLayer keeps the inputs of its first Forward only", Diagnosis = "Backward answers for an earlier Forward")]
internal sealed class MulKeepsFirstInputs : Chapter5Reference
{
    public override IScalarLayer CreateMulLayer() => new Layer();

    private sealed class Layer : MulLayer
    {
        private bool _stored;

        public override double Forward(double x, double y)
        {
            if (!_stored)
            {
                this.x = x;
                this.y = y;
                _stored = true;
            }
            return x * y;
        }
    }
}

[Mutant("5.1", "the shopping graph feeds dprice instead of dallPrice to the Add node (the tax is skipped)")]
internal sealed class ShoppingSkipsTax : Chapter5Reference
{
    public override ShoppingResult BuyApplesAndOranges(double apple, double appleNum, double orange, double orangeNum, double tax)
    {
        var mulApple = CreateMulLayer();
        var mulOrange = CreateMulLayer();
        var add = CreateAddLayer();
        var mulTax = CreateMulLayer();
        var price = mulTax.Forward(add.Forward(mulApple.Forward(apple, appleNum), mulOrange.Forward(orange, orangeNum)), tax);
        var dprice = 1.0;
        var (_, dtax) = mulTax.Backward(dprice);
        var (dapplePrice, dorangePrice) = add.Backward(dprice);
        var (dorange, dorangeNum) = mulOrange.Backward(dorangePrice);
        var (dapple, dappleNum) = mulApple.Backward(dapplePrice);
        return new ShoppingResult(price, dapple, dappleNum, dorange, dorangeNum, dtax);
    }
}
