using AlmatyPortal.Web.Features.Conferences;
using AlmatyPortal.Web.Features.News;
using AlmatyPortal.Web.Features.Processes;

namespace AlmatyPortal.Web.Features.ReadApi;

/// <summary>The reads behind the read API: published records of one language, projected to what partners see.</summary>
public sealed class ReadApiQueries(PortalDbContext db, NewsQueries news, ProcessQueries processes, Names.NameBook names, SiteLinks links)
{
    private string Url(string language, string path) => links.Absolute(Cultures.Prefix(language) + path);

    private string Named(string language, string text) => names.Find(language, text) ?? text;

    /// <summary>A page of published articles, and the ids of the images it shows (whose alt text and credit it prints).</summary>
    public async Task<(int Total, IReadOnlyList<ApiArticleSummary> Items, IReadOnlyList<int> ImageIds)> ArticlesAsync(string language, int page, int pageSize, CancellationToken ct)
    {
        var published = db.Articles.AsNoTracking().Where(a => a.Language == language && a.Status == PublicationStatus.Published);
        var total = await published.CountAsync(ct);
        var rows = await published.OrderByDescending(a => a.PublishAt).ThenByDescending(a => a.Id).Skip((page - 1) * pageSize).Take(pageSize)
            .Select(a => new
            {
                a.Slug, a.Title, a.Summary, a.PublishAt, a.UpdatedAt, SectionSlug = a.Section.Slug, SectionName = a.Section.Name,
                Image = a.FeaturedImage == null ? null : new
                {
                    a.FeaturedImage.Id, a.FeaturedImage.FileName, a.FeaturedImage.Width, a.FeaturedImage.Height, a.FeaturedImage.Credit,
                    Alt = a.FeaturedImage.AltTranslations.Where(t => t.Language == language).Select(t => t.Text).FirstOrDefault() ?? a.FeaturedImage.AltText,
                },
            })
            .ToListAsync(ct);
        return (total, rows.Select(a => new ApiArticleSummary(a.Slug, a.Title, a.Summary, a.PublishAt, a.UpdatedAt, Url(language, SitePaths.Article(a.Slug)),
            new ApiSection(a.SectionSlug, Named(language, a.SectionName), Url(language, SitePaths.Section(a.SectionSlug))),
            a.Image is null ? null : new ApiImage(links.Absolute(SitePaths.Media(a.Image.FileName)), a.Image.Width, a.Image.Height, a.Image.Alt, a.Image.Credit))).ToList(),
            rows.Where(a => a.Image is not null).Select(a => a.Image!.Id).Distinct().ToList());
    }

    // A document's address is a file or another site's page; a meeting's or report's is a page in the language.
    private string? Address(TimelineEntry entry) => entry.AddressIn() switch
    {
        null => null,
        var address when WebAddress.IsHttp(address) => address,
        var address => links.Absolute(address),
    };

    /// <summary>A published article with its links, read as the article page reads it, and the cache tags of what it shows.</summary>
    public async Task<(ApiArticle Article, IReadOnlyList<string> Tags)?> ArticleAsync(string language, string slug, CancellationToken ct)
    {
        var found = await news.ArticleAsync(language, slug, ct);
        if (found is null)
        {
            return null;
        }
        var (article, others) = await news.WithLinksAsync(found, ct);
        var section = article.SectionPath.Count == 0 ? null : article.SectionPath[^1];
        var linkedConferences = ConferenceQueries.Conferences(others);
        var linkedProcesses = ProcessQueries.Processes(others);
        IReadOnlyList<string> tags =
        [
            .. ArticlePageTags.Of(article),
            .. linkedConferences.Select(c => PageCache.PageTags.Conference(c.Id)), .. linkedProcesses.Select(p => PageCache.PageTags.Process(p.Id)),
        ];
        return (new ApiArticle(article.Slug, article.Language, article.Title, article.Summary, article.BodyHtml, article.PublishAt, article.UpdatedAt,
            Url(language, SitePaths.Article(article.Slug)),
            section is null ? null : new ApiSection(section.Slug, Named(language, section.Name), Url(language, SitePaths.Section(section.Slug))),
            article.Image is { } image ? new ApiImage(links.Absolute(image.Url), image.Width, image.Height, image.AltText, image.Credit) : null,
            article.Tags.Select(t => new ApiTag(t.Slug, t.Name, Url(language, SitePaths.Tag(t.Slug)))).ToList(),
            linkedConferences.Select(c => new ApiLink(c.Slug, c.Title, Url(language, SitePaths.Conference(c.Slug)))).ToList(),
            linkedProcesses.Select(p => new ApiLink(p.Slug, p.Name, Url(language, SitePaths.Process(p.Slug)))).ToList(),
            article.Translations.ToDictionary(t => t.Key, t => links.Absolute(t.Value))), tags);
    }

    public async Task<(int Total, IReadOnlyList<ApiConference> Items)> ConferencesAsync(string language, int page, int pageSize, CancellationToken ct)
    {
        var published = db.Conferences.AsNoTracking().Where(c => c.Language == language && c.Status == PublicationStatus.Published);
        var total = await published.CountAsync(ct);
        var rows = await published.OrderByDescending(c => c.StartDate).ThenBy(c => c.Id).Skip((page - 1) * pageSize).Take(pageSize)
            .Select(c => new { c.Slug, c.Title, c.Summary, c.StartDate, c.EndDate, c.City, Country = c.Country == null ? null : c.Country.Name, c.UpdatedAt })
            .ToListAsync(ct);
        return (total, rows.Select(c => new ApiConference(c.Slug, c.Title, c.Summary, c.StartDate, c.EndDate, c.City,
            c.Country is null ? null : Named(language, c.Country), c.UpdatedAt, Url(language, SitePaths.Conference(c.Slug)))).ToList());
    }

    public async Task<(int Total, IReadOnlyList<ApiProcessSummary> Items)> ProcessesAsync(string language, int page, int pageSize, CancellationToken ct)
    {
        var published = db.Processes.AsNoTracking().Where(p => p.Language == language && p.Status == PublicationStatus.Published);
        var total = await published.CountAsync(ct);
        var rows = await published.OrderBy(p => p.Name).ThenBy(p => p.Id).Skip((page - 1) * pageSize).Take(pageSize)
            .Select(p => new { p.Slug, p.Name, p.Summary, p.UpdatedAt }).ToListAsync(ct);
        return (total, rows.Select(p => new ApiProcessSummary(p.Slug, p.Name, p.Summary, p.UpdatedAt, Url(language, SitePaths.Process(p.Slug)))).ToList());
    }

    public async Task<(ApiProcess Process, ProcessView View)?> ProcessAsync(string language, string slug, CancellationToken ct)
    {
        var view = await processes.ProcessAsync(language, slug, ct);
        if (view is null)
        {
            return null;
        }
        var timeline = view.Timeline.Select(e => new ApiTimelineEntry(
            e.Kind switch
            {
                TimelineKind.FoundingConference => "founding-conference",
                TimelineKind.FollowUpConference => "follow-up-conference",
                TimelineKind.Document => "document",
                _ => "news",
            },
            e.Date, e.EndDate, e.Title, e.Summary, Address(e))).ToList();
        return (new ApiProcess(view.Slug, view.Language, view.Name, view.Summary, view.BodyHtml, view.UpdatedAt, Url(language, SitePaths.Process(view.Slug)),
            timeline, view.Translations.ToDictionary(t => t.Key, t => links.Absolute(t.Value))), view);
    }
}
