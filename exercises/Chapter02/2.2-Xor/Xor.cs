namespace DeepLearningKata.Exercises;

public static partial class Chapter2
{
    /// <summary>Exercise 2.2 — PLACEHOLDER: instructions to be written.</summary>
    public static int Xor(double x1, double x2)
    {
        // TODO
        throw new NotImplementedException("Exercise 2.2 (Xor) is not started yet.");
    }
}
