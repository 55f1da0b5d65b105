namespace DeepLearningKata.Checks;

/// <summary>
/// Writes to the terminal `dotnet test` was started from, when there is one. The test platform passes nothing a test
/// prints to the console while it runs, so the kata's summaries and progress lines go here; without a terminal (an
/// IDE, CI) <see cref="Write"/> returns false and the caller falls back to the test output.
/// </summary>
public static class Terminal
{
    /// <summary>Writes <paramref name="text"/> (with <c>\n</c> line breaks) to the terminal; false when there is none.</summary>
    public static bool Write(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        try
        {
            using var terminal = new StreamWriter(new FileStream(OperatingSystem.IsWindows() ? "CONOUT$" : "/dev/tty", FileMode.Open, FileAccess.Write));
            terminal.Write(text.Replace("\n", Environment.NewLine, StringComparison.Ordinal));
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException)
        {
            return false;
        }
    }
}
