using AlmatyPortal.Web.Features.Processes;

namespace AlmatyPortal.Web.Areas.Admin.Pages.Processes;

public sealed class EditModel(ProcessEditor editor, ProcessForms forms, IStringLocalizer<SharedResource> t) : PageModel
{
    [BindProperty]
    public ProcessInput Input { get; set; } = new();

    /// <summary>The record as saved; null for a new one.</summary>
    public ProcessState? State { get; private set; }
    public ProcessChoices Choices { get; private set; } = null!;
    public Dictionary<string, int> OtherVersions { get; private set; } = [];
    public int? SourceId { get; private set; }
    public bool IsOutOfDate { get; private set; }
    public string? ConflictWith { get; private set; }

    public async Task<IActionResult> OnGetAsync(int? id, CancellationToken ct)
    {
        if (id is { } existing)
        {
            State = await forms.LoadAsync(existing, ct);
            if (State is null)
            {
                return NotFound();
            }
            Input = State.Input;
        }
        else
        {
            Input.Language = HttpContext.Language();
        }
        return await ShowAsync(id, ct);
    }

    /// <summary>"Translate to Russian": a linked draft copied from this record, opened in the editor.</summary>
    public async Task<IActionResult> OnPostTranslateAsync(int id, string language, CancellationToken ct)
    {
        var translationId = await forms.TranslateAsync(id, language, ct);
        TempData["Notice"] = translationId is null ? t["Only the original version of a record can be translated."].Value : t["A translation draft was made from the source record."].Value;
        return LocalRedirect($"/admin/processes/edit/{translationId ?? id}");
    }

    public Task<IActionResult> OnPostSaveAsync(int? id, CancellationToken ct) => SaveAsync(id, SaveIntent.Save, ct);

    public Task<IActionResult> OnPostPublishAsync(int? id, CancellationToken ct) => SaveAsync(id, SaveIntent.Publish, ct);

    public Task<IActionResult> OnPostUnpublishAsync(int? id, CancellationToken ct) => SaveAsync(id, SaveIntent.Unpublish, ct);

    private async Task<IActionResult> SaveAsync(int? id, SaveIntent intent, CancellationToken ct)
    {
        Input.Id = id;
        if (ModelState.IsValid)
        {
            var outcome = await editor.SaveAsync(Input, intent, User.Identity!.Name!, ct);
            if (this.Answer(outcome, intent, "/admin/processes/edit", t, title => ConflictWith = title) is { } answer)
            {
                return answer;
            }
        }
        State = id is { } existing ? await forms.LoadAsync(existing, ct) : null;
        return await ShowAsync(id, ct);
    }

    private async Task<IActionResult> ShowAsync(int? id, CancellationToken ct)
    {
        if (id is { } existing && State is { } state)
        {
            (OtherVersions, SourceId, IsOutOfDate) = await forms.TranslationStateAsync(state, existing, ct);
        }
        Choices = await forms.ChoicesAsync(ct);
        return Page();
    }
}
