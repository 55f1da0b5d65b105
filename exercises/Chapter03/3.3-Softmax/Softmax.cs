namespace DeepLearningKata.Exercises;

public static partial class Chapter3
{
    /// <summary>
    /// Exercise 3.3 — softmax, the output layer of a classifier: it turns scores into probabilities
    /// that are positive and sum to 1, without overflowing on large scores.
    /// </summary>
    /// <remarks>
    /// <code>
    /// Formula:  y_k = exp(a_k − C) / Σ_i exp(a_i − C),   with C = max_i a_i
    ///           Subtracting any constant C leaves y unchanged (it cancels between the numerator
    ///           and the denominator); C = max makes the largest exponent e^0 = 1, so nothing overflows.
    /// Shapes:   a of shape (n,)     →  (n,), summing to 1
    ///           a of shape (N, n)   →  (N, n): a batch, the softmax of every row on its own
    /// Example:  Softmax([0.3, 2.9, 4.0])        =  [0.018211273, 0.24519181, 0.73659691]
    ///           Softmax([1010, 1000, 990])      =  [0.9999546, 4.5397869e-05, 2.0610600e-09]
    ///           (without subtracting the max, e^1010 is ∞ and the answer is [NaN, NaN, NaN])
    /// Hint:     a.Max(axis: -1, keepdims: true) is each row's max (for a 1-D a, the max itself),
    ///           and .Sum(axis: -1, keepdims: true) each row's sum; keepdims makes them broadcast
    ///           back against a, so the same three lines work for one vector and for a batch.
    ///           Use each row's own max: one max for the whole batch, or the mean, can still overflow.
    /// Grade it: ./run-checks.sh --exercise 3.3     (or: dotnet test --filter Name~3.3)
    /// </code>
    /// </remarks>
    public static Tensor Softmax(Tensor a)
    {
        // TODO: subtract the (row's) max, exponentiate, divide by the (row's) sum.
        throw new NotImplementedException("Exercise 3.3 (Softmax) is not started yet.");
    }
}
