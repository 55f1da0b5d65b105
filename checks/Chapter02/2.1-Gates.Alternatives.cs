using DeepLearningKata.Reference;

namespace DeepLearningKata.Checks.Chapter02;

[Alternative("2.1", "a loop comparing the weighted sum with the threshold θ = −b; gates with weights 1 and biases −1.5, 1.5, −0.5")]
internal sealed class GatesWithThresholdLoop : Chapter2Reference
{
    public override int Perceptron(Tensor x, Tensor w, double b)
    {
        var theta = -b;
        var sum = 0.0;
        var xs = x.AsSpan();
        var ws = w.AsSpan();
        for (var i = 0; i < xs.Length; i++) sum += xs[i] * ws[i];
        return sum <= theta ? 0 : 1;
    }

    public override int And(double x1, double x2) => Perceptron(Tensor.From(x1, x2), Tensor.From(1.0, 1.0), -1.5);

    public override int Nand(double x1, double x2) => Perceptron(Tensor.From(x1, x2), Tensor.From(-1.0, -1.0), 1.5);

    public override int Or(double x1, double x2) => Perceptron(Tensor.From(x1, x2), Tensor.From(1.0, 1.0), -0.5);
}

[Alternative("2.1", "Np.Dot for w·x; gates with unequal weights (AND 0.3, 0.6, −0.8; NAND −2, −1, 2.5; OR 2, 3, −1)")]
internal sealed class GatesWithDotAndUnequalWeights : Chapter2Reference
{
    public override int Perceptron(Tensor x, Tensor w, double b) => Np.Dot(w, x).Item() + b > 0 ? 1 : 0;

    public override int And(double x1, double x2) => Perceptron(Tensor.From(x1, x2), Tensor.From(0.3, 0.6), -0.8);

    public override int Nand(double x1, double x2) => Perceptron(Tensor.From(x1, x2), Tensor.From(-2.0, -1.0), 2.5);

    public override int Or(double x1, double x2) => Perceptron(Tensor.From(x1, x2), Tensor.From(2.0, 3.0), -1.0);
}
