using System.Collections.Concurrent;
using System.Reflection;
using System.Runtime.ExceptionServices;
using DeepLearningKata.Contracts;

namespace DeepLearningKata.Checks;

/// <summary>
/// The learner as a subject, derived from a compiled <c>DeepLearningKata.Exercises</c> assembly: each member of a
/// chapter interface (<see cref="IChapter1"/> …) calls the public static method of the same name and parameter types
/// in the exercises' <c>ChapterN</c> class. Nothing here is written per exercise: a new contract member is forwarded
/// as soon as its stub exists.
/// </summary>
/// <remarks>
/// The checks are not compiled against the learner's code. The runner compiles <c>exercises/</c> itself
/// (Roslyn, one exercise that does not compile replaced by a stub) and the grading process loads the result here;
/// so a compile error, a stack overflow or an endless loop in one exercise never stops the checks from building.
/// </remarks>
public static class LearnerSubject
{
    /// <summary>The namespace of the exercises' chapter classes.</summary>
    public const string Namespace = "DeepLearningKata.Exercises";

    /// <summary>A subject named <c>learner</c> whose chapters forward to the static methods of <paramref name="exercises"/>.</summary>
    public static Subject From(Assembly exercises)
    {
        ArgumentNullException.ThrowIfNull(exercises);
        return new Subject("learner",
            Chapter<IChapter1>(exercises, 1), Chapter<IChapter2>(exercises, 2), Chapter<IChapter3>(exercises, 3),
            Chapter<IChapter4>(exercises, 4), Chapter<IChapter5>(exercises, 5), Chapter<IChapter6>(exercises, 6),
            Chapter<IChapter7>(exercises, 7));
    }

    private static T Chapter<T>(Assembly exercises, int number) where T : class
    {
        var proxy = DispatchProxy.Create<T, Forwarder>();
        ((Forwarder)(object)proxy).Target = exercises.GetType($"{Namespace}.Chapter{number}");
        ((Forwarder)(object)proxy).ClassName = $"Chapter{number}";
        return proxy;
    }

    /// <summary>Forwards an interface call to the static method with the same name and parameter types.</summary>
    public class Forwarder : DispatchProxy
    {
        private readonly ConcurrentDictionary<MethodInfo, MethodInfo?> _targets = new();

        internal Type? Target { get; set; }

        internal string ClassName { get; set; } = "";

        protected override object? Invoke(MethodInfo? method, object?[]? args)
        {
            ArgumentNullException.ThrowIfNull(method);
            var target = _targets.GetOrAdd(method, m => Target?.GetMethod(
                m.Name, BindingFlags.Public | BindingFlags.Static, m.GetParameters().Select(p => p.ParameterType).ToArray()));
            if (target is null || !method.ReturnType.IsAssignableFrom(target.ReturnType))
            {
                var parameters = string.Join(", ", method.GetParameters().Select(p => $"{p.ParameterType.Name} {p.Name}"));
                throw new MissingMethodException(
                    $"exercises/ has no method `public static {method.ReturnType.Name} {ClassName}.{method.Name}({parameters})`, which the checks call. " +
                    "Keep the stub's name, parameters and return type.");
            }
            try
            {
                return target.Invoke(null, args);
            }
            catch (TargetInvocationException e) when (e.InnerException is not null)
            {
                ExceptionDispatchInfo.Capture(e.InnerException).Throw();
                throw; // not reached
            }
        }
    }
}
