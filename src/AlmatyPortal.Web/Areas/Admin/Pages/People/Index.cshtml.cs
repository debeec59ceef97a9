using AlmatyPortal.Web.Features.Conferences;

namespace AlmatyPortal.Web.Areas.Admin.Pages.People;

public sealed class IndexModel(ReferenceDirectory directory, IStringLocalizer<SharedResource> t) : PageModel
{
    public IReadOnlyList<Person> People { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => People = await directory.PeopleAsync(ct);

    public async Task<IActionResult> OnPostSaveAsync(int? id, string? name, [FromForm(Name = "nameIn")] Dictionary<string, string?> nameIn, CancellationToken ct)
    {
        TempData["Notice"] = await directory.SavePersonAsync(id, name, nameIn, ct) ?? t["Person saved."].Value;
        return LocalRedirect("/admin/people");
    }
}
