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
/// What a check draws: one figure, or several panels of one image, <paramref name="Columns"/> to a row (the book's
/// <c>plt.subplot</c>), each <paramref name="PanelWidth"/> × <paramref name="PanelHeight"/> pixels. The golden PNG,
/// the learner's PNG in <c>.kata/plots/</c> and the report's SVG are all drawn from it by <see cref="Plots"/>, and its
/// JSON in <c>.kata/plots/{subject}/</c> is what the report reads.
/// </summary>
public sealed record Chart(IReadOnlyList<Figure> Panels, int Columns, int PanelWidth, int PanelHeight)
{
    /// <summary>A chart of one figure, of the default size.</summary>
    public static Chart Of(Figure figure) => new([figure], 1, Plots.Width, Plots.Height);

    /// <summary>The whole image's width in pixels.</summary>
    public int Width => Columns * PanelWidth;

    /// <summary>The whole image's height in pixels.</summary>
    public int Height => (Panels.Count + Columns - 1) / Columns * PanelHeight;

    /// <summary>Where panel <paramref name="i"/> goes: left to right, then the next row.</summary>
    public (int X, int Y) Origin(int i) => (i % Columns * PanelWidth, i / Columns * PanelHeight);

    /// <summary>Whether panel <paramref name="i"/> may show a legend: a panel that hides its own still shows it first (where it names yours and the reference).</summary>
    public bool ShowsLegend(int i) => i == 0 || !Panels[i].HideLegend;
}

/// <summary>
/// Plotted curves as goldens: the sampled points are a JSON golden (they decide the verdict, within
/// tolerance), and the rendered PNG is a golden for people to look at. Images are compared loosely —
/// the share of pixels that differ — so another machine's fonts do not break them.
/// </summary>
public static partial class Plots
{
    /// <summary>Largest share of clearly different pixels at which two renderings still count as the same image.</summary>
    public const double ImageTolerance = 0.05;

    public const int Width = 640;
    public const int Height = 420;

    /// <summary>How the subject's curves are named in a legend over the reference's: "loss (yours)" beside "loss (reference)".</summary>
    public const string Yours = "yours";

    /// <summary>Renders a figure to PNG bytes with ScottPlot; <paramref name="overlay"/> is the reference's, drawn beneath (see <see cref="Build"/>).</summary>
    public static byte[] RenderPng(Figure figure, Figure? overlay = null, int width = Width, int height = Height) =>
        Build(figure, overlay, Yours, legend: true).GetImageBytes(width, height, ScottPlot.ImageFormat.Png);

    /// <summary>
    /// The one description of how a figure is drawn, for the golden PNG, the learner's PNG in <c>.kata/plots/</c> and the
    /// report's SVG alike. With an <paramref name="overlay"/> (the reference's curves, from the golden), each of its
    /// series is drawn beneath the subject's of the same label, in the same colour, wide and pale (a histogram's as an
    /// outline over the bars), and the legend names both: "label (<paramref name="mine"/>)" and "label (reference)".
    /// </summary>
    /// <param name="legend">False: no legend in this panel (the other panels of a figure show it).</param>
    public static ScottPlot.Plot Build(Figure figure, Figure? overlay, string mine, bool legend)
    {
        ArgumentNullException.ThrowIfNull(figure);
        var plot = new ScottPlot.Plot();
        // The colour of each series: its own, else the palette's in the order of the series (ScottPlot's next colour
        // is the palette's at the number of plottables so far), so that a reference drawn first does not shift them.
        var colors = figure.Series.Select((s, i) => s.Color is null ? plot.Add.Palette.GetColor(i) : ScottPlot.Color.FromHex(s.Color)).ToList();
        var references = (overlay?.Series ?? []).Where(s => !s.Backdrop)
            .Select(s => (Series: s, Index: figure.Series.ToList().FindIndex(f => !f.Backdrop && f.Label == s.Label))).ToList();
        var compared = references.Count > 0;
        bool IsHistogram((Series Series, int Index) r) => r.Series.Style == SeriesStyle.Bars || (r.Index >= 0 && figure.Series[r.Index].Style == SeriesStyle.Bars);
        // The reference's curves beneath the subject's; a histogram's over the bars, as an outline, or the bars would hide it.
        var drawn = new Dictionary<Series, ScottPlot.IPlottable>();
        foreach (var r in references.Where(r => !IsHistogram(r))) drawn[r.Series] = DrawReference(plot, r.Series, r.Index >= 0 ? colors[r.Index] : ScottPlot.Colors.Gray);
        var subject = figure.Series.Select((s, i) => Draw(plot, s, colors[i], compared ? $"{s.Label} ({mine})" : s.Label)).ToList();
        foreach (var r in references.Where(IsHistogram)) drawn[r.Series] = DrawOutline(plot, r.Series);
        plot.Title(figure.Title);
        plot.XLabel(figure.XLabel);
        plot.YLabel(figure.YLabel);
        if (figure.YMin is { } lo && figure.YMax is { } hi) plot.Axes.SetLimitsY(lo, hi);
        if (figure.XMin is { } left && figure.XMax is { } right) plot.Axes.SetLimitsX(left, right);
        if (!legend || (figure.HideLegend && !compared))
        {
            plot.HideLegend();
        }
        else if (compared && !figure.HideLegend)
        {
            // Beneath the axes, where it hides no curve: each of the subject's series, then the reference's of the same label.
            var order = figure.Series.Select((s, i) => (s, i)).Where(p => !p.s.Backdrop)
                .SelectMany(p => new[] { subject[p.i] }.Concat(references.Where(r => r.Index == p.i).Select(r => drawn[r.Series])))
                .Concat(references.Where(r => r.Index < 0).Select(r => drawn[r.Series]));
            plot.Legend.DisplayPlottableLegendItems = false;
            plot.Legend.ManualItems.AddRange(order.SelectMany(p => p.LegendItems));
            plot.ShowLegend(ScottPlot.Edge.Bottom);
            plot.Legend.Orientation = ScottPlot.Orientation.Horizontal;
        }
        else if (figure.Series.Count(s => !s.Backdrop) + references.Count > 1)
        {
            // Several labelled series: a legend in a corner (one alone gets ScottPlot's own, lower right, as the golden PNGs have it).
            plot.ShowLegend(figure.Series.Any(s => s.Style == SeriesStyle.Bars) ? ScottPlot.Alignment.UpperCenter : ScottPlot.Alignment.UpperLeft);
        }
        return plot;
    }

