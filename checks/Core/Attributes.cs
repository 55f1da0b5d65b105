namespace DeepLearningKata.Checks;

/// <summary>Marks a class holding the checks of one exercise; the class's file is named after the id.</summary>
/// <param name="id">The exercise id, <c>chapter.number</c> (e.g. <c>1.3</c>).</param>
/// <param name="title">The working name, also the exercise folder's suffix (<c>1.3-SigmoidDerivative</c>).</param>
[AttributeUsage(AttributeTargets.Class)]
public sealed class ExerciseAttribute(string id, string title) : Attribute
{
    public string Id { get; } = id;
    public string Title { get; } = title;

    /// <summary>Wall-clock budget for all checks of the exercise; past it the exercise is <c>timed-out</c>.</summary>
    public int TimeoutSeconds { get; init; } = 10;
}

/// <summary>
/// Marks one check: a public method taking the chapter interface it grades (e.g. <c>IChapter1</c>)
/// and throwing <see cref="CheckFailure"/> when the subject is wrong.
/// </summary>
/// <param name="description">Reads as a sentence after the exercise's name: "matches the numerical derivative". It is the check's
/// key (the NUnit test name, <c>name</c> in the JSON, the classroom's columns) in every language.</param>
/// <param name="zh">The same sentence in Chinese, shown instead when the learner reads Chinese (<see cref="L10n"/>).</param>
[AttributeUsage(AttributeTargets.Method)]
public sealed class CheckAttribute(string description, string zh) : Attribute
{
    public string Description { get; } = description;

    /// <summary>The sentence in Chinese.</summary>
    public string Zh { get; } = zh;
}

/// <summary>
/// Marks a mutant: a deliberately wrong implementation, derived from a chapter's reference, that
/// gets one exercise wrong. The self-test proves that some check of that exercise rejects it.
/// </summary>
/// <param name="exerciseId">The exercise the mutant gets wrong.</param>
/// <param name="mistake">The mistake in a learner's words: "σ(x)·(1 + σ(x))".</param>
[AttributeUsage(AttributeTargets.Class)]
public sealed class MutantAttribute(string exerciseId, string mistake) : Attribute
{
    public string ExerciseId { get; } = exerciseId;
    public string Mistake { get; } = mistake;

    /// <summary>
    /// What the "looks like" line of its failure must say (a part of it), when the checks diagnose this mistake; null
    /// when no check may offer a diagnosis for it. The self-test pins it, so a diagnosis is never a guess.
    /// </summary>
    public string? Diagnosis { get; init; }
}

/// <summary>
/// Marks an alternative correct implementation of one exercise, written differently from the
/// reference (loops instead of tensor operations, another formula that is mathematically equal).
/// The self-test proves that every check accepts it: no check may reject a correct solution merely
/// written another way.
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class AlternativeAttribute(string exerciseId, string how) : Attribute
{
    public string ExerciseId { get; } = exerciseId;
    public string How { get; } = how;
}
