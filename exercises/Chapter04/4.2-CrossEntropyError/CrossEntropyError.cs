namespace DeepLearningKata.Exercises;

public static partial class Chapter4
{
    /// <summary>
    /// Exercise 4.2 — the cross-entropy error of probabilities <paramref name="y"/> against targets
    /// <paramref name="t"/>, for one sample or a mini-batch, with one-hot or label targets.
    /// </summary>
    /// <remarks>
    /// <code>
    /// Formula:  E = −(1/N) · Σ_n Σ_k t_nk · log(y_nk + δ),   δ = 1e-7,   N = batch size (1 for one sample)
    ///           with labels: E = −(1/N) · Σ_n log(y[n, t_n] + δ)     (only the correct class's probability counts)
    /// Shapes:   one sample:  y (C,),   t (C,) one-hot  or  t with 1 element, the label      →  one number
    ///           a batch:     y (N, C), t (N, C) one-hot or  t (N,) labels                   →  one number
    /// Example:  y = [0.1, 0.05, 0.6, 0, 0.05, 0.1, 0, 0.1, 0, 0],  t = [0, 0, 1, 0, 0, 0, 0, 0, 0, 0]
    ///           CrossEntropyError(y, t)              = −log(0.6 + 1e-7) = 0.51082546
    ///           CrossEntropyError(y, [2.0])          = 0.51082546   (the same sample, label 2)
    ///           a batch of that row twice            = 0.51082546   (divided by N = 2)
    /// Hint:     As the book does: if y is 1-D, reshape y and t to one row (y.Reshape(1, y.Size));
    ///           if t.Size == y.Size, t is one-hot: turn it into labels with t.Argmax(axis: 1).
    ///           Then add up Math.Log(y[i, (int)t.AsSpan()[i]] + 1e-7) over the rows and divide by N.
    ///           Without δ, a probability of exactly 0 gives log(0) = −∞.
    /// Grade it: ./run-checks.sh --exercise 4.2     (or: dotnet test --filter Name~4.2)
    /// </code>
    /// </remarks>
    public static double CrossEntropyError(Tensor y, Tensor t)
    {
        // TODO: one sample → a batch of one; one-hot → labels; then −Σ log(y[i, t_i] + δ) / N.
        throw new NotImplementedException("Exercise 4.2 (CrossEntropyError) is not started yet.");
    }
}
