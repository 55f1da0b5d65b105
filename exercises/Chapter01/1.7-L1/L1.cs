namespace DeepLearningKata.Exercises;

public static partial class Chapter1
{
    /// <summary>Exercise 1.7 — PLACEHOLDER: instructions to be written.</summary>
    public static double L1(Tensor yhat, Tensor y)
    {
        // TODO
        throw new NotImplementedException("Exercise 1.7 (L1) is not started yet.");
    }
}
