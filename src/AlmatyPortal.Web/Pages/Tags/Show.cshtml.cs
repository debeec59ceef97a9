using AlmatyPortal.Web.Features.News;
using AlmatyPortal.Web.Features.PageCache;
using Microsoft.AspNetCore.OutputCaching;

namespace AlmatyPortal.Web.Pages.Tags;

[OutputCache(PolicyName = PublicPagePolicy.Name, VaryByQueryKeys = ["page"])]
public sealed class ShowModel(NewsQueries news) : PageModel
{
    public TagNode Tag { get; private set; } = null!;
    public ArticleListModel List { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string slug, [FromQuery] int page = 1, CancellationToken ct = default)
    {
        var tag = await news.TagAsync(slug, ct);
        var list = tag is null ? null : await news.PageAsync(HttpContext.Language(), ModelState.IsValid ? page : 0, null, tag.Id, ct);
        if (tag is null || list is null)
        {
            return NotFound();
        }
        Tag = tag;
        List = new ArticleListModel(list, SitePaths.Tag(tag.Slug));
        HttpContext.TagPage(PageTags.Tag(tag.Id), PageTags.TagArticles(tag.Id));
        return Page();
    }
}
