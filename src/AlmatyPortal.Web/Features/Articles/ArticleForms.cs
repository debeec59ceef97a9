using AlmatyPortal.Web.Features.News;

namespace AlmatyPortal.Web.Features.Articles;

/// <summary>The reads behind the admin article pages: the form's contents, its choices, lists and history.</summary>
public sealed class ArticleForms(PortalDbContext db, OfficeClock clock, ArticleTranslations translations, PublishChecks checks, Markdown.MarkdownRenderer markdown)
{
    /// <summary>
    /// What the editor page shows around the form: its choices, what the pre-publish checks find in the text as it
    /// stands in the form, and, for a saved article, its translation state. A blank new form has nothing to check yet.
    /// </summary>
    public async Task<EditorScreen> ScreenAsync(ArticleState? state, ArticleInput input, CancellationToken ct)
    {
        var choices = await ChoicesAsync(ct);
        var problems = state is null && string.IsNullOrWhiteSpace(input.Title) && string.IsNullOrWhiteSpace(input.Body) ? [] : await checks.CheckAsync(input, ct);
        if (state is null)
        {
            return new EditorScreen(choices, null, [], problems);
        }
        var source = await translations.SourceOfAsync(state.TranslationGroup, state.Id, state.TranslatedFromVersion is not null, ct);
        return new EditorScreen(choices, source, await translations.VersionsAsync(state.TranslationGroup, state.Id, ct), problems);
    }

    /// <summary>The body as the public page would show it, through the one Markdown pipeline.</summary>
    public Markdown.MarkdownRendering Preview(string? body) => markdown.Render(body);

    public async Task<(ArticleInput Input, ArticleState State)?> LoadAsync(int id, CancellationToken ct)
    {
        var article = await db.Articles.AsNoTracking().Include(a => a.Tags).FirstOrDefaultAsync(a => a.Id == id, ct);
        if (article is null)
        {
            return null;
        }
        var input = new ArticleInput
        {
            Id = article.Id,
            Version = article.Version,
            Language = article.Language,
            Title = article.Title,
            Slug = article.Slug,
            Summary = article.Summary,
            Body = article.BodyMarkdown,
            SectionId = article.SectionId,
            Tags = string.Join(", ", article.Tags.Select(t => t.Name).Order(StringComparer.Ordinal)),
            FeaturedImageId = article.FeaturedImageId,
            PublishAt = article.PublishAt is { } at ? clock.ToLocal(at) : null,
        };
        return (input, new ArticleState(article.Id, article.Status, article.Slug, article.Version, article.PublishAt, article.UpdatedAt, article.Language, article.TranslationGroup, article.TranslatedFromVersion));
    }

    public async Task<ArticleState?> StateAsync(int? id, CancellationToken ct) => id is null ? null
        : await db.Articles.AsNoTracking().Where(a => a.Id == id)
            .Select(a => new ArticleState(a.Id, a.Status, a.Slug, a.Version, a.PublishAt, a.UpdatedAt, a.Language, a.TranslationGroup, a.TranslatedFromVersion)).FirstOrDefaultAsync(ct);

    public async Task<EditorChoices> ChoicesAsync(CancellationToken ct)
    {
        var sections = await db.Sections.AsNoTracking().Select(s => new SectionNode(s.Id, s.Slug, s.Name, s.ParentId)).ToListAsync(ct);
        var images = await db.Media.AsNoTracking().Where(m => m.ContentType.StartsWith("image/")).OrderByDescending(m => m.CreatedAt)
            .Select(m => new ImageChoice(m.Id, m.Name, m.FileName, m.AltText, m.Credit)).ToListAsync(ct);
        var ordered = sections.Where(s => s.ParentId is null).SelectMany(root => Flatten(sections, root, 0)).ToList();
        return new EditorChoices(ordered, images);
    }

    private static IEnumerable<(SectionNode Section, int Depth)> Flatten(List<SectionNode> all, SectionNode node, int depth) =>
        new[] { (node, depth) }.Concat(all.Where(s => s.ParentId == node.Id).SelectMany(c => Flatten(all, c, depth + 1)));

    public async Task<IReadOnlyList<ArticleRow>> ListAsync(PublicationStatus? status, int take, CancellationToken ct)
    {
        var query = db.Articles.AsNoTracking();
        if (status is { } s)
        {
            query = query.Where(a => a.Status == s);
        }
        query = status == PublicationStatus.Scheduled ? query.OrderBy(a => a.PublishAt)
            : status == PublicationStatus.Published ? query.OrderByDescending(a => a.PublishAt)
            : query.OrderByDescending(a => a.UpdatedAt);
        return await query.Take(take)
            .Select(a => new ArticleRow(a.Id, a.Title, a.Slug, a.Language, a.Status, a.PublishAt, a.UpdatedAt)).ToListAsync(ct);
    }

    public async Task<IReadOnlyList<ArticleRevision>> HistoryAsync(int articleId, CancellationToken ct) =>
        await db.ArticleRevisions.AsNoTracking().Where(r => r.ArticleId == articleId && !r.IsAutosave)
            .OrderByDescending(r => r.Version).ToListAsync(ct);
}

/// <summary>Where an article stands, for the editor's buttons and messages.</summary>
public sealed record ArticleState(int Id, PublicationStatus Status, string Slug, int Version, DateTime? PublishAt, DateTime UpdatedAt,
    string Language, Guid TranslationGroup, int? TranslatedFromVersion);

/// <summary>The sections and images an editor can pick from.</summary>
public sealed record EditorChoices(IReadOnlyList<(SectionNode Section, int Depth)> Sections, IReadOnlyList<ImageChoice> Images);

public sealed record ImageChoice(int Id, string Name, string FileName, string AltText, string Credit);

public sealed record ArticleRow(int Id, string Title, string Slug, string Language, PublicationStatus Status, DateTime? PublishAt, DateTime UpdatedAt);

/// <summary>The editor page around the form: the section and image choices, the source of a translation, the other language versions and the pre-publish problems.</summary>
public sealed record EditorScreen(EditorChoices Choices, ArticleSource? Source, Dictionary<string, int> OtherVersions, IReadOnlyList<PublishProblem> Problems);
