using DeepLearningKata.Contracts;

namespace DeepLearningKata.Exercises;

/// <summary>
/// Exercise 5.2 — ReLU as a layer: like a switch, on where the input was positive, off elsewhere.
/// </summary>
/// <remarks>
/// <code>
/// Formula:  forward   y = max(0, x),          remember mask = (x > 0)
///           backward  dx = dout where x > 0, 0 elsewhere     (dx = dout * mask)
/// Shapes:   x of any shape → y of x's shape;   dout of y's shape → dx of x's shape
/// Example:  Forward([[1, -0.5], [-2, 3]])  = [[1, 0], [0, 3]]
///           Backward([[5, 6], [7, 8]])      = [[5, 0], [0, 8]]
/// Hint:     x > 0 gives a tensor of 1s and 0s; multiplying by it keeps or blocks each element.
///           The mask comes from x (in Forward), never from dout. Do not write into x or dout:
///           the book's dout[mask] = 0 changes its caller's dout; return new tensors instead.
///           At exactly x = 0 no gradient passes (as in the book and in PyTorch).
/// Grade it: ./run-checks.sh --exercise 5.2     (or: dotnet test --filter Name~5.2)
/// </code>
/// </remarks>
public sealed class ReluLayer : ILayer
{
    private Tensor? mask;

    public ReluLayer()
    {
        mask = null;
    }

    /// <summary>max(0, x) element-wise; remembers where x was positive.</summary>
    public Tensor Forward(Tensor x, bool train = true)
    {
        // TODO: remember where x > 0 (the mask), and return max(0, x).
        throw new NotImplementedException("Exercise 5.2 (ReluLayer) is not started yet.");
    }

    /// <summary>dout where the last Forward's x was positive, 0 elsewhere.</summary>
    public Tensor Backward(Tensor dout)
    {
        // TODO: let dout through where the input was positive, 0 elsewhere; return a new tensor, leave dout as it is.
        throw new NotImplementedException("Exercise 5.2 (ReluLayer) is not started yet.");
    }

    /// <summary>ReLU has no parameters.</summary>
    public IReadOnlyDictionary<string, Tensor> Params { get; } = new Dictionary<string, Tensor>();

    /// <summary>ReLU has no parameters, so no gradients of them.</summary>
    public IReadOnlyDictionary<string, Tensor> Grads { get; } = new Dictionary<string, Tensor>();
}

public static partial class Chapter5
{
    /// <summary>Exercise 5.2 — a fresh ReLU layer.</summary>
    public static ILayer CreateRelu() => new ReluLayer();
}
