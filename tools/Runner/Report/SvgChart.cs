using System.Globalization;
using System.Net;
using System.Text;
using DeepLearningKata.Checks;

namespace DeepLearningKata.Runner.Html;

/// <summary>
/// Draws a <see cref="Figure"/> as inline SVG for the HTML report: the subject's curves solid and coloured,
/// the reference's beneath them dashed and grey, the way <c>Plots.RenderPng</c> draws them into
/// <c>.kata/plots/</c>. Plain SVG elements only, no fonts or images to fetch.
/// </summary>
public static class SvgChart
{
    public const int Width = 470;
    public const int Height = 300;
    private const double KeyRow = 16;
    private const double Left = 58, Right = 16, Top = 34, Bottom = 44;

    /// <summary>The colours of the subject's curves, in order (the reference's are grey).</summary>
    public static readonly string[] Palette = ["#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#8c564b"];

    /// <summary>The chart as an <c>&lt;svg&gt;</c> element; either figure may be null (not drawn), not both.</summary>
    public static string Render(Figure? subject, Figure? reference, string subjectLabel)
    {
        var shape = subject ?? reference ?? throw new ArgumentException("Nothing to draw: both figures are null.");
        var all = (subject?.Series ?? []).Concat(reference?.Series ?? []).ToList();
        var (x0, x1) = Range(all.SelectMany(s => s.X));
        var (y0, y1) = shape.YMin is { } lo && shape.YMax is { } hi ? (lo, hi) : Range(all.SelectMany(s => s.Y));
        // The legend goes in a band under the chart, so it never hides a curve.
        var entries = new List<(string Text, string Style)>();
        var colour = 0;
        foreach (var s in subject?.Series ?? []) entries.Add(($"{s.Label} ({subjectLabel})", $"stroke=\"{Palette[colour++ % Palette.Length]}\" stroke-width=\"2\""));
        if (reference is { Series.Count: > 0 }) entries.Add(("reference (golden)", "stroke=\"#888\" stroke-opacity=\"0.6\" stroke-width=\"4\" stroke-dasharray=\"9 6\""));
        var keys = LayOut(entries.Select(e => e.Text).ToList());
        var total = Height + (keys.Count == 0 ? 0 : 10 + (keys.Max(k => k.Row) + 1) * KeyRow);

        double Px(double x) => Left + (x - x0) / (x1 - x0) * (Width - Left - Right);
        double Py(double y) => Height - Bottom - (y - y0) / (y1 - y0) * (Height - Top - Bottom);

        var svg = new StringBuilder();
        var title = Encode(shape.Title);
        svg.Append(CultureInfo.InvariantCulture, $"<svg class=\"chart\" viewBox=\"0 0 {Width} {N(total)}\" width=\"{Width}\" height=\"{N(total)}\" role=\"img\" aria-label=\"{title}\">");
        svg.Append(CultureInfo.InvariantCulture, $"<title>{title}</title>");
        var clip = "clip" + Guid.NewGuid().ToString("N")[..8];
        svg.Append(CultureInfo.InvariantCulture, $"<defs><clipPath id=\"{clip}\"><rect x=\"{N(Left)}\" y=\"{N(Top)}\" width=\"{N(Width - Left - Right)}\" height=\"{N(Height - Top - Bottom)}\"/></clipPath></defs>");
        svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{N(Left)}\" y=\"{N(Top)}\" width=\"{N(Width - Left - Right)}\" height=\"{N(Height - Top - Bottom)}\" fill=\"#fff\" stroke=\"#bbb\"/>");

        // Grid and ticks.
        foreach (var t in Ticks(x0, x1))
        {
            var px = N(Px(t));
            svg.Append(CultureInfo.InvariantCulture, $"<line class=\"grid\" x1=\"{px}\" x2=\"{px}\" y1=\"{N(Top)}\" y2=\"{N(Height - Bottom)}\"/>");
            svg.Append(CultureInfo.InvariantCulture, $"<text class=\"tick\" x=\"{px}\" y=\"{N(Height - Bottom + 15)}\" text-anchor=\"middle\">{Label(t)}</text>");
        }
        foreach (var t in Ticks(y0, y1))
        {
            var py = N(Py(t));
            svg.Append(CultureInfo.InvariantCulture, $"<line class=\"grid\" x1=\"{N(Left)}\" x2=\"{N(Width - Right)}\" y1=\"{py}\" y2=\"{py}\"/>");
            svg.Append(CultureInfo.InvariantCulture, $"<text class=\"tick\" x=\"{N(Left - 6)}\" y=\"{N(Py(t) + 4)}\" text-anchor=\"end\">{Label(t)}</text>");
        }
        svg.Append(CultureInfo.InvariantCulture, $"<text class=\"title\" x=\"{N(Width / 2.0)}\" y=\"20\" text-anchor=\"middle\">{title}</text>");
        svg.Append(CultureInfo.InvariantCulture, $"<text class=\"axis\" x=\"{N(Left + (Width - Left - Right) / 2)}\" y=\"{N(Height - 8)}\" text-anchor=\"middle\">{Encode(shape.XLabel)}</text>");
        svg.Append(CultureInfo.InvariantCulture, $"<text class=\"axis\" transform=\"translate(14 {N(Top + (Height - Top - Bottom) / 2)}) rotate(-90)\" text-anchor=\"middle\">{Encode(shape.YLabel)}</text>");

