namespace DeepLearningKata.Contracts;

/// <summary>
/// Chapter 6, training techniques: optimizers that update parameters by name, weight initialisation,
/// Batch Normalization, Dropout and weight decay.
/// </summary>
/// <remarks>
/// Constants follow the book's code, so the plotted goldens match its figures: ε = 1e-7 added after the
/// square root (AdaGrad, Adam); Momentum α = 0.9; Adam β1 = 0.9, β2 = 0.999 with the bias correction folded
/// into the step size; BatchNorm ε = 1e-6 inside the square root and running statistics with momentum 0.9;
/// Dropout scales by (1 − ratio) at test time (no inverted scaling).
/// </remarks>
public interface IChapter6
{
    /// <summary>Plain SGD: <c>p −= lr·g</c> for every parameter.</summary>
    [ForExercise("6.1")]
    IOptimizer CreateSgd(double learningRate = 0.01);

    /// <summary>Momentum: <c>v = α·v − lr·g; p += v</c>, one <c>v</c> per parameter name, zeros at first.</summary>
    [ForExercise("6.1")]
    IOptimizer CreateMomentum(double learningRate = 0.01, double momentum = 0.9);

    /// <summary>AdaGrad: <c>h += g⊙g; p −= lr·g / (√h + 1e-7)</c>, one <c>h</c> per parameter name.</summary>
    [ForExercise("6.1")]
    IOptimizer CreateAdaGrad(double learningRate = 0.01);

    /// <summary>
    /// Adam: <c>t += 1; lr_t = lr·√(1 − β2^t)/(1 − β1^t); m += (1−β1)(g − m); v += (1−β2)(g² − v);
    /// p −= lr_t·m/(√v + 1e-7)</c>; one <c>m</c> and <c>v</c> per parameter name, one <c>t</c> per optimizer.
    /// </summary>
    [ForExercise("6.1")]
    IOptimizer CreateAdam(double learningRate = 0.001, double beta1 = 0.9, double beta2 = 0.999);

    /// <summary>Xavier initialisation: a <c>(nIn, nOut)</c> weight matrix of <c>N(0, 1)·√(1/nIn)</c> drawn from <paramref name="random"/>.</summary>
    [ForExercise("6.2")]
    Tensor XavierInit(int nIn, int nOut, Random random);

    /// <summary>He initialisation: a <c>(nIn, nOut)</c> weight matrix of <c>N(0, 1)·√(2/nIn)</c> drawn from <paramref name="random"/>.</summary>
    [ForExercise("6.2")]
    Tensor HeInit(int nIn, int nOut, Random random);

    /// <summary>
    /// A fresh Batch Normalization layer over the features of <c>(N, D)</c> (or <c>(N, C, H, W)</c>
    /// flattened to <c>(N, C·H·W)</c>): in training <c>μ_B</c>, <c>σ²_B</c> of the batch, <c>x̂ = (x − μ_B)/√(σ²_B + 1e-6)</c>,
    /// <c>y = γ·x̂ + β</c>, and running statistics <c>r = momentum·r + (1 − momentum)·batch</c> (zeros before the
    /// first batch); at test time the running statistics instead of the batch's. Params and Grads: <c>"gamma"</c>, <c>"beta"</c>.
    /// </summary>
    [ForExercise("6.3")]
    ILayer CreateBatchNormalization(Tensor gamma, Tensor beta, double momentum = 0.9);

    /// <summary>
    /// A fresh Dropout layer: in training, keep each element where a uniform draw from <paramref name="random"/>
    /// is greater than <paramref name="ratio"/>, zero the rest (backward lets <c>dout</c> through the same mask);
    /// at test time multiply by <c>1 − ratio</c>.
    /// </summary>
    [ForExercise("6.4")]
    ILayer CreateDropout(double ratio, Random random);

    /// <summary>The weight-decay term added to the loss: <c>½·λ·Σ_W ΣW²</c> over every weight matrix.</summary>
    [ForExercise("6.4")]
    double WeightDecayLoss(IReadOnlyList<Tensor> weights, double lambda);

    /// <summary>The gradient of a weight with weight decay: <c>dW + λ·W</c> (a new tensor; neither input changes).</summary>
    [ForExercise("6.4")]
    Tensor WeightDecayGradient(Tensor dW, Tensor W, double lambda);
}

/// <summary>
/// An optimizer (chapter 6): updates parameters in place, by name, from their gradients. Its state
/// (velocities, sums of squares, moments, the step count) is kept per parameter name and created on
/// the first <see cref="Update"/>.
/// </summary>
public interface IOptimizer
{
    /// <summary>
    /// One step: changes every tensor of <paramref name="parameters"/> in place (<see cref="Tensor.Assign"/>,
    /// <see cref="Tensor.SubtractInPlace"/>) using the gradient of the same name in <paramref name="grads"/>.
    /// The gradients are not changed.
    /// </summary>
    void Update(IReadOnlyDictionary<string, Tensor> parameters, IReadOnlyDictionary<string, Tensor> grads);
}
