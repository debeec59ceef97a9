using AlmatyPortal.Web.Features.Audit;
using AlmatyPortal.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace AlmatyPortal.Web.Areas.Admin.Pages.Audit;

public sealed class IndexModel(PortalDbContext db) : PageModel
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
        var entries = await db.AuditEntries.AsNoTracking().OrderByDescending(a => a.At).ThenByDescending(a => a.Id)
            .Skip((page - 1) * PageSize).Take(PageSize + 1).ToListAsync(ct);
        HasMore = entries.Count > PageSize;
        Entries = entries.Take(PageSize).ToList();
        return Page();
    }
}
