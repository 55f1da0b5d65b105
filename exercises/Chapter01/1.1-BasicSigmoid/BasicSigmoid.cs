namespace DeepLearningKata.Exercises;

public static partial class Chapter1
{
    /// <summary>Exercise 1.1 — PLACEHOLDER: instructions to be written.</summary>
    public static double BasicSigmoid(double x)
    {
        // TODO
        throw new NotImplementedException("Exercise 1.1 (BasicSigmoid) is not started yet.");
    }
}
