namespace DeepLearningKata.Checks;

/// <summary>
/// The language of what a learner reads from a check: its sentence, its labels, its hint and its diagnosis. Each
/// message is written once, in both languages, where it is used — <c>Say("returned the wrong shape.", "返回的形状不对。")</c>
/// — so a message and its translation cannot drift apart (as the stubs' instructions and the hints files do).
/// <para>
/// The language is ambient: the process's (<see cref="UseForProcess"/>: the worker takes it from <c>KATA_LANG</c>, which
/// its parent sets from <c>--lang</c>, <c>KATA_LANG</c> or the locale, as for the instructions), overridden within a
/// scope (<see cref="Use"/>, flows into the check's thread). English when nothing chose another. What must stay
/// stable never goes through here: check ids and sentences as keys (NUnit test names, JSON <c>name</c>, the
/// classroom CSV) and golden files.
/// </para>
/// </summary>
public static class L10n
{
    private static readonly AsyncLocal<Lang?> Scoped = new();
    private static Lang _process = Lang.En;

    /// <summary>The language messages are written in here and now.</summary>
    public static Lang Current => Scoped.Value ?? _process;

    /// <summary>True when messages are written in Chinese.</summary>
    public static bool IsZh => Current == Lang.Zh;

    /// <summary>Sets the language of the whole process (the worker, at start).</summary>
    public static void UseForProcess(Lang lang) => _process = lang;

    /// <summary>Writes messages in <paramref name="lang"/> until the returned scope is disposed (this thread and what it starts).</summary>
    public static IDisposable Use(Lang lang)
    {
        var previous = Scoped.Value;
        Scoped.Value = lang;
        return new Scope(() => Scoped.Value = previous);
    }

    /// <summary>The message in the current language: <paramref name="en"/> or <paramref name="zh"/>.</summary>
    public static string Say(string en, string zh) => Current == Lang.Zh ? zh : en;

    /// <summary>A message kept in both languages, picked when it is shown (for texts made before the language is known).</summary>
    public static Bilingual Both(string en, string zh) => new(en, zh);

    private sealed class Scope(Action undo) : IDisposable
    {
        public void Dispose() => undo();
    }
}
