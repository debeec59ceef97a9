using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;

namespace AlmatyPortal.Web.Features.Publishing;

/// <summary>
/// Schema.org JSON-LD, produced by serialization only; each feature builds its own types (NewsArticle, Event) with the
/// helpers here. The encoder escapes &lt;, &gt; and &amp;, so no text can close
/// the script element it is written into.
/// </summary>
public static class StructuredData
{
    private static readonly JsonSerializerOptions Options = new()
    {
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
    };

    public static string Breadcrumbs(IReadOnlyList<(string Name, string Path)> trail, SiteLinks links) => Serialize(new Dictionary<string, object?>
    {
        ["@context"] = "https://schema.org",
        ["@type"] = "BreadcrumbList",
        ["itemListElement"] = trail.Select((crumb, i) => new Dictionary<string, object?>
        {
            ["@type"] = "ListItem",
            ["position"] = i + 1,
            ["name"] = crumb.Name,
            ["item"] = links.Absolute(crumb.Path),
        }).ToArray(),
    });

    public static Dictionary<string, object?> Organization(string name, string? url, string? acronym = null) => new()
    {
        ["@type"] = "Organization",
        ["name"] = name,
        ["alternateName"] = acronym,
        ["url"] = url,
    };

    public static string? NullIfEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;

    public static object[]? NullIfEmpty(object[] values) => values.Length == 0 ? null : values;

    public static string Serialize(Dictionary<string, object?> value) => JsonSerializer.Serialize(value, Options);
}
