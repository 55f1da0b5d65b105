using System.Numerics.Tensors;

namespace DeepLearningKata;

/// <summary>
/// The few hot loops of the engine, each a thin layer over the platform's SIMD
/// (<see cref="TensorPrimitives"/>). Everything above them is plain, readable C#.
/// </summary>
internal static partial class Kernels
{
    internal enum BinaryOp { Add, Subtract, Multiply, Divide, ReverseSubtract, ReverseDivide, Maximum }

    internal enum UnaryOp { Exp, Log, Sqrt, Abs, Tanh }

    internal static BinaryOp Reverse(BinaryOp op) => op switch
    {
        BinaryOp.Subtract => BinaryOp.ReverseSubtract,
        BinaryOp.Divide => BinaryOp.ReverseDivide,
        BinaryOp.ReverseSubtract => BinaryOp.Subtract,
        BinaryOp.ReverseDivide => BinaryOp.Divide,
        _ => op,
    };

    internal static double Apply(BinaryOp op, double a, double b) => op switch
    {
        BinaryOp.Add => a + b,
        BinaryOp.Subtract => a - b,
        BinaryOp.Multiply => a * b,
        BinaryOp.Divide => a / b,
        BinaryOp.ReverseSubtract => b - a,
        BinaryOp.ReverseDivide => b / a,
        BinaryOp.Maximum => Math.Max(a, b),
        _ => throw new ArgumentOutOfRangeException(nameof(op)),
    };

    /// <summary><c>result[i] = a[i] op b[i]</c>.</summary>
    internal static void Binary(BinaryOp op, ReadOnlySpan<double> a, ReadOnlySpan<double> b, Span<double> result)
    {
        switch (op)
        {
            case BinaryOp.Add: TensorPrimitives.Add(a, b, result); break;
            case BinaryOp.Subtract: TensorPrimitives.Subtract(a, b, result); break;
            case BinaryOp.Multiply: TensorPrimitives.Multiply(a, b, result); break;
            case BinaryOp.Divide: TensorPrimitives.Divide(a, b, result); break;
            case BinaryOp.ReverseSubtract: TensorPrimitives.Subtract(b, a, result); break;
            case BinaryOp.ReverseDivide: TensorPrimitives.Divide(b, a, result); break;
            case BinaryOp.Maximum: TensorPrimitives.Max(a, b, result); break;
            default: throw new ArgumentOutOfRangeException(nameof(op));
        }
    }

    /// <summary><c>result[i] = a[i] op b</c>.</summary>
    internal static void Scalar(BinaryOp op, ReadOnlySpan<double> a, double b, Span<double> result)
    {
        switch (op)
        {
            case BinaryOp.Add: TensorPrimitives.Add(a, b, result); break;
            case BinaryOp.Subtract: TensorPrimitives.Subtract(a, b, result); break;
            case BinaryOp.Multiply: TensorPrimitives.Multiply(a, b, result); break;
            case BinaryOp.Divide: TensorPrimitives.Divide(a, b, result); break;
            case BinaryOp.ReverseSubtract: TensorPrimitives.Subtract(b, a, result); break;
            case BinaryOp.ReverseDivide: TensorPrimitives.Divide(b, a, result); break;
            case BinaryOp.Maximum: TensorPrimitives.Max(a, b, result); break;
            default: throw new ArgumentOutOfRangeException(nameof(op));
        }
    }

    internal static void Unary(UnaryOp op, ReadOnlySpan<double> x, Span<double> result)
    {
        switch (op)
        {
            case UnaryOp.Exp: TensorPrimitives.Exp(x, result); break;
            case UnaryOp.Log: TensorPrimitives.Log(x, result); break;
            case UnaryOp.Sqrt: TensorPrimitives.Sqrt(x, result); break;
            case UnaryOp.Abs: TensorPrimitives.Abs(x, result); break;
            case UnaryOp.Tanh: TensorPrimitives.Tanh(x, result); break;
            default: throw new ArgumentOutOfRangeException(nameof(op));
        }
    }

    /// <summary>Transposes a row-major <c>rows×cols</c> matrix into <paramref name="dst"/>, in cache-sized tiles.</summary>
    internal static void Transpose2D(ReadOnlySpan<double> src, Span<double> dst, int rows, int cols)
    {
        const int Tile = 32;
        for (var i0 = 0; i0 < rows; i0 += Tile)
        {
            for (var j0 = 0; j0 < cols; j0 += Tile)
            {
                var iEnd = Math.Min(i0 + Tile, rows);
                var jEnd = Math.Min(j0 + Tile, cols);
                for (var i = i0; i < iEnd; i++)
                {
                    for (var j = j0; j < jEnd; j++) dst[j * rows + i] = src[i * cols + j];
                }
            }
        }
    }
}
