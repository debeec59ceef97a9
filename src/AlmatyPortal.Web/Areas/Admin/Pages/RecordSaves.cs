namespace AlmatyPortal.Web.Areas.Admin.Pages;

/// <summary>
/// How a record editor's page (conference, process) answers a save: saved goes back to the record with a notice, a
/// missing record is 404, and a conflict or field errors stay on the page with the editor's input.
/// </summary>
internal static class RecordSaves
{
    /// <summary>The page's answer when the save ended it; null when the page shows again (errors added, or a conflict with its status set).</summary>
    public static IActionResult? Answer(this PageModel page, SaveOutcome outcome, SaveIntent intent, string editPath, IStringLocalizer t, Action<string> conflicted)
    {
        switch (outcome)
        {
            case SaveOutcome.Saved saved:
                page.TempData["Notice"] = intent switch { SaveIntent.Publish => t["Published."].Value, SaveIntent.Unpublish => t["Unpublished."].Value, _ => t["Saved."].Value };
                return new LocalRedirectResult($"{editPath}/{saved.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)}");
            case SaveOutcome.NotFound:
                return new NotFoundResult();
            case SaveOutcome.Conflict conflict:
                conflicted(conflict.CurrentTitle);
                page.Response.StatusCode = StatusCodes.Status409Conflict;
                return null;
            case SaveOutcome.Invalid invalid:
                foreach (var (field, message) in invalid.Errors)
                {
                    page.ModelState.AddModelError(field.Length == 0 ? "" : $"Input.{field}", message);
                }
                return null;
            default:
                return null;
        }
    }
}
