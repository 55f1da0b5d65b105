using DeepLearningKata.Contracts;
using DeepLearningKata.Reference;

namespace DeepLearningKata.Checks.Chapter05;

[Alternative("5.1", "nodes written as closures over a remembered pair, and the graph's gradients by the chain rule written out")]
internal sealed class ComputationalGraphByHand : Chapter5Reference
{
    public override IScalarLayer CreateMulLayer() => new Node((x, y) => x * y, (x, y, d) => (y * d, x * d));

    public override IScalarLayer CreateAddLayer() => new Node((x, y) => x + y, (_, _, d) => (d, d));

    public override ShoppingResult BuyApplesAndOranges(double apple, double appleNum, double orange, double orangeNum, double tax)
    {
        var beforeTax = apple * appleNum + orange * orangeNum;
        // ∂price/∂(each product) = tax, then each product's factors swap.
        return new ShoppingResult(beforeTax * tax, appleNum * tax, apple * tax, orangeNum * tax, orange * tax, beforeTax);
    }

    private sealed class Node(Func<double, double, double> f, Func<double, double, double, (double, double)> back) : IScalarLayer
    {
        private (double X, double Y) _last;

        public double Forward(double x, double y)
        {
            _last = (x, y);
            return f(x, y);
        }

        public (double Dx, double Dy) Backward(double dout) => back(_last.X, _last.Y, dout);
    }
}
