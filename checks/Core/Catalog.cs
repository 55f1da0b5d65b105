using System.Reflection;

namespace DeepLearningKata.Checks;

/// <summary>One check of an exercise: a method of the exercise's checks class.</summary>
public sealed record CheckInfo(string Description, MethodInfo Method)
{
    /// <summary>The sentence in Chinese (the attribute's second argument); <see cref="Description"/> stays the key.</summary>
    public string Zh { get; init; } = Description;

    /// <summary>The sentence a learner reads, in the current language (<see cref="L10n"/>).</summary>
    public string Text => Say(Description, Zh);

    /// <summary>The chapter interface the check grades (its one parameter's type), e.g. <c>IChapter1</c>.</summary>
    public Type ChapterType => Method.GetParameters()[0].ParameterType;
}

/// <summary>An exercise as the catalog knows it, from its checks class's <see cref="ExerciseAttribute"/>.</summary>
public sealed record Exercise(string Id, int Chapter, string Title, Type ChecksType, IReadOnlyList<CheckInfo> Checks, TimeSpan Timeout)
{
    /// <summary><c>1.3 SigmoidDerivative</c>.</summary>
    public string Name => $"{Id} {Title}";

    /// <summary>The exercise's folder, relative to the repository root: <c>exercises/Chapter01/1.3-SigmoidDerivative</c>.</summary>
    public string Folder => Under("exercises");

    /// <summary>
    /// The one place the kata's layout is spelled: <c>{folder}/ChapterNN/{id}-{Title}</c>, the exercise's folder under
    /// <c>exercises</c>, and the stem of its files under <c>checks</c>, <c>golden</c>, <c>engine/Reference</c> (add the extension).
    /// </summary>
    public string Under(string folder) => $"{folder.TrimEnd('/', '\\')}/{ChapterFolder}/{Stem}";

    /// <summary><c>Chapter01</c>.</summary>
    public string ChapterFolder => $"Chapter{Chapter:00}";

    /// <summary><c>1.3-SigmoidDerivative</c>: the exercise's folder name, and the start of the name of every file about it.</summary>
    public string Stem => $"{Id}-{Title}";

    public override string ToString() => Name;
}

/// <summary>Every exercise and its checks, found by reflection, in id order (1.1 … 1.9, 2.1, …).</summary>
public static class Catalog
{
    private static readonly Lazy<IReadOnlyList<Exercise>> All = new(Discover);

    public static IReadOnlyList<Exercise> Exercises => All.Value;

    public static IEnumerable<int> Chapters => Exercises.Select(e => e.Chapter).Distinct();

    /// <summary>The exercise with this id, or an error listing the ids there are.</summary>
    public static Exercise Get(string id) =>
        Exercises.FirstOrDefault(e => e.Id == id)
        ?? throw new ArgumentException($"There is no exercise '{id}'. Exercises: {string.Join(", ", Exercises.Select(e => e.Id))}.");

    private static IReadOnlyList<Exercise> Discover()
    {
        var list = new List<Exercise>();
        foreach (var type in typeof(Catalog).Assembly.GetTypes())
        {
            var attr = type.GetCustomAttribute<ExerciseAttribute>();
            if (attr is null) continue;
            var checks = type.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly)
                .Select(m => (m, a: m.GetCustomAttribute<CheckAttribute>()))
                .Where(p => p.a is not null)
                .OrderBy(p => p.m.MetadataToken) // source order
                .Select(p => new CheckInfo(p.a!.Description, p.m) { Zh = p.a.Zh })
                .ToList();
            foreach (var c in checks)
            {
                if (c.Method.GetParameters().Length != 1)
                {
                    throw new InvalidOperationException($"Check {type.Name}.{c.Method.Name} must take exactly one chapter interface.");
                }
            }
            var chapter = int.Parse(attr.Id.Split('.')[0], System.Globalization.CultureInfo.InvariantCulture);
            list.Add(new Exercise(attr.Id, chapter, attr.Title, type, checks, TimeSpan.FromSeconds(attr.TimeoutSeconds)));
        }
        list.Sort((a, b) => Contracts.Blocks.CompareIds(a.Id, b.Id));
        var dup = list.GroupBy(e => e.Id).FirstOrDefault(g => g.Count() > 1);
        if (dup is not null) throw new InvalidOperationException($"Exercise {dup.Key} has two checks classes.");
        return list;
    }
}
