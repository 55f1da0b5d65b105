namespace DeepLearningKata;

/// <summary>Thrown when tensors' shapes do not fit an operation; the message names every shape involved.</summary>
public sealed class ShapeException(string message) : ArgumentException(message)
{
    /// <summary>Formats a shape the way NumPy prints it: <c>(2, 3)</c>, <c>(3,)</c>, <c>()</c>.</summary>
    public static string Format(ReadOnlySpan<int> shape) => shape.Length switch
    {
        0 => "()",
        1 => $"({shape[0]},)",
        _ => "(" + string.Join(", ", shape.ToArray()) + ")",
    };
}
