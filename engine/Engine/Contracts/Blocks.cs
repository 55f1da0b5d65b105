namespace DeepLearningKata.Contracts;

/// <summary>
/// Routes a later exercise's calls to earlier exercises (the learner's <c>Earlier.Sigmoid(x)</c>, …).
/// </summary>
/// <remarks>
/// Normally an earlier block is the learner's own code. While the grader grades exercise <c>X</c> it
/// opens a <see cref="Grading"/> scope: earlier blocks then come from the reference, so a mistake in
/// 1.2 fails only 1.2 and never 1.3 (no cascades), and a block of <c>X</c> itself or of a later
/// exercise refuses to run, so no exercise can pass by calling the reference of itself.
/// The scope is an <see cref="AsyncLocal{T}"/>: it follows the grading thread and nothing else.
/// </remarks>
public static class Blocks
{
    private sealed record Scope(Subject Reference, string ExerciseId);

    private static readonly AsyncLocal<Scope?> Current = new();

    /// <summary>While the returned scope is open, earlier blocks come from <paramref name="reference"/>.</summary>
    public static IDisposable Grading(Subject reference, string exerciseId)
    {
        var previous = Current.Value;
        Current.Value = new Scope(reference, exerciseId);
        return new Restore(() => Current.Value = previous);
    }

    /// <summary>Calls the block of exercise <paramref name="blockId"/>: the reference's while grading a later exercise, else the learner's own.</summary>
    /// <exception cref="BlockNotAllowedException">The block belongs to the exercise being graded or a later one.</exception>
    public static T Use<T>(string blockId, string name, Func<Subject, T> fromReference, Func<T> own)
    {
        ArgumentNullException.ThrowIfNull(fromReference);
        ArgumentNullException.ThrowIfNull(own);
        var scope = Current.Value;
        if (scope is null) return own();
        if (CompareIds(blockId, scope.ExerciseId) >= 0)
        {
            throw new BlockNotAllowedException(
                $"Exercise {scope.ExerciseId} called {name}, which is exercise {blockId}. " +
                (blockId == scope.ExerciseId
                    ? "An exercise cannot be built from itself: write it with Tensor and Np operations."
                    : "Only earlier exercises can be used as building blocks."));
        }
        return fromReference(scope.Reference);
    }

    /// <summary>Orders exercise ids numerically: 1.9 &lt; 1.10 &lt; 2.1.</summary>
    public static int CompareIds(string a, string b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        var pa = a.Split('.').Select(int.Parse).ToArray();
        var pb = b.Split('.').Select(int.Parse).ToArray();
        for (var i = 0; i < Math.Min(pa.Length, pb.Length); i++)
        {
            var c = pa[i].CompareTo(pb[i]);
            if (c != 0) return c;
        }
        return pa.Length.CompareTo(pb.Length);
    }

    private sealed class Restore(Action restore) : IDisposable
    {
        public void Dispose() => restore();
    }
}

/// <summary>An exercise used itself, or a later exercise, as a building block.</summary>
public sealed class BlockNotAllowedException(string message) : InvalidOperationException(message);
