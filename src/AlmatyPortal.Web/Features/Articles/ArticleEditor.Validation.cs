using AlmatyPortal.Web.Features.Markdown;
using AlmatyPortal.Web.Features.News;

namespace AlmatyPortal.Web.Features.Articles;

/// <summary>What the article editor checks before a save applies anything: every field, with a localized message each, and the pre-publish checks an admin made blocking.</summary>
public sealed partial class ArticleEditor
{
    private async Task<Dictionary<string, string>> ValidateAsync(ArticleInput input, string slug, string language, MarkdownRendering rendering, CancellationToken ct)
    {
        var errors = new Dictionary<string, string>();
        if (string.IsNullOrWhiteSpace(input.Title))
        {
            errors[nameof(input.Title)] = t["Enter a title."].Value;
        }
        else if (input.Title.Trim().Length > Article.TitleMaxLength)
        {
            errors[nameof(input.Title)] = t["The title can have at most {0} characters.", Article.TitleMaxLength].Value;
        }
        if ((input.Summary ?? "").Trim().Length > Article.SummaryMaxLength)
        {
            errors[nameof(input.Summary)] = t["The summary can have at most {0} characters.", Article.SummaryMaxLength].Value;
        }
        if ((input.Body ?? "").Length > ArticleInput.BodyMaxLength)
        {
            errors[nameof(input.Body)] = t["The body can have at most {0} characters.", ArticleInput.BodyMaxLength].Value;
        }
        else if (!rendering.Succeeded)
        {
            errors[nameof(input.Body)] = t[MarkdownRenderer.TooDeeplyNested, MarkdownRenderer.MaxNestingDepth].Value;
        }
        if (!Slug.IsValid(slug))
        {
            errors[nameof(input.Slug)] = t["Use lower-case letters, digits and single hyphens, like regional-conference-2011."].Value;
        }
        else if (await db.Articles.AnyAsync(a => a.Language == language && a.Slug == slug && a.Id != (input.Id ?? 0), ct))
        {
            errors[nameof(input.Slug)] = t["Another article already uses this slug."].Value;
        }
        if (!await db.Sections.AnyAsync(s => s.Id == input.SectionId, ct))
        {
            errors[nameof(input.SectionId)] = t["Choose a section."].Value;
        }
        if (input.FeaturedImageId is { } image && !await db.Media.AnyAsync(m => m.Id == image && m.ContentType.StartsWith("image/"), ct))
        {
            errors[nameof(input.FeaturedImageId)] = t["Choose an image from the media library."].Value;
        }
        var tags = input.TagList();
        if (tags.Count > 20 || tags.Any(t => t.Length > 80 || Slug.From(t).Length == 0))
        {
            errors[nameof(input.Tags)] = t["Use at most 20 tags, separated by commas, each with letters or digits and at most 80 characters."].Value;
        }
        return errors;
    }

    /// <summary>
    /// A save that makes the article public (Publish, or Update of a published or scheduled one) is refused while a
    /// check an admin set to block finds a problem; the editor sees each problem on its field.
    /// </summary>
    private async Task<SaveOutcome.Invalid?> BlockedAsync(ArticleInput input, SaveIntent intent, PublicationStatus? status, CancellationToken ct)
    {
        var goesPublic = intent == SaveIntent.Publish || intent == SaveIntent.Save && status is PublicationStatus.Published or PublicationStatus.Scheduled;
        if (!goesPublic)
        {
            return null;
        }
        var blocking = (await checks.CheckAsync(input, ct)).Where(p => p.Blocks).ToList();
        if (blocking.Count == 0)
        {
            return null;
        }
        logger.LogInformation("Publishing article {ArticleId} refused by {Checks}", input.Id, string.Join(", ", blocking.Select(p => p.Check).Distinct()));
        return new SaveOutcome.Invalid(blocking.GroupBy(p => p.Field).ToDictionary(g => g.Key,
            g => t["Not published: {0}", string.Join(" ", g.Select(p => p.Message))].Value));
    }
}
