using AlmatyPortal.Web.Features.Articles;

namespace AlmatyPortal.Web.Areas.Admin.Pages.Articles;

public sealed class HistoryModel(ArticleForms forms, ArticleEditor editor, IStringLocalizer<SharedResource> t) : PageModel
{
    public ArticleState State { get; private set; } = null!;
    public IReadOnlyList<ArticleRevision> Revisions { get; private set; } = [];
    public ArticleRevision? From { get; private set; }
    public ArticleRevision? To { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, int? from, int? to, CancellationToken ct)
    {
        if (await forms.StateAsync(id, ct) is not { } state)
        {
            return NotFound();
        }
        State = state;
        Revisions = await forms.HistoryAsync(id, ct);
        // By default, compare the newest version with the one before it.
        var newest = Revisions.Count > 0 ? Revisions[0].Version : (int?)null;
        var previous = Revisions.Count > 1 ? Revisions[1].Version : (int?)null;
        To = Revisions.FirstOrDefault(r => r.Version == (to ?? newest));
        From = Revisions.FirstOrDefault(r => r.Version == (from ?? previous));
        return Page();
    }

    public async Task<IActionResult> OnPostRestoreAsync(int id, int version, int currentVersion, CancellationToken ct)
    {
        var outcome = await editor.RestoreAsync(id, version, currentVersion, User.Identity!.Name!, ct);
        TempData["Notice"] = outcome switch
        {
            SaveOutcome.Saved saved => t["Version {0} was restored as version {1}.", version, saved.Version].Value,
            SaveOutcome.Conflict => t["Nothing was restored: the article changed since you opened its history. Look again and retry."].Value,
            _ => t["That version does not exist."].Value,
        };
        return outcome is SaveOutcome.NotFound ? NotFound() : LocalRedirect($"/admin/articles/{id}/history");
    }
}
