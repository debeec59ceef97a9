using AlmatyPortal.Web.Features.Conferences;

namespace AlmatyPortal.Web.Features.Articles;

/// <summary>Tells whether a link to this site, such as /news/some-slug or /ru/conferences/x, leads to a public page or file.</summary>
public sealed class InternalLinks(PortalDbContext db, IWebHostEnvironment environment)
{
    /// <summary>A site-relative address: one slash, then a path (a protocol-relative //host is another site).</summary>
    public static bool IsInternal(string url) => url.StartsWith('/') && !url.StartsWith("//", StringComparison.Ordinal) && !url.StartsWith("/\\", StringComparison.Ordinal);

    /// <summary>The media file a /media/ address names, or null.</summary>
    public static string? MediaFile(string url) =>
        IsInternal(url) && Path(url) is var path && path.StartsWith("/media/", StringComparison.Ordinal) && path.Length > "/media/".Length ? path["/media/".Length..] : null;

    public async Task<bool> ExistsAsync(string url, CancellationToken ct)
    {
        var path = Path(url);
        var language = Cultures.LanguageOf(path);
        var bare = Cultures.Translate(path, Languages.Default);
        var parts = bare.Trim('/').Split('/');
        return parts switch
        {
            [""] or ["news"] or ["conferences"] or ["processes"] or ["search"] or ["donate"] or ["sitemap.xml"] or ["robots.txt"] or ["conferences", "calendar.ics"] => true,
            ["news", "archive", ..] => parts.Length <= 4 && parts.Skip(2).All(p => int.TryParse(p, out _)),
            ["news", var slug] => await db.Articles.AnyAsync(a => a.Language == language && a.Slug == slug && a.Status == PublicationStatus.Published, ct)
                || await db.SlugRedirects.AnyAsync(r => r.Language == language && r.OldSlug == slug, ct),
            ["conferences", var slug] => await ConferenceAsync(language, slug.EndsWith(".ics", StringComparison.Ordinal) ? slug[..^4] : slug, ct),
            ["processes", var slug] => await db.Processes.AnyAsync(p => p.Language == language && p.Slug == slug && p.Status == PublicationStatus.Published, ct),
            ["sections", var slug] => await db.Sections.AnyAsync(s => s.Slug == slug, ct),
            ["tags", var slug] => await db.Tags.AnyAsync(tag => tag.Slug == slug, ct),
            ["media", var file] => await db.Media.AnyAsync(m => m.FileName == file || m.Variants.Contains("=" + file), ct),
            ["feeds", "news.rss" or "news.atom"] => true,
            ["feeds", "sections" or "tags" or "processes", _] => true,
            ["api", "v1", ..] or ["api", "openapi", _] => true,
            _ => environment.WebRootFileProvider.GetFileInfo(bare).Exists,
        };
    }

    private Task<bool> ConferenceAsync(string language, string slug, CancellationToken ct) =>
        db.Set<Conference>().AnyAsync(c => c.Language == language && c.Slug == slug && c.Status == PublicationStatus.Published, ct);

    private static string Path(string url)
    {
        var end = url.IndexOfAny(['?', '#']);
        return Uri.UnescapeDataString(end < 0 ? url : url[..end]);
    }
}