    private static ScottPlot.IPlottable Draw(ScottPlot.Plot plot, Series s, ScottPlot.Color color, string label)
    {
        switch (s.Style)
        {
            case SeriesStyle.Bars:
                var bars = plot.Add.Bars(s.X, s.Y);
                var size = BarWidth(s);
                foreach (var bar in bars.Bars)
                {
                    bar.Size = size;
                    bar.LineWidth = 0;
                    bar.FillColor = color;
                }
                if (!s.Backdrop) bars.LegendText = label;
                return bars;
            case SeriesStyle.Markers:
                var markers = plot.Add.ScatterPoints(s.X, s.Y);
                markers.MarkerShape = ScottPlot.MarkerShape.Cross;
                markers.MarkerSize = 14;
                markers.MarkerLineWidth = 2;
                markers.Color = color;
                if (!s.Backdrop) markers.LegendText = label;
                return markers;
            default:
                var line = plot.Add.ScatterLine(s.X, s.Y);
                line.LineWidth = s.Backdrop ? 1 : 2;
                if (s.Style == SeriesStyle.LineWithMarkers)
                {
                    line.MarkerShape = ScottPlot.MarkerShape.FilledCircle;
                    line.MarkerSize = 6;
                }
                line.Color = color;
                if (!s.Backdrop) line.LegendText = label;
                return line;
        }
    }

    // The reference's curve beneath the subject's: solid (a dash pattern is lost in ScottPlot's SVG), wide and pale.
    private static ScottPlot.IPlottable DrawReference(ScottPlot.Plot plot, Series s, ScottPlot.Color color)
    {
        var pale = color.WithAlpha(0.35);
        if (s.Style == SeriesStyle.Markers)
        {
            var markers = plot.Add.ScatterPoints(s.X, s.Y);
            markers.MarkerShape = ScottPlot.MarkerShape.FilledCircle;
            markers.MarkerSize = 14;
            markers.Color = pale;
            markers.LegendText = $"{s.Label} (reference)";
            return markers;
        }
        var line = plot.Add.ScatterLine(s.X, s.Y);
        line.LineWidth = 7;
        line.Color = pale;
        line.LegendText = $"{s.Label} (reference)";
        return line;
    }

    // A reference histogram: the outline of its bars, dark over the subject's bars.
    private static ScottPlot.IPlottable DrawOutline(ScottPlot.Plot plot, Series s)
    {
        var half = BarWidth(s) / 2;
        var xs = new List<double>();
        var ys = new List<double>();
        for (var i = 0; i < Math.Min(s.X.Length, s.Y.Length); i++)
        {
            xs.AddRange([s.X[i] - half, s.X[i] - half, s.X[i] + half, s.X[i] + half]);
            ys.AddRange([0, s.Y[i], s.Y[i], 0]);
        }
        var line = plot.Add.ScatterLine(xs.ToArray(), ys.ToArray());
        line.LineWidth = 2;
        line.Color = ScottPlot.Color.FromHex("#222222").WithAlpha(0.8);
        line.LegendText = $"{s.Label} (reference)";
        return line;
    }

