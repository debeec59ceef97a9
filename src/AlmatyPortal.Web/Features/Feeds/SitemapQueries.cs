using System.Collections.ObjectModel;
using AlmatyPortal.Web.Features.News;

namespace AlmatyPortal.Web.Features.Feeds;

/// <summary>
/// The reads behind the sitemap: every public page in every language, with its last change and its alternates, in a fixed
/// order (per language: the lists, sections, tags, articles newest first, conferences and processes), so that a sitemap index can
/// split them into files and each file reads only its own window of articles.
/// </summary>
public sealed class SitemapQueries(PortalDbContext db, NewsQueries news, OfficeClock clock)
{
    /// <summary>How many pages there are, the newest change among them and the validator for conditional requests.</summary>
    public async Task<SitemapSummary> SummaryAsync(CancellationToken ct)
    {
        var languages = await LanguagesAsync(ct);
        var total = languages.Sum(l => l.Head.Count + l.Articles + l.Records.Count);
        var newest = languages.Select(l => l.NewestArticle).Concat(languages.SelectMany(l => l.Records.Select(c => c.LastModified)))
            .Max() ?? DateTime.UnixEpoch;
        return new SitemapSummary(total, newest, ConditionalGet.Key("sitemap", newest.Ticks, total, languages.Sum(l => l.Articles))) { Languages = languages };
    }

    /// <summary>
    /// The pages from <paramref name="skip"/>, at most <paramref name="take"/> of them, in sitemap order; the summary's
    /// per-language reads are used again, so only the window of articles is read here.
    /// </summary>
    public async Task<IReadOnlyList<SitemapEntry>> EntriesAsync(SitemapSummary summary, int skip, int take, CancellationToken ct)
    {
        var entries = new List<SitemapEntry>();
        foreach (var language in summary.Languages)
        {
            foreach (var segment in new[] { language.Head.Count, language.Articles, language.Records.Count }.Select((size, i) => (size, i)))
            {
                if (take <= 0)
                {
                    return entries;
                }
                if (skip >= segment.size)
                {
                    skip -= segment.size;
                    continue;
                }
                var count = Math.Min(take, segment.size - skip);
                entries.AddRange(segment.i switch
                {
                    0 => language.Head.Skip(skip).Take(count),
                    1 => await ArticlesAsync(language.Code, skip, count, ct),
                    _ => language.Records.Skip(skip).Take(count),
                });
                take -= count;
                skip = 0;
            }
        }
        return entries;
    }

    private async Task<IReadOnlyList<SitemapEntry>> ArticlesAsync(string language, int skip, int take, CancellationToken ct)
    {
        var prefix = Cultures.Prefix(language);
        var (before, skipped) = skip == 0 ? (null, 0) : await SeekAsync(language, skip, ct);
        // Every article has an address; saying so lets SQLite read the window from the sitemap's partial index, which holds
        // what is written of each (ArticleConfiguration), instead of from 2,000 rows that hold their bodies.
        var withAddress = Published(language).Where(a => a.Slug != "");
        var from = before is { } bound ? withAddress.Where(a => a.PublishAt < bound) : withAddress;
        var window = from.OrderByDescending(a => a.PublishAt).ThenByDescending(a => a.Id).Skip(skip - skipped).Take(take);
        var articles = await window.Select(a => new { a.Slug, a.UpdatedAt, a.TranslationGroup }).ToListAsync(ct);
        // The window's groups as one parameter (EF.Parameter: a JSON array on SQLite, an array on PostgreSQL, where a plain
        // list would become 2,000 parameters and a statement text for each length), each looked up in the group index,
        // which holds what is read here: walking the window again as a subquery cost SQLite 6.5 ms a file of 2,000, this
        // 4 ms. Only the other languages' members are read: each window article's own language and address are known, and
        // most articles have no translation, so most lookups return nothing. The status is checked after reading, as with
        // it in the query SQLite may walk every published article instead.
        var groups = articles.Select(a => a.TranslationGroup).ToList();
        var others = await db.Articles.AsNoTracking().Where(a => EF.Parameter(groups).Contains(a.TranslationGroup) && a.Language != language)
            .Select(a => new { a.TranslationGroup, a.Language, a.Slug, a.Status }).ToListAsync(ct);
        var translations = others.Where(a => a.Status == PublicationStatus.Published).ToLookup(a => a.TranslationGroup, a => (a.Language, a.Slug));
        // A translation unpublished between the two reads is left out; an article unpublished between them keeps its entry
        // for this one response.
        return articles.Select(a => new SitemapEntry(prefix + SitePaths.Article(a.Slug), a.UpdatedAt,
            translations.Contains(a.TranslationGroup)
                ? TranslationGroups.Addresses(translations[a.TranslationGroup].Prepend((language, a.Slug)), "/news/")
                : ReadOnlyDictionary<string, string>.Empty)).ToList();
    }

    /// <summary>
    /// Where the window that skips <paramref name="skip"/> articles starts: before the first instant of the month after
    /// the one the skipped count ends in, with the articles of the newer months (from the kept month counts, a few hundred
    /// rows) skipped. Without it a file deep in the archive walked every newer entry of the list index (at 100,000
    /// articles, the 40th file of 2,000 took 63 ms at p95 on PostgreSQL and 53 on SQLite). The whole skip is left to the
    /// query where the months do not tell: where the office's clock goes back near the month's start (local times repeat,
    /// so instants after it may belong to the month before) or past the counted months.
    /// </summary>
    private async Task<(DateTime? Before, int Skipped)> SeekAsync(string language, int skip, CancellationToken ct)
    {
        var newer = 0;
        foreach (var (year, month, count) in await news.ArchiveMonthsAsync(language, ct))
        {
            if (newer + count > skip)
            {
                var next = new DateTime(year, month, 1).AddMonths(1);
                return newer == 0 || clock.GoesBackNear(next.Year, next.Month) ? (null, 0) : (clock.MonthStartUtc(next.Year, next.Month), newer);
            }
            newer += count;
        }
        return (null, 0);
    }

