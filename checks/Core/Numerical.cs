namespace DeepLearningKata.Checks;

/// <summary>
/// The checks' own central differences, <c>(f(x + h) − f(x − h)) / 2h</c> with h = <see cref="Tolerance.GradientStep"/>,
/// in double precision. Independent of any subject, so a learner's wrong derivative cannot also bend its yardstick.
/// </summary>
public static class Numerical
{
    /// <summary>The derivative of a scalar function at every element of <paramref name="x"/>.</summary>
    public static Tensor ElementwiseDerivative(Func<double, double> f, Tensor x)
    {
        ArgumentNullException.ThrowIfNull(f);
        const double h = Tolerance.GradientStep;
        return x.Apply(v => (f(v + h) - f(v - h)) / (2 * h));
    }

    /// <summary>∂f/∂x for every element of <paramref name="x"/>; <paramref name="x"/> is restored after each nudge.</summary>
    public static Tensor Gradient(Func<Tensor, double> f, Tensor x)
    {
        ArgumentNullException.ThrowIfNull(f);
        ArgumentNullException.ThrowIfNull(x);
        const double h = Tolerance.GradientStep;
        var grad = Tensor.ZerosLike(x);
        for (var i = 0; i < x.Size; i++)
        {
            var keep = x.AsSpan()[i];
            x.AsSpan()[i] = keep + h;
            var plus = f(x);
            x.AsSpan()[i] = keep - h;
            var minus = f(x);
            x.AsSpan()[i] = keep;
            grad.AsSpan()[i] = (plus - minus) / (2 * h);
        }
        return grad;
    }
}
