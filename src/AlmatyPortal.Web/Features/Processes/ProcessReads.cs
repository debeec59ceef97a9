namespace AlmatyPortal.Web.Features.Processes;

/// <summary>
/// The process a conference page links to, compiled once so that a miss on the conference page does not look it up in
/// EF's query cache again. One per host, not static: a compiled query belongs to the model it first ran on (see
/// <see cref="News.ArticleReads"/>).
/// </summary>
public sealed class ProcessReads
{
    /// <summary>The first by name of the published processes in the language that the conference (by its translation group) belongs to.</summary>
    public Func<PortalDbContext, Guid, string, CancellationToken, Task<ProcessLink?>> OfConference { get; } =
        EF.CompileAsyncQuery((PortalDbContext db, Guid conferenceGroup, string language, CancellationToken ct) =>
            db.Processes.AsNoTracking().Where(p => p.Language == language && p.Status == PublicationStatus.Published)
                .Join(db.Set<ProcessConference>().Where(l => l.ConferenceGroup == conferenceGroup), p => p.TranslationGroup, l => l.ProcessGroup, (p, l) => p)
                .OrderBy(p => p.Name)
                .Select(p => new ProcessLink(p.Id, p.Slug, p.Name))
                .FirstOrDefault());
}
