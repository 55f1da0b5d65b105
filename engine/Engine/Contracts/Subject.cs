namespace DeepLearningKata.Contracts;

/// <summary>
/// Something the checks can grade: one implementation of every chapter's exercises. The learner's
/// exercises, the reference solutions, each mutant and the untouched stubs are all subjects, and the
/// same checks grade them all.
/// </summary>
/// <param name="Name">Shown in reports: <c>learner</c>, <c>reference</c>, <c>mutant 1.3/…</c>.</param>
public sealed record Subject(
    string Name, IChapter1 Chapter1, IChapter2 Chapter2, IChapter3 Chapter3, IChapter4 Chapter4, IChapter5 Chapter5,
    IChapter6 Chapter6, IChapter7 Chapter7)
{
    /// <summary>The same subject with one chapter replaced (how a mutant is put in place of the reference).</summary>
    public Subject With(object chapter, string name) => chapter switch
    {
        IChapter1 c => this with { Chapter1 = c, Name = name },
        IChapter2 c => this with { Chapter2 = c, Name = name },
        IChapter3 c => this with { Chapter3 = c, Name = name },
        IChapter4 c => this with { Chapter4 = c, Name = name },
        IChapter5 c => this with { Chapter5 = c, Name = name },
        IChapter6 c => this with { Chapter6 = c, Name = name },
        IChapter7 c => this with { Chapter7 = c, Name = name },
        _ => throw new ArgumentException($"{chapter.GetType().Name} implements no chapter interface.", nameof(chapter)),
    };
}
