using DeepLearningKata.Reference;

namespace DeepLearningKata.Checks.Chapter02;

[Mutant("2.1", "w·x + b >= 0: the threshold itself fires")]
internal sealed class PerceptronAtLeast : Chapter2Reference
{
    public override int Perceptron(Tensor x, Tensor w, double b) => (x * w).Sum() + b >= 0 ? 1 : 0;
}

[Mutant("2.1", "w·x − b: the bias subtracted (mixing it up with the threshold θ)")]
internal sealed class PerceptronMinusBias : Chapter2Reference
{
    public override int Perceptron(Tensor x, Tensor w, double b) => (x * w).Sum() - b > 0 ? 1 : 0;
}

[Mutant("2.1", "only the first input weighted: x₁·w₁ + b")]
internal sealed class PerceptronFirstInputOnly : Chapter2Reference
{
    public override int Perceptron(Tensor x, Tensor w, double b) => x[0] * w[0] + b > 0 ? 1 : 0;
}

[Mutant("2.1", "AND with OR's bias: one input alone fires")]
internal sealed class AndWithOrBias : Chapter2Reference
{
    public override int And(double x1, double x2) => Perceptron(Tensor.From(x1, x2), Tensor.From(0.5, 0.5), -0.2);
}

[Mutant("2.1", "NAND with AND's weights and bias: the negation forgotten")]
internal sealed class NandNotNegated : Chapter2Reference
{
    public override int Nand(double x1, double x2) => Perceptron(Tensor.From(x1, x2), Tensor.From(0.5, 0.5), -0.7);
}

[Mutant("2.1", "OR with a bias that never fires: b = −1.2")]
internal sealed class OrBiasTooLow : Chapter2Reference
{
    public override int Or(double x1, double x2) => Perceptron(Tensor.From(x1, x2), Tensor.From(0.5, 0.5), -1.2);
}

[Mutant("2.1", "AND as an if on the corners (x1 == 1 && x2 == 1), not a perceptron")]
internal sealed class AndLookupTable : Chapter2Reference
{
    public override int And(double x1, double x2) => x1 == 1 && x2 == 1 ? 1 : 0;
}

[Mutant("2.1", "OR as the product rule 1 − (1 − x1)(1 − x2) > 0, not a perceptron")]
internal sealed class OrProductRule : Chapter2Reference
{
    public override int Or(double x1, double x2) => 1 - (1 - x1) * (1 - x2) > 0 ? 1 : 0;
}
