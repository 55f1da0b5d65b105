namespace DeepLearningKata.Exercises;

public static partial class Chapter2
{
    /// <summary>Exercise 2.1 — PLACEHOLDER: instructions to be written.</summary>
    public static int Perceptron(Tensor x, Tensor w, double b)
    {
        // TODO
        throw new NotImplementedException("Exercise 2.1 (Perceptron) is not started yet.");
    }

    /// <summary>Exercise 2.1 — PLACEHOLDER: instructions to be written.</summary>
    public static int And(double x1, double x2)
    {
        // TODO
        throw new NotImplementedException("Exercise 2.1 (And) is not started yet.");
    }

    /// <summary>Exercise 2.1 — PLACEHOLDER: instructions to be written.</summary>
    public static int Nand(double x1, double x2)
    {
        // TODO
        throw new NotImplementedException("Exercise 2.1 (Nand) is not started yet.");
    }

    /// <summary>Exercise 2.1 — PLACEHOLDER: instructions to be written.</summary>
    public static int Or(double x1, double x2)
    {
        // TODO
        throw new NotImplementedException("Exercise 2.1 (Or) is not started yet.");
    }
}
