using System.Globalization;
using AlmatyPortal.Web.Features.News;

namespace AlmatyPortal.Web.Features.Content;

public sealed partial class ContentImporter
{
    private async Task ImportArticleAsync(ArticleFrontMatter meta, string body, string file, ImportReport report, CancellationToken ct)
    {
        Require(!string.IsNullOrWhiteSpace(meta.Title), "the article has no title");
        Require(meta.Title.Length <= Article.TitleMaxLength, $"the title is longer than {Article.TitleMaxLength} characters");
        Require((meta.Summary ?? "").Length <= Article.SummaryMaxLength, $"the summary is longer than {Article.SummaryMaxLength} characters");
        var language = Language(meta.Language, file);
        var slug = string.IsNullOrWhiteSpace(meta.Slug) ? Slug.From(meta.Title) : meta.Slug.Trim();
        RequireSlug(slug);
        Require(!string.IsNullOrWhiteSpace(meta.Section), "the article names no section");
        var section = await db.Sections.FirstOrDefaultAsync(s => s.Slug == meta.Section, ct)
            ?? throw new ContentException($"unknown section '{meta.Section}' (sections are listed in sections.yml)");
        var status = ParseStatus(meta.Status);
        var publishAt = ParsePublishDate(meta.PublishDate);
        Require(status == PublicationStatus.Draft || publishAt is not null, "a published or scheduled article needs a publish_date");
        if (status == PublicationStatus.Published && publishAt > Now)
        {
            status = PublicationStatus.Scheduled;
        }
        var image = meta.Image is null ? null
            : await db.Media.FirstOrDefaultAsync(m => m.Name == Slug.From(Path.GetFileNameWithoutExtension(meta.Image)), ct)
              ?? throw new ContentException($"unknown image '{meta.Image}' (images are listed in media/media.yml)");
        var conferences = new List<Conferences.Conference>();
        foreach (var conferenceSlug in meta.Conferences ?? [])
        {
            conferences.Add(await db.Conferences.FirstOrDefaultAsync(c => c.Slug == conferenceSlug && c.Language == language, ct)
                ?? throw new ContentException($"unknown conference '{conferenceSlug}'"));
        }
        var html = RenderOrThrow(body);
        var source = await TranslationSourceAsync(db.Articles, meta, language, "an article", ct);
        Claim("article", language, slug, file);

        var article = await db.Articles.Include(a => a.Tags)
            .FirstOrDefaultAsync(a => a.Language == language && a.Slug == slug, ct);
        var created = article is null;
        article ??= db.Articles.Add(new Article { Language = language, Slug = slug, CreatedAt = Now }).Entity;
        article.Title = meta.Title.Trim();
        article.Summary = (meta.Summary ?? "").Trim();
        article.BodyMarkdown = body;
        article.BodyHtml = html;
        article.Status = status;
        article.PublishAt = publishAt;
        article.Section = section;
        article.FeaturedImage = image;
        if (source is not null)
        {
            article.TranslationGroup = source.TranslationGroup;
        }
        var collectionsChanged = await LinkConferencesAsync(article, conferences, ct);
        collectionsChanged |= SyncSet(article.Tags, await ResolveTagsAsync(meta.Tags ?? [], ct), t => t.Slug);

        var changed = Changed(article) || collectionsChanged;
        // A translation is in step with the source version it was written against: set when it is created or its
        // own text changes, not when only the source changed (that is what makes it out of date).
        if (source is not null && (created || changed))
        {
            article.TranslatedFromVersion = source.Version;
        }
        if (changed && !created)
        {
            article.UpdatedAt = Now;
            article.Version++;
        }
        else if (created)
        {
            article.UpdatedAt = article.CreatedAt;
        }
        report.Count(created, changed);
    }

    /// <summary>Links the article to exactly these conference records (the link is kept on the conference's side).</summary>
    private async Task<bool> LinkConferencesAsync(Article article, List<Conferences.Conference> wanted, CancellationToken ct)
    {
        var linked = article.Id == 0 ? [] : await db.Conferences
            .Where(c => c.Articles.Any(a => a.Id == article.Id))
            .Include(c => c.Articles.Where(a => a.Id == article.Id))
            .ToListAsync(ct);
        foreach (var conference in linked.Where(c => !wanted.Contains(c)))
        {
            conference.Articles.Remove(article);
        }
        foreach (var conference in wanted.Where(c => !linked.Contains(c)))
        {
            conference.Articles.Add(article);
        }
        return linked.Except(wanted).Any() || wanted.Except(linked).Any();
    }

    private async Task<List<Tag>> ResolveTagsAsync(List<string> names, CancellationToken ct)
    {
        var given = names.Where(n => !string.IsNullOrWhiteSpace(n)).ToList();
        foreach (var name in given)
        {
            Require(Slug.From(name).Length > 0, $"tag '{name}' has no letters or digits");
        }
        return await TagResolver.ResolveAsync(db, given, ct);
    }

    private static DateTime? ParsePublishDate(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }
        string[] formats = ["yyyy-MM-dd'T'HH:mm:sszzz", "yyyy-MM-dd'T'HH:mmzzz", "yyyy-MM-dd'T'HH:mm:ss'Z'"];
        return DateTimeOffset.TryParseExact(value.Trim(), formats, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var moment)
            ? moment.UtcDateTime
            : throw new ContentException($"publish_date '{value}' must look like 2011-03-17T10:00:00+06:00");
    }

    /// <summary>Makes a collection hold exactly the wanted items, touching nothing when it already does.</summary>
    private static bool SyncSet<T, TKey>(List<T> current, List<T> wanted, Func<T, TKey> key)
    {
        var wantedKeys = wanted.Select(key).ToHashSet();
        var currentKeys = current.Select(key).ToHashSet();
        if (wantedKeys.SetEquals(currentKeys) && current.Count == wanted.Count)
        {
            return false;
        }
        current.RemoveAll(item => !wantedKeys.Contains(key(item)));
        current.AddRange(wanted.Where(item => !currentKeys.Contains(key(item))));
        return true;
    }
}
