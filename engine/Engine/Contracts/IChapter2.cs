namespace DeepLearningKata.Contracts;

/// <summary>Chapter 2, the perceptron: logic gates from weights, a bias and a threshold.</summary>
public interface IChapter2
{
    /// <summary>1 if w·x + b &gt; 0, else 0.</summary>
    [ForExercise("2.1")]
    int Perceptron(Tensor x, Tensor w, double b);

    /// <summary>AND gate as one perceptron.</summary>
    [ForExercise("2.1")]
    int And(double x1, double x2);

    /// <summary>NAND gate as one perceptron.</summary>
    [ForExercise("2.1")]
    int Nand(double x1, double x2);

    /// <summary>OR gate as one perceptron.</summary>
    [ForExercise("2.1")]
    int Or(double x1, double x2);

    /// <summary>XOR from NAND, OR and AND in two layers.</summary>
    [ForExercise("2.2")]
    int Xor(double x1, double x2);
}
