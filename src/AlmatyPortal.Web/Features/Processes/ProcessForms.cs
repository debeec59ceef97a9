namespace AlmatyPortal.Web.Features.Processes;

/// <summary>The reads behind the admin process pages, and the start of a translation.</summary>
public sealed class ProcessForms(PortalDbContext db, OfficeClock clock)
{
    public async Task<ProcessState?> LoadAsync(int id, CancellationToken ct)
    {
        var p = await db.Processes.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (p is null)
        {
            return null;
        }
        var links = await db.Set<ProcessConference>().AsNoTracking().Where(l => l.ProcessGroup == p.TranslationGroup)
            .Join(db.Conferences, l => l.ConferenceGroup, c => c.TranslationGroup, (l, c) => new { l.Role, l.ConferenceGroup, c.Id, c.Language, c.TranslatedFromVersion })
            .ToListAsync(ct);
        var articleGroups = db.Set<ProcessArticle>().Where(l => l.ProcessGroup == p.TranslationGroup).Select(l => l.ArticleGroup);
        var articles = await db.Articles.AsNoTracking().Where(a => articleGroups.Contains(a.TranslationGroup))
            .Select(a => new { a.Id, a.TranslationGroup, a.Language, a.TranslatedFromVersion }).ToListAsync(ct);
        // Each linked group is shown by its version in this record's language, else by its original.
        int Pick<T>(IEnumerable<T> members, Func<T, int> id, Func<T, string> language, Func<T, int?> translatedFrom) =>
            id(members.OrderBy(m => language(m) == p.Language ? 0 : translatedFrom(m) is null ? 1 : 2).First());
        var input = new ProcessInput
        {
            Id = p.Id, Version = p.Version, Language = p.Language, Name = p.Name, Slug = p.Slug, Summary = p.Summary, Body = p.BodyMarkdown,
            FoundingConference = links.Where(l => l.Role == ProcessRole.Founding).GroupBy(l => l.ConferenceGroup)
                .Select(g => (int?)Pick(g, l => l.Id, l => l.Language, l => l.TranslatedFromVersion)).FirstOrDefault(),
            FollowUpConferences = [.. links.Where(l => l.Role == ProcessRole.FollowUp).GroupBy(l => l.ConferenceGroup)
                .Select(g => Pick(g, l => l.Id, l => l.Language, l => l.TranslatedFromVersion))],
            Articles = [.. articles.GroupBy(a => a.TranslationGroup).Select(g => Pick(g, a => a.Id, a => a.Language, a => a.TranslatedFromVersion))],
        };
        return new ProcessState(input, p.Status, p.Slug, p.Language, p.TranslationGroup, p.TranslatedFromVersion);
    }

    public async Task<ProcessChoices> ChoicesAsync(CancellationToken ct) => new(
        await db.Conferences.AsNoTracking().OrderByDescending(c => c.StartDate).Select(c => new ProcessChoice(c.Id, c.Title, c.Language, c.StartDate)).ToListAsync(ct),
        await db.Articles.AsNoTracking().OrderByDescending(a => a.PublishAt).Take(300).Select(a => new ProcessChoice(a.Id, a.Title, a.Language, null)).ToListAsync(ct));

    public async Task<IReadOnlyList<ProcessRow>> ListAsync(CancellationToken ct) =>
        await db.Processes.AsNoTracking().OrderBy(p => p.Name).Select(p => new ProcessRow(p.Id, p.Name, p.Slug, p.Language, p.Status)).ToListAsync(ct);

    /// <summary>The other language versions (language → id) and, for a translation, its source's id and whether it moved on since.</summary>
    public Task<(Dictionary<string, int> Others, int? SourceId, bool OutOfDate)> TranslationStateAsync(ProcessState state, int id, CancellationToken ct) =>
        TranslationGroups.StateAsync(db.Processes, state.TranslationGroup, state.TranslatedFromVersion, id, ct);

    /// <summary>Creates (or finds) the translation of an original process record into another language; returns its id.</summary>
    public async Task<int?> TranslateAsync(int sourceId, string language, CancellationToken ct)
    {
        var source = await db.Processes.AsNoTracking().FirstOrDefaultAsync(p => p.Id == sourceId, ct);
        if (source is null || source.TranslatedFromVersion is not null || !Languages.IsSupported(language) || language == source.Language)
        {
            return null;
        }
        var existing = await db.Processes.Where(p => p.TranslationGroup == source.TranslationGroup && p.Language == language).Select(p => (int?)p.Id).FirstOrDefaultAsync(ct);
        if (existing is not null)
        {
            return existing;
        }
        var now = clock.UtcNow;
        var translation = new Process
        {
            Language = language, TranslationGroup = source.TranslationGroup, TranslatedFromVersion = source.Version,
            Slug = await TranslationGroups.FreeSlugAsync(db.Processes, language, source.Slug, ct),
            Name = source.Name, Summary = source.Summary, BodyMarkdown = source.BodyMarkdown, BodyHtml = source.BodyHtml,
            Status = PublicationStatus.Draft, CreatedAt = now, UpdatedAt = now, Version = 1,
        };
        db.Processes.Add(translation);
        await db.SaveChangesAsync(ct);
        return translation.Id;
    }
}

/// <summary>A process record as its editor opens it.</summary>
public sealed record ProcessState(ProcessInput Input, PublicationStatus Status, string Slug, string Language, Guid TranslationGroup, int? TranslatedFromVersion);

/// <summary>A conference or article a process can link, with its language (and a conference's first day).</summary>
public sealed record ProcessChoice(int Id, string Title, string Language, DateOnly? StartDate);

public sealed record ProcessChoices(IReadOnlyList<ProcessChoice> Conferences, IReadOnlyList<ProcessChoice> Articles);

public sealed record ProcessRow(int Id, string Name, string Slug, string Language, PublicationStatus Status);
