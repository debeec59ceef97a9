using AlmatyPortal.Web.Features.PageCache;
using AlmatyPortal.Web.Features.Processes;
using Microsoft.AspNetCore.OutputCaching;

namespace AlmatyPortal.Web.Pages.Processes;

[OutputCache(PolicyName = PublicPagePolicy.Name)]
public sealed class IndexModel(ProcessQueries processes) : PageModel
{
    public IReadOnlyList<ProcessSummary> Processes { get; private set; } = [];

    public async Task OnGetAsync()
    {
        var ct = this.Aborted();
        Processes = await processes.ListAsync(HttpContext.Language(), ct);
        HttpContext.TagPage(PageTags.Processes(HttpContext.Language()));
    }
}
