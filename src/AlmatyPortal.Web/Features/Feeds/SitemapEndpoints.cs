using System.Globalization;
using System.Text;
using System.Xml;
using AlmatyPortal.Web.Features.News;
using AlmatyPortal.Web.Features.Publishing;
using AlmatyPortal.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace AlmatyPortal.Web.Features.Feeds;

/// <summary>/sitemap.xml with every public page in every language, its last change and its hreflang alternates; /robots.txt pointing at it.</summary>
public static class SitemapEndpoints
{
    private const string Ns = "http://www.sitemaps.org/schemas/sitemap/0.9";
    private const string XhtmlNs = "http://www.w3.org/1999/xhtml";

    private sealed record Entry(string Path, DateTime? LastModified, IReadOnlyDictionary<string, string> Alternates);

    public static IEndpointRouteBuilder MapSitemap(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/robots.txt", (SiteLinks links) => Results.Text(
            $"User-agent: *\nDisallow: /admin\nDisallow: /account\nDisallow: /search\nSitemap: {links.Absolute("/sitemap.xml")}\n", "text/plain; charset=utf-8"));

        routes.MapGet("/sitemap.xml", async (HttpContext http, PortalDbContext db, SiteLinks links, CancellationToken ct) =>
        {
            var articles = await db.Articles.AsNoTracking().Where(a => a.Status == PublicationStatus.Published)
                .OrderByDescending(a => a.PublishAt).Select(a => new { a.Language, a.Slug, a.UpdatedAt, a.SectionId, a.TranslationGroup }).ToListAsync(ct);
            var conferences = await db.Conferences.AsNoTracking().Where(c => c.Status == PublicationStatus.Published)
                .OrderByDescending(c => c.StartDate).Select(c => new { c.Language, c.Slug, c.UpdatedAt, c.TranslationGroup }).ToListAsync(ct);
            var sections = await db.Sections.AsNoTracking().Select(s => new SectionNode(s.Id, s.Slug, s.Name, s.ParentId)).ToListAsync(ct);
            var tags = await db.Tags.AsNoTracking()
                .Select(t => new { t.Slug, Languages = t.Articles.Where(a => a.Status == PublicationStatus.Published).Select(a => new { a.Language, a.UpdatedAt }).ToList() })
                .ToListAsync(ct);
            var newest = articles.Select(a => a.UpdatedAt).Concat(conferences.Select(c => c.UpdatedAt)).DefaultIfEmpty(DateTime.UnixEpoch).Max();
            if (ConditionalGet.NotModified(http, newest, ConditionalGet.Key("sitemap", newest.Ticks, articles.Count, conferences.Count, tags.Count, sections.Count)))
            {
                return Results.StatusCode(StatusCodes.Status304NotModified);
            }

            static Dictionary<string, string> Everywhere(string path) => Languages.Supported.ToDictionary(l => l, l => Cultures.Prefix(l) + path);
            // Each translation group's addresses, worked out once for all its members.
            var articleAlternates = articles.GroupBy(a => a.TranslationGroup).ToDictionary(g => g.Key, g => TranslationGroups.Addresses(g.Select(a => (a.Language, a.Slug)), "/news/"));
            var conferenceAlternates = conferences.GroupBy(c => c.TranslationGroup).ToDictionary(g => g.Key, g => TranslationGroups.Addresses(g.Select(c => (c.Language, c.Slug)), "/conferences/"));
            var entries = new List<Entry>();
            foreach (var language in Languages.Supported)
            {
                var prefix = Cultures.Prefix(language);
                var own = articles.Where(a => a.Language == language).ToList();
                var lastOwn = own.Select(a => (DateTime?)a.UpdatedAt).DefaultIfEmpty(null).Max();
                entries.Add(new Entry(prefix + "/", lastOwn, Everywhere("/")));
                entries.Add(new Entry(prefix + "/news", lastOwn, Everywhere("/news")));
                entries.Add(new Entry(prefix + "/conferences", conferences.Where(c => c.Language == language).Select(c => (DateTime?)c.UpdatedAt).DefaultIfEmpty(null).Max(), Everywhere("/conferences")));
                foreach (var section in sections)
                {
                    var ids = SectionTree.WithDescendants(sections, section.Id);
                    entries.Add(new Entry($"{prefix}/sections/{section.Slug}", own.Where(a => ids.Contains(a.SectionId)).Select(a => (DateTime?)a.UpdatedAt).DefaultIfEmpty(null).Max(), Everywhere($"/sections/{section.Slug}")));
                }
                entries.AddRange(tags.Where(t => t.Languages.Any(a => a.Language == language))
                    .Select(t => new Entry($"{prefix}/tags/{t.Slug}", t.Languages.Where(a => a.Language == language).Max(a => a.UpdatedAt), new Dictionary<string, string>())));
                entries.AddRange(own.Select(a => new Entry($"{prefix}/news/{a.Slug}", a.UpdatedAt, articleAlternates[a.TranslationGroup])));
                entries.AddRange(conferences.Where(c => c.Language == language)
                    .Select(c => new Entry($"{prefix}/conferences/{c.Slug}", c.UpdatedAt, conferenceAlternates[c.TranslationGroup])));
            }
            return Results.Text(Write(entries, links), "application/xml; charset=utf-8");
        });
        return routes;
    }

    private static string Write(IEnumerable<Entry> entries, SiteLinks links)
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
