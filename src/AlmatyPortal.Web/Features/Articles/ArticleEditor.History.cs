using AlmatyPortal.Web.Features.Audit;

namespace AlmatyPortal.Web.Features.Articles;

/// <summary>Going back in an article's history: restoring a revision as a new one, and deleting.</summary>
public sealed partial class ArticleEditor
{
    public async Task<SaveOutcome> RestoreAsync(int articleId, int revisionVersion, int expectedVersion, string user, CancellationToken ct = default)
    {
        var article = await db.Articles.Include(a => a.Tags).FirstOrDefaultAsync(a => a.Id == articleId, ct);
        var revision = await db.ArticleRevisions.AsNoTracking().FirstOrDefaultAsync(r => r.ArticleId == articleId && r.Version == revisionVersion, ct);
        if (article is null || revision is null)
        {
            return new SaveOutcome.NotFound();
        }
        if (article.Version != expectedVersion)
        {
            return await ConflictAsync(article, expectedVersion, ct);
        }
        var rendering = markdown.Render(revision.BodyMarkdown);
        var slugTaken = await db.Articles.AnyAsync(a => a.Language == article.Language && a.Slug == revision.Slug && a.Id != article.Id, ct);
        var oldSlug = article.Slug;
        article.Title = revision.Title;
        article.Slug = slugTaken ? article.Slug : revision.Slug;
        article.Summary = revision.Summary;
        article.BodyMarkdown = revision.BodyMarkdown;
        article.BodyHtml = rendering.Succeeded ? rendering.Html : article.BodyHtml;
        article.SectionId = await db.Sections.AnyAsync(s => s.Id == revision.SectionId, ct) ? revision.SectionId : article.SectionId;
        article.FeaturedImageId = revision.FeaturedImageId is { } image && await db.Media.AnyAsync(m => m.Id == image, ct) ? image : null;
        await SyncTagsAsync(article, SplitTags(revision.Tags), ct);
        await KeepOldAddressAsync(article, oldSlug, ct);
        article.Version++;
        article.UpdatedAt = clock.UtcNow;
        var note = AuditText.Format(AuditText.RestoredVersion, revision.Version);
        await AddRevisionAsync(article, user, note, autosave: false, ct);
        audit.Add(AuditLog.Restore, Describe(article), note);
        return await CommitAsync(article, ct);
    }

    public async Task<bool> DeleteAsync(int articleId, int expectedVersion, CancellationToken ct = default)
    {
        var article = await db.Articles.FirstOrDefaultAsync(a => a.Id == articleId && a.Version == expectedVersion, ct);
        if (article is null)
        {
            return false;
        }
        db.Articles.Remove(article);
        audit.Add(AuditLog.Delete, Describe(article), AuditText.Format(AuditText.DeletedAtVersion, article.Version));
        try
        {
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (DbUpdateConcurrencyException)
        {
            return false;
        }
    }
}
