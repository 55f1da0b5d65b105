using System.Globalization;
using SkiaSharp;

namespace DeepLearningKata.Checks;

/// <summary>One curve of a figure: its legend label and sampled points.</summary>
public sealed record Series(string Label, double[] X, double[] Y);

/// <summary>A figure as the book draws it: one or more curves, axis labels, optional y limits.</summary>
public sealed record Figure(string Title, string XLabel, string YLabel, IReadOnlyList<Series> Series, double? YMin = null, double? YMax = null);

/// <summary>
/// Plotted curves as goldens: the sampled points are a JSON golden (they decide the verdict, within
/// tolerance), and the rendered PNG is a golden for people to look at. Images are compared loosely —
/// the share of pixels that differ — so another machine's fonts do not break them.
/// </summary>
public static class Plots
{
    /// <summary>Largest share of clearly different pixels at which two renderings still count as the same image.</summary>
    public const double ImageTolerance = 0.05;

    public const int Width = 640;
    public const int Height = 420;

    /// <summary>Renders a figure to PNG bytes with ScottPlot; <paramref name="overlay"/> is drawn dashed beneath, labelled "reference".</summary>
    public static byte[] RenderPng(Figure figure, Figure? overlay = null)
    {
        ArgumentNullException.ThrowIfNull(figure);
        var plot = new ScottPlot.Plot();
        if (overlay is not null)
        {
            foreach (var s in overlay.Series)
            {
                var line = plot.Add.ScatterLine(s.X, s.Y);
                line.LegendText = $"{s.Label} (reference)";
                line.LineWidth = 4;
                line.LinePattern = ScottPlot.LinePattern.Dashed;
                line.Color = ScottPlot.Colors.Gray.WithAlpha(0.6);
            }
        }
        foreach (var s in figure.Series)
        {
            var line = plot.Add.ScatterLine(s.X, s.Y);
            line.LegendText = s.Label;
            line.LineWidth = 2;
        }
        plot.Title(figure.Title);
        plot.XLabel(figure.XLabel);
        plot.YLabel(figure.YLabel);
        if (figure.YMin is { } lo && figure.YMax is { } hi) plot.Axes.SetLimitsY(lo, hi);
        if (figure.Series.Count + (overlay?.Series.Count ?? 0) > 1) plot.ShowLegend(ScottPlot.Alignment.UpperLeft);
        return plot.GetImageBytes(Width, Height, ScottPlot.ImageFormat.Png);
    }

    /// <summary>
    /// Verifies a figure against the golden <paramref name="name"/> of the running check's exercise:
    /// its points as data (within <paramref name="tolerance"/>), and, for the reference, its image.
    /// A learner's figure is drawn over the reference's into <c>.kata/plots/</c> to look at.
    /// </summary>
    public static void Verify(string name, Figure figure, Tolerance tolerance, string? hint = null)
    {
        ArgumentNullException.ThrowIfNull(figure);
        var context = CheckContext.Current ?? throw new InvalidOperationException("Plots are verified inside a check.");
        var record = new GoldenRecord();
        foreach (var s in figure.Series)
        {
            record.Add($"{s.Label}: x", new Tensor((double[])s.X.Clone(), s.X.Length));
            record.Add($"{s.Label}: y", new Tensor((double[])s.Y.Clone(), s.Y.Length));
        }
        SaveFigureData(name, figure, context);
        if (!context.IsReference)
        {
            SaveLearnerPlot(name, figure, context);
            Golden.Verify(name, record, tolerance, hint);
            return;
        }
        try
        {
            Golden.Verify(name, record, tolerance, hint);
        }
        catch (CheckFailure)
        {
            // The points are new or changed: write their picture too, so that accepting the points also
            // accepts the image. (A changed curve alone moves too few pixels to fail the image check,
            // so without this the verified image would keep showing the old curve.)
            WriteReceivedImage(name, RenderPng(figure));
            throw;
        }
        VerifyImage(name, RenderPng(figure));
    }

    private static void WriteReceivedImage(string name, byte[] png)
    {
        Golden.WriteReceived(Golden.BasePath(name) + ".received.png", png);
    }

    /// <summary>
    /// Where a subject's figure is kept for people to look at (and for <c>run-checks --report</c>):
    /// <c>.kata/plots/{subject}/{id}-{Title}.{name}.{extension}</c>; <c>png</c> for the picture, <c>json</c> for the points.
    /// </summary>
    public static string SubjectPlotPath(string subject, Exercise exercise, string name, string extension)
    {
        ArgumentNullException.ThrowIfNull(subject);
        ArgumentNullException.ThrowIfNull(exercise);
        return Path.Combine(Repo.Output, "plots", SafeFileName(subject), $"{exercise.Id}-{exercise.Title}.{name}.{extension}");
    }

