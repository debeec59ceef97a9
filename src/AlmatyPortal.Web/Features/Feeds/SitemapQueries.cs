using AlmatyPortal.Web.Features.News;

namespace AlmatyPortal.Web.Features.Feeds;

/// <summary>The reads behind /sitemap.xml: every public page in every language, with its last change and its alternates.</summary>
public sealed class SitemapQueries(PortalDbContext db)
{
    public async Task<SitemapContent> ReadAsync(CancellationToken ct)
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
        var key = ConditionalGet.Key("sitemap", newest.Ticks, articles.Count, conferences.Count, tags.Count, sections.Count);

        static Dictionary<string, string> Everywhere(string path) => Languages.Supported.ToDictionary(l => l, l => Cultures.Prefix(l) + path);
        // Each translation group's addresses, worked out once for all its members.
        var articleAlternates = articles.GroupBy(a => a.TranslationGroup).ToDictionary(g => g.Key, g => TranslationGroups.Addresses(g.Select(a => (a.Language, a.Slug)), "/news/"));
        var conferenceAlternates = conferences.GroupBy(c => c.TranslationGroup).ToDictionary(g => g.Key, g => TranslationGroups.Addresses(g.Select(c => (c.Language, c.Slug)), "/conferences/"));
        var entries = new List<SitemapEntry>();
        foreach (var language in Languages.Supported)
        {
            var prefix = Cultures.Prefix(language);
            var own = articles.Where(a => a.Language == language).ToList();
            var lastOwn = own.Select(a => (DateTime?)a.UpdatedAt).DefaultIfEmpty(null).Max();
            entries.Add(new SitemapEntry(prefix + "/", lastOwn, Everywhere("/")));
            entries.Add(new SitemapEntry(prefix + "/news", lastOwn, Everywhere("/news")));
            entries.Add(new SitemapEntry(prefix + "/conferences", conferences.Where(c => c.Language == language).Select(c => (DateTime?)c.UpdatedAt).DefaultIfEmpty(null).Max(), Everywhere("/conferences")));
            foreach (var section in sections)
            {
                var ids = SectionTree.WithDescendants(sections, section.Id);
                entries.Add(new SitemapEntry(prefix + SitePaths.Section(section.Slug), own.Where(a => ids.Contains(a.SectionId)).Select(a => (DateTime?)a.UpdatedAt).DefaultIfEmpty(null).Max(), Everywhere(SitePaths.Section(section.Slug))));
            }
            entries.AddRange(tags.Where(t => t.Languages.Any(a => a.Language == language))
                .Select(t => new SitemapEntry(prefix + SitePaths.Tag(t.Slug), t.Languages.Where(a => a.Language == language).Max(a => a.UpdatedAt), new Dictionary<string, string>())));
            entries.AddRange(own.Select(a => new SitemapEntry(prefix + SitePaths.Article(a.Slug), a.UpdatedAt, articleAlternates[a.TranslationGroup])));
            entries.AddRange(conferences.Where(c => c.Language == language)
                .Select(c => new SitemapEntry(prefix + SitePaths.Conference(c.Slug), c.UpdatedAt, conferenceAlternates[c.TranslationGroup])));
        }
        return new SitemapContent(entries, newest, key);
    }
}

/// <summary>One page of the sitemap: its path, when it last changed, and its address in each language.</summary>
public sealed record SitemapEntry(string Path, DateTime? LastModified, IReadOnlyDictionary<string, string> Alternates);

/// <summary>The sitemap's pages, the newest change among them, and the validator for conditional requests.</summary>
public sealed record SitemapContent(IReadOnlyList<SitemapEntry> Entries, DateTime Newest, string Key);
