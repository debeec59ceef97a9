using AlmatyPortal.Web.Features.Conferences;
using AlmatyPortal.Web.Features.PageCache;
using Microsoft.AspNetCore.OutputCaching;

namespace AlmatyPortal.Web.Pages.Conferences;

[OutputCache(PolicyName = PublicPagePolicy.Name)]
public sealed class IndexModel(ConferenceQueries conferences, OfficeClock clock) : PageModel
{
    public IReadOnlyList<ConferenceSummary> Upcoming { get; private set; } = [];
    public IReadOnlyList<IGrouping<int, ConferenceSummary>> PastByYear { get; private set; } = [];

    public async Task OnGetAsync()
    {
        var ct = this.Aborted();
        Upcoming = await conferences.UpcomingAsync(HttpContext.Language(), clock.Today, null, ct);
        var past = await conferences.PastAsync(HttpContext.Language(), clock.Today, null, ct);
        PastByYear = past.GroupBy(c => c.StartDate.Year).ToList();
        HttpContext.TagPage([PageTags.Conferences(HttpContext.Language()), .. PageTags.Names(Upcoming.Concat(past).Select(c => c.CountryName))]);
    }
}
