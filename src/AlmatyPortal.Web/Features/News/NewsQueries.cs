
namespace AlmatyPortal.Web.Features.News;

/// <summary>The reads behind the public news pages. Each runs a fixed number of indexed queries.</summary>
public sealed class NewsQueries(PortalDbContext db, IOptions<PortalOptions> options, ArticleReads reads, NewsLists lists)
{
    private readonly int _pageSize = options.Value.PageSize;

    private IQueryable<Article> Public(string language) =>
        db.Articles.AsNoTracking().Where(a => a.Language == language && a.Status == PublicationStatus.Published);

    /// <summary>The latest published news in the language, newest first.</summary>
    public async Task<IReadOnlyList<ArticleSummary>> LatestAsync(string language, int count, CancellationToken ct) =>
        await lists.Latest(db, language, count).ToListAsync(ct);

    /// <summary>A page of published news, optionally only from some sections; null when the page does not exist.</summary>
    public async Task<PagedList<ArticleSummary>?> PageAsync(string language, int page, IReadOnlyCollection<int>? sectionIds, CancellationToken ct,
        DateTime? fromUtc = null, DateTime? beforeUtc = null)
    {
        var query = Public(language);
        if (fromUtc is { } from)
        {
            query = query.Where(a => a.PublishAt >= from);
        }
        if (beforeUtc is { } before)
        {
            query = query.Where(a => a.PublishAt < before);
        }
        if (sectionIds is not null)
        {
            query = query.Where(a => sectionIds.Contains(a.SectionId));
        }
        var total = await query.CountAsync(ct);
        return HasPage(page, total) ? await PageOfAsync(NewestFirst(query), page, total, ct) : null;
    }

    /// <summary>
    /// A page of the published news in the language with one tag; null when the page does not exist.
    /// </summary>
    /// <remarks>
    /// The total is the tag's count that triggers keep (<see cref="TagLanguage"/>): counting a tag of 20,000 articles took
    /// 36 ms of each request at 100,000 articles. The page's keys come the cheaper of two ways. Walking the language's
    /// date index until the page is full reads about (skipped + page size) × articles ÷ tagged entries: a few dozen
    /// for the first page of a common tag, the whole archive for a rare one. The tag's own links read each tagged
    /// article once, about twice the cost of an entry of the walk, and sort them. The articles of the language are
    /// counted by month (<see cref="ArchiveMonth"/>); that count may be off by one after a crash, which only moves the
    /// choice, never the page.
    /// </remarks>
    public async Task<PagedList<ArticleSummary>?> TagPageAsync(string language, int page, int tagId, CancellationToken ct)
    {
        var counts = await db.Tags.AsNoTracking().Where(t => t.Id == tagId).Select(t => new
        {
            Tagged = db.Set<TagLanguage>().Where(l => l.TagId == t.Id && l.Language == language).Select(l => l.Count).FirstOrDefault(),
            All = db.Set<ArchiveMonth>().Where(m => m.Language == language).Sum(m => m.Count),
        }).FirstOrDefaultAsync(ct);
        if (counts is null || !HasPage(page, counts.Tagged))
        {
            return null;
        }
        var keys = WalkDates((page - 1) * _pageSize, _pageSize, counts.Tagged, counts.All)
            ? NewestFirst(Public(language).Where(a => a.Tags.Any(t => t.Id == tagId)))
            // From the tag's links to its articles, in that order: SQLite keeps the order of a CROSS JOIN.
            : from link in db.Set<Dictionary<string, object>>(ArticleConfiguration.ArticleTags)
              from a in db.Articles
              where EF.Property<int>(link, "TagsId") == tagId && a.Id == EF.Property<int>(link, "ArticlesId")
                  && a.Language == language && a.Status == PublicationStatus.Published
              orderby a.PublishAt descending, a.Id descending
              select a.Id;
        return await PageOfAsync(keys, page, counts.Tagged, ct);
    }

