using AlmatyPortal.Web.Features.PageCache;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace AlmatyPortal.Web.Features.Organisations;

/// <summary>A renamed organisation (its name, acronym or address) changes the pages that print it.</summary>
internal sealed class OrganisationPurgeRules : IPagePurgeRule
{
    public Task AddTagsAsync(DbContext db, IReadOnlyList<EntityEntry> changed, ISet<string> tags, CancellationToken ct)
    {
        foreach (var entry in changed.Where(e => e.Entity is Organisation))
        {
            if (PurgeEntries.Id(entry) is { } id)
            {
                tags.Add(PageTags.Organisation(id));
            }
        }
        return Task.CompletedTask;
    }
}
