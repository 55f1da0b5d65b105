namespace DeepLearningKata.Exercises;

public static partial class Chapter1
{
    /// <summary>Exercise 1.2 — PLACEHOLDER: instructions to be written.</summary>
    public static Tensor Sigmoid(Tensor x)
    {
        // TODO
        throw new NotImplementedException("Exercise 1.2 (Sigmoid) is not started yet.");
    }
}