        // The curves: the reference first (beneath), then the subject's.
        svg.Append(CultureInfo.InvariantCulture, $"<g clip-path=\"url(#{clip})\" fill=\"none\" stroke-linejoin=\"round\" stroke-linecap=\"round\">");
        foreach (var s in reference?.Series ?? [])
        {
            foreach (var points in Segments(s, Px, Py))
            {
                svg.Append(CultureInfo.InvariantCulture, $"<polyline class=\"reference\" data-series=\"{Encode(s.Label)}\" stroke=\"#888\" stroke-opacity=\"0.6\" stroke-width=\"4\" stroke-dasharray=\"9 6\" points=\"{points}\"/>");
            }
        }
        colour = 0;
        foreach (var s in subject?.Series ?? [])
        {
            var c = Palette[colour++ % Palette.Length];
            foreach (var points in Segments(s, Px, Py))
            {
                svg.Append(CultureInfo.InvariantCulture, $"<polyline class=\"subject\" data-series=\"{Encode(s.Label)}\" stroke=\"{c}\" stroke-width=\"2\" points=\"{points}\"/>");
            }
        }
        svg.Append("</g>");

        for (var k = 0; k < entries.Count; k++)
        {
            var (x, row) = keys[k];
            var y = Height + 14 + row * KeyRow; // below the x axis's label
            svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{N(x)}\" x2=\"{N(x + 24)}\" y1=\"{N(y - 4)}\" y2=\"{N(y - 4)}\" {entries[k].Style}/>");
            svg.Append(CultureInfo.InvariantCulture, $"<text class=\"key\" x=\"{N(x + 30)}\" y=\"{N(y)}\">{Encode(entries[k].Text)}</text>");
        }
        svg.Append("</svg>");
        return svg.ToString();
    }

    /// <summary>Where each legend entry goes: left to right from the plot's left edge, a new row when one is full.</summary>
    private static List<(double X, int Row)> LayOut(IReadOnlyList<string> texts)
    {
        var places = new List<(double X, int Row)>();
        double x = Left;
        var row = 0;
        foreach (var text in texts)
        {
            var width = 30 + text.Length * 6.2 + 18;
            if (x > Left && x + width > Width - Right)
            {
                x = Left;
                row++;
            }
            places.Add((x, row));
            x += width;
        }
        return places;
    }

    /// <summary>The series' points in pixels, split where a value is not finite (NaN breaks a learner's curve, it does not end the chart).</summary>
    private static IEnumerable<string> Segments(Series s, Func<double, double> px, Func<double, double> py)
    {
        var current = new StringBuilder();
        var count = 0;
        for (var i = 0; i < Math.Min(s.X.Length, s.Y.Length); i++)
        {
            if (!double.IsFinite(s.X[i]) || !double.IsFinite(s.Y[i]))
            {
                if (count > 0) yield return current.ToString().TrimEnd();
                current.Clear();
                count = 0;
                continue;
            }
            // Far outside the plot, a point is pinned near its edge (the clip path hides it) so the numbers stay small.
            var x = Math.Clamp(px(s.X[i]), -10 * Width, 11 * Width);
            var y = Math.Clamp(py(s.Y[i]), -10 * Height, 11 * Height);
            current.Append(N(x)).Append(',').Append(N(y)).Append(' ');
            count++;
        }
        if (count > 0) yield return current.ToString().TrimEnd();
    }

    /// <summary>The finite values' range, widened a little; a flat or empty one becomes a unit interval.</summary>
    private static (double Lo, double Hi) Range(IEnumerable<double> values)
    {
        var finite = values.Where(double.IsFinite).ToList();
        if (finite.Count == 0) return (0, 1);
        double lo = finite.Min(), hi = finite.Max();
        if (hi - lo < 1e-12) return (lo - 0.5, hi + 0.5);
        var pad = (hi - lo) * 0.04;
        return (lo - pad, hi + pad);
    }

    /// <summary>Round tick values: steps of 1, 2 or 5 times a power of ten, about five of them.</summary>
    public static IReadOnlyList<double> Ticks(double lo, double hi)
    {
        var span = hi - lo;
        if (!(span > 0) || !double.IsFinite(span)) return [];
        var raw = span / 5;
        var power = Math.Pow(10, Math.Floor(Math.Log10(raw)));
        var step = new[] { 1.0, 2.0, 5.0, 10.0 }.Select(m => m * power).First(s => s >= raw);
        var ticks = new List<double>();
        for (var t = Math.Ceiling(lo / step) * step; t <= hi + step * 1e-9 && ticks.Count < 20; t += step)
        {
            ticks.Add(Math.Abs(t) < step * 1e-9 ? 0 : t);
        }
        return ticks;
    }

    private static string Label(double v) => Encode(v.ToString("0.###", CultureInfo.InvariantCulture));

    private static string N(double v) => v.ToString("0.##", CultureInfo.InvariantCulture);

    private static string Encode(string? text) => WebUtility.HtmlEncode(text ?? "");
}
