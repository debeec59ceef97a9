using AlmatyPortal.Web.Features.PageCache;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace AlmatyPortal.Web.Features.Media;

/// <summary>A saved image (its alt text, credit or licence) or one of its translated alt texts changes the pages that show it.</summary>
internal sealed class MediaPurgeRules : IPagePurgeRule
{
    public Task AddTagsAsync(DbContext db, IReadOnlyList<EntityEntry> changed, ISet<string> tags, CancellationToken ct)
    {
        foreach (var entry in changed)
        {
            var id = entry.Entity switch
            {
                MediaAsset => PurgeEntries.Id(entry),
                MediaAltText => PurgeEntries.Id(entry, nameof(MediaAltText.MediaAssetId)),
                _ => null,
            };
            if (id is { } asset)
            {
                tags.Add(PageTags.Media(asset));
            }
        }
        return Task.CompletedTask;
    }
}
