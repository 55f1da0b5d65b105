namespace DeepLearningKata.Exercises;

public static partial class Chapter3
{
    /// <summary>Exercise 3.4 — PLACEHOLDER: instructions to be written.</summary>
    public static IReadOnlyDictionary<string, Tensor> InitNetwork()
    {
        // TODO
        throw new NotImplementedException("Exercise 3.4 (InitNetwork) is not started yet.");
    }

    /// <summary>Exercise 3.4 — PLACEHOLDER: instructions to be written.</summary>
    public static Tensor Forward(IReadOnlyDictionary<string, Tensor> network, Tensor x)
    {
        // TODO
        throw new NotImplementedException("Exercise 3.4 (Forward) is not started yet.");
    }
}
