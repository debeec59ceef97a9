using AlmatyPortal.Web.Features.Conferences;

namespace AlmatyPortal.Web.Pages.Conferences;

public sealed class ShowModel(ConferenceQueries conferences, PageHeads heads) : PageModel
{
    public ConferenceView Conference { get; private set; } = null!;
    public Dictionary<string, string> Translations { get; private set; } = [];
    public PageHead Head { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken ct)
    {
        var conference = await conferences.ConferenceAsync(HttpContext.Language(), slug, ct);
        if (conference is null)
        {
            return NotFound();
        }
        Conference = conference;
        Translations = await conferences.TranslationsAsync(conference.TranslationGroup, ct);
        Head = heads.ForConference(conference, HttpContext.Language(), Translations);
        return Page();
    }
}
