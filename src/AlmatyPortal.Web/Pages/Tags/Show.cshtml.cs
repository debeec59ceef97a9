using AlmatyPortal.Web.Features.News;
using AlmatyPortal.Web.Features.PageCache;
using Microsoft.AspNetCore.OutputCaching;

namespace AlmatyPortal.Web.Pages.Tags;

[OutputCache(PolicyName = PublicPagePolicy.Name, VaryByQueryKeys = ["page"])]
public sealed class ShowModel(NewsQueries news, IStringLocalizer<SharedResource> t) : PageModel
{
    public TagNode Tag { get; private set; } = null!;
    public ArticleListModel List { get; private set; } = null!;
    public PageMeta Meta { get; private set; } = null!;

    /// <summary>The same tag in the other languages, as links to their pages.</summary>
    public IReadOnlyList<TagTranslation> Translations { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string slug, [FromQuery] int page = 1, CancellationToken ct = default)
    {
        var tag = await news.TagAsync(slug, ct);
        var list = tag is null ? null : await news.TagPageAsync(HttpContext.Language(), ModelState.IsValid ? page : 0, tag.Id, ct);
        if (tag is null || list is null)
        {
            return NotFound();
        }
        Tag = tag;
        List = new ArticleListModel(list, SitePaths.Tag(tag.Slug));
        var language = HttpContext.Language();
        Translations = tag.Translations.Where(x => x.Language != language).ToList();
        // A linked tag is this page in its language; a language without one keeps the same tag under its prefix.
        Meta = new PageMeta
        {
            Alternates = tag.Translations.Count == 0 ? null : Languages.Supported.ToDictionary(l => l, l =>
                l == language ? SitePaths.In(l, SitePaths.Tag(tag.Slug))
                : tag.Translations.FirstOrDefault(x => x.Language == l) is { } other ? SitePaths.In(l, SitePaths.Tag(other.Slug))
                : SitePaths.In(l, SitePaths.Tag(tag.Slug))),
        };
        Meta.Feeds.Add((t["Tagged “{0}”", tag.Name].Value, SitePaths.TagFeed(tag.Slug)));
        HttpContext.TagPage([PageTags.Tag(tag.Id), PageTags.TagArticles(tag.Id), .. tag.Translations.Select(x => PageTags.Tag(x.Id))]);
        return Page();
    }
}
