namespace DeepLearningKata.Runner;

/// <summary>
/// Where a worker's standard error goes: a file, on Linux and macOS.
/// </summary>
/// <remarks>
/// On a stack overflow the .NET runtime prints every frame to standard error: some 300,000 lines for a
/// recursion without a base case. Into a pipe that takes the runtime over ten seconds, during which the
/// grader's own clock runs out and the crash would read as an endless loop; into a file it takes about
/// one second. So on Unix the worker is started through <c>/bin/sh</c> with <c>2&gt;file</c> (the runtime
/// keeps its own copy of the descriptor it starts with, so redirecting later does not help), and the
/// supervisor reads the file's beginning when the worker dies.
/// </remarks>
internal static class StandardError
{
    /// <summary>The environment variable that names the file.</summary>
    public const string Variable = "KATA_WORKER_STDERR";

    /// <summary>True where the worker's standard error goes to a file.</summary>
    public static bool ToFile => !OperatingSystem.IsWindows() && File.Exists("/bin/sh");

    /// <summary>The shell script that starts the worker with standard error in the file named by <see cref="Variable"/>.</summary>
    public const string ShellScript = "exec \"$0\" \"$@\" 2>>\"$" + Variable + "\"";
}
