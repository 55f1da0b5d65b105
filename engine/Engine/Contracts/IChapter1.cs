namespace DeepLearningKata.Contracts;

/// <summary>Chapter 1, NumPy basics: the operations every later chapter is built from.</summary>
public interface IChapter1
{
    /// <summary>Σ(x) = 1 / (1 + e^(−x)) for one number.</summary>
    [ForExercise("1.1")]
    double BasicSigmoid(double x);

    /// <summary>Σ applied to every element; the shape is preserved.</summary>
    [ForExercise("1.2")]
    Tensor Sigmoid(Tensor x);

    /// <summary>Σ'(x) = σ(x)·(1 − σ(x)) for every element.</summary>
    [ForExercise("1.3")]
    Tensor SigmoidDerivative(Tensor x);

    /// <summary>An image of shape (h, w, c) unrolled into a column (h·w·c, 1).</summary>
    [ForExercise("1.4")]
    Tensor ImageToVector(Tensor image);

    /// <summary>Every row of a matrix divided by its L2 norm.</summary>
    [ForExercise("1.5")]
    Tensor NormalizeRows(Tensor x);

    /// <summary>Softmax of every row of a 2-D batch.</summary>
    [ForExercise("1.6")]
    Tensor Softmax(Tensor x);

    /// <summary>L1 loss Σ|y − ŷ|.</summary>
    [ForExercise("1.7")]
    double L1(Tensor yhat, Tensor y);

    /// <summary>L2 loss Σ(y − ŷ)².</summary>
    [ForExercise("1.8")]
    double L2(Tensor yhat, Tensor y);

    /// <summary>Np.dot written with loops (1-D·1-D, 2-D·1-D, 2-D·2-D).</summary>
    [ForExercise("1.9")]
    Tensor Dot(Tensor a, Tensor b);

    /// <summary>Np.outer written with loops.</summary>
    [ForExercise("1.9")]
    Tensor Outer(Tensor a, Tensor b);

    /// <summary>Element-wise product with broadcasting, written with loops.</summary>
    [ForExercise("1.9")]
    Tensor Multiply(Tensor a, Tensor b);
}
