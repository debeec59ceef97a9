using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.AspNetCore.Html;

namespace AlmatyPortal.Web.Features.Insight;

/// <summary>
/// A bar chart of daily counts drawn on the server as SVG: no script, no library, a few hundred bytes. It is an image
/// with a name; the table beside it carries the same numbers for screen readers.
/// </summary>
public static class SvgChart
{
    private const int Width = 600;
    private const int Height = 160;
    private const int Top = 14;
    private const int Bottom = 22;

    public static IHtmlContent Bars(IReadOnlyList<DayCount> days, string label, string id, string colour)
    {
        var max = Math.Max(1, days.Count == 0 ? 1 : days.Max(d => d.Count));
        var plot = Height - Top - Bottom;
        var step = (double)Width / Math.Max(1, days.Count);
        var svg = new StringBuilder();
        string N(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);
        svg.Append(CultureInfo.InvariantCulture, $"<svg class=\"chart\" viewBox=\"0 0 {Width} {Height}\" role=\"img\" aria-labelledby=\"{id}\" preserveAspectRatio=\"none\" focusable=\"false\">");
        svg.Append(CultureInfo.InvariantCulture, $"<title id=\"{id}\">{WebUtility.HtmlEncode(label)}</title>");
        svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"0\" y1=\"{Height - Bottom}\" x2=\"{Width}\" y2=\"{Height - Bottom}\" stroke=\"#888\" stroke-width=\"1\"/>");
        for (var i = 0; i < days.Count; i++)
        {
            var h = plot * days[i].Count / (double)max;
            svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{N(i * step + 1)}\" y=\"{N(Height - Bottom - h)}\" width=\"{N(Math.Max(1, step - 2))}\" height=\"{N(h)}\" fill=\"{colour}\"/>");
        }
        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"0\" y=\"{Top - 3}\" font-size=\"12\">{max.ToString("N0", CultureInfo.InvariantCulture)}</text>");
        if (days.Count > 0)
        {
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"0\" y=\"{Height - 6}\" font-size=\"12\">{days[0].Day.ToString("dd.MM", CultureInfo.InvariantCulture)}</text>");
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{Width}\" y=\"{Height - 6}\" font-size=\"12\" text-anchor=\"end\">{days[^1].Day.ToString("dd.MM", CultureInfo.InvariantCulture)}</text>");
        }
        svg.Append("</svg>");
        return new HtmlString(svg.ToString());
    }
}
