namespace AlmatyPortal.Web.Infrastructure;

/// <summary>What a page tells search engines, feed readers and sharing cards about itself; the layout writes it into the head.</summary>
public sealed class PageMeta
{
    public const string Key = "PageMeta";

    public string OpenGraphType { get; set; } = "website";
    public SharedImage? Image { get; set; }

    /// <summary>Schema.org objects, already serialized as JSON by <see cref="Features.Publishing.StructuredData"/>.</summary>
    public List<string> JsonLd { get; } = [];

    /// <summary>
    /// The page in each language that has it (language → site path). Null means the page exists in every language
    /// at the same path under the language prefix (lists, home, search).
    /// </summary>
    public Dictionary<string, string>? Alternates { get; set; }

    /// <summary>Feeds for autodiscovery beyond the site-wide news feed.</summary>
    public List<(string Title, string Path)> Feeds { get; } = [];
}

/// <summary>An image for sharing cards, with its size.</summary>
public sealed record SharedImage(string Path, int Width, int Height, string AltText);
