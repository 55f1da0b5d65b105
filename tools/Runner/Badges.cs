using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using DeepLearningKata.Checks;

namespace DeepLearningKata.Runner;

/// <summary>
/// One badge per chapter (<c>--badges DIR</c>): <c>chapter-N.svg</c>, drawn here in shields.io's flat style,
/// and <c>chapter-N.json</c>, a shields.io endpoint (<c>https://img.shields.io/endpoint?url=…</c>) for
/// those who publish the JSON instead; plus <c>total.svg</c> / <c>total.json</c> for the whole run.
/// </summary>
public static class Badges
{
    /// <summary>A badge's colour: shields.io's name (for the endpoint) and its hex value (for our SVG).</summary>
    public sealed record Colour(string Name, string Hex);

    public static readonly Colour BrightGreen = new("brightgreen", "#4c1");
    public static readonly Colour Yellow = new("yellow", "#dfb317");
    public static readonly Colour Red = new("red", "#e05d44");
    public static readonly Colour LightGrey = new("lightgrey", "#9f9f9f");

    /// <summary>Green when all passed, grey when nothing was tried, red when nothing passed but something was tried, else yellow.</summary>
    public static Colour ColourOf(ChapterTotal total)
    {
        ArgumentNullException.ThrowIfNull(total);
        if (total.Total > 0 && total.Passed == total.Total) return BrightGreen;
        if (total.Passed > 0) return Yellow;
        return total.NotStarted == total.Total ? LightGrey : Red;
    }

    /// <summary>Writes the badges of <paramref name="report"/> into <paramref name="folder"/>; the files written.</summary>
    public static IReadOnlyList<string> Write(string folder, RunReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        Directory.CreateDirectory(folder);
        var written = new List<string>();
        void One(string name, string label, ChapterTotal total)
        {
            var colour = ColourOf(total);
            var svg = Path.Combine(folder, name + ".svg");
            var json = Path.Combine(folder, name + ".json");
            File.WriteAllText(svg, Svg(label, total.Score, colour.Hex), new UTF8Encoding(false));
            File.WriteAllText(json, Endpoint(label, total.Score, colour.Name), new UTF8Encoding(false));
            written.Add(svg);
            written.Add(json);
        }
        foreach (var c in report.Chapters) One($"chapter-{c.Chapter}", $"chapter {c.Chapter}", c);
        var all = report.Chapters;
        One("total", "deep learning kata", new ChapterTotal(0, all.Sum(c => c.Passed), all.Sum(c => c.Failed),
            all.Sum(c => c.NotStarted), all.Sum(c => c.Crashed), all.Sum(c => c.TimedOut)));
        return written;
    }

    /// <summary>A shields.io endpoint document: <c>{"schemaVersion":1,"label":…,"message":…,"color":…}</c>.</summary>
    public static string Endpoint(string label, string message, string colour) =>
        JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["schemaVersion"] = 1,
            ["label"] = label,
            ["message"] = message,
            ["color"] = colour,
        }) + "\n";

    /// <summary>A flat badge like shields.io's: a grey label on the left, the message on a coloured right part.</summary>
    public static string Svg(string label, string message, string colourHex)
    {
        ArgumentNullException.ThrowIfNull(label);
        ArgumentNullException.ThrowIfNull(message);
        var lw = TextWidth(label) + 10;
        var mw = TextWidth(message) + 10;
        var w = lw + mw;
        string N(double v) => v.ToString("0.#", CultureInfo.InvariantCulture);
        var l = WebUtility.HtmlEncode(label);
        var m = WebUtility.HtmlEncode(message);
        return $"""
            <svg xmlns="http://www.w3.org/2000/svg" width="{w}" height="20" role="img" aria-label="{l}: {m}">
              <title>{l}: {m}</title>
              <linearGradient id="s" x2="0" y2="100%"><stop offset="0" stop-color="#bbb" stop-opacity=".1"/><stop offset="1" stop-opacity=".1"/></linearGradient>
              <clipPath id="r"><rect width="{w}" height="20" rx="3" fill="#fff"/></clipPath>
              <g clip-path="url(#r)">
                <rect width="{lw}" height="20" fill="#555"/>
                <rect x="{lw}" width="{mw}" height="20" fill="{colourHex}"/>
                <rect width="{w}" height="20" fill="url(#s)"/>
              </g>
              <g fill="#fff" text-anchor="middle" font-family="Verdana,Geneva,DejaVu Sans,sans-serif" font-size="11">
                <text x="{N(lw / 2.0)}" y="15" fill="#010101" fill-opacity=".3">{l}</text>
                <text x="{N(lw / 2.0)}" y="14">{l}</text>
                <text x="{N(lw + mw / 2.0)}" y="15" fill="#010101" fill-opacity=".3">{m}</text>
                <text x="{N(lw + mw / 2.0)}" y="14">{m}</text>
              </g>
            </svg>

            """;
    }

    /// <summary>The width of <paramref name="text"/> in 11 px Verdana, roughly (shields.io measures the real font).</summary>
    public static int TextWidth(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        double width = 0;
        foreach (var ch in text)
        {
            width += ch switch
            {
                ' ' => 3.9,
                'i' or 'l' or 'j' or '.' or ',' or ':' or '\'' or '|' => 3.1,
                'f' or 't' or 'r' or '/' or '(' or ')' or '-' => 4.6,
                'm' or 'w' => 10.0,
                >= '0' and <= '9' => 7.0,
                >= 'a' and <= 'z' => 6.6,
                >= 'A' and <= 'Z' => 7.6,
                _ => 7.5,
            };
        }
        return (int)Math.Ceiling(width);
    }
}
