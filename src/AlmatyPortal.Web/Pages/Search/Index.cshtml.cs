using AlmatyPortal.Web.Features.News;
using AlmatyPortal.Web.Features.Search;
using AlmatyPortal.Web.Features.PageCache;
using Microsoft.AspNetCore.OutputCaching;

namespace AlmatyPortal.Web.Pages.Search;

[OutputCache(PolicyName = PublicPagePolicy.Name, VaryByQueryKeys = ["q", "section", "tag", "year", "page"])]
public sealed class IndexModel(SearchQueries search, NewsQueries news, IOptions<PortalOptions> options) : PageModel
{
    [FromQuery(Name = "q")] public string? Query { get; set; }
    [FromQuery(Name = "section")] public string? Section { get; set; }
    [FromQuery(Name = "tag")] public string? Tag { get; set; }
    [FromQuery(Name = "year")] public string? Year { get; set; }
    [FromQuery(Name = "page")] public string? PageNumber { get; set; }

    public SearchResults? Results { get; private set; }
    public IReadOnlyList<SectionNode> Sections { get; private set; } = [];
    public IReadOnlyList<int> Years { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync()
    {
        var ct = this.Aborted();
        if ((Query?.Length ?? 0) > SearchQueries.MaxQueryLength || (Tag?.Length ?? 0) > 120 || (Section?.Length ?? 0) > 120)
        {
            return BadRequest();
        }
        Sections = await news.SectionsAsync(ct);
        Years = await search.YearsAsync(HttpContext.Language(), ct);
        HttpContext.TagPage([PageTags.Search, PageTags.News(HttpContext.Language()), PageTags.Sections, .. PageTags.Names(Sections.Select(s => s.Name))]);
        if (string.IsNullOrWhiteSpace(Query))
        {
            return Page();
        }
        var section = Sections.FirstOrDefault(s => s.Slug == Section);
        var request = new SearchRequest(HttpContext.Language(), Query,
            section is null ? null : SectionTree.WithDescendants(Sections, section.Id),
            string.IsNullOrWhiteSpace(Tag) ? null : Tag.Trim().ToLowerInvariant(),
            int.TryParse(Year, out var year) ? year : null,
            int.TryParse(PageNumber, out var page) ? page : 1);
        Results = await search.SearchAsync(request, options.Value.PageSize, ct);
        return Page();
    }

    public string PageUrl(int page) =>
        QueryString.Create(new Dictionary<string, string?> { ["q"] = Query, ["section"] = Section, ["tag"] = Tag, ["year"] = Year, ["page"] = page.ToString(System.Globalization.CultureInfo.InvariantCulture) }
            .Where(p => !string.IsNullOrEmpty(p.Value))).ToUriComponent() is var qs ? "/search" + qs : "/search";
}
