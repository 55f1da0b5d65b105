namespace DeepLearningKata.Exercises;

public static partial class Chapter1
{
    /// <summary>Exercise 1.8 — PLACEHOLDER: instructions to be written.</summary>
    public static double L2(Tensor yhat, Tensor y)
    {
        // TODO
        throw new NotImplementedException("Exercise 1.8 (L2) is not started yet.");
    }
}