    private int PageCount(int total) => Math.Max(1, (total + _pageSize - 1) / _pageSize);

    /// <summary>Whether a list of <paramref name="total"/> articles has this page; the first always exists, empty or not.</summary>
    private bool HasPage(int page, int total) => page >= 1 && page <= PageCount(total);

    private static IQueryable<int> NewestFirst(IQueryable<Article> query) =>
        query.OrderByDescending(a => a.PublishAt).ThenByDescending(a => a.Id).Select(a => a.Id);

    /// <summary>
    /// A page of a list from its keys, newest first: the page's keys first, then only its rows. A deep page's offset walks
    /// the list's index alone (language, status, date, id) instead of reading every skipped article, which PostgreSQL
    /// would fetch from the table.
    /// </summary>
    private async Task<PagedList<ArticleSummary>> PageOfAsync(IQueryable<int> keys, int page, int total, CancellationToken ct)
    {
        var pageKeys = keys.Skip((page - 1) * _pageSize).Take(_pageSize);
        var items = await Summaries(db.Articles.AsNoTracking().Where(a => pageKeys.Contains(a.Id))).ToListAsync(ct);
        return new PagedList<ArticleSummary>(items, page, PageCount(total), total);
    }

    /// <summary>Whether walking the date index reads fewer entries than the tag's links would cost (see <see cref="TagPageAsync"/>).</summary>
    private static bool WalkDates(int skip, int pageSize, int tagged, int articles) =>
        tagged > 0 && (long)(skip + pageSize) * articles <= 2L * tagged * tagged;

    /// <summary>
    /// The article page's record in one query (<see cref="ArticleReads.RecordAsync"/>): the article, its image and
    /// alt text, and its section with up to three ancestors (a deeper tree costs one more query). Its tags and translations
    /// come with its other links (<see cref="WithLinksAsync"/>).
    /// </summary>
    public async Task<ArticleView?> ArticleAsync(string language, string slug, CancellationToken ct)
    {
        var row = await reads.RecordAsync(db, language, slug, ct);
        if (row is null)
        {
            return null;
        }
        IReadOnlyList<SectionNode> path = new[] { row.Root, row.Grandparent, row.Parent, row.Section }.OfType<SectionNode>().ToList();
        if (path[0].ParentId is not null)
        {
            path = SectionTree.PathTo(await SectionsAsync(ct), row.Section.Id);
        }
        return row.View with { SectionPath = path };
    }

    /// <summary>
    /// Reads every kind of the article's links in one query (<see cref="ArticleReads"/>) and puts the tags and translations
    /// on the article; the other kinds (conferences, processes) are returned for their features to read.
    /// </summary>
    public async Task<(ArticleView Article, IReadOnlyList<ArticleLink> Others)> WithLinksAsync(ArticleView article, CancellationToken ct)
    {
        var all = await reads.LinksAsync(db, article, ct);
        return (article with
        {
            Tags = all.Where(l => l.Kind == ArticleLink.Tag).OrderBy(l => l.Title, StringComparer.Ordinal).Select(l => new TagLink(l.Id, l.Slug, l.Title)).ToList(),
            Translations = Publishing.TranslationGroups.Addresses(all.Where(l => l.Kind == ArticleLink.Translation).Select(l => (l.Language!, l.Slug)), "/news/"),
        }, all.Where(l => l.Kind is not (ArticleLink.Tag or ArticleLink.Translation)).ToList());
    }

    /// <summary>The current address of a published article that used to live at an old slug.</summary>
    public async Task<string?> RenamedToAsync(string language, string oldSlug, CancellationToken ct) =>
        await db.SlugRedirects.AsNoTracking()
            .Where(r => r.Language == language && r.OldSlug == oldSlug)
            .Join(db.Articles.Where(a => a.Status == PublicationStatus.Published), r => r.ArticleId, a => a.Id, (r, a) => a.Slug)
            .FirstOrDefaultAsync(ct);

