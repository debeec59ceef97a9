using AlmatyPortal.Web.Features.Processes;

namespace AlmatyPortal.Web.Features.Content;

public sealed partial class ContentImporter
{
    private async Task ImportProcessAsync(ProcessFrontMatter meta, string body, string file, ImportReport report, CancellationToken ct)
    {
        Require(!string.IsNullOrWhiteSpace(meta.Name), "the process has no name");
        var language = Language(meta.Language, file);
        var slug = string.IsNullOrWhiteSpace(meta.Slug) ? Slug.From(meta.Name) : meta.Slug.Trim();
        RequireSlug(slug);
        var html = RenderOrThrow(body);
        var source = await TranslationSourceAsync(db.Processes, meta, language, "a process", ct);
        var namesLinks = meta.FoundingConference is not null || meta.FollowUpConferences is { Count: > 0 } || meta.News is { Count: > 0 };
        Require(source is null || !namesLinks, "a translation shares its meetings and news with the original: list them in the original's file");
        var meetings = new Dictionary<Guid, ProcessRole>();
        var named = (meta.FollowUpConferences ?? []).Select(s => (Slug: s, Role: ProcessRole.FollowUp)).ToList();
        if (!string.IsNullOrWhiteSpace(meta.FoundingConference))
        {
            named.Insert(0, (meta.FoundingConference, ProcessRole.Founding));
        }
        foreach (var (conferenceSlug, role) in named)
        {
            var group = await db.Conferences.Where(c => c.Slug == conferenceSlug).OrderBy(c => c.Language == language ? 0 : 1).Select(c => (Guid?)c.TranslationGroup).FirstOrDefaultAsync(ct)
                ?? throw new ContentException($"unknown conference '{conferenceSlug}' (name a conference by its slug)");
            Require(meetings.TryAdd(group, role), $"conference '{conferenceSlug}' is listed twice");
        }
        var news = new HashSet<Guid>();
        foreach (var articleSlug in meta.News ?? [])
        {
            var group = await db.Articles.Where(a => a.Slug == articleSlug).OrderBy(a => a.Language == language ? 0 : 1).Select(a => (Guid?)a.TranslationGroup).FirstOrDefaultAsync(ct)
                ?? throw new ContentException($"unknown article '{articleSlug}' (name an article by its slug)");
            Require(news.Add(group), $"article '{articleSlug}' is listed twice");
        }
        Claim("process", language, slug, file);

        var process = await db.Processes.FirstOrDefaultAsync(p => p.Language == language && p.Slug == slug, ct);
        var created = process is null;
        process ??= db.Processes.Add(new Process { Language = language, Slug = slug, CreatedAt = Now }).Entity;
        process.Name = meta.Name.Trim();
        process.Summary = (meta.Summary ?? "").Trim();
        process.Status = ParseStatus(meta.Status ?? "published");
        process.BodyMarkdown = body;
        process.BodyHtml = html;
        if (source is not null)
        {
            process.TranslationGroup = source.TranslationGroup;
        }
        var linksChanged = source is null && await LinkProcessAsync(process.TranslationGroup, meetings, news, ct);

        var changed = Changed(process) || linksChanged;
        if (source is not null && (created || changed))
        {
            process.TranslatedFromVersion = source.Version;
        }
        if (changed && !created)
        {
            process.UpdatedAt = Now;
            process.Version++;
        }
        else if (created)
        {
            process.UpdatedAt = process.CreatedAt;
        }
        report.Count(created, changed);
    }

    /// <summary>Makes a process's meetings and news those of its file; true when anything changed.</summary>
    private async Task<bool> LinkProcessAsync(Guid group, Dictionary<Guid, ProcessRole> meetings, HashSet<Guid> news, CancellationToken ct)
    {
        var links = await db.Set<ProcessConference>().Where(l => l.ProcessGroup == group).ToListAsync(ct);
        var named = await db.Set<ProcessArticle>().Where(l => l.ProcessGroup == group).ToListAsync(ct);
        if (links.Count == meetings.Count && links.All(l => meetings.GetValueOrDefault(l.ConferenceGroup, (ProcessRole)(-1)) == l.Role)
            && named.Count == news.Count && named.All(l => news.Contains(l.ArticleGroup)))
        {
            return false;
        }
        db.RemoveRange(links.Where(l => !meetings.ContainsKey(l.ConferenceGroup)));
        foreach (var (conferenceGroup, role) in meetings)
        {
            if (links.FirstOrDefault(l => l.ConferenceGroup == conferenceGroup) is { } link)
            {
                link.Role = role;
            }
            else
            {
                db.Add(new ProcessConference { ProcessGroup = group, ConferenceGroup = conferenceGroup, Role = role });
            }
        }
        db.RemoveRange(named.Where(l => !news.Contains(l.ArticleGroup)));
        db.AddRange(news.Where(g => named.All(l => l.ArticleGroup != g)).Select(g => new ProcessArticle { ProcessGroup = group, ArticleGroup = g }));
        return true;
    }
}
