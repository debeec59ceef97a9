using AlmatyPortal.Web.Features.Conferences;
using AlmatyPortal.Web.Features.News;

namespace AlmatyPortal.Web.Features.Processes;

/// <summary>The reads behind the public process pages, and the links back to a process from its conferences and news.</summary>
public sealed class ProcessQueries(PortalDbContext db)
{
    /// <summary>A process's kind among an article's links and among a conference record's parts.</summary>
    internal const int ProcessLinkKind = 20;

    private IQueryable<Process> Public(string language) =>
        db.Processes.AsNoTracking().Where(p => p.Language == language && p.Status == PublicationStatus.Published);

    public async Task<IReadOnlyList<ProcessSummary>> ListAsync(string language, CancellationToken ct) =>
        await Public(language).OrderBy(p => p.Name).Select(p => new ProcessSummary(p.Slug, p.Name, p.Summary)).ToListAsync(ct);

    /// <summary>
    /// The process page in two queries: the record with its published translations, then its whole timeline as one list
    /// (meetings by role, the documents they adopted, and the news on the process or its meetings) in the page's language.
    /// </summary>
    public async Task<ProcessView?> ProcessAsync(string language, string slug, CancellationToken ct)
    {
        var row = await Public(language).Where(p => p.Slug == slug)
            .Select(p => new
            {
                p.Id, p.TranslationGroup, p.Language, p.Slug, p.Name, p.Summary, p.BodyHtml, p.UpdatedAt,
                Translations = db.Processes.Where(o => o.TranslationGroup == p.TranslationGroup).Select(o => new { o.Language, o.Slug, o.Status }).ToList(),
            })
            .AsSingleQuery()
            .FirstOrDefaultAsync(ct);
        if (row is null)
        {
            return null;
        }
        var parts = await TimelineQuery(row.TranslationGroup, language).ToListAsync(ct);
        var timeline = parts.Select(p => p.Kind switch
            {
                TimelineKind.Document => new TimelineEntry(p.Kind, p.End!.Value, p.Title, p.Summary ?? "", p.Slug, p.Id) { Context = p.City, Language = p.Language },
                TimelineKind.News => new TimelineEntry(p.Kind, DateOnly.FromDateTime(p.When!.Value), p.Title, p.Summary ?? "", SitePaths.Article(p.Slug!), p.Id) { PublishedAt = p.When, Language = p.Language },
                _ => new TimelineEntry(p.Kind, p.Start!.Value, p.Title, p.Summary ?? "", SitePaths.Conference(p.Slug!), p.Id)
                    { EndDate = p.End, City = p.City, CountryName = p.Country, Language = p.Language },
            })
            // A document comes after the meeting that adopted it, news after both on the same day.
            .OrderBy(e => e.Date).ThenBy(e => e.Kind == TimelineKind.News ? 2 : e.Kind == TimelineKind.Document ? 1 : 0).ThenBy(e => e.PublishedAt).ThenBy(e => e.Id)
            .ToList();
        return new ProcessView(row.Id, row.TranslationGroup, row.Language, row.Slug, row.Name, row.Summary, row.BodyHtml, row.UpdatedAt, timeline)
        {
            Translations = TranslationGroups.Addresses(row.Translations.Where(t => t.Status == PublicationStatus.Published).Select(t => (t.Language, t.Slug)), SitePaths.Processes + "/"),
        };
    }

