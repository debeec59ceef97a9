using System.ComponentModel.DataAnnotations;
using AlmatyPortal.Web.Features.Media;

namespace AlmatyPortal.Web.Areas.Admin.Pages.Media;

public sealed class IndexModel(MediaLibrary library, IStringLocalizer<SharedResource> t) : PageModel
{
    [BindProperty]
    [Display(Name = "File")]
    public IFormFile? Upload { get; set; }

    [BindProperty]
    public MediaDetailsInput Details { get; set; } = new();

    public IReadOnlyList<MediaAsset> Items { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Items = await library.ListAsync(ct);

    public async Task<IActionResult> OnPostUploadAsync(CancellationToken ct)
    {
        if (Upload is null || Upload.Length == 0)
        {
            ModelState.AddModelError(nameof(Upload), t["Choose a file to upload."].Value);
        }
        else if (!ModelState.IsValid || Details.AltIn.Values.Any(v => v?.Length > MediaDetailsInput.MaxAltLength))
        {
            ModelState.AddModelError(nameof(Upload), t["Not saved: alt text can have at most 500 characters, and credit, photographer and licence 200."].Value);
        }
        else
        {
            await using var stream = Upload.OpenReadStream();
            var outcome = await library.UploadAsync(stream, Upload.FileName, Details.ToDetails(), ct);
            if (outcome.Asset is { } asset)
            {
                TempData["Notice"] = outcome.Reused ? t[MediaLibrary.ReusedNotice, asset.Name].Value : t["Uploaded {0}.", asset.Name].Value;
                return LocalRedirect("/admin/media");
            }
            ModelState.AddModelError(nameof(Upload), outcome.Error!);
        }
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        Items = await library.ListAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostUpdateAsync(int id, CancellationToken ct)
    {
        var details = Details.ToDetails();
        if (!details.IsDecorative && string.IsNullOrWhiteSpace(details.AltText) || string.IsNullOrWhiteSpace(details.Credit))
        {
            TempData["Notice"] = t["Not saved: an image needs alt text (or the decorative mark) and a credit line."].Value;
        }
        else if (!ModelState.IsValid || Details.AltIn.Values.Any(v => v?.Length > MediaDetailsInput.MaxAltLength))
        {
            TempData["Notice"] = t["Not saved: alt text can have at most 500 characters, and credit, photographer and licence 200."].Value;
        }
        else
        {
            TempData["Notice"] = await library.UpdateDetailsAsync(id, details, ct) ? t["Saved."].Value : t["That item no longer exists."].Value;
        }
        return LocalRedirect("/admin/media");
    }
}
