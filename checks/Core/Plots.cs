using System.Globalization;
using SkiaSharp;

namespace DeepLearningKata.Checks;

/// <summary>How a series is drawn.</summary>
public enum SeriesStyle
{
    /// <summary>A line through the points.</summary>
    Line,

    /// <summary>A line through the points, each point marked with a dot (the book's <c>'o-'</c>).</summary>
    LineWithMarkers,

    /// <summary>A cross at each point, no line (the book's <c>'+'</c>).</summary>
    Markers,

    /// <summary>Bars of a histogram: X are the bins' centres, Y their heights.</summary>
    Bars,
}

/// <summary>One curve of a figure: its legend label and sampled points.</summary>
public sealed record Series(string Label, double[] X, double[] Y)
{
    /// <summary>How it is drawn; a line unless said otherwise.</summary>
    public SeriesStyle Style { get; init; } = SeriesStyle.Line;

    /// <summary>A colour as <c>#rrggbb</c>, or null for the plot's next colour.</summary>
    public string? Color { get; init; }

    /// <summary>
    /// Scenery the check draws itself (contour lines, a marked minimum): drawn thin, left out of the legend and
    /// out of the data golden, which holds only what the subject computed.
    /// </summary>
    public bool Backdrop { get; init; }
}

/// <summary>A figure as the book draws it: one or more curves, axis labels, optional y limits.</summary>
public sealed record Figure(string Title, string XLabel, string YLabel, IReadOnlyList<Series> Series, double? YMin = null, double? YMax = null)
{
    /// <summary>Optional x limits.</summary>
    public double? XMin { get; init; }

    /// <inheritdoc cref="XMin"/>
    public double? XMax { get; init; }

