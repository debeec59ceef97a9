using AlmatyPortal.Web.Features.News;
using AlmatyPortal.Web.Features.PageCache;
using Microsoft.AspNetCore.OutputCaching;

namespace AlmatyPortal.Web.Pages.Sections;

[OutputCache(PolicyName = PublicPagePolicy.Name, VaryByQueryKeys = ["page"])]
public sealed class ShowModel(NewsQueries news) : PageModel
{
    public SectionNode Section { get; private set; } = null!;
    public IReadOnlyList<SectionNode> Path { get; private set; } = [];
    public IReadOnlyList<SectionNode> Children { get; private set; } = [];
    public ArticleListModel List { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string slug, [FromQuery] int page = 1, CancellationToken ct = default)
    {
        var sections = await news.SectionsAsync(ct);
        var section = sections.FirstOrDefault(s => s.Slug == slug);
        var list = section is null ? null
            : await news.PageAsync(HttpContext.Language(), ModelState.IsValid ? page : 0, SectionTree.WithDescendants(sections, section.Id), ct);
        if (section is null || list is null)
        {
            return NotFound();
        }
        Section = section;
        Path = SectionTree.PathTo(sections, section.Id);
        Children = sections.Where(s => s.ParentId == section.Id).ToList();
        List = new ArticleListModel(list, SitePaths.Section(section.Slug));
        HttpContext.TagPage([
            .. Path.Concat(Children).Select(s => PageTags.Section(s.Id)), .. PageTags.Names(Path.Concat(Children).Select(s => s.Name)),
            .. SectionTree.WithDescendants(sections, section.Id).Select(PageTags.SectionArticles)]);
        return Page();
    }
}
