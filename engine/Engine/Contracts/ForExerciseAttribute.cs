namespace DeepLearningKata.Contracts;

/// <summary>
/// The exercise a chapter-interface member belongs to: the one place its id is declared. The learner's adapter, the
/// checks and the self-test's proof of <c>exercises/Earlier.cs</c> read it from here.
/// </summary>
/// <param name="id">The exercise id, <c>chapter.number</c> (e.g. <c>1.3</c>).</param>
[AttributeUsage(AttributeTargets.Method)]
public sealed class ForExerciseAttribute(string id) : Attribute
{
    public string Id { get; } = id;
}
