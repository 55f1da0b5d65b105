namespace DeepLearningKata.Contracts;

/// <summary>Chapter 1, NumPy basics: the operations every later chapter is built from.</summary>
public interface IChapter1
{
    /// <summary>1.1 — σ(x) = 1 / (1 + e^(−x)) for one number.</summary>
    double BasicSigmoid(double x);

    /// <summary>1.2 — σ applied to every element; the shape is preserved.</summary>
    Tensor Sigmoid(Tensor x);

    /// <summary>1.3 — σ'(x) = σ(x)·(1 − σ(x)) for every element.</summary>
    Tensor SigmoidDerivative(Tensor x);

    /// <summary>1.4 — an image of shape (h, w, c) unrolled into a column (h·w·c, 1).</summary>
    Tensor ImageToVector(Tensor image);

    /// <summary>1.5 — every row of a matrix divided by its L2 norm.</summary>
    Tensor NormalizeRows(Tensor x);

    /// <summary>1.6 — softmax of every row of a 2-D batch.</summary>
    Tensor Softmax(Tensor x);

    /// <summary>1.7 — L1 loss Σ|y − ŷ|.</summary>
    double L1(Tensor yhat, Tensor y);

    /// <summary>1.8 — L2 loss Σ(y − ŷ)².</summary>
    double L2(Tensor yhat, Tensor y);

    /// <summary>1.9 — np.dot written with loops (1-D·1-D, 2-D·1-D, 2-D·2-D).</summary>
    Tensor Dot(Tensor a, Tensor b);

    /// <summary>1.9 — np.outer written with loops.</summary>
    Tensor Outer(Tensor a, Tensor b);

    /// <summary>1.9 — element-wise product with broadcasting, written with loops.</summary>
    Tensor Multiply(Tensor a, Tensor b);
}
