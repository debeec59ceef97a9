namespace AlmatyPortal.Web.Features.Conferences;

/// <summary>
/// The conference page's two reads, compiled once so that a reader's miss does not translate them again: the record with
/// its translations, then every part of it (organisations, speakers, countries, topics, documents, reports) as one list.
/// One per host, not static: a compiled query belongs to the model it first ran on (see <see cref="News.ArticleReads"/>).
/// </summary>
public sealed class ConferenceRecord
{
    public Func<PortalDbContext, string, string, CancellationToken, Task<Row?>> Read { get; } =
        EF.CompileAsyncQuery((PortalDbContext db, string language, string slug, CancellationToken ct) =>
            db.Conferences.AsNoTracking().Where(c => c.Language == language && c.Status == PublicationStatus.Published && c.Slug == slug)
                .Select(c => new Row
                {
                    Id = c.Id, TranslationGroup = c.TranslationGroup, Language = c.Language, Slug = c.Slug, Title = c.Title, Summary = c.Summary,
                    BodyHtml = c.BodyHtml, City = c.City,
                    CountryName = c.Country == null ? null : c.Country.Name, CountryIso = c.Country == null ? null : c.Country.IsoAlpha2,
                    Venue = c.Venue, StartDate = c.StartDate, EndDate = c.EndDate, ParticipantCount = c.ParticipantCount,
                    ParticipantCountQualifier = c.ParticipantCountQualifier, ParticipantLevel = c.ParticipantLevel,
                    FollowUpName = c.FollowUpName, FollowUpDescription = c.FollowUpDescription,
                    // Filtered after reading, so the join uses the group's index (see NewsQueries.ArticleAsync).
                    Translations = db.Conferences.Where(o => o.TranslationGroup == c.TranslationGroup)
                        .Select(o => new Version { Language = o.Language, Slug = o.Slug, Status = o.Status }).ToList(),
                })
                .AsSingleQuery()
                .FirstOrDefault());

    public Func<PortalDbContext, int, IAsyncEnumerable<Part>> Parts { get; } =
        EF.CompileAsyncQuery((PortalDbContext db, int id) =>
            db.Set<ConferenceOrganisation>().Where(o => o.ConferenceId == id)
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
                .Select(a => new Part { Kind = PartKind.Report, SortOrder = 0, Number = a.Id, Role = null, A = a.Title, B = a.Slug, C = a.Summary, When = a.PublishAt })));

    public sealed class Row
    {
        public int Id { get; init; }
        public Guid TranslationGroup { get; init; }
        public string Language { get; init; } = "";
        public string Slug { get; init; } = "";
        public string Title { get; init; } = "";
        public string Summary { get; init; } = "";
        public string BodyHtml { get; init; } = "";
        public string City { get; init; } = "";
        public string? CountryName { get; init; }
        public string? CountryIso { get; init; }
        public string? Venue { get; init; }
        public DateOnly StartDate { get; init; }
        public DateOnly EndDate { get; init; }
        public int? ParticipantCount { get; init; }
        public CountQualifier ParticipantCountQualifier { get; init; }
        public string? ParticipantLevel { get; init; }
        public string? FollowUpName { get; init; }
        public string? FollowUpDescription { get; init; }
        public List<Version> Translations { get; init; } = [];
    }

    public sealed class Version
    {
        public string Language { get; init; } = "";
        public string Slug { get; init; } = "";
        public PublicationStatus Status { get; init; }
    }

    public enum PartKind
    {
        Organisation,
        Speaker,
        Country,
        Topic,
        Document,
        Report,
    }

    /// <summary>One part of a conference record, in a shape every kind of part fits, so all are read in one query.</summary>
    public sealed record Part
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
}
