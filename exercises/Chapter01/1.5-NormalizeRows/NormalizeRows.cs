namespace DeepLearningKata.Exercises;

public static partial class Chapter1
{
    /// <summary>Exercise 1.5 — PLACEHOLDER: instructions to be written.</summary>
    public static Tensor NormalizeRows(Tensor x)
    {
        // TODO
        throw new NotImplementedException("Exercise 1.5 (NormalizeRows) is not started yet.");
    }
}
