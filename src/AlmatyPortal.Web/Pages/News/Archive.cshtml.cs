using System.Globalization;
using AlmatyPortal.Web.Features.News;
using AlmatyPortal.Web.Features.PageCache;
using Microsoft.AspNetCore.OutputCaching;

namespace AlmatyPortal.Web.Pages.News;

[OutputCache(PolicyName = PublicPagePolicy.Name, VaryByQueryKeys = ["page"])]
public sealed class ArchiveModel(NewsQueries news, OfficeClock clock) : PageModel
{
    public int? Year { get; private set; }
    public int? Month { get; private set; }
    public IReadOnlyList<(int Year, int Month, int Count)> Months { get; private set; } = [];
    public ArticleListModel? List { get; private set; }

    public string Heading => Year is null ? "Archive"
        : Month is { } m ? CultureInfo.CurrentCulture.DateTimeFormat.GetMonthName(m) + " " + Year.Value.ToString(CultureInfo.InvariantCulture) : Year.Value.ToString(CultureInfo.InvariantCulture);

    public async Task<IActionResult> OnGetAsync(int? year, int? month, [FromQuery] int page = 1, CancellationToken ct = default)
    {
        Months = await news.ArchiveMonthsAsync(HttpContext.Language(), ct);
        HttpContext.TagPage(PageTags.News(HttpContext.Language()));
        if (year is null)
        {
            return Page();
        }
        if (year is < 1900 or > 2200 || month is < 1 or > 12)
        {
            return NotFound();
        }
        var first = new DateTime(year.Value, month ?? 1, 1);
        var next = month is null ? first.AddYears(1) : first.AddMonths(1);
        // The months' first instants as the month counts see them (OfficeClock.ToLocal), also where the clock skips a midnight.
        var list = await news.PageAsync(HttpContext.Language(), ModelState.IsValid ? page : 0, null, ct,
            clock.MonthStartUtc(first.Year, first.Month), clock.MonthStartUtc(next.Year, next.Month));
        if (list is null || list.Total == 0)
        {
            return NotFound();
        }
        (Year, Month) = (year, month);
        List = new ArticleListModel(list, month is null ? $"/news/archive/{year}" : $"/news/archive/{year}/{month:00}");
        return Page();
    }
}
