namespace DeepLearningKata.Exercises;

public static partial class Chapter3
{
    /// <summary>Exercise 3.3 — PLACEHOLDER: instructions to be written.</summary>
    public static Tensor Softmax(Tensor a)
    {
        // TODO
        throw new NotImplementedException("Exercise 3.3 (Softmax) is not started yet.");
    }
}