    /// <summary>Draws no legend, even for a labelled series (a panel whose title says it all).</summary>
    public bool HideLegend { get; init; }
}

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
    public static byte[] RenderPng(Figure figure, Figure? overlay = null, int width = Width, int height = Height)
    {
        ArgumentNullException.ThrowIfNull(figure);
        var plot = new ScottPlot.Plot();
        if (overlay is not null)
        {
            foreach (var s in overlay.Series.Where(s => !s.Backdrop))
            {
                var line = plot.Add.ScatterLine(s.X, s.Y);
                line.LegendText = $"{s.Label} (reference)";
                line.LineWidth = 4;
                line.LinePattern = ScottPlot.LinePattern.Dashed;
                line.Color = ScottPlot.Colors.Gray.WithAlpha(0.6);
            }
        }
        foreach (var s in figure.Series) Draw(plot, s);
        plot.Title(figure.Title);
        plot.XLabel(figure.XLabel);
        plot.YLabel(figure.YLabel);
        if (figure.YMin is { } lo && figure.YMax is { } hi) plot.Axes.SetLimitsY(lo, hi);
        if (figure.XMin is { } left && figure.XMax is { } right) plot.Axes.SetLimitsX(left, right);
        if (figure.HideLegend) plot.HideLegend();
        else if (figure.Series.Count(s => !s.Backdrop) + (overlay?.Series.Count(s => !s.Backdrop) ?? 0) > 1) plot.ShowLegend(ScottPlot.Alignment.UpperLeft);
        return plot.GetImageBytes(width, height, ScottPlot.ImageFormat.Png);
    }

    private static void Draw(ScottPlot.Plot plot, Series s)
    {
        var color = s.Color is null ? (ScottPlot.Color?)null : ScottPlot.Color.FromHex(s.Color);
        switch (s.Style)
        {
            case SeriesStyle.Bars:
                var bars = plot.Add.Bars(s.X, s.Y);
                var size = s.X.Length > 1 ? (s.X[^1] - s.X[0]) / (s.X.Length - 1) : 1.0;
                foreach (var bar in bars.Bars)
                {
                    bar.Size = size;
                    bar.LineWidth = 0;
                    if (color is { } c) bar.FillColor = c;
                }
                if (!s.Backdrop) bars.LegendText = s.Label;
                break;
            case SeriesStyle.Markers:
                var markers = plot.Add.ScatterPoints(s.X, s.Y);
                markers.MarkerShape = ScottPlot.MarkerShape.Cross;
                markers.MarkerSize = 14;
                markers.MarkerLineWidth = 2;
                if (color is { } mc) markers.Color = mc;
                if (!s.Backdrop) markers.LegendText = s.Label;
                break;
            default:
                var line = plot.Add.ScatterLine(s.X, s.Y);
                line.LineWidth = s.Backdrop ? 1 : 2;
                if (s.Style == SeriesStyle.LineWithMarkers)
                {
                    line.MarkerShape = ScottPlot.MarkerShape.FilledCircle;
                    line.MarkerSize = 6;
                }
                if (color is { } lc) line.Color = lc;
                if (!s.Backdrop) line.LegendText = s.Label;
                break;
        }
    }

    /// <summary>
    /// Renders several figures as panels of one image, <paramref name="columns"/> to a row (the book's
    /// <c>plt.subplot</c>); <paramref name="overlays"/>, when given, holds one reference figure per panel.
    /// </summary>
    public static byte[] RenderPanelsPng(IReadOnlyList<Figure> panels, int columns, int panelWidth, int panelHeight, IReadOnlyList<Figure?>? overlays = null)
    {
        ArgumentNullException.ThrowIfNull(panels);
        var rows = (panels.Count + columns - 1) / columns;
        using var image = new SKBitmap(columns * panelWidth, rows * panelHeight);
        using (var canvas = new SKCanvas(image))
        {
            canvas.Clear(SKColors.White);
            for (var i = 0; i < panels.Count; i++)
            {
                using var panel = SKBitmap.Decode(RenderPng(panels[i], overlays?[i], panelWidth, panelHeight));
                canvas.DrawBitmap(panel, i % columns * panelWidth, i / columns * panelHeight);
            }
        }
        using var encoded = SKImage.FromBitmap(image).Encode(SKEncodedImageFormat.Png, 100);
        return encoded.ToArray();
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
        AddSeries(record, "", figure);
        SaveFigureData(name, figure, context);
        VerifyRecordAndImage(name, record, tolerance, hint, context, () => RenderPng(figure),
            () => RenderPng(figure, ReadGoldenFigure(name, figure)));
    }

    /// <summary>
    /// <see cref="Verify"/> for a figure of several panels (the book's four optimizer paths): the points of every
    /// panel are one data golden, named by the panels' titles, and the panels are rendered into one image.
    /// </summary>
    public static void VerifyPanels(string name, IReadOnlyList<Figure> panels, int columns, int panelWidth, int panelHeight,
        Tolerance tolerance, string? hint = null)
    {
        ArgumentNullException.ThrowIfNull(panels);
        var context = CheckContext.Current ?? throw new InvalidOperationException("Plots are verified inside a check.");
        var record = new GoldenRecord();
        foreach (var panel in panels) AddSeries(record, panel.Title + " / ", panel);
        SaveFigureData(name, panels, context);
        VerifyRecordAndImage(name, record, tolerance, hint, context, () => RenderPanelsPng(panels, columns, panelWidth, panelHeight),
            () => RenderPanelsPng(panels, columns, panelWidth, panelHeight, ReadGoldenPanels(name, panels)));
    }

    private static void AddSeries(GoldenRecord record, string prefix, Figure figure)
    {
        foreach (var s in figure.Series.Where(s => !s.Backdrop))
        {
            record.Add($"{prefix}{s.Label}: x", new Tensor((double[])s.X.Clone(), s.X.Length));
            record.Add($"{prefix}{s.Label}: y", new Tensor((double[])s.Y.Clone(), s.Y.Length));
        }
    }

    private static void VerifyRecordAndImage(string name, GoldenRecord record, Tolerance tolerance, string? hint, CheckContext context,
        Func<byte[]> render, Func<byte[]> renderOverReference)
    {
        if (!context.IsReference)
        {
            SaveLearnerPlot(name, renderOverReference, context);
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
            WriteReceivedImage(name, render());
            throw;
        }
        VerifyImage(name, render());
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
        return Path.Combine(Repo.Output, "plots", SafeFileName(subject), $"{exercise.Stem}.{name}.{extension}");
    }

    /// <summary>How a figure's points are written to JSON (NaN and infinities as names: a learner's curve may hold them).</summary>
    public static readonly System.Text.Json.JsonSerializerOptions FigureJson = new()
    {
        NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals,
        PropertyNamingPolicy = System.Text.Json.JsonNamingPolicy.CamelCase,
    };

    // One figure is written as an object, the panels of a multi-panel figure as an array (run-checks --report reads both).
    private static void SaveFigureData(string name, object figure, CheckContext context)
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

    private static void SaveLearnerPlot(string name, Func<byte[]> render, CheckContext context)
    {
        try
        {
            var path = SubjectPlotPath(context.Subject.Name, context.Exercise, name, "png");
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllBytes(path, render());
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
        return GoldenFigure(doc, "", like);
    }

    private static Figure?[]? ReadGoldenPanels(string name, IReadOnlyList<Figure> like)
    {
        var path = Golden.BasePath(name) + ".verified.json";
        if (!File.Exists(path)) return null;
        using var doc = System.Text.Json.JsonDocument.Parse(File.ReadAllText(path));
        return like.Select(f => (Figure?)GoldenFigure(doc, f.Title + " / ", f)).ToArray();
    }

    private static Figure GoldenFigure(System.Text.Json.JsonDocument doc, string prefix, Figure like)
    {
        var series = new List<Series>();
        foreach (var s in like.Series.Where(s => !s.Backdrop))
        {
            if (!doc.RootElement.TryGetProperty($"{prefix}{s.Label}: x", out var x) || !doc.RootElement.TryGetProperty($"{prefix}{s.Label}: y", out var y)) continue;
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
