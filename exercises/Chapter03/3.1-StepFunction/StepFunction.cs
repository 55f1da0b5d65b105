namespace DeepLearningKata.Exercises;

public static partial class Chapter3
{
    /// <summary>
    /// Exercise 3.1 — the step function, the perceptron's activation: 1 where an element is above 0,
    /// 0 elsewhere.
    /// </summary>
    /// <remarks>
    /// <code>
    /// Formula:  h(x) = 1  if x &gt; 0,   h(x) = 0  if x ≤ 0          (element by element)
    /// Shapes:   x of any shape  →  a tensor of the same shape, every element 0.0 or 1.0
    /// Example:  StepFunction([-1.0, 0.0, 1.0, 2.0])  =  [0, 0, 1, 1]
    /// Hint:     x &gt; 0 on a Tensor gives a mask of 0.0 and 1.0, as np.array(x &gt; 0, dtype=int)
    ///           does in NumPy. At exactly 0 the answer is 0. Do not write into x itself.
    ///           The checks plot your step function on Tensor.Arange(-5.0, 5.0, 0.1) and compare
    ///           it with the book's figure (your plot goes to .kata/plots/).
    /// Grade it: ./run-checks.sh --exercise 3.1     (or: dotnet test --filter Name~3.1)
    /// </code>
    /// </remarks>
    public static Tensor StepFunction(Tensor x)
    {
        // TODO: return a new tensor with 1 where x > 0 and 0 elsewhere.
        throw new NotImplementedException("Exercise 3.1 (StepFunction) is not started yet.");
    }
}
