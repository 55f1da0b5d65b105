namespace DeepLearningKata.Contracts;

/// <summary>Chapter 3, neural networks: activation functions and the forward pass.</summary>
public interface IChapter3
{
    /// <summary>1 where x &gt; 0, else 0.</summary>
    [ForExercise("3.1")]
    Tensor StepFunction(Tensor x);

    /// <summary>Σ(x) = 1 / (1 + e^(−x)), element-wise.</summary>
    [ForExercise("3.2")]
    Tensor Sigmoid(Tensor x);

    /// <summary>Max(0, x), element-wise.</summary>
    [ForExercise("3.2")]
    Tensor Relu(Tensor x);

    /// <summary>X itself (the output activation for regression).</summary>
    [ForExercise("3.2")]
    Tensor Identity(Tensor x);

    /// <summary>Softmax of a 1-D tensor (or of every row of a 2-D batch), safe from overflow.</summary>
    [ForExercise("3.3")]
    Tensor Softmax(Tensor a);

    /// <summary>The book's three-layer network: weights W1, W2, W3 and biases b1, b2, b3.</summary>
    [ForExercise("3.4")]
    IReadOnlyDictionary<string, Tensor> InitNetwork();

    /// <summary>X → affine → sigmoid → affine → sigmoid → affine → identity.</summary>
    [ForExercise("3.4")]
    Tensor Forward(IReadOnlyDictionary<string, Tensor> network, Tensor x);

    /// <summary>The predicted class of every row of x, forwarding batchSize rows at a time.</summary>
    [ForExercise("3.5")]
    Tensor PredictBatch(IReadOnlyDictionary<string, Tensor> network, Tensor x, int batchSize);

    /// <summary>The fraction of rows whose predicted class equals the label in t.</summary>
    [ForExercise("3.5")]
    double Accuracy(IReadOnlyDictionary<string, Tensor> network, Tensor x, Tensor t, int batchSize);
}
