namespace DeepLearningKata.Contracts;

/// <summary>Chapter 2, the perceptron: logic gates from weights, a bias and a threshold.</summary>
public interface IChapter2
{
    /// <summary>2.1 — 1 if w·x + b &gt; 0, else 0.</summary>
    int Perceptron(Tensor x, Tensor w, double b);

    /// <summary>2.1 — AND gate as one perceptron.</summary>
    int And(double x1, double x2);

    /// <summary>2.1 — NAND gate as one perceptron.</summary>
    int Nand(double x1, double x2);

    /// <summary>2.1 — OR gate as one perceptron.</summary>
    int Or(double x1, double x2);

    /// <summary>2.2 — XOR from NAND, OR and AND in two layers.</summary>
    int Xor(double x1, double x2);
}
