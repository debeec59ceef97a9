using AlmatyPortal.Web.Features.News;

namespace AlmatyPortal.Web.Areas.Admin.Pages.Tags;

public sealed class IndexModel(SiteStructure structure, IStringLocalizer<SharedResource> t) : PageModel
{
    public IReadOnlyList<(Tag Tag, int Articles)> Tags { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Tags = await structure.TagsAsync(ct);

    public async Task<IActionResult> OnPostRenameAsync(int id, string? name, CancellationToken ct)
    {
        TempData["Notice"] = await structure.RenameTagAsync(id, name, ct) ?? t["Tag renamed."].Value;
        return LocalRedirect("/admin/tags");
    }

    public async Task<IActionResult> OnPostDeleteAsync(int id, CancellationToken ct)
    {
        await structure.DeleteTagAsync(id, ct);
        TempData["Notice"] = t["Tag deleted; the articles keep their other tags."].Value;
        return LocalRedirect("/admin/tags");
    }
}
