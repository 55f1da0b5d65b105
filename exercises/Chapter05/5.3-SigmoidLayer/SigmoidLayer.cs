using DeepLearningKata.Contracts;

namespace DeepLearningKata.Exercises;

/// <summary>
/// Exercise 5.3 — the sigmoid as a layer. Its backward needs only its own output.
/// </summary>
/// <remarks>
/// <code>
/// Formula:  forward   y = σ(x) = 1 / (1 + e^(−x)),   remember y
///           backward  dx = dout · y · (1 − y)
/// Shapes:   x of any shape → y of x's shape;   dout of y's shape → dx of x's shape
/// Example:  Forward([0, 2]) = [0.5, 0.88079708];  then Backward([1, 2]) = [0.25, 0.20998717]
/// Hint:     keep a copy of the output (y.Copy()): the caller owns the tensor you return and may
///           change it. Both factors matter: y alone, or (1 − y) alone, is a classic slip.
/// Grade it: ./run-checks.sh --exercise 5.3     (or: dotnet test --filter Name~5.3)
/// </code>
/// </remarks>
public sealed class SigmoidLayer : ILayer
{
    private Tensor? y;

    public SigmoidLayer()
    {
        y = null;
    }

    /// <summary>σ(x) element-wise; remembers the output.</summary>
    public Tensor Forward(Tensor x, bool train = true)
    {
        // TODO: compute the output 1 / (1 + e^(−x)) (Np.Exp), keep a copy in y, return the output.
        throw new NotImplementedException("Exercise 5.3 (SigmoidLayer) is not started yet.");
    }

    /// <summary>dout · y · (1 − y) with y the last Forward's output.</summary>
    public Tensor Backward(Tensor dout)
    {
        // TODO: return dL/dx = dout · ∂y/∂x, written with the y you kept in Forward (see Formula).
        throw new NotImplementedException("Exercise 5.3 (SigmoidLayer) is not started yet.");
    }

    /// <summary>The sigmoid has no parameters.</summary>
    public IReadOnlyDictionary<string, Tensor> Params { get; } = new Dictionary<string, Tensor>();

    /// <summary>No parameters, no gradients of them.</summary>
    public IReadOnlyDictionary<string, Tensor> Grads { get; } = new Dictionary<string, Tensor>();
}

public static partial class Chapter5
{
    /// <summary>Exercise 5.3 — a fresh sigmoid layer.</summary>
    public static ILayer CreateSigmoid() => new SigmoidLayer();
}
