using DeepLearningKata.Reference;

namespace DeepLearningKata.Checks.Chapter02;

[Alternative("2.2", "the layers in the other order of arguments: And(Or, Nand)")]
internal sealed class XorOrFirst : Chapter2Reference
{
    public override int Xor(double x1, double x2)
    {
        var either = Or(x1, x2);
        var notBoth = Nand(x1, x2);
        return And(either, notBoth);
    }
}

[Alternative("2.2", "NAND gates only, in three layers: Nand(Nand(x1, n), Nand(x2, n)) with n = Nand(x1, x2)")]
internal sealed class XorFromNandsOnly : Chapter2Reference
{
    public override int Xor(double x1, double x2)
    {
        var n = Nand(x1, x2);
        return Nand(Nand(x1, n), Nand(x2, n));
    }
}
