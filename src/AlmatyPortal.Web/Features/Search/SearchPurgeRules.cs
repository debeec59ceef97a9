using AlmatyPortal.Web.Features.PageCache;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace AlmatyPortal.Web.Features.Search;

/// <summary>Any change to the search documents (an edit, a rebuild of the index) changes search results.</summary>
internal sealed class SearchPurgeRules : IPagePurgeRule
{
    public Task AddTagsAsync(DbContext db, IReadOnlyList<EntityEntry> changed, ISet<string> tags, CancellationToken ct)
    {
        if (changed.Any(e => e.Entity is SearchDocument))
        {
            tags.Add(PageTags.Search);
        }
        return Task.CompletedTask;
    }
}
