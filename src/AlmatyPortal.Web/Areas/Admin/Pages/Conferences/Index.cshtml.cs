using AlmatyPortal.Web.Features.Conferences;

namespace AlmatyPortal.Web.Areas.Admin.Pages.Conferences;

public sealed class IndexModel(ConferenceForms forms) : PageModel
{
    public IReadOnlyList<ConferenceRow> Conferences { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Conferences = await forms.ListAsync(ct);
}