    private IQueryable<Part> TimelineQuery(Guid group, string language)
    {
        var links = db.Set<ProcessConference>().Where(l => l.ProcessGroup == group);
        // Each meeting in the page's language; one not yet translated into it, in its original language, so the
        // timeline misses none of the process's meetings.
        var inLanguage = db.Conferences.Where(c => c.Language == language && c.Status == PublicationStatus.Published);
        var translated = inLanguage.Select(c => c.TranslationGroup);
        var untranslated = db.Conferences.Where(c => c.Language != language && c.Status == PublicationStatus.Published && c.TranslatedFromVersion == null
            && !translated.Contains(c.TranslationGroup));
        var meetings = inLanguage.Concat(untranslated)
            .Join(links, c => c.TranslationGroup, l => l.ConferenceGroup, (c, l) => new { Conference = c, l.Role });
        // A report belongs to the process in every language when any version of it reports on any version of a meeting.
        var anyMeetingIds = db.Conferences.Where(c => links.Any(l => l.ConferenceGroup == c.TranslationGroup)).Select(c => c.Id);
        var reportGroups = db.Set<Dictionary<string, object>>(ConferenceConfiguration.ArticleConferences)
            .Where(j => anyMeetingIds.Contains(EF.Property<int>(j, "ConferencesId")))
            .Join(db.Articles, j => EF.Property<int>(j, "ArticlesId"), a => a.Id, (j, a) => a.TranslationGroup);
        var namedGroups = db.Set<ProcessArticle>().Where(l => l.ProcessGroup == group).Select(l => l.ArticleGroup);
        return meetings.Where(m => m.Role == ProcessRole.Founding)
                .Select(m => new Part { Kind = TimelineKind.FoundingConference, Id = m.Conference.Id, Title = m.Conference.Title, Summary = m.Conference.Summary, Slug = m.Conference.Slug, Start = m.Conference.StartDate, End = m.Conference.EndDate, City = m.Conference.City, Country = m.Conference.Country == null ? null : m.Conference.Country.Name, When = null, Language = m.Conference.Language })
            .Concat(meetings.Where(m => m.Role == ProcessRole.FollowUp)
                .Select(m => new Part { Kind = TimelineKind.FollowUpConference, Id = m.Conference.Id, Title = m.Conference.Title, Summary = m.Conference.Summary, Slug = m.Conference.Slug, Start = m.Conference.StartDate, End = m.Conference.EndDate, City = m.Conference.City, Country = m.Conference.Country == null ? null : m.Conference.Country.Name, When = null, Language = m.Conference.Language }))
            .Concat(db.Set<OutcomeDocument>().Join(meetings, d => d.ConferenceId, m => m.Conference.Id, (d, m) => new { Document = d, m.Conference })
                .Select(x => new Part { Kind = TimelineKind.Document, Id = x.Document.Id, Title = x.Document.Title, Summary = x.Document.Description, Slug = x.Document.Url, Start = x.Conference.StartDate, End = x.Conference.EndDate, City = x.Conference.Title, Country = null, When = null, Language = x.Conference.Language }))
            .Concat(db.Articles.Where(a => a.Language == language && a.Status == PublicationStatus.Published
                    && (namedGroups.Contains(a.TranslationGroup) || reportGroups.Contains(a.TranslationGroup)))
                .Select(a => new Part { Kind = TimelineKind.News, Id = a.Id, Title = a.Title, Summary = a.Summary, Slug = a.Slug, Start = null, End = null, City = null, Country = null, When = a.PublishAt, Language = a.Language }));
    }

    /// <summary>One line of the timeline in a shape every kind fits, so all are read in one query.</summary>
    private sealed record Part
    {
        public TimelineKind Kind { get; init; }
        public int Id { get; init; }
        public string Title { get; init; } = "";
        public string? Summary { get; init; }
        /// <summary>A meeting's or article's slug; a document's address.</summary>
        public string? Slug { get; init; }
        public DateOnly? Start { get; init; }
        public DateOnly? End { get; init; }
        /// <summary>A meeting's city; for a document, the title of the meeting that adopted it.</summary>
        public string? City { get; init; }
        public string? Country { get; init; }
        public DateTime? When { get; init; }
        public string Language { get; init; } = "";
    }

    /// <summary>
    /// The process a conference belongs to, in the conference's language, if one is published: the first by name of those
    /// among the record's parts (<see cref="ProcessConferenceParts"/>).
    /// </summary>
    public static ProcessLink? OfConference(IEnumerable<ConferenceRecord.Part> parts) =>
        parts.Where(p => (int)p.Kind == ProcessLinkKind).OrderBy(p => p.A, StringComparer.Ordinal)
            .Select(p => new ProcessLink(p.Number, p.B!, p.A!)).FirstOrDefault();

    /// <summary>The processes among an article's links.</summary>
    public static IReadOnlyList<ProcessLink> Processes(IEnumerable<ArticleLink> links) =>
        links.Where(l => l.Kind == ProcessLinkKind).OrderBy(l => l.Title, StringComparer.Ordinal).Select(l => new ProcessLink(l.Id, l.Slug, l.Title)).ToList();
}
