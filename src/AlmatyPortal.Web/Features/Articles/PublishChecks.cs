using AlmatyPortal.Web.Features.Markdown;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace AlmatyPortal.Web.Features.Articles;

/// <summary>
/// The checks an article goes through before it is published: images without alt text or credit, skipped heading
/// levels, vague, empty or broken links, the summary's and title's length, and a translation behind its source. Each
/// problem names its field; the checks an admin chose to block stop Publish, the rest only warn.
/// </summary>
public sealed class PublishChecks(PortalDbContext db, MarkdownRenderer markdown, InternalLinks links, IStringLocalizer<SharedResource> t)
{
    // Link text that says nothing about where the link goes, in the portal's languages.
    private static readonly HashSet<string> VagueWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "here", "click here", "click", "this", "this link", "link", "more", "read more", "click here to read more",
        "здесь", "тут", "нажмите здесь", "нажмите", "ссылка", "по ссылке", "подробнее", "далее", "читать далее", "читать",
    };

    /// <summary>The problems the article as written in the form would be published with.</summary>
    public async Task<IReadOnlyList<PublishProblem>> CheckAsync(ArticleInput input, CancellationToken ct)
    {
        var blocking = await db.Set<PublishCheckSetting>().AsNoTracking().Where(s => s.Blocks).Select(s => s.Check).ToListAsync(ct);
        var found = new List<(PublishCheck Check, string Field, string Message)>();
        void Add(PublishCheck check, string field, string message) => found.Add((check, field, message));

        var title = (input.Title ?? "").Trim();
        if (title.Length > PublishCheckNames.TitleLongerThan)
        {
            Add(PublishCheck.TitleTooLong, nameof(input.Title), t["The title has {0} characters; keep it to {1} so it fits in search results and on phones.", title.Length, PublishCheckNames.TitleLongerThan]);
        }
        var summary = (input.Summary ?? "").Trim();
        if (summary.Length == 0)
        {
            Add(PublishCheck.SummaryMissing, nameof(input.Summary), t["There is no summary; lists, feeds and search results show it under the title."]);
        }
        else if (summary.Length > PublishCheckNames.SummaryLongerThan)
        {
            Add(PublishCheck.SummaryTooLong, nameof(input.Summary), t["The summary has {0} characters; keep it to {1}.", summary.Length, PublishCheckNames.SummaryLongerThan]);
        }
        if (input.FeaturedImageId is { } imageId
            && await db.Media.AsNoTracking().Where(m => m.Id == imageId).Select(m => new { m.Name, m.AltText, m.IsDecorative, m.Credit }).FirstOrDefaultAsync(ct) is { } image)
        {
            if (!image.IsDecorative && string.IsNullOrWhiteSpace(image.AltText))
            {
                Add(PublishCheck.ImageWithoutAltText, nameof(input.FeaturedImageId), t["The featured image “{0}” has no alt text; add it in the media library.", image.Name]);
            }
            if (string.IsNullOrWhiteSpace(image.Credit))
            {
                Add(PublishCheck.ImageWithoutCredit, nameof(input.FeaturedImageId), t["The featured image “{0}” has no credit; add it in the media library.", image.Name]);
            }
        }
        if (markdown.Parse(input.Body) is { } document)
        {
            CheckHeadings(document, Add);
            await CheckBodyAsync(document, Add, ct);
        }
        if (input.Id is { } id && await BehindAsync(id, ct) is { } behind)
        {
            Add(PublishCheck.TranslationBehind, "", t["The source was changed after this translation was last brought in step (translation follows version {0}, the source is at version {1}). Compare them before publishing.", behind.Followed, behind.Source]);
        }
        return found.Select(p => new PublishProblem(p.Check, p.Field, p.Message, blocking.Contains(p.Check))).ToList();
    }

    private void CheckHeadings(MarkdownDocument document, Action<PublishCheck, string, string> add)
    {
        // The page's title is the one h1: the body's headings start at level 2 and go down one level at a time.
        var previous = 1;
        foreach (var heading in document.Descendants<HeadingBlock>())
        {
            if (heading.Level > previous + 1)
            {
                add(PublishCheck.HeadingLevelSkipped, nameof(ArticleInput.Body),
                    t["The heading “{0}” is level {1} after level {2}; use level {3} (“{4}”).", Text(heading.Inline), heading.Level, previous, previous + 1, new string('#', previous + 1)]);
            }
            previous = heading.Level;
        }
    }

    private async Task CheckBodyAsync(MarkdownDocument document, Action<PublishCheck, string, string> add, CancellationToken ct)
    {
        const string body = nameof(ArticleInput.Body);
        var mediaImages = new List<string>();
        foreach (var link in document.Descendants<LinkInline>())
        {
            var text = Text(link).Trim();
            var url = (link.Url ?? "").Trim();
            if (link.IsImage)
            {
                if (text.Length == 0)
                {
                    add(PublishCheck.ImageWithoutAltText, body, t["The image {0} in the body has no alt text: write it between the brackets, ![like this]({0}).", url]);
                }
                if (InternalLinks.MediaFile(url) is { } file)
                {
                    mediaImages.Add(file);
                }
                continue;
            }
            if (text.Length == 0 || url.Length == 0)
            {
                add(PublishCheck.EmptyLink, body, text.Length == 0
                    ? t["A link to {0} has no text; say where it leads.", url.Length == 0 ? "—" : url]
                    : t["The link “{0}” has no address.", text]);
                continue;
            }
            if (VagueWords.Contains(text.TrimEnd('.', '!', '…', ':')))
            {
                add(PublishCheck.VagueLinkText, body, t["The link text “{0}” does not say where it leads; name the page instead.", text]);
            }
            if (InternalLinks.IsInternal(url) && !await links.ExistsAsync(url, ct))
            {
                add(PublishCheck.BrokenInternalLink, body, t["The link “{0}” leads to {1}, which is not a published page on this site.", text, url]);
            }
        }
        if (mediaImages.Count > 0)
        {
            var uncredited = await db.Media.AsNoTracking().Where(m => mediaImages.Contains(m.FileName) && m.Credit == "").Select(m => m.FileName).ToListAsync(ct);
            foreach (var file in uncredited)
            {
                add(PublishCheck.ImageWithoutCredit, body, t["The image {0} in the body has no credit; add it in the media library.", SitePaths.Media(file)]);
            }
        }
    }

    private async Task<(int Followed, int Source)?> BehindAsync(int id, CancellationToken ct)
    {
        var self = await db.Articles.AsNoTracking().Where(a => a.Id == id).Select(a => new { a.TranslationGroup, a.TranslatedFromVersion }).FirstOrDefaultAsync(ct);
        if (self?.TranslatedFromVersion is not { } followed)
        {
            return null;
        }
        var source = await TranslationGroups.OriginalVersionAsync(db.Articles.AsNoTracking(), self.TranslationGroup, id, ct);
        return source > followed ? (followed, source.Value) : null;
    }

    private static string Text(ContainerInline? inline) =>
        inline is null ? "" : string.Concat(inline.Descendants<LiteralInline>().Select(l => l.Content.ToString())
            .Concat(inline.Descendants<CodeInline>().Select(c => c.Content)));
}
