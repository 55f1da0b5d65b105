using DeepLearningKata.Contracts;

namespace DeepLearningKata.Benchmark;

// The book's layers (chapter 5), written directly with the engine's Tensor and Np operations, the way
// the engine is meant to be used for speed: the transposed products without transposed copies. The
// reference solutions of chapter 5 implement the same contracts (ILayer, ILossLayer) and can be timed
// instead with --layers reference; they follow the book line by line (np.dot(dout, W.T) makes W.T).

/// <summary>Builds the three kinds of layer the two-layer net needs.</summary>
internal sealed record LayerSet(string Name, Func<Tensor, Tensor, ILayer> Affine, Func<ILayer> Relu, Func<ILossLayer> SoftmaxWithLoss)
{
    private static readonly DeepLearningKata.Reference.Chapter5Reference Chapter5 = new();

    /// <summary>The layers of this file.</summary>
    public static LayerSet Engine { get; } = new("the benchmark's layers (Layers.cs)", (w, b) => new Affine(w, b), () => new Relu(), () => new SoftmaxWithLoss());

    /// <summary>The reference solutions of exercises 5.2, 5.4 and 5.5.</summary>
    public static LayerSet Reference { get; } = new("the reference layers of chapter 5",
        (w, b) => Chapter5.CreateAffine(w, b), () => Chapter5.CreateRelu(), () => Chapter5.CreateSoftmaxWithLoss());
}

/// <summary><c>out = x·W + b</c>; backward gives <c>dx = dout·Wᵀ</c>, <c>dW = xᵀ·dout</c>, <c>db = Σ dout</c> over the batch.</summary>
internal sealed class Affine(Tensor w, Tensor b) : ILayer
{
    private Tensor? _x;
    private readonly Dictionary<string, Tensor> _params = new() { ["W"] = w, ["b"] = b };
    private readonly Dictionary<string, Tensor> _grads = [];

    public IReadOnlyDictionary<string, Tensor> Params => _params;
    public IReadOnlyDictionary<string, Tensor> Grads => _grads;

    public Tensor Forward(Tensor x, bool train = true)
    {
        _x = x;
        return Np.Dot(x, w) + b;
    }

    public Tensor Backward(Tensor dout)
    {
        var x = _x ?? throw new InvalidOperationException("Backward before Forward.");
        // The transposed products read Wᵀ and xᵀ in place instead of copying them (np.dot(dout, W.T), np.dot(x.T, dout)).
        _grads["W"] = Np.DotTransposeA(x, dout);
        _grads["b"] = dout.Sum(axis: 0);
        return Np.DotTransposeB(dout, w);
    }
}

/// <summary><c>out = max(0, x)</c>; backward lets the gradient through where the input was positive.</summary>
internal sealed class Relu : ILayer
{
    private Tensor? _mask;

    public IReadOnlyDictionary<string, Tensor> Params { get; } = new Dictionary<string, Tensor>();
    public IReadOnlyDictionary<string, Tensor> Grads { get; } = new Dictionary<string, Tensor>();

    public Tensor Forward(Tensor x, bool train = true)
    {
        _mask = x > 0;
        return x * _mask;
    }

    public Tensor Backward(Tensor dout) => dout * (_mask ?? throw new InvalidOperationException("Backward before Forward."));
}

/// <summary>Softmax, then the mean cross-entropy against one-hot targets; backward gives <c>(y − t) / N</c>.</summary>
internal sealed class SoftmaxWithLoss : ILossLayer
{
    private Tensor? _y, _t;

    public double Forward(Tensor x, Tensor t)
    {
        // Subtracting each row's maximum keeps exp from overflowing and does not change the result.
        var e = Np.Exp(x - x.Max(axis: 1, keepdims: true));
        _y = e / e.Sum(axis: 1, keepdims: true);
        _t = t;
        return -(t * Np.Log(_y + 1e-7)).Sum() / x.Dim(0);
    }

    public Tensor Backward(double dout = 1.0)
    {
        var y = _y ?? throw new InvalidOperationException("Backward before Forward.");
        return (y - _t!) * (dout / y.Dim(0));
    }
}
