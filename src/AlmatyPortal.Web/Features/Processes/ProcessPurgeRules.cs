using AlmatyPortal.Web.Features.PageCache;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace AlmatyPortal.Web.Features.Processes;

/// <summary>Which cached pages a saved process record or a changed link between a process and its meetings or news changes.</summary>
internal sealed class ProcessPurgeRules : IPagePurgeRule
{
    public async Task AddTagsAsync(DbContext db, IReadOnlyList<EntityEntry> changed, ISet<string> tags, CancellationToken ct)
    {
        var conferenceGroups = new HashSet<Guid>();
        var processGroups = new HashSet<Guid>();
        foreach (var entry in changed)
        {
            switch (entry.Entity)
            {
                case Process:
                    if (PurgeEntries.Id(entry) is { } id)
                    {
                        // Its page, and the conference and article pages that link back to it.
                        tags.Add(PageTags.Process(id));
                    }
                    tags.UnionWith(PurgeEntries.Values<Guid>(entry, nameof(Process.TranslationGroup)).Select(PageTags.ProcessGroup));
                    processGroups.UnionWith(PurgeEntries.Values<Guid>(entry, nameof(Process.TranslationGroup)));
                    tags.UnionWith(PurgeEntries.Values<string>(entry, nameof(Process.Language)).Select(PageTags.Processes));
                    break;
                case ProcessConference link:
                    tags.Add(PageTags.ProcessGroup(link.ProcessGroup));
                    conferenceGroups.Add(link.ConferenceGroup);
                    break;
                case ProcessArticle link:
                    tags.Add(PageTags.ProcessGroup(link.ProcessGroup));
                    tags.Add(PageTags.ArticleGroup(link.ArticleGroup));
                    break;
            }
        }
        if (processGroups.Count > 0)
        {
            // A process published, renamed or withdrawn changes the links back to it on its meetings' and news pages.
            conferenceGroups.UnionWith(await db.Set<ProcessConference>().AsNoTracking().Where(l => processGroups.Contains(l.ProcessGroup)).Select(l => l.ConferenceGroup).ToListAsync(ct));
            tags.UnionWith((await db.Set<ProcessArticle>().AsNoTracking().Where(l => processGroups.Contains(l.ProcessGroup)).Select(l => l.ArticleGroup).ToListAsync(ct))
                .Select(PageTags.ArticleGroup));
        }
        if (conferenceGroups.Count > 0)
        {
            // A meeting joining or leaving a process changes its page and the pages of the news reporting on it.
            var ids = await db.Set<Conferences.Conference>().AsNoTracking().Where(c => conferenceGroups.Contains(c.TranslationGroup)).Select(c => c.Id).ToListAsync(ct);
            tags.UnionWith(ids.Select(PageTags.Conference));
        }
    }
}
