
namespace AlmatyPortal.Web.Features.Conferences;

/// <summary>
/// Language versions of a conference record: starts a translation as a linked draft copied from the source, and finds
/// stale ones. As for articles, the source is the group's original, in whichever language it was written.
/// </summary>
public sealed class ConferenceTranslations(PortalDbContext db, OfficeClock clock)
{
    public async Task<int?> StartAsync(int sourceId, string language, CancellationToken ct = default)
    {
        var source = await db.Conferences.AsNoTracking()
            .Include(c => c.Organisations).Include(c => c.Speakers).Include(c => c.Countries).Include(c => c.Topics).Include(c => c.Documents)
            .FirstOrDefaultAsync(c => c.Id == sourceId, ct);
        if (source is null || source.TranslatedFromVersion is not null || !Languages.IsSupported(language) || language == source.Language)
        {
            return null;
        }
        var existing = await db.Conferences.Where(c => c.TranslationGroup == source.TranslationGroup && c.Language == language).Select(c => (int?)c.Id).FirstOrDefaultAsync(ct);
        if (existing is not null)
        {
            return existing;
        }
        var slug = await TranslationGroups.FreeSlugAsync(db.Conferences, language, source.Slug, ct);
        var now = clock.UtcNow;
        var translation = new Conference
        {
            Language = language, TranslationGroup = source.TranslationGroup, TranslatedFromVersion = source.Version, Slug = slug,
            Title = source.Title, Summary = source.Summary, City = source.City, CountryId = source.CountryId, Venue = source.Venue,
            StartDate = source.StartDate, EndDate = source.EndDate, ParticipantCount = source.ParticipantCount,
            ParticipantCountQualifier = source.ParticipantCountQualifier, ParticipantLevel = source.ParticipantLevel,
            BodyMarkdown = source.BodyMarkdown, BodyHtml = source.BodyHtml, FollowUpName = source.FollowUpName,
            FollowUpDescription = source.FollowUpDescription, Status = PublicationStatus.Draft, CreatedAt = now, UpdatedAt = now, Version = 1,
            Organisations = source.Organisations.Select(o => new ConferenceOrganisation { OrganisationId = o.OrganisationId, Role = o.Role, SortOrder = o.SortOrder }).ToList(),
            Speakers = source.Speakers.Select(s => new ConferenceSpeaker { PersonId = s.PersonId, Title = s.Title, Session = s.Session, SortOrder = s.SortOrder }).ToList(),
            Countries = source.Countries.Select(c => new ConferenceCountry { CountryId = c.CountryId, SortOrder = c.SortOrder }).ToList(),
            Topics = source.Topics.Select(t => new ConferenceTopic { Text = t.Text, SortOrder = t.SortOrder }).ToList(),
            Documents = source.Documents.Select(d => new OutcomeDocument { Title = d.Title, Description = d.Description, Url = d.Url, SortOrder = d.SortOrder }).ToList(),
        };
        db.Conferences.Add(translation);
        await db.SaveChangesAsync(ct);
        return translation.Id;
    }

    /// <summary>The other language versions (language → id) and, for a translation, whether its source moved on since.</summary>
    public async Task<(Dictionary<string, int> Others, int? SourceId, bool OutOfDate)> StateAsync(int id, CancellationToken ct)
    {
        var self = await db.Conferences.AsNoTracking().Where(c => c.Id == id).Select(c => new { c.TranslationGroup, c.TranslatedFromVersion }).FirstOrDefaultAsync(ct);
        if (self is null)
        {
            return ([], null, false);
        }
        return await TranslationGroups.StateAsync(db.Conferences, self.TranslationGroup, self.TranslatedFromVersion, id, ct);
    }

    /// <summary>Conference translations whose source changed since they were last brought in step.</summary>
    public async Task<IReadOnlyList<(int Id, string Title, string Language)>> OutOfDateAsync(CancellationToken ct) =>
        (await TranslationGroups.Behind(db.Conferences)
            .Select(x => new { x.Translation.Id, x.Translation.Title, x.Translation.Language }).ToListAsync(ct))
        .Select(x => (x.Id, x.Title, x.Language)).ToList();
}
