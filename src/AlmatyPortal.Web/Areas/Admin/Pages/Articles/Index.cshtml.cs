using AlmatyPortal.Web.Features.Articles;

namespace AlmatyPortal.Web.Areas.Admin.Pages.Articles;

public sealed class IndexModel(ArticleForms forms) : PageModel
{
    public IReadOnlyList<ArticleRow> Articles { get; private set; } = [];

    /// <summary>The status shown, or null for every article (also when the address names no known status).</summary>
    public PublicationStatus? Status { get; private set; }

    public async Task OnGetAsync(string? status, CancellationToken ct)
    {
        Status = Enum.TryParse<PublicationStatus>(status, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) ? parsed : null;
        Articles = await forms.ListAsync(Status, 500, ct);
    }
}