    private static double BarWidth(Series s) => s.X.Length > 1 ? (s.X[^1] - s.X[0]) / (s.X.Length - 1) : 1.0;

    /// <summary>
    /// Renders several figures as panels of one image, <paramref name="columns"/> to a row (the book's
    /// <c>plt.subplot</c>); <paramref name="overlays"/>, when given, holds one reference figure per panel.
    /// </summary>
    public static byte[] RenderPanelsPng(IReadOnlyList<Figure> panels, int columns, int panelWidth, int panelHeight, IReadOnlyList<Figure?>? overlays = null) =>
        RenderPng(new Chart(panels, columns, panelWidth, panelHeight), overlays);

    /// <summary>A chart as PNG bytes: its one figure, or its panels side by side; <paramref name="overlays"/>: the reference's figure of each panel.</summary>
    public static byte[] RenderPng(Chart chart, IReadOnlyList<Figure?>? overlays = null)
    {
        ArgumentNullException.ThrowIfNull(chart);
        using var image = new SKBitmap(chart.Width, chart.Height);
        using (var canvas = new SKCanvas(image))
        {
            canvas.Clear(SKColors.White);
            for (var i = 0; i < chart.Panels.Count; i++)
            {
                var png = Build(chart.Panels[i], overlays?[i], Yours, chart.ShowsLegend(i)).GetImageBytes(chart.PanelWidth, chart.PanelHeight, ScottPlot.ImageFormat.Png);
                using var panel = SKBitmap.Decode(png);
                var (x, y) = chart.Origin(i);
                canvas.DrawBitmap(panel, x, y);
            }
        }
        using var encoded = SKImage.FromBitmap(image).Encode(SKEncodedImageFormat.Png, 100);
        return encoded.ToArray();
    }