    private IQueryable<Article> Published(string language) =>
        db.Articles.AsNoTracking().Where(a => a.Language == language && a.Status == PublicationStatus.Published);

    /// <summary>Per language: its list pages, sections and tags (few), how many articles, and its conferences (few).</summary>
    private async Task<List<LanguagePages>> LanguagesAsync(CancellationToken ct)
    {
        var conferences = await db.Conferences.AsNoTracking().Where(c => c.Status == PublicationStatus.Published)
            .OrderByDescending(c => c.StartDate).Select(c => new { c.Language, c.Slug, c.UpdatedAt, c.TranslationGroup }).ToListAsync(ct);
        var conferenceAlternates = conferences.GroupBy(c => c.TranslationGroup).ToDictionary(g => g.Key, g => TranslationGroups.Addresses(g.Select(c => (c.Language, c.Slug)), "/conferences/"));
        var processes = await db.Processes.AsNoTracking().Where(p => p.Status == PublicationStatus.Published)
            .OrderBy(p => p.Name).Select(p => new { p.Language, p.Slug, p.UpdatedAt, p.TranslationGroup }).ToListAsync(ct);
        var processAlternates = processes.GroupBy(p => p.TranslationGroup).ToDictionary(g => g.Key, g => TranslationGroups.Addresses(g.Select(p => (p.Language, p.Slug)), SitePaths.Processes + "/"));
        var sections = await db.Sections.AsNoTracking().OrderBy(s => s.Id).Select(s => s.Slug).ToListAsync(ct);
        // Each language's published articles as the kept month counts say (ArchiveMonth, a few hundred rows): counting
        // the articles cost 9 ms a request for 80,000 of them on SQLite. The counts follow every save; one left off by a
        // crash is counted again at the next start, before a reader is served.
        var articleCounts = await db.Set<ArchiveMonth>().AsNoTracking().GroupBy(m => m.Language)
            .Select(g => new { g.Key, Count = g.Sum(m => m.Count) }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        static Dictionary<string, string> Everywhere(string path) => Languages.Supported.ToDictionary(l => l, l => Cultures.Prefix(l) + path);
        var result = new List<LanguagePages>();
        foreach (var language in Languages.Supported)
        {
            var prefix = Cultures.Prefix(language);
            // Indexed reads only: the newest change of the language's articles, and the tags the database counts as having
            // a published article in the language.
            var articles = articleCounts.GetValueOrDefault(language);
            var newest = await db.Articles.AsNoTracking().Where(a => a.Status == PublicationStatus.Published && a.Language == language)
                .OrderByDescending(a => a.UpdatedAt).Select(a => (DateTime?)a.UpdatedAt).FirstOrDefaultAsync(ct);
            var tags = await db.Set<TagLanguage>().AsNoTracking().Where(c => c.Language == language && c.Count > 0)
                .Join(db.Tags, c => c.TagId, t => t.Id, (c, t) => t).OrderBy(t => t.Id).Select(t => t.Slug).ToListAsync(ct);
            var own = conferences.Where(c => c.Language == language).ToList();
            var ownProcesses = processes.Where(p => p.Language == language).ToList();
            var head = new List<SitemapEntry>
            {
                new(prefix + "/", newest, Everywhere("/")),
                new(prefix + "/news", newest, Everywhere("/news")),
                new(prefix + "/conferences", own.Select(c => (DateTime?)c.UpdatedAt).Max(), Everywhere("/conferences")),
                new(prefix + SitePaths.Processes, ownProcesses.Select(p => (DateTime?)p.UpdatedAt).Max(), Everywhere(SitePaths.Processes)),
            };
            head.AddRange(sections.Select(slug => new SitemapEntry(prefix + SitePaths.Section(slug), null, Everywhere(SitePaths.Section(slug)))));
            head.AddRange(tags.Select(slug => new SitemapEntry(prefix + SitePaths.Tag(slug), null, new Dictionary<string, string>())));
            result.Add(new LanguagePages(language, head, articles, newest,
                [.. own.Select(c => new SitemapEntry(prefix + SitePaths.Conference(c.Slug), c.UpdatedAt, conferenceAlternates[c.TranslationGroup])),
                    .. ownProcesses.Select(p => new SitemapEntry(prefix + SitePaths.Process(p.Slug), p.UpdatedAt, processAlternates[p.TranslationGroup]))]));
        }
        return result;
    }

    /// <summary>A language's pages: the few list pages, sections and tags; its article count; and its conference and process records (few).</summary>
    internal sealed record LanguagePages(string Code, List<SitemapEntry> Head, int Articles, DateTime? NewestArticle, List<SitemapEntry> Records);
}

/// <summary>One page of the sitemap: its path, when it last changed, and its address in each language.</summary>
public sealed record SitemapEntry(string Path, DateTime? LastModified, IReadOnlyDictionary<string, string> Alternates);

/// <summary>How many pages the sitemap lists, the newest change among them, and the validator for conditional requests.</summary>
public sealed record SitemapSummary(int Total, DateTime Newest, string Key)
{
    /// <summary>What was read per language to count the pages, for reading a window of them.</summary>
    internal IReadOnlyList<SitemapQueries.LanguagePages> Languages { get; init; } = [];
}
