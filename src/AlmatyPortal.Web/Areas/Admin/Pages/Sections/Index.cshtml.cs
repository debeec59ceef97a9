using AlmatyPortal.Web.Features.News;

namespace AlmatyPortal.Web.Areas.Admin.Pages.Sections;

public sealed class IndexModel(SiteStructure structure, IStringLocalizer<SharedResource> t) : PageModel
{
    public IReadOnlyList<(Section Section, int Articles)> Sections { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Sections = await structure.SectionsAsync(ct);

    public async Task<IActionResult> OnPostSaveAsync(int? id, string? name, string? slug, int? parentId, [FromForm(Name = "nameIn")] Dictionary<string, string?> nameIn, CancellationToken ct) =>
        Done(await structure.SaveSectionAsync(id, name, slug, parentId, nameIn, ct), t["Section saved."].Value);

    public async Task<IActionResult> OnPostDeleteAsync(int id, CancellationToken ct) =>
        Done(await structure.DeleteSectionAsync(id, ct), t["Section deleted."].Value);

    private LocalRedirectResult Done(string? error, string success)
    {
        TempData["Notice"] = error ?? success;
        return LocalRedirect("/admin/sections");
    }
}
