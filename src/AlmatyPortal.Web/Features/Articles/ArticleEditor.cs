using System.Globalization;
using AlmatyPortal.Web.Features.Audit;
using AlmatyPortal.Web.Features.Markdown;
using AlmatyPortal.Web.Features.News;

namespace AlmatyPortal.Web.Features.Articles;

/// <summary>
/// Saves, publishes, unpublishes, restores and deletes articles. Every save is checked against the version the editor
/// started from, keeps a revision, and renders the Markdown once.
/// </summary>
public sealed partial class ArticleEditor(PortalDbContext db, MarkdownRenderer markdown, Media.MediaLibrary media, PublishChecks checks, AuditLog audit, OfficeClock clock, IStringLocalizer<SharedResource> t, ILogger<ArticleEditor> logger)
{
    /// <summary>
    /// Validates, applies and commits one save. A new featured image uploaded with it is part of the same unit of
    /// work: it is stored only if the article is, and a refused article leaves no image behind.
    /// </summary>
    public async Task<SaveOutcome> SaveAsync(ArticleInput input, SaveIntent intent, string user, NewImage? image = null, CancellationToken ct = default)
    {
        // The article is read once: its language decides where its slug must be unique, and it is what the save updates.
        var existing = input.Id is { } id ? await db.Articles.Include(a => a.Tags).FirstOrDefaultAsync(a => a.Id == id, ct) : null;
        if (input.Id is not null && existing is null)
        {
            return new SaveOutcome.NotFound();
        }
        // An article keeps the language it was written in; a new one takes the language chosen for it.
        var language = existing?.Language ?? (Languages.IsSupported(input.Language) ? input.Language : Languages.Default);
        var slug = string.IsNullOrWhiteSpace(input.Slug) ? Slug.From(input.Title) : input.Slug.Trim();
        var rendering = markdown.Render(input.Body);
        var errors = await ValidateAsync(input, slug, language, rendering, ct);
        if (errors.Count > 0)
        {
            return new SaveOutcome.Invalid(errors);
        }
        if (existing is not null && existing.Version != input.Version)
        {
            return await ConflictAsync(existing, input.Version, ct);
        }
        if (await BlockedAsync(input, intent, existing?.Status, ct) is { } blocked)
        {
            return blocked;
        }
        var article = existing ?? db.Articles.Add(new Article { Language = language, CreatedAt = clock.UtcNow }).Entity;
        if (intent == SaveIntent.Autosave && article.Status != PublicationStatus.Draft)
        {
            return new SaveOutcome.Invalid(new Dictionary<string, string> { [""] = t["Only drafts are saved automatically; use Update to save a published article."].Value });
        }

        Media.UploadOutcome? upload = null;
        if (image is not null)
        {
            upload = await media.AddAsync(image.Content, image.FileName, image.Details, ct);
            if (upload.Asset is null)
            {
                return new SaveOutcome.Invalid(new Dictionary<string, string> { [NewImage.Field] = upload.Error! });
            }
        }

        var oldSlug = article.Slug;
        article.Title = input.Title.Trim();
        article.Slug = slug;
        article.Summary = (input.Summary ?? "").Trim();
        article.BodyMarkdown = input.Body ?? "";
        article.BodyHtml = rendering.Html;
        article.SectionId = input.SectionId;
        if (upload?.Asset is { } uploaded)
        {
            article.FeaturedImage = uploaded;
        }
        else
        {
            article.FeaturedImageId = input.FeaturedImageId;
        }
        var requested = input.PublishAt is { } local ? clock.ToUtc(local) : (DateTime?)null;
        var note = ApplyStatus(article, intent, requested);
        await SyncTagsAsync(article, input.TagList(), ct);
        await KeepOldAddressAsync(article, oldSlug, ct);

        if (article.TranslatedFromVersion is not null && intent != SaveIntent.Autosave)
        {
            // The translator saved with the source beside them: the translation now follows the source as it is.
            article.TranslatedFromVersion = await TranslationGroups.OriginalVersionAsync(db.Articles, article.TranslationGroup, article.Id, ct)
                ?? article.TranslatedFromVersion;
        }
        article.Version++;
        article.UpdatedAt = clock.UtcNow;
        await AddRevisionAsync(article, user, note, intent == SaveIntent.Autosave, ct);
        AuditStatusChange(intent, article, note);
        if (upload is null)
        {
            return await CommitAsync(article, ct);
        }
        SaveOutcome outcome;
        try
        {
            outcome = await CommitAsync(article, ct);
        }
        catch
        {
            media.Finish(upload, committed: false);
            throw;
        }
        media.Finish(upload, committed: outcome is SaveOutcome.Saved);
        return outcome is SaveOutcome.Saved saved && upload.Reused ? saved with { ImageReusedAs = upload.Asset!.Name } : outcome;
    }

    /// <summary>A save that started from an older version: expected, so one Information line, and the current text for the editor.</summary>
    private async Task<SaveOutcome> ConflictAsync(Article current, int basedOn, CancellationToken ct)
    {
        logger.LogInformation("Save conflict on article {ArticleId}: the edit started from version {BasedOn}, it is now at {Version}",
            current.Id, basedOn, current.Version);
        return new SaveOutcome.Conflict(current.Version, current.Title, await SnapshotAsync(current, ct));
    }

