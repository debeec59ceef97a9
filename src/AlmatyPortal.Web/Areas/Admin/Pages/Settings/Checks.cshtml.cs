using AlmatyPortal.Web.Features.Articles;

namespace AlmatyPortal.Web.Areas.Admin.Pages.Settings;

public sealed class ChecksModel(PublishCheckSettings settings, IStringLocalizer<SharedResource> t) : PageModel
{
    /// <summary>The checks that block publishing.</summary>
    [BindProperty]
    public List<PublishCheck> Blocking { get; set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Blocking = [.. await settings.BlockingAsync(ct)];

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!ModelState.IsValid)
        {
            TempData["Notice"] = t["Nothing was changed: choose checks from the list."].Value;
            return LocalRedirect("/admin/settings/checks");
        }
        TempData["Notice"] = await settings.SaveAsync(Blocking, ct)
            ? t["Saved. Checks marked to block now stop Publish; the others only warn."].Value
            : t["Another admin saved these settings at the same moment; nothing of yours was changed. Look and save again."].Value;
        return LocalRedirect("/admin/settings/checks");
    }
}
