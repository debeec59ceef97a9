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

    /// <summary>
    /// The conference page's record in two queries: the record with its published translations, then all its parts
    /// (organisations, speakers, countries, topics, documents, reports) as one list.
    /// </summary>
    public async Task<ConferenceView?> ConferenceAsync(string language, string slug, CancellationToken ct)
    {
        var row = await Public(language).Where(c => c.Slug == slug)
            .Select(c => new
            {
                c.Id, c.TranslationGroup, c.Language, c.Slug, c.Title, c.Summary, c.BodyHtml, c.City,
                CountryName = c.Country == null ? null : c.Country.Name, CountryIso = c.Country == null ? null : c.Country.IsoAlpha2,
                c.Venue, c.StartDate, c.EndDate, c.ParticipantCount, c.ParticipantCountQualifier, c.ParticipantLevel, c.FollowUpName, c.FollowUpDescription,
                // Filtered after reading, so the join uses the group's index (see NewsQueries.ArticleAsync).
                Translations = db.Conferences.Where(o => o.TranslationGroup == c.TranslationGroup).Select(o => new { o.Language, o.Slug, o.Status }).ToList(),
            })
            .AsSingleQuery()
            .FirstOrDefaultAsync(ct);
        if (row is null)
        {
            return null;
        }
        var id = row.Id;
        var parts = await db.Set<ConferenceOrganisation>().Where(o => o.ConferenceId == id)
                .Select(o => new Part { Kind = PartKind.Organisation, SortOrder = o.SortOrder, Number = o.OrganisationId, Role = o.Role, A = o.Organisation.Name, B = o.Organisation.Acronym, C = o.Organisation.Url, When = null })
            .Concat(db.Set<ConferenceSpeaker>().Where(s => s.ConferenceId == id)
                .Select(s => new Part { Kind = PartKind.Speaker, SortOrder = s.SortOrder, Number = s.PersonId, Role = null, A = s.Person.Name, B = s.Title, C = s.Session, When = null }))
            .Concat(db.Set<ConferenceCountry>().Where(x => x.ConferenceId == id)
                .Select(x => new Part { Kind = PartKind.Country, SortOrder = x.SortOrder, Number = x.CountryId, Role = null, A = x.Country.Name, B = null, C = null, When = null }))
            .Concat(db.Set<ConferenceTopic>().Where(t => t.ConferenceId == id)
                .Select(t => new Part { Kind = PartKind.Topic, SortOrder = t.SortOrder, Number = t.Id, Role = null, A = t.Text, B = null, C = null, When = null }))
            .Concat(db.Set<OutcomeDocument>().Where(d => d.ConferenceId == id)
                .Select(d => new Part { Kind = PartKind.Document, SortOrder = d.SortOrder, Number = d.Id, Role = null, A = d.Title, B = d.Description, C = d.Url, When = null }))
            .Concat(db.Conferences.Where(c => c.Id == id).SelectMany(c => c.Articles).Where(a => a.Status == PublicationStatus.Published)
                .Select(a => new Part { Kind = PartKind.Report, SortOrder = 0, Number = a.Id, Role = null, A = a.Title, B = a.Slug, C = a.Summary, When = a.PublishAt }))
            .ToListAsync(ct);
        IEnumerable<Part> Of(PartKind kind) => parts.Where(p => p.Kind == kind).OrderBy(p => p.SortOrder);
        return new ConferenceView(
            row.Id, row.TranslationGroup, row.Language, row.Slug, row.Title, row.Summary, row.BodyHtml,
            row.City, row.CountryName, row.CountryIso, row.Venue, row.StartDate, row.EndDate,
            row.ParticipantCount, row.ParticipantCountQualifier, row.ParticipantLevel, row.FollowUpName, row.FollowUpDescription,
            Of(PartKind.Organisation).Select(p => new OrganisationInRole(p.Number, p.Role!.Value, p.A!, p.B, p.C)).ToList(),
            Of(PartKind.Speaker).Select(p => new SpeakerView(p.A!, p.B ?? "", p.C)).ToList(),
            Of(PartKind.Country).Select(p => p.A!).ToList(),
            Of(PartKind.Topic).Select(p => p.A!).ToList(),
            Of(PartKind.Document).Select(p => new DocumentView(p.A!, p.B ?? "", p.C)).ToList(),
            parts.Where(p => p.Kind == PartKind.Report).OrderByDescending(p => p.When)
                .Select(p => new ArticleSummary(p.Number, p.B!, p.A!, p.C ?? "", p.When)).ToList())
        {
            Translations = Publishing.TranslationGroups.Addresses(
                row.Translations.Where(t => t.Status == PublicationStatus.Published).Select(t => (t.Language, t.Slug)), "/conferences/"),
        };
    }

    private enum PartKind
    {
        Organisation,
        Speaker,
        Country,
        Topic,
        Document,
        Report,
    }

    /// <summary>One part of a conference record, in a shape every kind of part fits, so all are read in one query.</summary>
    private sealed record Part
    {
        public PartKind Kind { get; init; }
        public int SortOrder { get; init; }
        public int Number { get; init; }
        /// <summary>An organisation's role; null in the other parts (a typed constant there is not a string to PostgreSQL).</summary>
        public OrganisationRole? Role { get; init; }
        public string? A { get; init; }
        public string? B { get; init; }
        public string? C { get; init; }
        public DateTime? When { get; init; }
    }

    /// <summary>The published conference records an article reports on, as links to read with the article's own.</summary>
    public IQueryable<ArticleLink> ReportedBy(int articleId) =>
        db.Set<Dictionary<string, object>>(ConferenceConfiguration.ArticleConferences).Where(j => EF.Property<int>(j, "ArticlesId") == articleId)
            .Join(db.Conferences.Where(c => c.Status == PublicationStatus.Published), j => EF.Property<int>(j, "ConferencesId"), c => c.Id, (j, c) => c)
            .Select(c => new ArticleLink { Kind = ReportLink, Id = c.Id, Slug = c.Slug, Title = c.Title, Language = null, StartDate = c.StartDate, EndDate = c.EndDate, City = c.City });

    /// <summary>The conferences among an article's links, earliest first.</summary>
    public static IReadOnlyList<ConferenceLink> Conferences(IEnumerable<ArticleLink> links) =>
        links.Where(l => l.Kind == ReportLink).OrderBy(l => l.StartDate)
            .Select(l => new ConferenceLink(l.Id, l.Slug, l.Title, l.StartDate!.Value, l.EndDate!.Value, l.City ?? "")).ToList();

    private const int ReportLink = 10;

    private static IQueryable<ConferenceSummary> Summaries(IQueryable<Conference> query) =>
        query.Select(c => new ConferenceSummary(c.Slug, c.Title, c.Summary, c.StartDate, c.EndDate, c.City, c.Country == null ? null : c.Country.Name));
}
