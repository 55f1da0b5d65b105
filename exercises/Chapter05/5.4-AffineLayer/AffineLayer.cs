using DeepLearningKata.Contracts;

namespace DeepLearningKata.Exercises;

/// <summary>
/// Exercise 5.4 — the affine (fully connected) layer x·W + b, for a whole batch at once.
/// 练习 5.4 — 仿射（全连接）层 x·W + b，一次处理整个批次。
/// </summary>
/// <remarks>
/// <code>
/// Formula:  forward   x ← x.Reshape(N, D);     out = x · W + b
///           backward  dx = dout · Wᵀ,   dW = xᵀ · dout,   db = Σ_n dout[n, :]
/// Shapes:   x (N, D) | (N, C, H, W) with C·H·W = D;     W (D, M);   b (M,)
///           out, dout (N, M);     dx: x.Shape;   dW (D, M);   db (M,)
/// Example:  x = [[1, 2]], W = [[1, 0, -1], [2, 1, 0]], b = [0.5, 0, 0]  →  out = [[5.5, 2, -1]]
///           dout = [[1, 0, 2]]  →  dx = [[-1, 2]],  dW = [[1, 0, 2], [2, 0, 4]],  db = [1, 0, 2]
/// Hint:     An input of any rank is flattened to (N, D) first, and dx gets x's original shape back; dW has
///           W's shape and db b's. Let the shapes guide you: dW must be (D, M), and only one product of x
///           (transposed) and dout gives that; dx must be (N, D). b was added to every row, so its gradient
///           adds up the rows: a sum along the batch axis, not a mean. Use W and b themselves (no copies):
///           Params holds them, and training updates them in place. But keep your own copy of x (Reshape
///           returns one): the caller owns x.
/// 提示:     任意维数的输入都先展平成 (N, D)，dx 再恢复成 x 原来的形状；dW 的形状与 W 相同，db 与 b 相同。
///           让形状来引导你：dW 必须是 (D, M)，只有 x（转置后）与 dout 的某一种乘积能得到它；dx 必须是 (N, D)。
///           b 被加到了每一行上，所以它的梯度是把各行加起来：沿批次轴求和，而不是求平均。
///           直接使用 W 和 b 本身（不要复制）：Params 持有它们，训练时会原地更新它们。
///           但 x 要保存你自己的副本（Reshape 返回的就是副本）：x 归调用者所有。
/// Grade it: ./run-checks.sh --exercise 5.4     (or: dotnet test --filter TestCategory=5.4)
/// </code>
/// </remarks>
public sealed class AffineLayer : ILayer
{
    private readonly Tensor W;
    private readonly Tensor b;
    private Tensor? x;
    private int[]? originalXShape;
    private Tensor? dW;
    private Tensor? db;

    public AffineLayer(Tensor W, Tensor b)
    {
        this.W = W;
        this.b = b;
        x = null;
        originalXShape = null;
        dW = null;
        db = null;
        Params = new Dictionary<string, Tensor> { ["W"] = W, ["b"] = b };
    }

    /// <summary>x · W + b for a batch x; remembers the (flattened) input and its shape.</summary>
    public Tensor Forward(Tensor x, bool train = true)
    {
        // TODO: return out (N, M); keep what Backward needs in originalXShape and x (x as your own (N, D) copy).
        throw new NotImplementedException("Exercise 5.4 (AffineLayer) is not started yet.");
    }

    /// <summary>dx (in the input's shape); stores dW and db for Grads.</summary>
    public Tensor Backward(Tensor dout)
    {
        // TODO: store dW and db (Grads reads them) and return dx in the shape of the x given to Forward.
        throw new NotImplementedException("Exercise 5.4 (AffineLayer) is not started yet.");
    }

    /// <summary>W and b, the very tensors the layer computes with.</summary>
    public IReadOnlyDictionary<string, Tensor> Params { get; }

    /// <summary>dW and db of the last Backward, by the names of Params.</summary>
    public IReadOnlyDictionary<string, Tensor> Grads =>
        dW is null || db is null ? new Dictionary<string, Tensor>() : new Dictionary<string, Tensor> { ["W"] = dW, ["b"] = db };
}

public static partial class Chapter5
{
    /// <summary>Exercise 5.4 — a fresh affine layer computing with W and b themselves.</summary>
    public static ILayer CreateAffine(Tensor W, Tensor b) => new AffineLayer(W, b);
}
