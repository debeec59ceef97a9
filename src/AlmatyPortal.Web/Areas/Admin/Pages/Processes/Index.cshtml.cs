using AlmatyPortal.Web.Features.Processes;

namespace AlmatyPortal.Web.Areas.Admin.Pages.Processes;

public sealed class IndexModel(ProcessForms forms) : PageModel
{
    public IReadOnlyList<ProcessRow> Processes { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Processes = await forms.ListAsync(ct);
}
