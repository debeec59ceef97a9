using AlmatyPortal.Web.Features.News;

namespace AlmatyPortal.Web.Features.Conferences;

/// <summary>The reads behind the public conference pages.</summary>
public sealed class ConferenceQueries(PortalDbContext db, ConferenceLists lists, ConferenceRecord record)
{
    /// <summary>Conferences that have not yet ended, soonest first (all of them when count is null).</summary>
    public async Task<IReadOnlyList<ConferenceSummary>> UpcomingAsync(string language, DateOnly today, int? count, CancellationToken ct) =>
        await lists.Upcoming(db, language, today, count ?? int.MaxValue).ToListAsync(ct);

    /// <summary>Conferences that have ended, latest first (all of them when count is null).</summary>
    public async Task<IReadOnlyList<ConferenceSummary>> PastAsync(string language, DateOnly today, int? count, CancellationToken ct) =>
        await lists.Past(db, language, today, count ?? int.MaxValue).ToListAsync(ct);

    /// <summary>
    /// The conference page's record in two queries: the record with its published translations, then all its parts
    /// (organisations, speakers, countries, topics, documents, reports) as one list. The parts other features keep (the
    /// process it belongs to) are put on the view as they were read, for those features to read.
    /// </summary>
    public async Task<ConferenceView?> ConferenceAsync(string language, string slug, CancellationToken ct)
    {
        var row = await record.ReadAsync(db, language, slug, ct);
        if (row is null)
        {
            return null;
        }
        var parts = await record.PartsAsync(db, row, ct);
        IEnumerable<ConferenceRecord.Part> Of(ConferenceRecord.PartKind kind) => parts.Where(p => p.Kind == kind).OrderBy(p => p.SortOrder);
        return new ConferenceView(
            row.Id, row.TranslationGroup, row.Language, row.Slug, row.Title, row.Summary, row.BodyHtml,
            row.City, row.CountryName, row.CountryIso, row.Venue, row.StartDate, row.EndDate,
            row.ParticipantCount, row.ParticipantCountQualifier, row.ParticipantLevel, row.FollowUpName, row.FollowUpDescription,
            Of(ConferenceRecord.PartKind.Organisation).Select(p => new OrganisationInRole(p.Number, p.Role!.Value, p.A!, p.B, p.C)).ToList(),
            Of(ConferenceRecord.PartKind.Speaker).Select(p => new SpeakerView(p.A!, p.B ?? "", p.C)).ToList(),
            Of(ConferenceRecord.PartKind.Country).Select(p => p.A!).ToList(),
            Of(ConferenceRecord.PartKind.Topic).Select(p => p.A!).ToList(),
            Of(ConferenceRecord.PartKind.Document).Select(p => new DocumentView(p.A!, p.B ?? "", p.C)).ToList(),
            parts.Where(p => p.Kind == ConferenceRecord.PartKind.Report).OrderByDescending(p => p.When)
                .Select(p => new ArticleSummary(p.Number, p.B!, p.A!, p.C ?? "", p.When)).ToList())
        {
            Translations = Publishing.TranslationGroups.Addresses(
                row.Translations.Select(t => (t.Language, t.Slug)), "/conferences/"),
            Others = parts.Where(p => p.Kind > ConferenceRecord.PartKind.Report).ToList(),
        };
    }

    /// <summary>The conferences among an article's links, earliest first.</summary>
    public static IReadOnlyList<ConferenceLink> Conferences(IEnumerable<ArticleLink> links) =>
        links.Where(l => l.Kind == ReportLink).OrderBy(l => l.StartDate)
            .Select(l => new ConferenceLink(l.Id, l.Slug, l.Title, l.StartDate!.Value, l.EndDate!.Value, l.City ?? "")).ToList();

    internal const int ReportLink = 10;
}
