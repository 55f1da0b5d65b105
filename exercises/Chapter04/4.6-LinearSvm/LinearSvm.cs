namespace DeepLearningKata.Exercises;

public static partial class Chapter4
{
    /// <summary>
    /// Exercise 4.6 (part 1) — the linear score function: one score per class for every sample.
    /// </summary>
    /// <remarks>
    /// <code>
    /// Formula:  s = x · W + b          (f(x) = w1·x1 + w2·x2 + … + wd·xd + b for every class)
    /// Shapes:   x (N, D), W (D, C), b (C,)  →  scores (N, C);    one sample x (D,)  →  (C,)
    ///           e.g. 4 images of 784 pixels and 4 classes: (4, 784) · (784, 4) + (4,) → (4, 4)
    /// Example:  LinearScore([[1, 2]], [[1, 0, -1], [0.5, 1, 2]], [0, 1, 0]) = [[2, 3, 3]]
    /// Hint:     Np.Dot(x, w) + b: b broadcasts over the rows.
    /// Grade it: ./run-checks.sh --exercise 4.6     (or: dotnet test --filter Name~4.6)
    /// </code>
    /// </remarks>
    public static Tensor LinearScore(Tensor x, Tensor w, Tensor b)
    {
        // TODO: x · W + b.
        throw new NotImplementedException("Exercise 4.6 (LinearScore) is not started yet.");
    }

    /// <summary>
    /// Exercise 4.6 (part 2) — the multiclass SVM (hinge) loss of class scores against the correct classes,
    /// plus an L2 penalty on the weights.
    /// </summary>
    /// <remarks>
    /// <code>
    /// Formula:  L_i = Σ_{j ≠ y_i} max(0, s_j − s_{y_i} + 1)     (every wrong class should score at least 1 below the right one)
    ///           L   = (1/N) · Σ_i L_i  +  λ · Σ W²                (the mean over the batch; the penalty added once)
    /// Shapes:   scores (N, C) with labels t (N,),  or one sample (C,) with a 1-element t;  any W  →  one number
    /// Example:  scores = [100, 80, 60, 50, 200], correct class 1 (score 80):
    ///           max(0, 100−80+1) + max(0, 60−80+1) + max(0, 50−80+1) + max(0, 200−80+1) = 21 + 0 + 0 + 121 = 142
    ///           SvmLoss(scores, [1.0], w, 0) = 142
    ///           With λ = 100: w1 = [1, 0, 0, 0] gives 142 + 100·1 = 242;  w2 = [0.25, 0.25, 0.25, 0.25] gives
    ///           142 + 100·(4·0.25²) = 167. Both give the same score for x = [1, 1, 1, 1], but the penalty prefers
    ///           w2, whose weights are spread over all inputs.
    /// Hint:     Loop over the rows and the classes; skip j == y_i (else every row gets an extra 1).
    ///           (w * w).Sum() is Σ W². If scores is 1-D, treat it as one row: scores.Reshape(1, scores.Size).
    /// Grade it: ./run-checks.sh --exercise 4.6     (or: dotnet test --filter Name~4.6)
    /// </code>
    /// </remarks>
    public static double SvmLoss(Tensor scores, Tensor t, Tensor w, double lambda)
    {
        // TODO: the mean hinge loss of the rows, plus lambda · Σ w².
        throw new NotImplementedException("Exercise 4.6 (SvmLoss) is not started yet.");
    }
}
