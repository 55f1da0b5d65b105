namespace DeepLearningKata.Exercises;

public static partial class Chapter1
{
    /// <summary>Exercise 1.9 — PLACEHOLDER: instructions to be written.</summary>
    public static Tensor Dot(Tensor a, Tensor b)
    {
        // TODO
        throw new NotImplementedException("Exercise 1.9 (Dot) is not started yet.");
    }

    /// <summary>Exercise 1.9 — PLACEHOLDER: instructions to be written.</summary>
    public static Tensor Outer(Tensor a, Tensor b)
    {
        // TODO
        throw new NotImplementedException("Exercise 1.9 (Outer) is not started yet.");
    }

    /// <summary>Exercise 1.9 — PLACEHOLDER: instructions to be written.</summary>
    public static Tensor Multiply(Tensor a, Tensor b)
    {
        // TODO
        throw new NotImplementedException("Exercise 1.9 (Multiply) is not started yet.");
    }
}
