using DeepLearningKata.Reference;

namespace DeepLearningKata.Checks.Chapter02;

[Mutant("2.2", "a single layer: one perceptron with OR-like weights (0.5, 0.5, −0.2)")]
internal sealed class XorSinglePerceptron : Chapter2Reference
{
    public override int Xor(double x1, double x2) => Perceptron(Tensor.From(x1, x2), Tensor.From(0.5, 0.5), -0.2);
}

[Mutant("2.2", "a single layer: one perceptron with opposite weights (1, −1, 0) hoping to catch 'different'")]
internal sealed class XorSingleDifference : Chapter2Reference
{
    public override int Xor(double x1, double x2) => Perceptron(Tensor.From(x1, x2), Tensor.From(1.0, -1.0), 0.0);
}

[Mutant("2.2", "the second layer is OR instead of AND")]
internal sealed class XorSecondLayerOr : Chapter2Reference
{
    public override int Xor(double x1, double x2) => Or(Nand(x1, x2), Or(x1, x2));
}

[Mutant("2.2", "the first layer uses AND instead of NAND")]
internal sealed class XorFirstLayerAnd : Chapter2Reference
{
    public override int Xor(double x1, double x2) => And(And(x1, x2), Or(x1, x2));
}
