using System.Reflection;
using DeepLearningKata.Contracts;
using DeepLearningKata.Reference;

namespace DeepLearningKata.Checks;

/// <summary>A mutant: the reference with one exercise deliberately wrong.</summary>
public sealed record Mutant(string ExerciseId, string Mistake, Type Type, Subject Subject)
{
    /// <summary>A short name for command lines: <c>1.3/SigmoidDerivativeOnePlus</c>.</summary>
    public string Key => $"{ExerciseId}/{Type.Name}";

    public override string ToString() => $"{ExerciseId}: {Mistake}";
}

/// <summary>An alternative correct solution of one exercise: the reference with that exercise written another way.</summary>
public sealed record Alternative(string ExerciseId, string How, Type Type, Subject Subject)
{
    public string Key => $"{ExerciseId}/{Type.Name}";

    public override string ToString() => $"{ExerciseId}: {How}";
}

/// <summary>The subjects the checks can grade.</summary>
public static class Subjects
{
    /// <summary>The reference solutions (engine/Reference).</summary>
    public static Subject Reference { get; } =
        new("reference", new Chapter1Reference(), new Chapter2Reference(), new Chapter3Reference(), new Chapter4Reference(), new Chapter5Reference(),
            new Chapter6Reference(), new Chapter7Reference());

    private static Subject? _learner;

    /// <summary>
    /// The learner's exercises (exercises/), the default subject, once a compiled build of them is loaded with
    /// <see cref="UseLearner"/> (the grading process does that first).
    /// </summary>
    public static Subject Learner => _learner ?? throw new InvalidOperationException(
        "The learner's exercises are not loaded: the runner compiles exercises/ and passes the result to its grading process.");

    /// <summary>Makes <paramref name="exercises"/>, a compiled <c>DeepLearningKata.Exercises</c>, the learner subject.</summary>
    public static Subject UseLearner(Assembly exercises) => _learner = LearnerSubject.From(exercises);

    private static readonly Lazy<IReadOnlyList<Mutant>> AllMutants = new(() =>
        typeof(Subjects).Assembly.GetTypes()
            .Select(t => (t, a: t.GetCustomAttribute<MutantAttribute>()))
            .Where(p => p.a is not null)
            .Select(p => new Mutant(p.a!.ExerciseId, p.a.Mistake, p.t,
                Reference.With(Activator.CreateInstance(p.t)!, $"mutant {p.a.ExerciseId}/{p.t.Name}")))
            .OrderBy(m => m.ExerciseId, Comparer<string>.Create(Blocks.CompareIds))
            .ThenBy(m => m.Type.Name, StringComparer.Ordinal)
            .ToList());

    private static readonly Lazy<IReadOnlyList<Alternative>> AllAlternatives = new(() =>
        typeof(Subjects).Assembly.GetTypes()
            .Select(t => (t, a: t.GetCustomAttribute<AlternativeAttribute>()))
            .Where(p => p.a is not null)
            .Select(p => new Alternative(p.a!.ExerciseId, p.a.How, p.t,
                Reference.With(Activator.CreateInstance(p.t)!, $"alternative {p.a.ExerciseId}/{p.t.Name}")))
            .OrderBy(m => m.ExerciseId, Comparer<string>.Create(Blocks.CompareIds))
            .ThenBy(m => m.Type.Name, StringComparer.Ordinal)
            .ToList());

    /// <summary>Every alternative correct solution in the checks assembly, in exercise order.</summary>
    public static IReadOnlyList<Alternative> Alternatives => AllAlternatives.Value;

    /// <summary>Every mutant in the checks assembly, in exercise order.</summary>
    public static IReadOnlyList<Mutant> Mutants => AllMutants.Value;

    /// <summary>
    /// A subject by name: <c>learner</c>, <c>reference</c>, or <c>mutant:KEY</c> (e.g. <c>mutant:1.3/SigmoidDerivativeOnePlus</c>).
    /// </summary>
    public static Subject ByName(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        Check(name);
        return name.Equals("learner", StringComparison.OrdinalIgnoreCase) ? Learner : ByNameKnown(name);
    }

    /// <summary>The <see cref="Subject.Name"/> of the subject <paramref name="name"/> names (the learner need not be loaded).</summary>
    public static string NameOf(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return name.Equals("learner", StringComparison.OrdinalIgnoreCase) ? "learner" : ByNameKnown(name).Name;
    }

    /// <summary>Throws <see cref="ArgumentException"/> unless <paramref name="name"/> names a subject (the learner need not be loaded yet).</summary>
    public static void Check(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (!name.Equals("learner", StringComparison.OrdinalIgnoreCase)) ByNameKnown(name);
    }

    private static Subject ByNameKnown(string name)
    {
        if (name.Equals("learner", StringComparison.OrdinalIgnoreCase)) return Learner;
        if (name.Equals("reference", StringComparison.OrdinalIgnoreCase)) return Reference;
        if (name.StartsWith("mutant:", StringComparison.OrdinalIgnoreCase))
        {
            var key = name["mutant:".Length..];
            return Mutants.FirstOrDefault(m => m.Key == key)?.Subject
                ?? throw new ArgumentException($"There is no mutant '{key}'. Mutants: {string.Join(", ", Mutants.Select(m => m.Key))}.");
        }
        throw new ArgumentException($"Unknown subject '{name}': use learner, reference or mutant:KEY.");
    }
}
