using DeepLearningKata.Contracts;

namespace DeepLearningKata.Benchmark;

/// <summary>
/// The layers the two-layer net is built from: the reference solutions of exercises 5.4 (Affine), 5.2 (ReLU) and
/// 5.5 (SoftmaxWithLoss), the book's code in C#, as a learner writes them. The benchmark times what learners write,
/// not layers tuned for it: whatever makes them fast must be in the engine under them.
/// </summary>
internal sealed record LayerSet(string Name, Func<Tensor, Tensor, ILayer> Affine, Func<ILayer> Relu, Func<ILossLayer> SoftmaxWithLoss)
{
    private static readonly DeepLearningKata.Reference.Chapter5Reference Chapter5 = new();

    /// <summary>The reference solutions of exercises 5.2, 5.4 and 5.5.</summary>
    public static LayerSet Reference { get; } = new("the reference solutions of chapter 5 (5.4 Affine, 5.2 ReLU, 5.5 SoftmaxWithLoss)",
        (w, b) => Chapter5.CreateAffine(w, b), () => Chapter5.CreateRelu(), () => Chapter5.CreateSoftmaxWithLoss());
}
