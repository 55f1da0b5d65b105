namespace DeepLearningKata.Exercises;

public static partial class Chapter3
{
    /// <summary>Exercise 3.2 — PLACEHOLDER: instructions to be written.</summary>
    public static Tensor Sigmoid(Tensor x)
    {
        // TODO
        throw new NotImplementedException("Exercise 3.2 (Sigmoid) is not started yet.");
    }

    /// <summary>Exercise 3.2 — PLACEHOLDER: instructions to be written.</summary>
    public static Tensor Relu(Tensor x)
    {
        // TODO
        throw new NotImplementedException("Exercise 3.2 (Relu) is not started yet.");
    }

    /// <summary>Exercise 3.2 — PLACEHOLDER: instructions to be written.</summary>
    public static Tensor Identity(Tensor x)
    {
        // TODO
        throw new NotImplementedException("Exercise 3.2 (Identity) is not started yet.");
    }
}