    /// <summary>Published articles that share tags or a conference with this one, best first (<see cref="RelatedStories"/>).</summary>
    public Task<IReadOnlyList<ArticleSummary>> RelatedAsync(int articleId, int count, CancellationToken ct) =>
        RelatedStories.ReadAsync(db, articleId, count, ct);

    /// <summary>How many articles were published in each month, newest first, for the archive index (see <see cref="ArchiveMonth"/>).</summary>
    public async Task<IReadOnlyList<(int Year, int Month, int Count)>> ArchiveMonthsAsync(string language, CancellationToken ct) =>
        (await db.Set<ArchiveMonth>().AsNoTracking().Where(m => m.Language == language && m.Count > 0)
            .OrderByDescending(m => m.Year).ThenByDescending(m => m.Month).Select(m => new { m.Year, m.Month, m.Count }).ToListAsync(ct))
        .Select(m => (m.Year, m.Month, m.Count)).ToList();

    /// <summary>The whole section tree; it is a handful of rows, read in one query.</summary>
    public async Task<IReadOnlyList<SectionNode>> SectionsAsync(CancellationToken ct) =>
        await db.Sections.AsNoTracking().OrderBy(s => s.SortOrder).ThenBy(s => s.Name)
            .Select(s => new SectionNode(s.Id, s.Slug, s.Name, s.ParentId)).ToListAsync(ct);

    /// <summary>A tag, with the tags linked to it as its translations (in the languages they have articles in); a linked tag takes a second, indexed read.</summary>
    public async Task<TagNode?> TagAsync(string slug, CancellationToken ct)
    {
        var tag = await db.Tags.AsNoTracking().Where(t => t.Slug == slug).Select(t => new { t.Id, t.Slug, t.Name, t.TranslationGroup }).FirstOrDefaultAsync(ct);
        if (tag is null)
        {
            return null;
        }
        var others = tag.TranslationGroup is not { } group ? []
            : await db.Tags.AsNoTracking().Where(o => o.TranslationGroup == group && o.Id != tag.Id)
                .Join(db.Set<TagLanguage>(), o => o.Id, l => l.TagId, (o, l) => new { o.Id, l.Language, l.Count, o.Slug, o.Name })
                .Where(x => x.Count > 0).ToListAsync(ct);
        return new TagNode(tag.Id, tag.Slug, tag.Name)
        {
            Translations = others.OrderBy(o => o.Language, StringComparer.Ordinal).ThenBy(o => o.Slug, StringComparer.Ordinal)
                .Select(o => new TagTranslation(o.Id, o.Language, o.Slug, o.Name)).ToList(),
        };
    }

    private static IQueryable<ArticleSummary> Summaries(IQueryable<Article> query) =>
        query.OrderByDescending(a => a.PublishAt).ThenByDescending(a => a.Id)
            .Select(NewsLists.Summary);
}

/// <summary>Walks the section tree: a section's ancestors for breadcrumbs, its descendants for lists.</summary>
public static class SectionTree
{
    public static IReadOnlyList<SectionNode> PathTo(IReadOnlyList<SectionNode> all, int sectionId)
    {
        var path = new List<SectionNode>();
        var byId = all.ToDictionary(s => s.Id);
        for (var current = byId.GetValueOrDefault(sectionId); current is not null && path.Count < all.Count;
             current = current.ParentId is { } parent ? byId.GetValueOrDefault(parent) : null)
        {
            path.Insert(0, current);
        }
        return path;
    }

    public static IReadOnlyCollection<int> WithDescendants(IReadOnlyList<SectionNode> all, int sectionId)
    {
        var ids = new HashSet<int> { sectionId };
        var added = true;
        while (added)
        {
            added = false;
            foreach (var section in all)
            {
                if (section.ParentId is { } parent && ids.Contains(parent) && ids.Add(section.Id))
                {
                    added = true;
                }
            }
        }
        return ids;
    }
}
