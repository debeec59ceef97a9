using AlmatyPortal.Web.Features.Editing;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace AlmatyPortal.Web.Areas.Admin.Pages.Articles;

public sealed class IndexModel(ArticleForms forms) : PageModel
{
    public IReadOnlyList<ArticleRow> Articles { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Articles = await forms.ListAsync(null, 500, ct);
}
