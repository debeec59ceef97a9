
namespace AlmatyPortal.Web.Areas.Admin.Pages;

public sealed class IndexModel(Dashboard dashboard) : PageModel
{
    public DashboardView View { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken ct) => View = await dashboard.LoadAsync(ct);
}
