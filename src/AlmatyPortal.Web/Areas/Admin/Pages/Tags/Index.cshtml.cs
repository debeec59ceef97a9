using AlmatyPortal.Web.Features.News;

namespace AlmatyPortal.Web.Areas.Admin.Pages.Tags;

public sealed class IndexModel(SiteStructure structure, IStringLocalizer<SharedResource> t) : PageModel
{
    public IReadOnlyList<(Tag Tag, int Articles, string? Language)> Tags { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Tags = await structure.TagsAsync(ct);

    public async Task<IActionResult> OnPostRenameAsync(int id, string? name, CancellationToken ct)
    {
        TempData["Notice"] = await structure.RenameTagAsync(id, name, ct) ?? t["Tag renamed."].Value;
        return LocalRedirect("/admin/tags");
    }

    /// <summary>"Same tag in another language": links this tag with the one chosen, so each tag page links the other.</summary>
    public async Task<IActionResult> OnPostLinkAsync(int id, int? other, CancellationToken ct)
    {
        TempData["Notice"] = await structure.LinkTagAsync(id, other, ct) ?? t["The tags are linked: each tag page now links the other."].Value;
        return LocalRedirect("/admin/tags");
    }

    public async Task<IActionResult> OnPostUnlinkAsync(int id, CancellationToken ct)
    {
        await structure.UnlinkTagAsync(id, ct);
        TempData["Notice"] = t["The tag is no longer linked to another language's tag."].Value;
        return LocalRedirect("/admin/tags");
    }

    public async Task<IActionResult> OnPostDeleteAsync(int id, CancellationToken ct)
    {
        await structure.DeleteTagAsync(id, ct);
        TempData["Notice"] = t["Tag deleted; the articles keep their other tags."].Value;
        return LocalRedirect("/admin/tags");
    }
}
