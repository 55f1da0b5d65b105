namespace DeepLearningKata.Exercises;

public static partial class Chapter1
{
    /// <summary>Exercise 1.6 — PLACEHOLDER: instructions to be written.</summary>
    public static Tensor Softmax(Tensor x)
    {
        // TODO
        throw new NotImplementedException("Exercise 1.6 (Softmax) is not started yet.");
    }
}
