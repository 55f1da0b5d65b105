using System.Reflection;
using DeepLearningKata.Checks;
using DeepLearningKata.Contracts;
using NUnit.Framework;

namespace DeepLearningKata.SelfTest;

/// <summary>
/// Each exercise's id is declared once, on its contract members (<see cref="ForExerciseAttribute"/>); everything else
/// is derived from it or proven against it here — above all <c>exercises/Earlier.cs</c>, whose hand-typed ids decide
/// what an exercise may reach while it is graded.
/// </summary>
[TestFixture]
public sealed class ContractTests
{
    private static readonly Type[] Chapters = typeof(Subject).GetProperties().Select(p => p.PropertyType).Where(t => t.IsInterface).ToArray();

    private static IEnumerable<MethodInfo> Members => Chapters.SelectMany(c => c.GetMethods());

    private static string IdOf(MethodInfo member) => member.GetCustomAttribute<ForExerciseAttribute>()?.Id ?? "";

    [Test]
    public void Every_contract_member_names_one_exercise_of_its_chapter_and_every_exercise_has_one()
    {
        foreach (var member in Members)
        {
            var id = IdOf(member);
            Assert.That(Catalog.Exercises.Select(e => e.Id), Does.Contain(id), $"{member.DeclaringType!.Name}.{member.Name} needs [ForExercise(\"N.M\")] naming an exercise");
            Assert.That(member.DeclaringType!.Name, Is.EqualTo($"IChapter{Catalog.Get(id).Chapter}"), $"{member.Name} belongs to chapter {Catalog.Get(id).Chapter}");
        }
        Assert.That(Catalog.Exercises.Select(e => e.Id), Is.EquivalentTo(Members.Select(IdOf).Distinct()), "every exercise has a contract member");
    }

    public static IEnumerable<TestCaseData> EarlierMembers() =>
        LearnerBuild.Exercises.GetType(LearnerSubject.Namespace + ".Earlier")!
            .GetMethods(BindingFlags.Public | BindingFlags.Static | BindingFlags.DeclaredOnly)
            .Select(m => new TestCaseData(m.Name).SetName($"Earlier.{m.Name} reaches its own exercise's reference from later exercises only"));

    /// <summary>
    /// Calls the <c>Earlier</c> member while grading a late exercise (it reaches a recording subject), reads which
    /// contract member it called and so which exercise it is, then proves it is refused while that exercise itself
    /// is graded (it cannot reach its own reference) and allowed from the very next exercise on.
    /// </summary>
    [TestCaseSource(nameof(EarlierMembers))]
    public void Earlier_member_is_refused_to_its_own_exercise_and_allowed_to_the_next(string name)
    {
        var member = LearnerBuild.Exercises.GetType(LearnerSubject.Namespace + ".Earlier")!.GetMethod(name)!;
        var called = new List<MethodInfo>();
        var recording = new Subject("recording",
            Recorder.Create<IChapter1>(called), Recorder.Create<IChapter2>(called), Recorder.Create<IChapter3>(called),
            Recorder.Create<IChapter4>(called), Recorder.Create<IChapter5>(called), Recorder.Create<IChapter6>(called),
            Recorder.Create<IChapter7>(called));

        Exception? Call(string gradedId)
        {
            using var scope = Blocks.Grading(recording, gradedId);
            try
            {
                member.Invoke(null, member.GetParameters().Select(p => p.ParameterType.IsValueType ? Activator.CreateInstance(p.ParameterType) : null).ToArray());
                return null;
            }
            catch (TargetInvocationException e)
            {
                return e.InnerException;
            }
        }

        var last = Catalog.Exercises[^1].Id;
        Assert.That(Call($"{int.Parse(last.Split('.')[0], System.Globalization.CultureInfo.InvariantCulture) + 1}.1"), Is.Null, "allowed after every exercise");
        Assert.That(called, Has.Count.EqualTo(1), $"Earlier.{name} calls one contract member");
        var id = IdOf(called[0]);
        Assert.That(Call(id), Is.InstanceOf<BlockNotAllowedException>(), $"while {id} is graded, Earlier.{name} (its own {called[0].Name}) must be refused");
        var next = Catalog.Exercises.SkipWhile(e => e.Id != id).Skip(1).FirstOrDefault();
        if (next is not null) Assert.That(Call(next.Id), Is.Null, $"while {next.Id} is graded, Earlier.{name} (exercise {id}) is allowed");
    }

    /// <summary>A chapter whose every member records that it was called and returns nothing.</summary>
    public class Recorder : DispatchProxy
    {
        private List<MethodInfo> _calls = [];

        public static T Create<T>(List<MethodInfo> calls) where T : class
        {
            var proxy = Create<T, Recorder>();
            ((Recorder)(object)proxy)._calls = calls;
            return proxy;
        }

        protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
        {
            _calls.Add(targetMethod!);
            return targetMethod!.ReturnType.IsValueType && targetMethod.ReturnType != typeof(void) ? Activator.CreateInstance(targetMethod.ReturnType) : null;
        }
    }
}