    /// <summary>
    /// A chart as one <c>&lt;svg&gt;</c> element to put inside an HTML page (ScottPlot's SVG of each panel, placed as
    /// <see cref="RenderPng(Chart, IReadOnlyList{Figure?}?)"/> places them), without XML declaration or namespaces. Many
    /// charts can share a page: ScottPlot numbers the ids of its clip paths across the process. It scales to the width it
    /// is given (a <c>viewBox</c>). <paramref name="mine"/> names the subject's curves in the legend.
    /// </summary>
    public static string RenderSvg(Chart chart, IReadOnlyList<Figure?>? overlays, string mine)
    {
        ArgumentNullException.ThrowIfNull(chart);
        var svg = new System.Text.StringBuilder();
        var title = System.Net.WebUtility.HtmlEncode(string.Join(" · ", chart.Panels.Select(p => p.Title)));
        svg.Append(CultureInfo.InvariantCulture,
            $"<svg class=\"chart\" viewBox=\"0 0 {chart.Width} {chart.Height}\" width=\"{chart.Width}\" height=\"{chart.Height}\" role=\"img\" aria-label=\"{title}\">");
        for (var i = 0; i < chart.Panels.Count; i++)
        {
            var panel = Build(chart.Panels[i], overlays?[i], mine, chart.ShowsLegend(i)).GetSvgXml(chart.PanelWidth, chart.PanelHeight);
            var (x, y) = chart.Origin(i);
            panel = SvgDeclaration().Replace(panel, "");
            panel = SvgNamespaces().Replace(panel, "");
            panel = panel.Trim();
            // The panel's own <svg> becomes a nested one at its place in the chart.
            svg.Append(CultureInfo.InvariantCulture, $"<svg x=\"{x}\" y=\"{y}\"").Append(panel.AsSpan(4));
        }
        return svg.Append("</svg>").ToString();
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"^\s*<\?xml[^>]*\?>\s*")]
    private static partial System.Text.RegularExpressions.Regex SvgDeclaration();

    [System.Text.RegularExpressions.GeneratedRegex(@"\s+xmlns(?::\w+)?=""[^""]*""")]
    private static partial System.Text.RegularExpressions.Regex SvgNamespaces();

    /// <summary>
    /// Verifies a figure against the golden <paramref name="name"/> of the running check's exercise:
    /// its points as data (within <paramref name="tolerance"/>), and, for the reference, its image.
    /// A learner's figure is drawn over the reference's into <c>.kata/plots/</c> to look at.
    /// </summary>
    public static void Verify(string name, Figure figure, Tolerance tolerance, string? hint = null)
    {
        ArgumentNullException.ThrowIfNull(figure);
        Verify(name, Chart.Of(figure), "", tolerance, hint);
    }

    /// <summary>
    /// <see cref="Verify(string, Figure, Tolerance, string?)"/> for a figure of several panels (the book's four optimizer
    /// paths): the points of every panel are one data golden, named by the panels' titles, and the panels are rendered
    /// into one image.
    /// </summary>
    public static void VerifyPanels(string name, IReadOnlyList<Figure> panels, int columns, int panelWidth, int panelHeight,
        Tolerance tolerance, string? hint = null)
    {
        ArgumentNullException.ThrowIfNull(panels);
        Verify(name, new Chart(panels, columns, panelWidth, panelHeight), null, tolerance, hint);
    }

    // prefix: "" for a chart of one figure; null: each panel's series are named "{title} / {label}".
    private static void Verify(string name, Chart chart, string? prefix, Tolerance tolerance, string? hint)
    {
        var context = CheckContext.Current ?? throw new InvalidOperationException("Plots are verified inside a check.");
        var record = new GoldenRecord();
        foreach (var panel in chart.Panels) AddSeries(record, prefix ?? PanelPrefix(panel), panel);
        SaveChartData(name, chart, context);
        VerifyRecordAndImage(name, record, tolerance, hint, context, () => RenderPng(chart),
            () => RenderPng(chart, ReadGoldenOverlays(Golden.BasePath(name) + ".verified.json", chart)));
    }

    private static string PanelPrefix(Figure panel) => panel.Title + " / ";

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

    // The chart as JSON, for run-checks --report to draw again (ReadChart).
    private static void SaveChartData(string name, Chart chart, CheckContext context)
    {
        try
        {
            var path = SubjectPlotPath(context.Subject.Name, context.Exercise, name, "json");
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, System.Text.Json.JsonSerializer.Serialize(chart, FigureJson) + "\n");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Points to look at are a courtesy; failing to write them must not change a verdict.
        }
    }

    /// <summary>A chart written by a check (<c>.kata/plots/{subject}/….json</c>); null when the file is not one.</summary>
    public static Chart? ReadChart(string path)
    {
        try
        {
            var chart = System.Text.Json.JsonSerializer.Deserialize<Chart>(File.ReadAllText(path), FigureJson);
            return chart is { Panels.Count: > 0, Columns: > 0, PanelWidth: > 0, PanelHeight: > 0 } && chart.Panels.All(p => p?.Series is not null) ? chart : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or System.Text.Json.JsonException or NotSupportedException or ArgumentException)
        {
            return null;
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

    /// <summary>
    /// The reference's figure of each panel of <paramref name="like"/>, from a golden's points
    /// (<c>….verified.json</c>: <c>"label: x"</c>, <c>"label: y"</c>, or <c>"panel title / label: x"</c> for a chart of
    /// panels) and the panel's title, labels and limits; null when there is no golden.
    /// </summary>
    public static Figure?[]? ReadGoldenOverlays(string verifiedJson, Chart like)
    {
        ArgumentNullException.ThrowIfNull(like);
        try
        {
            if (!File.Exists(verifiedJson)) return null;
            using var doc = System.Text.Json.JsonDocument.Parse(File.ReadAllText(verifiedJson));
            return like.Panels.Select(f => (Figure?)GoldenFigure(doc, like.Panels.Count == 1 && !HasPanel(doc, f) ? "" : PanelPrefix(f), f)).ToArray();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or System.Text.Json.JsonException or FormatException or KeyNotFoundException or InvalidOperationException)
        {
            return null;
        }
    }

    private static bool HasPanel(System.Text.Json.JsonDocument doc, Figure panel) =>
        doc.RootElement.EnumerateObject().Any(p => p.Name.StartsWith(PanelPrefix(panel), StringComparison.Ordinal));

    private static Figure GoldenFigure(System.Text.Json.JsonDocument doc, string prefix, Figure like)
    {
        var series = new List<Series>();
        foreach (var s in like.Series.Where(s => !s.Backdrop))
        {
            if (!doc.RootElement.TryGetProperty($"{prefix}{s.Label}: x", out var x) || !doc.RootElement.TryGetProperty($"{prefix}{s.Label}: y", out var y)) continue;
            series.Add(new Series(s.Label, Numbers(x), Numbers(y)) { Style = s.Style });
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
