
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

    /// <summary>A page of published news, optionally only from some sections or with one tag; null when the page does not exist.</summary>
    public async Task<PagedList<ArticleSummary>?> PageAsync(string language, int page, IReadOnlyCollection<int>? sectionIds, int? tagId, CancellationToken ct,
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
        if (tagId is { } id)
        {
            query = query.Where(a => a.Tags.Any(t => t.Id == id));
        }
        var total = await query.CountAsync(ct);
        var pageCount = Math.Max(1, (total + _pageSize - 1) / _pageSize);
        if (page < 1 || page > pageCount)
        {
            return null;
        }
        // The page's keys first, then only its rows: a deep page's offset walks the list's index alone (language,
        // status, date, id) instead of reading every skipped article, which PostgreSQL would fetch from the table.
        var keys = query.OrderByDescending(a => a.PublishAt).ThenByDescending(a => a.Id).Select(a => a.Id).Skip((page - 1) * _pageSize).Take(_pageSize);
        var items = await Summaries(db.Articles.AsNoTracking().Where(a => keys.Contains(a.Id))).ToListAsync(ct);
        return new PagedList<ArticleSummary>(items, page, pageCount, total);
    }

    /// <summary>
    /// The article page's record in one compiled query (<see cref="ArticleReads.RecordAsync"/>): the article, its image and
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
