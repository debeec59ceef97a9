using AlmatyPortal.Web.Features.Conferences;

namespace AlmatyPortal.Web.Areas.Admin.Pages.Countries;

public sealed class IndexModel(ReferenceDirectory directory, IStringLocalizer<SharedResource> t) : PageModel
{
    public IReadOnlyList<Country> Countries { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Countries = await directory.CountriesAsync(ct);

    public async Task<IActionResult> OnPostSaveAsync(int? id, string? name, string? iso2, string? iso3,
        [FromForm(Name = "nameIn")] Dictionary<string, string?> nameIn, CancellationToken ct)
    {
        TempData["Notice"] = await directory.SaveCountryAsync(id, name, iso2, iso3, nameIn, ct) ?? t["Country saved."].Value;
        return LocalRedirect("/admin/countries");
    }
}
