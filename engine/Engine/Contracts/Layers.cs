namespace DeepLearningKata.Contracts;

/// <summary>
/// A layer of a network, as the book writes them: <see cref="Forward"/> computes the output and keeps
/// what <see cref="Backward"/> needs (a mask, the input); <see cref="Backward"/> takes the gradient of
/// the loss with respect to the output (<c>dout</c>) and returns the gradient with respect to the input
/// (<c>dx</c>), filling <see cref="Grads"/> for every parameter in <see cref="Params"/>.
/// </summary>
/// <remarks>
/// A layer must not change the tensors handed to it: neither <c>x</c> nor <c>dout</c> (the checks
/// catch a layer that zeroes <c>dout</c> in place, as the book's ReLU does). Once Forward has returned,
/// the <c>x</c> it was handed and the tensor it returned are the caller's, who may change them: a layer
/// keeps its own copies of what Backward needs (<c>x.Copy()</c>, <c>y.Copy()</c>, a mask of its own).
/// Parameters and gradients are reachable by name (<c>"W"</c>, <c>"b"</c>; <c>"gamma"</c>, <c>"beta"</c>),
/// and <see cref="Params"/> holds the very tensors the layer computes with, so an optimizer that
/// updates them in place (<see cref="Tensor.Assign"/>) updates the layer.
/// </remarks>
public interface ILayer
{
    /// <summary>The output for input <paramref name="x"/>; <paramref name="train"/> matters only to Dropout and BatchNorm.</summary>
    Tensor Forward(Tensor x, bool train = true);

    /// <summary>The gradient with respect to the last forward's input, given the gradient <paramref name="dout"/> with respect to its output.</summary>
    Tensor Backward(Tensor dout);

    /// <summary>The layer's parameters by name (empty for a layer without any).</summary>
    IReadOnlyDictionary<string, Tensor> Params { get; }

    /// <summary>The gradients of the last backward, by the same names as <see cref="Params"/>.</summary>
    IReadOnlyDictionary<string, Tensor> Grads { get; }
}

/// <summary>The last layer: softmax followed by the cross-entropy loss against targets <c>t</c>.</summary>
public interface ILossLayer
{
    /// <summary>The mean loss of the batch; <paramref name="t"/> is one-hot <c>(N, C)</c> or labels <c>(N,)</c>.</summary>
    double Forward(Tensor x, Tensor t);

    /// <summary>The gradient of the loss with respect to the scores <c>x</c> of the last forward: <c>(y − t) / N</c> scaled by <paramref name="dout"/>.</summary>
    Tensor Backward(double dout = 1.0);
}

/// <summary>A layer of the book's computational graph on plain numbers (the shopping example of 5.1).</summary>
public interface IScalarLayer
{
    /// <summary>The node's output for inputs <paramref name="x"/> and <paramref name="y"/>.</summary>
    double Forward(double x, double y);

    /// <summary>The gradients with respect to both inputs of the last forward.</summary>
    (double Dx, double Dy) Backward(double dout);
}

/// <summary>A network: parameters by name, predictions, loss, accuracy and the gradient of the loss.</summary>
public interface INetwork
{
    /// <summary>The parameters by name; the very tensors the network computes with.</summary>
    IReadOnlyDictionary<string, Tensor> Params { get; }

    /// <summary>Scores (or probabilities) for a batch of inputs <c>(N, input)</c>: <c>(N, output)</c>.</summary>
    Tensor Predict(Tensor x);

    /// <summary>The mean cross-entropy loss of the batch against targets <paramref name="t"/>.</summary>
    double Loss(Tensor x, Tensor t);

    /// <summary>The share of rows whose largest score is the target class.</summary>
    double Accuracy(Tensor x, Tensor t);

    /// <summary>The gradient of <see cref="Loss"/> for every parameter, by name.</summary>
    IReadOnlyDictionary<string, Tensor> Gradient(Tensor x, Tensor t);
}

/// <summary>The book's two-layer network (chapters 4 and 5): parameters <c>W1, b1, W2, b2</c> by name.</summary>
public interface ITwoLayerNet : INetwork;
