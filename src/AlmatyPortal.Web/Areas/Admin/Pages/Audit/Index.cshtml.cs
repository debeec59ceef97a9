using AlmatyPortal.Web.Features.Audit;

namespace AlmatyPortal.Web.Areas.Admin.Pages.Audit;

public sealed class IndexModel(AuditLog audit) : PageModel
{
    private const int PageSize = 100;

    public IReadOnlyList<AuditEntry> Entries { get; private set; } = [];
    public int PageNumber { get; private set; }
    public bool HasMore { get; private set; }

    public async Task<IActionResult> OnGetAsync([FromQuery] int page = 1, CancellationToken ct = default)
    {
        if (page < 1 || !ModelState.IsValid)
        {
            return NotFound();
        }
        PageNumber = page;
        (Entries, HasMore) = await audit.PageAsync(page, PageSize, ct);
        return Page();
    }
}
