namespace DeepLearningKata.Checks;

/// <summary>
/// How close two numbers must be: <c>|actual − expected| ≤ Absolute + Relative·|expected|</c>
/// (NumPy's <c>isclose</c>). Every tolerance the checks use is one of the named ones below, stated once.
/// </summary>
public readonly record struct Tolerance(double Absolute, double Relative)
{
    /// <summary>
    /// For values a correct solution computes directly in double precision. Another correct formula
    /// (a loop instead of a tensor operation, <c>exp(−x)/(1+exp(−x))</c> instead of <c>1/(1+exp(−x))</c>,
    /// another summation order) differs by a few ulps, about 1e-15 relative; 1e-9 leaves six orders of
    /// magnitude of room, while every classic mistake is off by far more than 1e-6.
    /// </summary>
    public static readonly Tolerance Value = new(1e-9, 1e-9);

    /// <summary>
    /// For an analytic derivative against a central difference with step h = 1e-5 in double precision:
    /// the truncation error is about h²·|f'''|/6 ≈ 1e-11 and the rounding error about ε·|f|/h ≈ 1e-11
    /// for the O(1) values the generators produce. PyTorch's gradcheck uses atol 1e-5, rtol 1e-3 to allow
    /// for single precision; in double precision we can be a hundred times stricter and still never
    /// reject a correct gradient.
    /// </summary>
    public static readonly Tolerance Gradient = new(1e-7, 1e-5);

    /// <summary>
    /// For long computations saved as goldens — training curves over hundreds of SGD steps. Matrix
    /// products round differently with another SIMD width (AVX-512, AVX2, ARM) and thread count, and
    /// such differences of 1e-16 grow through many updates; 1e-4 relative absorbs that growth, while a
    /// wrong training loop (other batches, another update) changes the losses by 1e-2 and more.
    /// </summary>
    public static readonly Tolerance Trajectory = new(1e-6, 1e-4);

    /// <summary>For a golden file against the reference that wrote it: only last-bit differences between platforms' math libraries.</summary>
    public static readonly Tolerance Golden = new(1e-12, 1e-10);

    /// <summary>Central-difference step for gradient checks (see <see cref="Gradient"/>).</summary>
    public const double GradientStep = 1e-5;

    public bool Accepts(double actual, double expected)
    {
        if (double.IsNaN(expected)) return double.IsNaN(actual);
        if (double.IsInfinity(expected)) return actual == expected;
        if (!double.IsFinite(actual)) return false;
        return Math.Abs(actual - expected) <= Absolute + Relative * Math.Abs(expected);
    }

    /// <summary>True when <paramref name="actual"/> has <paramref name="expected"/>'s shape and every element is accepted.</summary>
    public bool AcceptsAll(Tensor actual, Tensor expected)
    {
        ArgumentNullException.ThrowIfNull(actual);
        ArgumentNullException.ThrowIfNull(expected);
        if (!actual.Shape.SequenceEqual(expected.Shape)) return false;
        var a = actual.AsSpan();
        var e = expected.AsSpan();
        for (var i = 0; i < a.Length; i++)
        {
            if (!Accepts(a[i], e[i])) return false;
        }
        return true;
    }

    public override string ToString() =>
        $"{Tensor.FormatNumber(Absolute)} + {Tensor.FormatNumber(Relative)}·{Say("|expected|", "|期望值|")}";
}
