using AlmatyPortal.Web.Features.News;

namespace AlmatyPortal.Web.Pages.News;

public sealed class IndexModel(NewsQueries news) : PageModel
{
    public ArticleListModel List { get; private set; } = null!;
    public IReadOnlyList<SectionNode> TopSections { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync([FromQuery] int page = 1, CancellationToken ct = default)
    {
        var list = await news.PageAsync(HttpContext.Language(), ModelState.IsValid ? page : 0, null, null, ct);
        if (list is null)
        {
            return NotFound();
        }
        List = new ArticleListModel(list, "/news");
        TopSections = (await news.SectionsAsync(ct)).Where(s => s.ParentId is null).ToList();
        return Page();
    }
}
