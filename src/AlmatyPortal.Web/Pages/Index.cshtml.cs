using AlmatyPortal.Web.Features.Conferences;
using AlmatyPortal.Web.Features.News;
using AlmatyPortal.Web.Features.PageCache;
using Microsoft.AspNetCore.OutputCaching;

namespace AlmatyPortal.Web.Pages;

[OutputCache(PolicyName = PublicPagePolicy.Name)]
public sealed class IndexModel(NewsQueries news, ConferenceQueries conferences, OfficeClock clock) : PageModel
{
    public IReadOnlyList<ArticleSummary> Latest { get; private set; } = [];
    public IReadOnlyList<ConferenceSummary> Upcoming { get; private set; } = [];
    public IReadOnlyList<ConferenceSummary> Recent { get; private set; } = [];

    public async Task OnGetAsync()
    {
        var ct = this.Aborted();
        Latest = await news.LatestAsync(HttpContext.Language(), 5, ct);
        Upcoming = await conferences.UpcomingAsync(HttpContext.Language(), clock.Today, 3, ct);
        Recent = await conferences.PastAsync(HttpContext.Language(), clock.Today, 3, ct);
        HttpContext.TagPage([PageTags.News(HttpContext.Language()), PageTags.Conferences(HttpContext.Language()),
            .. PageTags.Names(Upcoming.Concat(Recent).Select(c => c.CountryName))]);
    }
}
