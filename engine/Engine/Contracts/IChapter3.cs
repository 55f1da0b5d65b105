namespace DeepLearningKata.Contracts;

/// <summary>Chapter 3, neural networks: activation functions and the forward pass.</summary>
public interface IChapter3
{
    /// <summary>3.1 — 1 where x &gt; 0, else 0.</summary>
    Tensor StepFunction(Tensor x);

    /// <summary>3.2 — σ(x) = 1 / (1 + e^(−x)), element-wise.</summary>
    Tensor Sigmoid(Tensor x);

    /// <summary>3.2 — max(0, x), element-wise.</summary>
    Tensor Relu(Tensor x);

    /// <summary>3.2 — x itself (the output activation for regression).</summary>
    Tensor Identity(Tensor x);

    /// <summary>3.3 — softmax of a 1-D tensor (or of every row of a 2-D batch), safe from overflow.</summary>
    Tensor Softmax(Tensor a);

    /// <summary>3.4 — the book's three-layer network: weights W1, W2, W3 and biases b1, b2, b3.</summary>
    IReadOnlyDictionary<string, Tensor> InitNetwork();

    /// <summary>3.4 — x → affine → sigmoid → affine → sigmoid → affine → identity.</summary>
    Tensor Forward(IReadOnlyDictionary<string, Tensor> network, Tensor x);

    /// <summary>3.5 — the predicted class of every row of x, forwarding batchSize rows at a time.</summary>
    Tensor PredictBatch(IReadOnlyDictionary<string, Tensor> network, Tensor x, int batchSize);

    /// <summary>3.5 — the fraction of rows whose predicted class equals the label in t.</summary>
    double Accuracy(IReadOnlyDictionary<string, Tensor> network, Tensor x, Tensor t, int batchSize);
}
