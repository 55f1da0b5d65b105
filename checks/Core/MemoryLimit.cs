using System.Diagnostics;
using System.Globalization;

namespace DeepLearningKata.Checks;

/// <summary>
/// The memory limit of one grading process, in every run: its managed heap is capped (<c>DOTNET_GCHeapHardLimit</c>,
/// so a huge allocation throws <see cref="OutOfMemoryException"/> in the learner's code) and the supervisor ends a
/// process whose resident memory grows past the limit plus <see cref="NativeMarginMb"/>. Either way the exercise reads
/// "used more than N MB of memory" — never an endless loop, never a pass.
/// </summary>
public static class MemoryLimit
{
    /// <summary>The limit unless <c>--memory MB</c> (or <c>KATA_MEMORY_MB</c>) says otherwise: the heaviest exercise (7.5, training on MNIST) needs well under half.</summary>
    public const int DefaultMb = 2048;

    /// <summary>What the runtime, the native plotting library and the code itself take beside the managed heap.</summary>
    public const int NativeMarginMb = 512;

    /// <summary>The environment variable that carries the limit into the grading process (and sets it for the runner).</summary>
    public const string Variable = "KATA_MEMORY_MB";

    /// <summary>The limit in force in this process: <see cref="Variable"/>, else the default.</summary>
    public static int CurrentMb =>
        int.TryParse(System.Environment.GetEnvironmentVariable(Variable), NumberStyles.None, CultureInfo.InvariantCulture, out var mb) && mb >= 64
            ? mb
            : DefaultMb;

    /// <summary>The environment a grading process runs with under a limit of <paramref name="mb"/>.</summary>
    public static IReadOnlyDictionary<string, string> Environment(int mb) => new Dictionary<string, string>
    {
        ["DOTNET_GCHeapHardLimit"] = "0x" + (mb * 1024L * 1024L).ToString("X", CultureInfo.InvariantCulture),
        ["DOTNET_gcServer"] = "0",
        [Variable] = mb.ToString(CultureInfo.InvariantCulture),
    };

    /// <summary>True when <paramref name="process"/> holds more than the limit plus the margin in memory.</summary>
    public static bool ProcessTooBig(Process process, int mb)
    {
        ArgumentNullException.ThrowIfNull(process);
        try
        {
            process.Refresh();
            return process.WorkingSet64 > (mb + (long)NativeMarginMb) * 1024 * 1024;
        }
        catch (InvalidOperationException)
        {
            return false; // it has exited: the caller sees that next
        }
    }

    /// <summary>What a learner reads when the code in <paramref name="folder"/> went past the limit.</summary>
    public static string Exceeded(string folder, int mb) =>
        Say($"used more than {mb} MB of memory (the limit for one grading process), so it was stopped. Is there a tensor or array " +
            $"far bigger than the data, or a list that keeps growing in a loop, in {folder}? (Raise the limit with --memory MB " +
            $"only if your solution truly needs it.)",
            $"使用了超过 {mb} MB 的内存（一个评分进程的上限），因此被终止。{folder} 里是否有比数据大得多的张量或数组，" +
            "或者在循环中不断变长的列表？（只有你的解答确实需要时，才用 --memory MB 提高上限。）");
}