    /// <summary>How a figure's points are written to JSON (NaN and infinities as names: a learner's curve may hold them).</summary>
    public static readonly System.Text.Json.JsonSerializerOptions FigureJson = new()
    {
        NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals,
        PropertyNamingPolicy = System.Text.Json.JsonNamingPolicy.CamelCase,
    };

    private static void SaveFigureData(string name, Figure figure, CheckContext context)
    {
        try
        {
            var path = SubjectPlotPath(context.Subject.Name, context.Exercise, name, "json");
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, System.Text.Json.JsonSerializer.Serialize(figure, FigureJson) + "\n");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Points to look at are a courtesy; failing to write them must not change a verdict.
        }
    }

    private static void SaveLearnerPlot(string name, Figure figure, CheckContext context)
    {
        try
        {
            var path = SubjectPlotPath(context.Subject.Name, context.Exercise, name, "png");
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllBytes(path, RenderPng(figure, ReadGoldenFigure(name, figure)));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A plot to look at is a courtesy; failing to write it must not change a verdict.
        }
    }

    private static string SafeFileName(string name) =>
        string.Concat(name.Select(c => char.IsLetterOrDigit(c) || c is '.' or '-' ? c : '_'));

    private static Figure? ReadGoldenFigure(string name, Figure like)
    {
        var path = Golden.BasePath(name) + ".verified.json";
        if (!File.Exists(path)) return null;
        using var doc = System.Text.Json.JsonDocument.Parse(File.ReadAllText(path));
        var series = new List<Series>();
        foreach (var s in like.Series)
        {
            if (!doc.RootElement.TryGetProperty($"{s.Label}: x", out var x) || !doc.RootElement.TryGetProperty($"{s.Label}: y", out var y)) continue;
            series.Add(new Series(s.Label, Numbers(x), Numbers(y)));
        }
        return like with { Series = series };
    }

    private static double[] Numbers(System.Text.Json.JsonElement e) =>
        e.GetProperty("data").EnumerateArray()
            .Select(v => v.ValueKind == System.Text.Json.JsonValueKind.String
                ? double.Parse(v.GetString()!, CultureInfo.InvariantCulture)
                : v.GetDouble())
            .ToArray();

    private static void VerifyImage(string name, byte[] png)
    {
        var basePath = Golden.BasePath(name);
        var verified = basePath + ".verified.png";
        var received = basePath + ".received.png";
        if (File.Exists(verified))
        {
            var share = DifferentPixelShare(File.ReadAllBytes(verified), png);
            if (share <= ImageTolerance)
            {
                if (File.Exists(received)) File.Delete(received);
                return;
            }
            var written = Golden.WriteReceived(received, png);
            throw new CheckFailure(
                $"the rendered plot differs from {Repo.Relative(verified)} in {share:P1} of its pixels (allowed {ImageTolerance:P0}).\n" +
                $"  received image {written} — open both; if the new one is right: ./run-checks.sh --accept");
        }
        var note = Golden.WriteReceived(received, png);
        throw new CheckFailure(
            $"no golden image yet: {Repo.Relative(verified)} does not exist.\n" +
            $"  The reference's plot was {note}; open it, and if it is right: ./run-checks.sh --accept");
    }

    /// <summary>The share of pixels whose colour differs clearly (by more than 48 in a channel); 1 when the sizes differ or either is not an image.</summary>
    public static double DifferentPixelShare(byte[] pngA, byte[] pngB)
    {
        using var a = Decode(pngA);
        using var b = Decode(pngB);
        if (a is null || b is null || a.Width != b.Width || a.Height != b.Height) return 1.0;
        var differ = 0;
        for (var y = 0; y < a.Height; y++)
        {
            for (var x = 0; x < a.Width; x++)
            {
                var p = a.GetPixel(x, y);
                var q = b.GetPixel(x, y);
                if (Math.Abs(p.Red - q.Red) > 48 || Math.Abs(p.Green - q.Green) > 48 || Math.Abs(p.Blue - q.Blue) > 48) differ++;
            }
        }
        return (double)differ / (a.Width * a.Height);
    }

    // Null for bytes that are no image (a damaged file, a Git LFS pointer), which SkiaSharp reports by throwing.
    private static SKBitmap? Decode(byte[] png)
    {
        try
        {
            return SKBitmap.Decode(png);
        }
        catch (ArgumentException)
        {
            return null;
        }
    }
}
