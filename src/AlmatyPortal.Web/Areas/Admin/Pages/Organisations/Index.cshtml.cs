using AlmatyPortal.Web.Features.Organisations;

namespace AlmatyPortal.Web.Areas.Admin.Pages.Organisations;

public sealed class IndexModel(OrganisationDirectory organisations, IStringLocalizer<SharedResource> t) : PageModel
{
    public IReadOnlyList<Organisation> Organisations { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Organisations = await organisations.OrganisationsAsync(ct);

    public async Task<IActionResult> OnPostSaveAsync(int? id, string? name, string? acronym, string? url,
        [FromForm(Name = "nameIn")] Dictionary<string, string?> nameIn, [FromForm(Name = "acronymIn")] Dictionary<string, string?> acronymIn, CancellationToken ct)
    {
        TempData["Notice"] = await organisations.SaveOrganisationAsync(id, name, acronym, url, nameIn, acronymIn, ct) ?? t["Organisation saved."].Value;
        return LocalRedirect("/admin/organisations");
    }
}
