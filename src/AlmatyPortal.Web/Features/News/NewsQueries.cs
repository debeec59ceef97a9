
namespace AlmatyPortal.Web.Features.News;

/// <summary>The reads behind the public news pages. Each runs a fixed number of indexed queries.</summary>
public sealed class NewsQueries(PortalDbContext db, IOptions<PortalOptions> options)
{
    private readonly int _pageSize = options.Value.PageSize;

    private IQueryable<Article> Public(string language) =>
        db.Articles.AsNoTracking().Where(a => a.Language == language && a.Status == PublicationStatus.Published);

    public async Task<IReadOnlyList<ArticleSummary>> LatestAsync(string language, int count, CancellationToken ct) =>
        await Summaries(Public(language)).Take(count).ToListAsync(ct);

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
        var items = await Summaries(query).Skip((page - 1) * _pageSize).Take(_pageSize).ToListAsync(ct);
        return new PagedList<ArticleSummary>(items, page, pageCount, total);
    }

    public async Task<ArticleView?> ArticleAsync(string language, string slug, CancellationToken ct) =>
        await Public(language).Where(a => a.Slug == slug)
            .Select(a => new ArticleView(
                a.Id, a.TranslationGroup, a.Language, a.Slug, a.Title, a.Summary, a.BodyHtml, a.PublishAt, a.UpdatedAt, a.SectionId,
                a.FeaturedImage == null ? null : new ImageView(a.FeaturedImage.FileName, a.FeaturedImage.Width, a.FeaturedImage.Height,
                    a.FeaturedImage.AltTranslations.Where(t => t.Language == language).Select(t => t.Text).FirstOrDefault() ?? a.FeaturedImage.AltText,
                    a.FeaturedImage.AltTranslations.Any(t => t.Language == language) ? language : Languages.Default,
                    a.FeaturedImage.Credit, a.FeaturedImage.Photographer, a.FeaturedImage.Licence, a.FeaturedImage.Variants),
                a.Tags.OrderBy(t => t.Name).Select(t => new TagLink(t.Slug, t.Name)).ToList()))
            .AsSplitQuery()
            .FirstOrDefaultAsync(ct);

    /// <summary>Each language's published version of an article (language → site path), this one included.</summary>
    public Task<Dictionary<string, string>> TranslationsAsync(Guid group, CancellationToken ct) =>
        Publishing.TranslationGroups.PublishedAddressesAsync(db.Articles, group, "/news/", ct);

    /// <summary>The current address of a published article that used to live at an old slug.</summary>
    public async Task<string?> RenamedToAsync(string language, string oldSlug, CancellationToken ct) =>
        await db.SlugRedirects.AsNoTracking()
            .Where(r => r.Language == language && r.OldSlug == oldSlug)
            .Join(db.Articles.Where(a => a.Status == PublicationStatus.Published), r => r.ArticleId, a => a.Id, (r, a) => a.Slug)
            .FirstOrDefaultAsync(ct);

    /// <summary>Published articles that share tags or a conference with this one: a shared conference counts most, then shared tags, then recency.</summary>
    public async Task<IReadOnlyList<ArticleSummary>> RelatedAsync(int articleId, int count, CancellationToken ct)
    {
        // Scores come from the join tables alone (indexed by tag and by conference), grouped in the database;
        // only the best few candidates are then read as articles.
        var tagIds = db.Articles.Where(a => a.Id == articleId).SelectMany(a => a.Tags).Select(t => t.Id);
        var conferenceIds = db.Set<Dictionary<string, object>>("ArticleConferences")
            .Where(j => EF.Property<int>(j, "ArticlesId") == articleId).Select(j => EF.Property<int>(j, "ConferencesId"));
        var byTags = await db.Set<Dictionary<string, object>>("ArticleTags")
            .Where(j => tagIds.Contains(EF.Property<int>(j, "TagsId")) && EF.Property<int>(j, "ArticlesId") != articleId)
            .GroupBy(j => EF.Property<int>(j, "ArticlesId"))
            .Select(g => new { Id = g.Key, Shared = g.Count() })
            .ToListAsync(ct);
        var byConferences = await db.Set<Dictionary<string, object>>("ArticleConferences")
            .Where(j => conferenceIds.Contains(EF.Property<int>(j, "ConferencesId")) && EF.Property<int>(j, "ArticlesId") != articleId)
            .Select(j => EF.Property<int>(j, "ArticlesId"))
            .ToListAsync(ct);
        var scores = byTags.ToDictionary(x => x.Id, x => x.Shared);
        foreach (var id in byConferences)
        {
            scores[id] = scores.GetValueOrDefault(id) + 10;
        }
        if (scores.Count == 0)
        {
            return [];
        }
        var best = scores.OrderByDescending(s => s.Value).ThenByDescending(s => s.Key).Take(Math.Max(count * 10, 40)).Select(s => s.Key).ToList();
        var candidates = await db.Articles.AsNoTracking()
            .Where(a => best.Contains(a.Id) && a.Status == PublicationStatus.Published)
            .Select(a => new { a.Id, Summary = new ArticleSummary(a.Slug, a.Title, a.Summary, a.PublishAt) })
            .ToListAsync(ct);
        return candidates.OrderByDescending(c => scores[c.Id]).ThenByDescending(c => c.Summary.PublishAt).Take(count).Select(c => c.Summary).ToList();
    }

    /// <summary>How many articles were published in each month, newest first, for the archive index.</summary>
    public async Task<IReadOnlyList<(int Year, int Month, int Count)>> ArchiveMonthsAsync(string language, OfficeClock clock, CancellationToken ct)
    {
        // One indexed read of the dates; months are Almaty months, so they are counted after converting each date.
        // (Grouping by UTC hour in SQLite was measured at half the speed of this with 501 articles.)
        var dates = await Public(language).Where(a => a.PublishAt != null).Select(a => a.PublishAt!.Value).ToListAsync(ct);
        return dates.Select(clock.ToLocal).GroupBy(d => (d.Year, d.Month))
            .OrderByDescending(g => g.Key.Year).ThenByDescending(g => g.Key.Month)
            .Select(g => (g.Key.Year, g.Key.Month, g.Count())).ToList();
    }

    /// <summary>The whole section tree; it is a handful of rows, read in one query.</summary>
    public async Task<IReadOnlyList<SectionNode>> SectionsAsync(CancellationToken ct) =>
        await db.Sections.AsNoTracking().OrderBy(s => s.SortOrder).ThenBy(s => s.Name)
            .Select(s => new SectionNode(s.Id, s.Slug, s.Name, s.ParentId)).ToListAsync(ct);

    public async Task<TagNode?> TagAsync(string slug, CancellationToken ct) =>
        await db.Tags.AsNoTracking().Where(t => t.Slug == slug).Select(t => new TagNode(t.Id, t.Slug, t.Name)).FirstOrDefaultAsync(ct);

    private static IQueryable<ArticleSummary> Summaries(IQueryable<Article> query) =>
        query.OrderByDescending(a => a.PublishAt).ThenByDescending(a => a.Id)
            .Select(a => new ArticleSummary(a.Slug, a.Title, a.Summary, a.PublishAt));
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
