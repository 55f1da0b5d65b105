namespace DeepLearningKata.Reference;

public partial class Chapter2Reference
{
    /// <inheritdoc/>
    public virtual int Perceptron(Tensor x, Tensor w, double b) => (x * w).Sum() + b > 0 ? 1 : 0;

    /// <inheritdoc/>
    public virtual int And(double x1, double x2) => Perceptron(Tensor.From(x1, x2), Tensor.From(0.5, 0.5), -0.7);

    /// <inheritdoc/>
    public virtual int Nand(double x1, double x2) => Perceptron(Tensor.From(x1, x2), Tensor.From(-0.5, -0.5), 0.7);

    /// <inheritdoc/>
    public virtual int Or(double x1, double x2) => Perceptron(Tensor.From(x1, x2), Tensor.From(0.5, 0.5), -0.2);
}
