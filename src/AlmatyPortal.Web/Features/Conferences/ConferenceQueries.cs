using AlmatyPortal.Web.Features.News;

namespace AlmatyPortal.Web.Features.Conferences;

/// <summary>The reads behind the public conference pages.</summary>
public sealed class ConferenceQueries(PortalDbContext db)
{
    private IQueryable<Conference> Public(string language) =>
        db.Conferences.AsNoTracking().Where(c => c.Language == language && c.Status == PublicationStatus.Published);

    /// <summary>Conferences that have not yet ended, soonest first.</summary>
    public async Task<IReadOnlyList<ConferenceSummary>> UpcomingAsync(string language, DateOnly today, int? count, CancellationToken ct)
    {
        var query = Summaries(Public(language).Where(c => c.EndDate >= today).OrderBy(c => c.StartDate));
        return await (count is { } n ? query.Take(n) : query).ToListAsync(ct);
    }

    /// <summary>Conferences that have ended, latest first.</summary>
    public async Task<IReadOnlyList<ConferenceSummary>> PastAsync(string language, DateOnly today, int? count, CancellationToken ct)
    {
        var query = Summaries(Public(language).Where(c => c.EndDate < today).OrderByDescending(c => c.StartDate));
        return await (count is { } n ? query.Take(n) : query).ToListAsync(ct);
    }

    public async Task<ConferenceView?> ConferenceAsync(string language, string slug, CancellationToken ct) =>
        await Public(language).Where(c => c.Slug == slug)
            .Select(c => new ConferenceView(
                c.Id, c.TranslationGroup, c.Language, c.Slug, c.Title, c.Summary, c.BodyHtml,
                c.City, c.Country == null ? null : c.Country.Name, c.Country == null ? null : c.Country.IsoAlpha2, c.Venue, c.StartDate, c.EndDate,
                c.ParticipantCount, c.ParticipantCountQualifier, c.ParticipantLevel, c.FollowUpName, c.FollowUpDescription,
                c.Organisations.OrderBy(o => o.SortOrder)
                    .Select(o => new OrganisationInRole(o.Role, o.Organisation.Name, o.Organisation.Acronym, o.Organisation.Url)).ToList(),
                c.Speakers.OrderBy(s => s.SortOrder).Select(s => new SpeakerView(s.Person.Name, s.Title, s.Session)).ToList(),
                c.Countries.OrderBy(x => x.SortOrder).Select(x => x.Country.Name).ToList(),
                c.Topics.OrderBy(t => t.SortOrder).Select(t => t.Text).ToList(),
                c.Documents.OrderBy(d => d.SortOrder).Select(d => new DocumentView(d.Title, d.Description, d.Url)).ToList(),
                c.Articles.Where(a => a.Status == PublicationStatus.Published).OrderByDescending(a => a.PublishAt)
                    .Select(a => new ArticleSummary(a.Slug, a.Title, a.Summary, a.PublishAt)).ToList()))
            .AsSplitQuery()
            .FirstOrDefaultAsync(ct);

    /// <summary>The published conference records a news report is linked to, earliest first.</summary>
    public async Task<IReadOnlyList<ConferenceLink>> ReportedByAsync(int articleId, CancellationToken ct) =>
        await db.Conferences.AsNoTracking()
            .Where(c => c.Status == PublicationStatus.Published && c.Articles.Any(a => a.Id == articleId))
            .OrderBy(c => c.StartDate)
            .Select(c => new ConferenceLink(c.Slug, c.Title, c.StartDate, c.EndDate, c.City))
            .ToListAsync(ct);

    /// <summary>Each language's published version of a conference record (language → site path), this one included.</summary>
    public Task<Dictionary<string, string>> TranslationsAsync(Guid group, CancellationToken ct) =>
        Publishing.TranslationGroups.PublishedAddressesAsync(db.Conferences, group, "/conferences/", ct);

    private static IQueryable<ConferenceSummary> Summaries(IQueryable<Conference> query) =>
        query.Select(c => new ConferenceSummary(c.Slug, c.Title, c.Summary, c.StartDate, c.EndDate, c.City, c.Country == null ? null : c.Country.Name));
}
