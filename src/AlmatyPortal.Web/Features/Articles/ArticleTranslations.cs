using AlmatyPortal.Web.Features.Audit;
using AlmatyPortal.Web.Features.News;

namespace AlmatyPortal.Web.Features.Articles;

/// <summary>
/// Language versions of an article: starts a translation as a linked draft pre-filled from the source, finds the
/// source beside a translation, and tells which translations fell behind their source. The source of a group is its
/// original, the one version that is not a translation (<see cref="Article.TranslatedFromVersion"/> is null), in
/// whichever language it was written: an English report translated to Russian, or a Russian one to English.
/// </summary>
public sealed class ArticleTranslations(PortalDbContext db, OfficeClock clock)
{
    /// <summary>Creates (or finds) the translation of an original article into another language; returns its id.</summary>
    public async Task<int?> StartAsync(int sourceId, string language, string user, CancellationToken ct = default)
    {
        var source = await db.Articles.Include(a => a.Tags).FirstOrDefaultAsync(a => a.Id == sourceId, ct);
        if (source is null || source.TranslatedFromVersion is not null || !Languages.IsSupported(language) || language == source.Language)
        {
            return null;
        }
        var existing = await db.Articles.Where(a => a.TranslationGroup == source.TranslationGroup && a.Language == language).Select(a => (int?)a.Id).FirstOrDefaultAsync(ct);
        if (existing is not null)
        {
            return existing;
        }
        var slug = await TranslationGroups.FreeSlugAsync(db.Articles, language, source.Slug, ct);
        var now = clock.UtcNow;
        var translation = new Article
        {
            Language = language, TranslationGroup = source.TranslationGroup, TranslatedFromVersion = source.Version,
            Slug = slug, Title = source.Title, Summary = source.Summary, BodyMarkdown = source.BodyMarkdown, BodyHtml = source.BodyHtml,
            SectionId = source.SectionId, FeaturedImageId = source.FeaturedImageId, PublishAt = source.PublishAt,
            Status = PublicationStatus.Draft, CreatedAt = now, UpdatedAt = now, Version = 1, Tags = [.. source.Tags],
        };
        db.Articles.Add(translation);
        var revision = ArticleRevision.Of(translation, translation.Tags, user, now, AuditText.Format(AuditText.TranslationStarted, source.Language, source.Version), autosave: false);
        revision.Article = translation;
        db.ArticleRevisions.Add(revision);
        await db.SaveChangesAsync(ct);
        return translation.Id;
    }

    /// <summary>The original a translation was made from, as it stands now; null for an original.</summary>
    public async Task<ArticleSource?> SourceOfAsync(Guid group, int articleId, bool isTranslation, CancellationToken ct) => !isTranslation ? null
        : await db.Articles.AsNoTracking().Where(a => a.TranslationGroup == group && a.Id != articleId && a.TranslatedFromVersion == null)
            .Select(a => new ArticleSource(a.Id, a.Language, a.Version, a.Title, a.Summary, a.BodyMarkdown)).FirstOrDefaultAsync(ct);

    /// <summary>The other language versions of an article (language → id).</summary>
    public Task<Dictionary<string, int>> VersionsAsync(Guid group, int exceptId, CancellationToken ct) =>
        TranslationGroups.VersionsAsync(db.Articles, group, exceptId, ct);

    /// <summary>Translations whose source has changed since they were last brought in step.</summary>
    public async Task<IReadOnlyList<OutOfDateTranslation>> OutOfDateAsync(CancellationToken ct) =>
        await TranslationGroups.Behind(db.Articles)
            .OrderBy(x => x.Translation.Title)
            .Select(x => new OutOfDateTranslation(x.Translation.Id, x.Translation.Language, x.Translation.Title, x.Original.Id, x.Original.Title,
                x.Translation.TranslatedFromVersion!.Value, x.Original.Version))
            .ToListAsync(ct);
}

public sealed record ArticleSource(int Id, string Language, int Version, string Title, string Summary, string Body);

public sealed record OutOfDateTranslation(int Id, string Language, string Title, int SourceId, string SourceTitle, int TranslatedFromVersion, int SourceVersion);
