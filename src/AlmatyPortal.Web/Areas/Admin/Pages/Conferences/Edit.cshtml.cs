using AlmatyPortal.Web.Features.Conferences;

namespace AlmatyPortal.Web.Areas.Admin.Pages.Conferences;

public sealed class EditModel(ConferenceEditor editor, ConferenceForms forms, ConferenceTranslations translations, IStringLocalizer<SharedResource> t) : PageModel
{
    [BindProperty]
    public ConferenceInput Input { get; set; } = new();

    public PublicationStatus? Status { get; private set; }
    public string? Slug { get; private set; }
    public string Language { get; private set; } = Infrastructure.Localization.Languages.Default;

    /// <summary>For a translation: its source record as it stands now, shown beside the form.</summary>
    public ConferenceInput? Source { get; private set; }
    public string SourceLanguage { get; private set; } = Infrastructure.Localization.Languages.Default;
    public string? ConflictWith { get; private set; }
    public ConferenceChoices Choices { get; private set; } = null!;
    public Dictionary<string, int> OtherVersions { get; private set; } = [];
    public int? SourceId { get; private set; }
    public bool IsOutOfDate { get; private set; }
    /// <summary>True for the original of its group, the version translations are made from.</summary>
    public bool IsOriginal => SourceId is null;

    public async Task<IActionResult> OnGetAsync(int? id, CancellationToken ct)
    {
        if (id is { } existing)
        {
            if (await forms.LoadAsync(existing, ct) is not { } loaded)
            {
                return NotFound();
            }
            (Input, Status, Slug, Language) = loaded;
        }
        else
        {
            Input.Language = HttpContext.Language();
        }
        await LoadTranslationStateAsync(id, ct);
        Choices = await forms.ChoicesAsync(ct);
        return Page();
    }

    private async Task LoadTranslationStateAsync(int? id, CancellationToken ct)
    {
        if (id is not { } existing)
        {
            return;
        }
        (OtherVersions, SourceId, IsOutOfDate) = await translations.StateAsync(existing, ct);
        if (SourceId is { } sourceId && await forms.LoadAsync(sourceId, ct) is { } source)
        {
            (Source, SourceLanguage) = (source.Input, source.Language);
        }
    }

    /// <summary>"Translate to Russian": a linked draft copied from this record, opened in the editor.</summary>
    public async Task<IActionResult> OnPostTranslateAsync(int id, string language, CancellationToken ct)
    {
        var translationId = await translations.StartAsync(id, language, ct);
        TempData["Notice"] = translationId is null ? t["Only the original version of a record can be translated."].Value : t["A translation draft was made from the source record."].Value;
        return LocalRedirect($"/admin/conferences/edit/{translationId ?? id}");
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
            if (this.Answer(outcome, intent, "/admin/conferences/edit", t, title => ConflictWith = title) is { } answer)
            {
                return answer;
            }
        }
        if (id is { } existing && await forms.LoadAsync(existing, ct) is { } current)
        {
            (Status, Slug, Language) = (current.Status, current.Slug, current.Language);
        }
        await LoadTranslationStateAsync(id, ct);
        Choices = await forms.ChoicesAsync(ct);
        return Page();
    }
}
