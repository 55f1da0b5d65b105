using System.Diagnostics;

namespace DeepLearningKata.Benchmark;

/// <summary>Timing helpers. Medians, not means: on a shared machine a few runs are slowed by other work.</summary>
internal static class Measure
{
    public static double Median(IReadOnlyCollection<double> values)
    {
        if (values.Count == 0) return double.NaN;
        var sorted = values.Order().ToArray();
        var mid = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }

    /// <summary>Runs <paramref name="action"/> <paramref name="warmup"/> times untimed, then returns the seconds of each of <paramref name="runs"/> runs.</summary>
    public static List<double> Times(Action action, int warmup, int runs)
    {
        for (var i = 0; i < warmup; i++) action();
        var times = new List<double>(runs);
        for (var i = 0; i < runs; i++)
        {
            var start = Stopwatch.GetTimestamp();
            action();
            times.Add(Stopwatch.GetElapsedTime(start).TotalSeconds);
        }
        return times;
    }

    /// <summary>The median time of one call, for calls too short to time one by one: batches of <paramref name="inner"/> calls are timed.</summary>
    public static double MedianSeconds(Action action, int inner, int runs = 15)
    {
        var times = Times(() => { for (var i = 0; i < inner; i++) action(); }, 3, runs);
        return Median(times) / inner;
    }
}
