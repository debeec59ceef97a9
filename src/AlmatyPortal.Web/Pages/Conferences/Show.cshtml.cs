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

    /// <summary>The process the conference belongs to, if it is published in this language.</summary>
    public Features.Processes.ProcessLink? Process { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        var (slug, ct) = (this.Slug(), this.Aborted());
        var conference = await conferences.ConferenceAsync(HttpContext.Language(), slug, ct);
        if (conference is null)
        {
            return NotFound();
        }
        Conference = conference;
        Process = Features.Processes.ProcessQueries.OfConference(conference.Others);
        Head = heads.ForConference(conference, HttpContext.Language(), Translations, Process);
        HttpContext.TagPage([
            PageTags.ConferenceGroup(conference.TranslationGroup), PageTags.Conference(conference.Id),
            .. conference.Organisations.Select(o => PageTags.Organisation(o.Id)),
            .. conference.Reports.Select(r => PageTags.Article(r.Id)),
            .. Process is { } process ? [PageTags.Process(process.Id)] : Array.Empty<string>(),
            .. PageTags.Names([conference.CountryName, .. conference.Countries, .. conference.Speakers.Select(s => s.Name),
                .. conference.Organisations.SelectMany(o => new[] { o.Name, o.Acronym })])]);
        return Page();
    }
}
