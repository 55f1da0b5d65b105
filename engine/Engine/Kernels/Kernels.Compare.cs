using System.Numerics;

namespace DeepLearningKata;

// Comparisons as float masks (NumPy's `x > 0` used as numbers): ReLU's mask is made in every forward
// pass, so it gets a SIMD loop instead of a call through a delegate per element.
internal static partial class Kernels
{
    internal enum CompareOp { Greater, Less, GreaterOrEqual, LessOrEqual }

    /// <summary><c>result[i] = x[i] op b ? 1.0 : 0.0</c>; a NaN compares false, as in C# and NumPy.</summary>
    internal static void Compare(CompareOp op, ReadOnlySpan<double> x, double b, Span<double> result)
    {
        var i = 0;
        if (Vector.IsHardwareAccelerated)
        {
            var width = Vector<double>.Count;
            var threshold = new Vector<double>(b);
            for (; i <= x.Length - width; i += width)
            {
                var v = new Vector<double>(x[i..]);
                var mask = op switch
                {
                    CompareOp.Greater => Vector.GreaterThan(v, threshold),
                    CompareOp.Less => Vector.LessThan(v, threshold),
                    CompareOp.GreaterOrEqual => Vector.GreaterThanOrEqual(v, threshold),
                    _ => Vector.LessThanOrEqual(v, threshold),
                };
                Vector.ConditionalSelect(mask, Vector<double>.One, Vector<double>.Zero).CopyTo(result[i..]);
            }
        }
        for (; i < x.Length; i++)
        {
            var v = x[i];
            var yes = op switch
            {
                CompareOp.Greater => v > b,
                CompareOp.Less => v < b,
                CompareOp.GreaterOrEqual => v >= b,
                _ => v <= b,
            };
            result[i] = yes ? 1.0 : 0.0;
        }
    }
}
