using System.Globalization;
using System.Text;
using System.Xml;

namespace AlmatyPortal.Web.Features.Feeds;

/// <summary>/sitemap.xml with every public page in every language, its last change and its hreflang alternates; /robots.txt pointing at it.</summary>
public static class SitemapEndpoints
{
    private const string Ns = "http://www.sitemaps.org/schemas/sitemap/0.9";
    private const string XhtmlNs = "http://www.w3.org/1999/xhtml";

    public static IEndpointRouteBuilder MapSitemap(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/robots.txt", (SiteLinks links) => Results.Text(
            $"User-agent: *\nDisallow: /admin\nDisallow: /account\nDisallow: /search\nSitemap: {links.Absolute("/sitemap.xml")}\n", "text/plain; charset=utf-8"));

        routes.MapGet("/sitemap.xml", async (HttpContext http, SitemapQueries sitemap, SiteLinks links, CancellationToken ct) =>
        {
            var content = await sitemap.ReadAsync(ct);
            if (ConditionalGet.NotModified(http, content.Newest, content.Key))
            {
                return Results.StatusCode(StatusCodes.Status304NotModified);
            }
            return Results.Text(Write(content.Entries, links), "application/xml; charset=utf-8");
        });
        return routes;
    }

    private static string Write(IEnumerable<SitemapEntry> entries, SiteLinks links)
    {
        var builder = new StringBuilder();
        using (var xml = XmlWriter.Create(new StringWriter(builder, CultureInfo.InvariantCulture), new XmlWriterSettings { Indent = true }))
        {
            xml.WriteStartDocument();
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
            xml.WriteEndDocument();
        }
        return builder.ToString().Replace("encoding=\"utf-16\"", "encoding=\"utf-8\"", StringComparison.Ordinal);
    }

    private static void Alternate(XmlWriter xml, string language, string href)
    {
        xml.WriteStartElement("xhtml", "link", XhtmlNs);
        xml.WriteAttributeString("rel", "alternate");
        xml.WriteAttributeString("hreflang", language);
        xml.WriteAttributeString("href", href);
        xml.WriteEndElement();
    }
}
