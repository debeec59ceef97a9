using System.ComponentModel.DataAnnotations;
using AlmatyPortal.Web.Features.Media;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace AlmatyPortal.Web.Areas.Admin.Pages.Media;

public sealed class IndexModel(MediaLibrary library) : PageModel
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
            ModelState.AddModelError(nameof(Upload), "Choose a file to upload.");
        }
        else
        {
            await using var stream = Upload.OpenReadStream();
            var outcome = await library.UploadAsync(stream, Upload.FileName, Details.ToDetails(), ct);
            if (outcome.Asset is { } asset)
            {
                TempData["Notice"] = $"Uploaded {asset.Name}.";
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
            TempData["Notice"] = "Not saved: an image needs alt text (or the decorative mark) and a credit line.";
        }
        else
        {
            TempData["Notice"] = await library.UpdateDetailsAsync(id, details, ct) ? "Saved." : "That item no longer exists.";
        }
        return LocalRedirect("/admin/media");
    }
}
