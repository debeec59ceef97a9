using System.Net;
using System.Text.RegularExpressions;

namespace AlmatyPortal.Tests.Support;

/// <summary>Small readings of rendered pages: their text, as a reader sees it, and counts of elements.</summary>
public static partial class Html
{
    /// <summary>The page's visible text with tags removed, entities decoded and white space folded.</summary>
    public static string Text(string html)
    {
        var withoutHead = HeadOrScript().Replace(html, " ");
        var text = WebUtility.HtmlDecode(Tag().Replace(InlineTag().Replace(withoutHead, ""), " "));
        return Space().Replace(text, " ").Trim();
    }

    public static int Count(string html, string tag) => Regex.Count(html, $"<{tag}[\\s>]", RegexOptions.IgnoreCase);

    /// <summary>The inner HTML of the first element with the given opening-tag pattern.</summary>
    public static string Section(string html, string openingPattern, string closingTag)
    {
        var start = Regex.Match(html, openingPattern);
        Assert.True(start.Success, $"no element matching {openingPattern}");
        var end = html.IndexOf($"</{closingTag}>", start.Index, StringComparison.Ordinal);
        return html[start.Index..end];
    }

    /// <summary>Every href and src value in the fragment, decoded, with the white space a browser would ignore removed.</summary>
    public static IEnumerable<string> LinkTargets(string html) =>
        Regex.Matches(html, "(?:href|src)=\"([^\"]*)\"")
            .Select(m => Regex.Replace(WebUtility.HtmlDecode(m.Groups[1].Value), "[\\t\\r\\n ]", ""));

    /// <summary>Whether any element in the document carries an event-handler attribute (onclick, onerror, ...).</summary>
    public static bool HasEventHandler(string html)
    {
        var document = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(html);
        return document.All.Any(e => e.Attributes.Any(a => a.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase)));
    }

    /// <summary>The names of every element in the document.</summary>
    public static IEnumerable<string> ElementNames(string html) =>
        new AngleSharp.Html.Parser.HtmlParser().ParseDocument(html).All.Select(e => e.LocalName);

    [GeneratedRegex("<(head|script|style)[\\s\\S]*?</\\1>", RegexOptions.IgnoreCase)]
    private static partial Regex HeadOrScript();

    [GeneratedRegex("</?(a|strong|em|b|i|span|time|abbr|mark)\\b[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex InlineTag();

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex Tag();

    [GeneratedRegex("\\s+")]
    private static partial Regex Space();
}