    /// <summary>The article as it stands now, in the shape of a revision, with who saved it last.</summary>
    public async Task<ArticleRevision> SnapshotAsync(Article article, CancellationToken ct)
    {
        var last = await db.ArticleRevisions.AsNoTracking().Where(r => r.ArticleId == article.Id && r.Version == article.Version)
            .Select(r => new { r.SavedBy, r.SavedAt }).FirstOrDefaultAsync(ct);
        var tags = article.Tags.Count > 0 ? article.Tags
            : await db.Articles.Where(a => a.Id == article.Id).SelectMany(a => a.Tags).ToListAsync(ct);
        return ArticleRevision.Of(article, tags, last?.SavedBy ?? "content import", last?.SavedAt ?? article.UpdatedAt, "", autosave: false);
    }

    private string ApplyStatus(Article article, SaveIntent intent, DateTime? requested)
    {
        var now = clock.UtcNow;
        switch (intent)
        {
            case SaveIntent.Publish:
                article.PublishAt = requested ?? (article.Status == PublicationStatus.Published ? article.PublishAt : null) ?? now;
                article.Status = article.PublishAt > now ? PublicationStatus.Scheduled : PublicationStatus.Published;
                return article.Status == PublicationStatus.Scheduled ? "scheduled" : "published";
            case SaveIntent.Unpublish:
                article.PublishAt = requested ?? article.PublishAt;
                article.Status = PublicationStatus.Draft;
                return "unpublished";
            case SaveIntent.Autosave:
                article.PublishAt = requested;
                return "autosaved";
            default:
                article.PublishAt = requested ?? (article.Status == PublicationStatus.Draft ? null : article.PublishAt);
                if (article.Status == PublicationStatus.Scheduled && article.PublishAt is null)
                {
                    article.Status = PublicationStatus.Draft;
                }
                return article.Status == PublicationStatus.Draft ? "saved draft" : "updated";
        }
    }

    private void AuditStatusChange(SaveIntent intent, Article article, string note)
    {
        var action = intent switch
        {
            SaveIntent.Publish when article.Status == PublicationStatus.Scheduled => AuditLog.Schedule,
            SaveIntent.Publish => AuditLog.Publish,
            SaveIntent.Unpublish => AuditLog.Unpublish,
            _ => null,
        };
        if (action is not null)
        {
            audit.Add(action, Describe(article), article.PublishAt is { } at ? AuditText.Format(AuditText.DueAt, note, at.ToString("u", CultureInfo.InvariantCulture)) : note);
        }
    }

    private async Task SyncTagsAsync(Article article, IReadOnlyList<string> names, CancellationToken ct)
    {
        var wanted = await TagResolver.ResolveAsync(db, names, ct);
        article.Tags.RemoveAll(t => !wanted.Contains(t));
        article.Tags.AddRange(wanted.Where(t => !article.Tags.Contains(t)));
    }

    // A published article's old address keeps working: it answers 301 to the new one.
    private async Task KeepOldAddressAsync(Article article, string oldSlug, CancellationToken ct)
    {
        var stale = await db.SlugRedirects.Where(r => r.Language == article.Language && r.OldSlug == article.Slug).ToListAsync(ct);
        db.SlugRedirects.RemoveRange(stale);
        if (oldSlug.Length > 0 && oldSlug != article.Slug && article.Id != 0
            && (article.Status == PublicationStatus.Published || await db.ArticleRevisions.AnyAsync(r => r.ArticleId == article.Id && r.Status == PublicationStatus.Published, ct))
            && !await db.SlugRedirects.AnyAsync(r => r.Language == article.Language && r.OldSlug == oldSlug, ct))
        {
            db.SlugRedirects.Add(new SlugRedirect { Language = article.Language, OldSlug = oldSlug, ArticleId = article.Id });
        }
    }

    private async Task AddRevisionAsync(Article article, string user, string note, bool autosave, CancellationToken ct)
    {
        // Autosaves replace each other, and a named save clears them: the history lists only what editors chose to save.
        if (article.Id != 0)
        {
            db.ArticleRevisions.RemoveRange(await db.ArticleRevisions.Where(r => r.ArticleId == article.Id && r.IsAutosave).ToListAsync(ct));
        }
        var revision = ArticleRevision.Of(article, article.Tags, user, clock.UtcNow, note, autosave);
        revision.Article = article;
        db.ArticleRevisions.Add(revision);
    }

    private async Task<SaveOutcome> CommitAsync(Article article, CancellationToken ct)
    {
        var basedOn = article.Version - 1;
        try
        {
            await db.SaveChangesAsync(ct);
            return new SaveOutcome.Saved(article.Id, article.Version, article.Status, article.Slug);
        }
        catch (DbUpdateException) when (article.Id != 0 || article.Slug.Length > 0)
        {
            // Another save got in first: either its UPDATE moved the version (a concurrency failure), or its revision
            // took this version number (a unique-index failure), or it took the slug. Look at what is there now.
            var (id, language, slug) = (article.Id, article.Language, article.Slug);
            db.ChangeTracker.Clear();
            var current = id == 0 ? null : await db.Articles.Include(a => a.Tags).FirstOrDefaultAsync(a => a.Id == id, ct);
            if (id != 0 && current is null)
            {
                return new SaveOutcome.NotFound();
            }
            if (current is not null && current.Version != basedOn)
            {
                return await ConflictAsync(current, basedOn, ct);
            }
            if (await db.Articles.AnyAsync(a => a.Language == language && a.Slug == slug && a.Id != id, ct))
            {
                return new SaveOutcome.Invalid(new Dictionary<string, string> { [nameof(ArticleInput.Slug)] = t["Another article already uses this slug."].Value });
            }
            throw;
        }
    }


    public static IReadOnlyList<string> SplitTags(string tags) =>
        tags.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);

    private static string Describe(Article article) => AuditText.Format(AuditText.Article, article.Id, article.Slug);
}
