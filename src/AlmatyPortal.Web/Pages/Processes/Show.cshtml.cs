using AlmatyPortal.Web.Features.PageCache;
using AlmatyPortal.Web.Features.Processes;
using Microsoft.AspNetCore.OutputCaching;

namespace AlmatyPortal.Web.Pages.Processes;

[OutputCache(PolicyName = PublicPagePolicy.Name)]
public sealed class ShowModel(ProcessQueries processes, PageHeads heads) : PageModel
{
    public ProcessView Process { get; private set; } = null!;
    public Dictionary<string, string> Translations => Process.Translations;
    public PageHead Head { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync()
    {
        var (slug, ct) = (this.Slug(), this.Aborted());
        var process = await processes.ProcessAsync(HttpContext.Language(), slug, ct);
        if (process is null)
        {
            return NotFound();
        }
        Process = process;
        Head = heads.ForProcess(process);
        HttpContext.TagPage(ProcessTimeline.PageTagsOf(process));
        return Page();
    }
}
