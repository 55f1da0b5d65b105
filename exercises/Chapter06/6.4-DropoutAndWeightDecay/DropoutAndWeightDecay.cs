using DeepLearningKata.Contracts;

namespace DeepLearningKata.Exercises;

/// <summary>
/// Exercise 6.4 — Dropout (drop random units in training, scale at test time) and weight decay (½λ‖W‖² added to the loss).
/// 练习 6.4 — Dropout（训练时随机删除神经元，测试时按比例缩放）与权值衰减（在损失上加 ½λ‖W‖²）。
/// </summary>
/// <remarks>
/// <code>
/// Formula:  Dropout  train  mask = (uniform draw from random > ratio),  y = x⊙mask;    backward  dx = dout⊙mask
///                    test   y = x·(1 − ratio)
///           weight decay    loss  = Σ_W ½·λ·Σ W²          gradient  dW + λ·W
/// Shapes:   Dropout: x, mask, y, dout, dx: shape(x);   WeightDecayGradient: dW, W, result: shape(W)
/// Example:  ratio = 0.5, x = [1, 2, 3, 4]:   Forward(x, train: true), mask = [1, 0, 1, 1]  →  y = [1, 0, 3, 4];   Backward([10, 20, 30, 40]) = [10, 0, 30, 40]
///           Forward(x, train: false)  →  [0.5, 1, 1.5, 2]
///           WeightDecayLoss([[[1, -2]], [3]], λ = 0.1) = 0.7        WeightDecayGradient(dW = [0.5, 0.5], W = [1, -2], λ = 0.1) = [0.6, 0.3]
/// Hint:     The mask is a tensor of 1s and 0s: one uniform draw per element (Tensor.RandomUniform, from the
///           Random you are given), compared with the ratio. Keep it, and use the same mask in Backward (do
///           not draw a new one there). This is the book's Dropout: no division by (1 − ratio) in training,
///           the scaling is at test time. Do not write into x or dout. The ½ of the loss makes the gradient
///           λ·W, without a factor 2.
/// 提示:     mask 是由 1 和 0 组成的张量：每个元素抽一个均匀随机数（Tensor.RandomUniform，使用传入的 Random），
///           再与 ratio 比较。把它保存下来，Backward 中使用同一个 mask（不要重新生成）。这是书中的 Dropout：
///           训练时不除以 (1 − ratio)，缩放放在测试时。不要写入 x 或 dout。损失中的 ½ 使梯度为 λ·W，
///           没有因子 2。
/// Grade it: ./run-checks.sh --exercise 6.4     (or: dotnet test --filter TestCategory=6.4)
/// </code>
/// </remarks>
public sealed class Dropout : ILayer
{
    private readonly double ratio;
    private readonly Random random;
    private Tensor? mask;

    public Dropout(double ratio, Random random)
    {
        this.ratio = ratio;
        this.random = random;
        mask = null;
    }

    /// <summary>x with a random share <c>ratio</c> of its elements set to 0 (train), or x·(1 − ratio) (test).</summary>
    public Tensor Forward(Tensor x, bool train = true)
    {
        // TODO: return x with units dropped by a fresh mask drawn from random (kept in mask) in training,
        //       x scaled (the Formula above) in test; x stays as it is.
        throw new NotImplementedException("Exercise 6.4 (DropoutAndWeightDecay) is not started yet.");
    }

    /// <summary>dout through the mask of the last training Forward.</summary>
    public Tensor Backward(Tensor dout)
    {
        // TODO: return dx for dout, through the mask the last Forward drew; dout stays as it is.
        throw new NotImplementedException("Exercise 6.4 (DropoutAndWeightDecay) is not started yet.");
    }

    /// <summary>Dropout has no parameters.</summary>
    public IReadOnlyDictionary<string, Tensor> Params { get; } = new Dictionary<string, Tensor>();

    /// <summary>Dropout has no parameters, so no gradients of them.</summary>
    public IReadOnlyDictionary<string, Tensor> Grads { get; } = new Dictionary<string, Tensor>();
}

public static partial class Chapter6
{
    /// <summary>Exercise 6.4 — a fresh Dropout layer drawing its masks from <paramref name="random"/>.</summary>
    public static ILayer CreateDropout(double ratio, Random random) => new Dropout(ratio, random);

    /// <summary>Exercise 6.4 — the weight-decay term of the loss, ½·λ·ΣW² summed over every weight matrix.</summary>
    public static double WeightDecayLoss(IReadOnlyList<Tensor> weights, double lambda)
    {
        // TODO: return the weight-decay term of the loss for all the weights together, e.g. the Example -> 0.7.
        throw new NotImplementedException("Exercise 6.4 (DropoutAndWeightDecay) is not started yet.");
    }

    /// <summary>Exercise 6.4 — a weight's gradient with weight decay, dW + λ·W, as a new tensor.</summary>
    public static Tensor WeightDecayGradient(Tensor dW, Tensor W, double lambda)
    {
        // TODO: return the gradient with weight decay as a new tensor; dW and W stay as they are.
        throw new NotImplementedException("Exercise 6.4 (DropoutAndWeightDecay) is not started yet.");
    }
}
