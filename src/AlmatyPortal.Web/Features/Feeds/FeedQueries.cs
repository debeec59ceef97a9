
namespace AlmatyPortal.Web.Features.Feeds;

/// <summary>The newest published articles with everything a feed item carries.</summary>
public sealed class FeedQueries(PortalDbContext db)
{
    public const int Size = 20;

    public async Task<IReadOnlyList<FeedItem>> LatestAsync(string language, IReadOnlyCollection<int>? sectionIds, int? tagId, CancellationToken ct)
    {
        var query = db.Articles.AsNoTracking().Where(a => a.Language == language && a.Status == PublicationStatus.Published);
        if (sectionIds is not null)
        {
            query = query.Where(a => sectionIds.Contains(a.SectionId));
        }
        if (tagId is { } id)
        {
            query = query.Where(a => a.Tags.Any(t => t.Id == id));
        }
        return await query.OrderByDescending(a => a.PublishAt).ThenByDescending(a => a.Id).Take(Size)
            .Select(a => new FeedItem(a.Id, a.Slug, a.Title, a.Summary, a.BodyHtml, a.PublishAt ?? a.CreatedAt, a.UpdatedAt, a.Section.Name,
                a.Tags.OrderBy(t => t.Name).Select(t => t.Name).ToList(),
                a.FeaturedImage == null ? null : new FeedImage(a.FeaturedImage.FileName, a.FeaturedImage.ContentType, a.FeaturedImage.Width, a.FeaturedImage.Height,
                    a.FeaturedImage.AltTranslations.Where(t => t.Language == language).Select(t => t.Text).FirstOrDefault() ?? a.FeaturedImage.AltText, a.FeaturedImage.Credit)))
            .ToListAsync(ct);
    }
}

/// <summary>
/// One entry of a feed: an article, or a line of a process's timeline, which carries its own absolute
/// <see cref="Link"/> and <see cref="EntryId"/> (an article's are made from its slug and id).
/// </summary>
public sealed record FeedItem(int Id, string Slug, string Title, string Summary, string BodyHtml, DateTime Published, DateTime Updated,
    string Section, IReadOnlyList<string> Tags, FeedImage? Image)
{
    public string? Link { get; init; }
    public string? EntryId { get; init; }
}

public sealed record FeedImage(string FileName, string ContentType, int Width, int Height, string AltText, string Credit);
