using AlmatyPortal.Web.Features.Articles;
using AlmatyPortal.Web.Features.Markdown;
using AlmatyPortal.Web.Features.Media;

namespace AlmatyPortal.Web.Areas.Admin.Pages.Articles;

public sealed class EditModel(ArticleEditor editor, ArticleForms forms, ArticleTranslations translations, IStringLocalizer<SharedResource> t) : PageModel
{
    [BindProperty]
    public ArticleInput Input { get; set; } = new();

    /// <summary>A new featured image uploaded with the article instead of picked from the library.</summary>
    [BindProperty]
    public IFormFile? NewImage { get; set; }

    [BindProperty]
    public MediaDetailsInput NewImageDetails { get; set; } = new();

    public ArticleState? State { get; private set; }
    public EditorChoices Choices { get; private set; } = null!;
    public string? PreviewHtml { get; private set; }

    /// <summary>Set when this editor's save met a newer version: what is saved now.</summary>
    public ArticleRevision? Conflict { get; private set; }

    /// <summary>For a translation: its source as it stands now, shown beside the form.</summary>
    public ArticleSource? Source { get; private set; }

    /// <summary>The other language versions (language → article id).</summary>
    public Dictionary<string, int> OtherVersions { get; private set; } = [];

    /// <summary>What the pre-publish checks find in the article as it stands in the form.</summary>
    public IReadOnlyList<PublishProblem> Problems { get; private set; } = [];

    public bool IsOutOfDate => Source is { } source && State?.TranslatedFromVersion is { } followed && source.Version > followed;

    public async Task<IActionResult> OnGetAsync(int? id, CancellationToken ct)
    {
        if (id is { } existing)
        {
            if (await forms.LoadAsync(existing, ct) is not { } loaded)
            {
                return NotFound();
            }
            (Input, State) = loaded;
        }
        else
        {
            // A new article is written in the language the editor works in, unless they choose another.
            Input.Language = HttpContext.Language();
        }
        return await ShowAsync(ct);
    }

    public Task<IActionResult> OnPostSaveAsync(int? id, CancellationToken ct) => SaveAsync(id, SaveIntent.Save, ct);

    public Task<IActionResult> OnPostPublishAsync(int? id, CancellationToken ct) => SaveAsync(id, SaveIntent.Publish, ct);

    public Task<IActionResult> OnPostUnpublishAsync(int? id, CancellationToken ct) => SaveAsync(id, SaveIntent.Unpublish, ct);

    public async Task<IActionResult> OnPostPreviewAsync(int? id, CancellationToken ct)
    {
        Input.Id = id ?? Input.Id;
        ModelState.Clear();
        var rendering = forms.Preview(Input.Body);
        PreviewHtml = rendering.Html;
        if (!rendering.Succeeded)
        {
            ModelState.AddModelError("Input.Body", t[MarkdownRenderer.TooDeeplyNested, MarkdownRenderer.MaxNestingDepth].Value);
        }
        State = await forms.StateAsync(Input.Id, ct);
        return await ShowAsync(ct);
    }

    /// <summary>The editor's script saves drafts here every few seconds; it answers JSON, never a page.</summary>
    public async Task<IActionResult> OnPostAutosaveAsync(int? id, CancellationToken ct)
    {
        Input.Id = id ?? Input.Id;
        var outcome = await editor.SaveAsync(Input, SaveIntent.Autosave, User.Identity!.Name!, ct: ct);
        return outcome switch
        {
            SaveOutcome.Saved s => new JsonResult(new { id = s.Id, version = s.Version, savedAt = DateTime.UtcNow }),
            SaveOutcome.Conflict { Current: ArticleRevision current } => new JsonResult(new { conflict = true, version = current.Version, savedBy = current.SavedBy }) { StatusCode = StatusCodes.Status409Conflict },
            SaveOutcome.Invalid i => new JsonResult(new { errors = i.Errors }) { StatusCode = StatusCodes.Status422UnprocessableEntity },
            _ => NotFound(),
        };
    }

    /// <summary>"Translate to Russian": a linked draft pre-filled from this article, opened in the editor.</summary>
    public async Task<IActionResult> OnPostTranslateAsync(int id, string language, CancellationToken ct)
    {
        var translationId = await translations.StartAsync(id, language, User.Identity!.Name!, ct);
        if (translationId is null)
        {
            TempData["Notice"] = t["Only the original version of an article can be translated."].Value;
            return LocalRedirect($"/admin/articles/edit/{id}");
        }
        TempData["Notice"] = t["A translation draft was made from the source. Translate it beside the original, then save."].Value;
        return LocalRedirect($"/admin/articles/edit/{translationId}");
    }

    public async Task<IActionResult> OnPostDeleteAsync(int id, CancellationToken ct)
    {
        if (!await editor.DeleteAsync(id, Input.Version, ct))
        {
            TempData["Notice"] = t["The article was not deleted: it changed since you opened it, or it is already gone."].Value;
            return LocalRedirect($"/admin/articles/edit/{id}");
        }
        TempData["Notice"] = t["The article was deleted."].Value;
        return LocalRedirect("/admin/articles");
    }

    private async Task<IActionResult> SaveAsync(int? id, SaveIntent intent, CancellationToken ct)
    {
        Input.Id = id ?? Input.Id;
        if (ModelState.IsValid)
        {
            await using var stream = NewImage is { Length: > 0 } ? NewImage.OpenReadStream() : null;
            var image = stream is null ? null : new NewImage(stream, NewImage!.FileName, NewImageDetails.ToDetails());
            var outcome = await editor.SaveAsync(Input, intent, User.Identity!.Name!, image, ct);
            switch (outcome)
            {
                case SaveOutcome.Saved saved:
                    TempData["Notice"] = saved.Status switch
                    {
                        Features.Publishing.PublicationStatus.Published when intent == SaveIntent.Publish => t["Published."].Value,
                        Features.Publishing.PublicationStatus.Scheduled when intent == SaveIntent.Publish => t["Scheduled: it will be published at its publish date."].Value,
                        _ when intent == SaveIntent.Unpublish => t["Unpublished: it is a draft again and no longer public."].Value,
                        _ => t["Saved."].Value,
                    } + (saved.ImageReusedAs is { } reused ? " " + t[Features.Media.MediaLibrary.ReusedNotice, reused].Value : "");
                    return LocalRedirect($"/admin/articles/edit/{saved.Id}");
                case SaveOutcome.NotFound:
                    return NotFound();
                case SaveOutcome.Conflict { Current: ArticleRevision current }:
                    Conflict = current;
                    break;
                case SaveOutcome.Invalid invalid:
                    foreach (var (field, message) in invalid.Errors)
                    {
                        ModelState.AddModelError(field switch { "" => "", Features.Articles.NewImage.Field => nameof(NewImage), _ => $"Input.{field}" }, message);
                    }
                    break;
            }
        }
        State = await forms.StateAsync(Input.Id, ct);
        if (Conflict is not null)
        {
            // The form keeps this editor's text; its version moves to the current one, so saving again is a deliberate merge.
            ModelState.Remove("Input.Version");
            Input.Version = Conflict.Version;
            Response.StatusCode = StatusCodes.Status409Conflict;
        }
        return await ShowAsync(ct);
    }

    private async Task<IActionResult> ShowAsync(CancellationToken ct)
    {
        (Choices, Source, OtherVersions, Problems) = await forms.ScreenAsync(State, Input, ct);
        return Page();
    }
}
