using System.Globalization;
using System.Text;
using System.Xml;
using AlmatyPortal.Web.Features.News;
using AlmatyPortal.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace AlmatyPortal.Web.Features.Feeds;

/// <summary>/sitemap.xml with every public page and its last change, and /robots.txt pointing at it.</summary>
public static class SitemapEndpoints
{
    private const string Ns = "http://www.sitemaps.org/schemas/sitemap/0.9";

    public static IEndpointRouteBuilder MapSitemap(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/robots.txt", (SiteLinks links) => Results.Text(
            $"User-agent: *\nDisallow: /admin\nDisallow: /account\nDisallow: /search\nSitemap: {links.Absolute("/sitemap.xml")}\n", "text/plain; charset=utf-8"));

        routes.MapGet("/sitemap.xml", async (HttpContext http, PortalDbContext db, SiteLinks links, CancellationToken ct) =>
        {
            var language = Languages.Default;
            var articles = await db.Articles.AsNoTracking().Where(a => a.Language == language && a.Status == PublicationStatus.Published)
                .OrderByDescending(a => a.PublishAt).Select(a => new { a.Slug, a.UpdatedAt, a.SectionId }).ToListAsync(ct);
            var conferences = await db.Conferences.AsNoTracking().Where(c => c.Language == language && c.Status == PublicationStatus.Published)
                .OrderByDescending(c => c.StartDate).Select(c => new { c.Slug, c.UpdatedAt }).ToListAsync(ct);
            var sections = await db.Sections.AsNoTracking().Select(s => new SectionNode(s.Id, s.Slug, s.Name, s.ParentId)).ToListAsync(ct);
            var tags = await db.Tags.AsNoTracking()
                .Select(t => new { t.Slug, Last = t.Articles.Where(a => a.Status == PublicationStatus.Published).Max(a => (DateTime?)a.UpdatedAt) })
                .Where(t => t.Last != null).ToListAsync(ct);
            var newest = articles.Select(a => a.UpdatedAt).Concat(conferences.Select(c => c.UpdatedAt)).DefaultIfEmpty(DateTime.UnixEpoch).Max();
            if (ConditionalGet.NotModified(http, newest, ConditionalGet.Key("sitemap", newest.Ticks, articles.Count, conferences.Count, tags.Count, sections.Count)))
            {
                return Results.StatusCode(StatusCodes.Status304NotModified);
            }

            var entries = new List<(string Path, DateTime? LastModified)> { ("/", newest), ("/news", newest), ("/conferences", conferences.Select(c => c.UpdatedAt).DefaultIfEmpty(newest).Max()) };
            entries.AddRange(sections.Select(s =>
            {
                var ids = SectionTree.WithDescendants(sections, s.Id);
                return ($"/sections/{s.Slug}", articles.Where(a => ids.Contains(a.SectionId)).Select(a => (DateTime?)a.UpdatedAt).DefaultIfEmpty(null).Max());
            }));
            entries.AddRange(tags.Select(t => ($"/tags/{t.Slug}", t.Last)));
            entries.AddRange(articles.Select(a => ($"/news/{a.Slug}", (DateTime?)a.UpdatedAt)));
            entries.AddRange(conferences.Select(c => ($"/conferences/{c.Slug}", (DateTime?)c.UpdatedAt)));
            return Results.Text(Write(entries, links), "application/xml; charset=utf-8");
        });
        return routes;
    }

    private static string Write(IEnumerable<(string Path, DateTime? LastModified)> entries, SiteLinks links)
    {
        var builder = new StringBuilder();
        using (var xml = XmlWriter.Create(new StringWriter(builder, CultureInfo.InvariantCulture), new XmlWriterSettings { Indent = true }))
        {
            xml.WriteStartDocument();
            xml.WriteStartElement("urlset", Ns);
            foreach (var (path, lastModified) in entries)
            {
                xml.WriteStartElement("url", Ns);
                xml.WriteElementString("loc", Ns, links.Absolute(path));
                if (lastModified is { } at)
                {
                    xml.WriteElementString("lastmod", Ns, DateTime.SpecifyKind(at, DateTimeKind.Utc).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
                }
                xml.WriteEndElement();
            }
            xml.WriteEndElement();
            xml.WriteEndDocument();
        }
        return builder.ToString().Replace("encoding=\"utf-16\"", "encoding=\"utf-8\"", StringComparison.Ordinal);
    }
}
