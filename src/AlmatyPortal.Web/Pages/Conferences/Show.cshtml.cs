using AlmatyPortal.Web.Features.Conferences;
using AlmatyPortal.Web.Features.PageCache;
using Microsoft.AspNetCore.OutputCaching;

namespace AlmatyPortal.Web.Pages.Conferences;

[OutputCache(PolicyName = PublicPagePolicy.Name)]
public sealed class ShowModel(ConferenceQueries conferences, PageHeads heads) : PageModel
{
    public ConferenceView Conference { get; private set; } = null!;
    public Dictionary<string, string> Translations => Conference.Translations;
    public PageHead Head { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken ct)
    {
        var conference = await conferences.ConferenceAsync(HttpContext.Language(), slug, ct);
        if (conference is null)
        {
            return NotFound();
        }
        Conference = conference;
        Head = heads.ForConference(conference, HttpContext.Language(), Translations);
        HttpContext.TagPage([
            PageTags.ConferenceGroup(conference.TranslationGroup), PageTags.Conference(conference.Id),
            .. conference.Organisations.Select(o => PageTags.Organisation(o.Id)),
            .. conference.Reports.Select(r => PageTags.Article(r.Id)),
            .. PageTags.Names([conference.CountryName, .. conference.Countries, .. conference.Speakers.Select(s => s.Name),
                .. conference.Organisations.SelectMany(o => new[] { o.Name, o.Acronym })])]);
        return Page();
    }
}
