namespace DeepLearningKata.Exercises;

public static partial class Chapter3
{
    /// <summary>Exercise 3.1 — PLACEHOLDER: instructions to be written.</summary>
    public static Tensor StepFunction(Tensor x)
    {
        // TODO
        throw new NotImplementedException("Exercise 3.1 (StepFunction) is not started yet.");
    }
}
