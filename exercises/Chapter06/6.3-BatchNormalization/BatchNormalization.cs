using DeepLearningKata.Contracts;

namespace DeepLearningKata.Exercises;

/// <summary>
/// Exercise 6.3 — Batch Normalization as a layer: normalise every feature over the batch, then scale by γ and shift by β.
/// 练习 6.3 — 把 Batch Normalization 实现为一层：对每个特征在 mini-batch 上正规化，再用 γ 缩放、用 β 平移。
/// </summary>
/// <remarks>
/// <code>
/// Formula:  train  μ_B = (1/N)·Σ_i x_i      σ²_B = (1/N)·Σ_i (x_i − μ_B)²      (Σ_i: axis 0)
///                  x̂ = (x − μ_B) / √(σ²_B + 1e-6)      y = γ·x̂ + β
///                  running_mean = momentum·running_mean + (1 − momentum)·μ_B     (running_mean₀ = 0)
///                  running_var  = momentum·running_var  + (1 − momentum)·σ²_B    (running_var₀ = 0)
///           test   y = γ·(x − running_mean) / √(running_var + 1e-6) + β
///           Backward (after Forward(x, train: true))   dβ = Σ_i dout      dγ = Σ_i x̂⊙dout
///                  dx̂ = γ·dout;  dx = (1/(N·σ))·(N·dx̂ − Σ_i dx̂ − x̂·Σ_i dx̂⊙x̂),   σ = √(σ²_B + 1e-6)
/// Shapes:   x (N, D) | (N, C, H, W) → (N, D = C·H·W);   gamma, beta, μ_B, σ²_B, running_mean, running_var: (D,)
///           y, dx: shape(x);   dgamma, dbeta: (D,)
/// Example:  gamma = [1], beta = [0], x = [[1], [2], [3]]  →  y = [[-1.224743952833969], [0], [1.224743952833969]]
///           Backward([[1], [0], [0]])  →  dx = [[0.20412491069558175], [-0.40824798427798964], [0.20412307358240794]]
///                                          dgamma = [-1.224743952833969],  dbeta = [1]
///           Forward(x, train: false)  →  [[3.09836343932728], [6.97131773848638], [10.844272037645478]]
///                                          (running_mean = [0.2], running_var = [0.0666…])
/// Hint:     The statistics are per column: averages over the batch axis, broadcast back over the rows. σ²_B
///           divides by N, not N − 1. The 1e-6 goes inside the square root. Keep what Backward needs: x −
///           μ_B, x̂ and σ. In Backward, x feeds dx three ways (directly, through μ_B and through σ²_B): the
///           book's graph goes back step by step (dxn, dxc, dstd, dvar, dmu); the closed form in Formula is
///           the same. Test mode uses the running statistics only; it must not change them. Reshape (N, C,
///           H, W) to (N, C·H·W) first and give y and dx the input's shape back.
/// 提示:     统计量是按列的：沿批次轴求平均，再广播回各行。σ²_B 除以 N，而不是 N − 1。1e-6 加在平方根之内。
///           为 Backward 保存它需要的东西：x − μ_B、x̂ 和 σ。Backward 中 x 通过三条路径影响 dx（直接、
///           经过 μ_B、经过 σ²_B）：书中的计算图一步步反向（dxn、dxc、dstd、dvar、dmu）；
///           Formula 中的闭式与之相同。测试模式只使用 running 统计量，且不能修改它们。
///           先把 (N, C, H, W) 变形为 (N, C·H·W)，最后把 y 和 dx 变回输入的形状。
/// Grade it: ./run-checks.sh --exercise 6.3     (or: dotnet test --filter TestCategory=6.3)
/// </code>
/// </remarks>
public sealed class BatchNormalization : ILayer
{
    private readonly Tensor gamma;
    private readonly Tensor beta;
    private readonly double momentum;
    private Tensor? runningMean;
    private Tensor? runningVar;
    private Tensor? dgamma;
    private Tensor? dbeta;

    public BatchNormalization(Tensor gamma, Tensor beta, double momentum = 0.9)
    {
        this.gamma = gamma;
        this.beta = beta;
        this.momentum = momentum;
        runningMean = null;
        runningVar = null;
        dgamma = null;
        dbeta = null;
        Params = new Dictionary<string, Tensor> { ["gamma"] = gamma, ["beta"] = beta };
    }

    /// <summary>Normalised, scaled and shifted x: with the batch's statistics in training, the running ones at test time.</summary>
    public Tensor Forward(Tensor x, bool train = true)
    {
        // TODO: return y in x's shape: the batch's statistics in training (which also move the running ones,
        //       zeros at first), the running ones in test; keep what Backward needs.
        throw new NotImplementedException("Exercise 6.3 (BatchNormalization) is not started yet.");
    }

    /// <summary>dx in the input's shape; stores dgamma and dbeta for Grads.</summary>
    public Tensor Backward(Tensor dout)
    {
        // TODO: store dgamma and dbeta (Grads reads them) and return dx in x's shape, for the last training Forward.
        throw new NotImplementedException("Exercise 6.3 (BatchNormalization) is not started yet.");
    }

    /// <summary>gamma and beta, the very tensors the layer computes with.</summary>
    public IReadOnlyDictionary<string, Tensor> Params { get; }

    /// <summary>dgamma and dbeta of the last Backward, by the names of Params.</summary>
    public IReadOnlyDictionary<string, Tensor> Grads =>
        dgamma is null || dbeta is null ? new Dictionary<string, Tensor>() : new Dictionary<string, Tensor> { ["gamma"] = dgamma, ["beta"] = dbeta };
}

public static partial class Chapter6
{
    /// <summary>Exercise 6.3 — a fresh Batch Normalization layer computing with gamma and beta themselves.</summary>
    public static ILayer CreateBatchNormalization(Tensor gamma, Tensor beta, double momentum = 0.9) => new BatchNormalization(gamma, beta, momentum);
}
