namespace DeepLearningKata.Exercises;

public static partial class Chapter3
{
    /// <summary>
    /// Exercise 3.4 — the book's three-layer network, part 1: its weights and biases, by name.
    /// </summary>
    /// <remarks>
    /// <code>
    /// Formula:  the network is six tensors, fixed by the book:
    ///           W1 = [[0.1, 0.3, 0.5], [0.2, 0.4, 0.6]]    b1 = [0.1, 0.2, 0.3]
    ///           W2 = [[0.1, 0.4], [0.2, 0.5], [0.3, 0.6]]  b2 = [0.1, 0.2]
    ///           W3 = [[0.1, 0.3], [0.2, 0.4]]              b3 = [0.1, 0.2]
    /// Shapes:   W1 (2, 3), b1 (3,), W2 (3, 2), b2 (2,), W3 (2, 2), b3 (2,):
    ///           2 inputs → 3 neurons → 2 neurons → 2 outputs
    /// Example:  network["W1"][1, 2] is 0.6: row 1 of W1 holds the weights of input x₂
    /// Hint:     new Dictionary&lt;string, Tensor&gt; { ["W1"] = new[,] { { 0.1, 0.3, 0.5 }, … }, … };
    ///           a double[,] becomes a 2-D tensor and a double[] a 1-D one by themselves.
    /// Grade it: ./run-checks.sh --exercise 3.4     (or: dotnet test --filter Name~3.4)
    /// </code>
    /// </remarks>
    public static IReadOnlyDictionary<string, Tensor> InitNetwork()
    {
        // TODO: return the six tensors under the names W1, b1, W2, b2, W3, b3.
        throw new NotImplementedException("Exercise 3.4 (InitNetwork) is not started yet.");
    }

    /// <summary>
    /// Exercise 3.4 — the book's three-layer network, part 2: the forward pass from input to output.
    /// </summary>
    /// <remarks>
    /// <code>
    /// Formula:  a1 = x·W1 + b1    z1 = σ(a1)
    ///           a2 = z1·W2 + b2   z2 = σ(a2)
    ///           a3 = z2·W3 + b3   y  = identity(a3)
    /// Shapes:   x (2,) → y (2,);  a batch x (N, 2) → y (N, 2), one row per sample.
    ///           Any sizes work the same way: x (N, d0), W1 (d0, d1), b1 (d1,), …, y (N, d3).
    /// Example:  Forward(InitNetwork(), [1.0, 0.5])  =  [0.31682708, 0.69627909]
    ///           (a1 = [0.3, 0.7, 1.1], z1 = [0.57444252, 0.66818777, 0.75026011], …)
    /// Hint:     Np.Dot(x, network["W1"]) + network["b1"], as np.dot(x, W1) + b1; the bias
    ///           broadcasts over the rows of a batch. σ is your exercise 1.2, Earlier.Sigmoid(a),
    ///           and identity your exercise 3.2, Earlier.Identity(a). x comes first in Np.Dot.
    /// </code>
    /// </remarks>
    public static Tensor Forward(IReadOnlyDictionary<string, Tensor> network, Tensor x)
    {
        // TODO: three layers: affine, σ; affine, σ; affine, identity.
        throw new NotImplementedException("Exercise 3.4 (Forward) is not started yet.");
    }
}
