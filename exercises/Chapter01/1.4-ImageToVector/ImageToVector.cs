namespace DeepLearningKata.Exercises;

public static partial class Chapter1
{
    /// <summary>Exercise 1.4 — PLACEHOLDER: instructions to be written.</summary>
    public static Tensor ImageToVector(Tensor image)
    {
        // TODO
        throw new NotImplementedException("Exercise 1.4 (ImageToVector) is not started yet.");
    }
}
