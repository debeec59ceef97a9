using System.Globalization;
using System.Xml;
using AlmatyPortal.Web.Features.PageCache;

namespace AlmatyPortal.Web.Features.Feeds;

/// <summary>
/// /sitemap.xml with every public page in every language, its last change and its hreflang alternates; /robots.txt
/// pointing at it. Past Portal:SitemapUrlsPerFile pages (the protocol's limit is 50,000) /sitemap.xml becomes a
/// sitemap index of /sitemap-1.xml, /sitemap-2.xml, ….
/// </summary>
public static class SitemapEndpoints
{
    private const string Ns = "http://www.sitemaps.org/schemas/sitemap/0.9";
    private const string XhtmlNs = "http://www.w3.org/1999/xhtml";
    private const string XmlType = "application/xml; charset=utf-8";

    public static IEndpointRouteBuilder MapSitemap(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/robots.txt", (SiteLinks links) => Results.Text(
            $"User-agent: *\nDisallow: /admin\nDisallow: /account\nDisallow: /search\nSitemap: {links.Absolute("/sitemap.xml")}\n", "text/plain; charset=utf-8"))
            .CachedAsPublicPage();

        routes.MapGet("/sitemap.xml", async (HttpContext http, SitemapQueries sitemap, SiteLinks links, IOptions<PortalOptions> options, CancellationToken ct) =>
        {
            var summary = await sitemap.SummaryAsync(ct);
            TagSitemap(http);
            if (ConditionalGet.NotModified(http, summary.Newest, summary.Key))
            {
                return Results.StatusCode(StatusCodes.Status304NotModified);
            }
            var perFile = options.Value.SitemapUrlsPerFile;
            return Results.Bytes(summary.Total <= perFile ? Write(await sitemap.EntriesAsync(summary, 0, perFile, ct), links) : WriteIndex(summary, perFile, links),
                XmlType);
        }).CachedAsPublicPage();

        routes.MapGet("/sitemap-{part:int}.xml", async (int part, HttpContext http, SitemapQueries sitemap, SiteLinks links, IOptions<PortalOptions> options, CancellationToken ct) =>
        {
            var summary = await sitemap.SummaryAsync(ct);
            var perFile = options.Value.SitemapUrlsPerFile;
            var files = (summary.Total + perFile - 1) / perFile;
            if (summary.Total <= perFile || part < 1 || part > files)
            {
                return Results.NotFound();
            }
            TagSitemap(http);
            if (ConditionalGet.NotModified(http, summary.Newest, ConditionalGet.Key(summary.Key, part)))
            {
                return Results.StatusCode(StatusCodes.Status304NotModified);
            }
            return Results.Bytes(Write(await sitemap.EntriesAsync(summary, (part - 1) * perFile, perFile, ct), links), XmlType);
        }).CachedAsPublicPage();
        return routes;
    }

    /// <summary>The sitemap lists every published page of every language, every section and every tag.</summary>
    private static void TagSitemap(HttpContext http) =>
        http.TagPage([.. Languages.Supported.SelectMany(l => new[] { PageTags.News(l), PageTags.Conferences(l), PageTags.Processes(l) }), PageTags.Sections, PageTags.Tags]);

    /// <summary>The index of the sitemap files; each file's lastmod is left out (it is optional) so the index reads no article.</summary>
    private static ReadOnlyMemory<byte> WriteIndex(SitemapSummary summary, int perFile, SiteLinks links) => FeedWriter.Write(xml =>
    {
        xml.WriteStartElement("sitemapindex", Ns);
        for (var part = 1; (part - 1) * perFile < summary.Total; part++)
        {
            xml.WriteStartElement("sitemap", Ns);
            xml.WriteElementString("loc", Ns, links.Absolute($"/sitemap-{part.ToString(CultureInfo.InvariantCulture)}.xml"));
            xml.WriteEndElement();
        }
        xml.WriteEndElement();
    });

    private static ReadOnlyMemory<byte> Write(IEnumerable<SitemapEntry> entries, SiteLinks links) => FeedWriter.Write(xml =>
    {
        xml.WriteStartElement("urlset", Ns);
        xml.WriteAttributeString("xmlns", "xhtml", null, XhtmlNs);
        foreach (var entry in entries)
        {
            xml.WriteStartElement("url", Ns);
            xml.WriteElementString("loc", Ns, links.Absolute(entry.Path));
            if (entry.LastModified is { } at)
            {
                xml.WriteElementString("lastmod", Ns, DateTime.SpecifyKind(at, DateTimeKind.Utc).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
            }
            if (entry.Alternates.Count > 1)
            {
                foreach (var (language, path) in entry.Alternates.OrderBy(a => a.Key, StringComparer.Ordinal))
                {
                    Alternate(xml, language, links.Absolute(path));
                }
                if (entry.Alternates.TryGetValue(Languages.Default, out var fallback))
                {
                    Alternate(xml, "x-default", links.Absolute(fallback));
                }
            }
            xml.WriteEndElement();
        }
        xml.WriteEndElement();
    });

    private static void Alternate(XmlWriter xml, string language, string href)
    {
        xml.WriteStartElement("xhtml", "link", XhtmlNs);
        xml.WriteAttributeString("rel", "alternate");
        xml.WriteAttributeString("hreflang", language);
        xml.WriteAttributeString("href", href);
        xml.WriteEndElement();
    }
}
