using AlmatyPortal.Web.Features.News;
using AlmatyPortal.Web.Features.PageCache;
using Microsoft.AspNetCore.OutputCaching;

namespace AlmatyPortal.Web.Pages.News;

[OutputCache(PolicyName = PublicPagePolicy.Name, VaryByQueryKeys = ["page"])]
public sealed class IndexModel(NewsQueries news) : PageModel
{
    public ArticleListModel List { get; private set; } = null!;
    public IReadOnlyList<SectionNode> TopSections { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync([FromQuery] int page = 1, CancellationToken ct = default)
    {
        var list = await news.PageAsync(HttpContext.Language(), ModelState.IsValid ? page : 0, null, ct);
        if (list is null)
        {
            return NotFound();
        }
        List = new ArticleListModel(list, "/news");
        TopSections = (await news.SectionsAsync(ct)).Where(s => s.ParentId is null).ToList();
        HttpContext.TagPage([PageTags.News(HttpContext.Language()), PageTags.Sections, .. PageTags.Names(TopSections.Select(s => s.Name))]);
        return Page();
    }
}
